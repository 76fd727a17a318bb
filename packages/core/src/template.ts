import { Codes } from './codes.js';
import { HookmapError, RenderError, templateLimitError } from './errors.js';
import { RenderState } from './evaluate/state.js';
import { withCustomFilters } from './filters/index.js';
import { resolveLimits } from './limits.js';
import { compileNode } from './compile/template.js';
import { compileExpr } from './compile/expression.js';
import { parseExpression } from './syntax/parser.js';
import { OMIT, type CompileEnv, type RenderNode, type Scope, type TextGuard } from './compile/env.js';
import type {
  CompileOptions,
  CompiledTemplate,
  Diagnostic,
  JsonValue,
  RenderOptions,
  RenderResult,
} from './types.js';

function newEnv(options: CompileOptions | undefined, errors: Diagnostic[] | null): CompileEnv {
  return {
    mode: options?.delimiters ?? 'both',
    limits: resolveLimits(options?.limits),
    filters: withCustomFilters(options?.filters),
    frames: [],
    pointer: '',
    source: '',
    key: false,
    references: new Set(),
    errors,
    budget: { size: 0 },
    guard: null,
  };
}

class Compiled implements CompiledTemplate {
  constructor(
    readonly source: JsonValue | string,
    readonly references: string[],
    private readonly root: RenderNode,
    private readonly options: CompileOptions | undefined,
  ) {}

  render(context: object, options?: RenderOptions): JsonValue {
    return this.run(context, options, null);
  }

  renderWithDiagnostics(context: object, options?: RenderOptions): RenderResult {
    const diagnostics: Diagnostic[] = [];
    const value = this.run(context, options, diagnostics);
    return { value, diagnostics };
  }

  private run(
    context: object,
    options: RenderOptions | undefined,
    diagnostics: Diagnostic[] | null,
  ): JsonValue {
    if (typeof context !== 'object' || context === null) {
      throw new RenderError(
        Codes.INVALID_TEMPLATE,
        'render needs a context object (the payload or a provider context).',
      );
    }
    const limits =
      options?.limits || this.options?.limits
        ? resolveLimits(this.options?.limits, options?.limits)
        : DEFAULTS;
    const state = new RenderState(limits, options?.missing ?? 'null', diagnostics);
    const value = this.root({ ctx: context as Record<string, unknown>, vars: null, parent: null }, state);
    return (value === OMIT ? null : value) as JsonValue;
  }
}

const DEFAULTS = resolveLimits();

/** Compiles a JSON template (or a string template) once; render it many times. Throws TemplateError. */
export function compile(template: JsonValue | string, options?: CompileOptions): CompiledTemplate {
  const env = newEnv(options, null);
  const root = compileRoot(template, env);
  return new Compiled(template, [...env.references], root, options);
}

/**
 * A string template whose inserted texts each pass `guard.check` as they are rendered (header values:
 * checking the pieces spares flattening and scanning the whole value on every render).
 */
export function compileTextGuarded(template: string, guard: TextGuard): CompiledTemplate {
  const env = newEnv(undefined, null);
  env.guard = guard;
  const root = compileRoot(template, env);
  return new Compiled(template, [...env.references], root, undefined);
}

/** Compile and render in one call. */
export function render(
  template: JsonValue | string,
  context: object,
  options?: RenderOptions & CompileOptions,
): JsonValue {
  return compile(template, options).render(context, options);
}

/** Every syntax and compile problem at once, as diagnostics; never throws. */
export function validate(template: JsonValue | string, options?: CompileOptions): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const env = newEnv(options, errors);
  try {
    compileRoot(template, env);
  } catch (e) {
    if (e instanceof HookmapError) errors.push(e.toDiagnostic());
    else
      errors.push({
        severity: 'error',
        code: Codes.INVALID_TEMPLATE,
        message: `Template could not be compiled: ${(e as Error).message}`,
        path: '',
        start: 0,
        end: 0,
      });
  }
  return errors;
}

function compileRoot(template: JsonValue | string, env: CompileEnv): RenderNode {
  if (typeof template === 'string' && template.length > env.limits.maxTemplateBytes) {
    throw templateLimitError(
      Codes.TEMPLATE_TOO_LARGE,
      'maxTemplateBytes',
      `Template is larger than the limit maxTemplateBytes (${env.limits.maxTemplateBytes} bytes). Split it, or raise the limit.`,
    );
  }
  return compileNode(template, env, 0);
}

/**
 * One expression (no delimiters) prepared for repeated evaluation against different roots;
 * returns `undefined` when it does not resolve. Used for URL placeholders.
 */
export function compileExpressionAt(
  source: string,
  offset: number,
  pointer: string,
  options?: CompileOptions,
): (context: Record<string, unknown>) => unknown {
  const env = newEnv(options, null);
  env.pointer = pointer;
  env.source = ' '.repeat(offset) + source;
  const evaluate = compileExpr(parseExpression(source, offset, env.limits.maxDepth), env);
  // One scope and one state per expression, reset per call: an evaluation keeps neither, and none
  // starts another of the same expression while it runs.
  const scope: Scope = { ctx: {}, vars: null, parent: null };
  const state = new RenderState(DEFAULTS, 'null', null);
  return (ctx) => {
    scope.ctx = ctx;
    state.output = 0;
    state.iterations = 0;
    return evaluate(scope, state);
  };
}
