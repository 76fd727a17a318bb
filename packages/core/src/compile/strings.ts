import { TemplateError } from '../errors.js';
import { toText } from '../evaluate/text.js';
import { mayContainPlaceholder, scan, type ExprSegment, type Segment } from '../syntax/scan.js';
import { parseExpression } from '../syntax/parser.js';
import { compileExpr } from './expression.js';
import { run, type Placeholder } from './run.js';
import { wholeValue } from './whole.js';
import { OMIT, withSource, type CompileEnv, type Evaluator, type RenderNode, type TextGuard } from './env.js';

/**
 * Compiles one template string (value or key). SPEC §3: exactly one placeholder is a whole
 * value and keeps its type; otherwise placeholders are interpolated as text.
 */
export function compileString(text: string, env: CompileEnv): RenderNode {
  const compiled = compileText(text, env);
  return typeof compiled === 'string' ? () => compiled : compiled;
}

/** Like compileString, but a string without placeholders comes back as its literal text. */
export function compileText(text: string, env: CompileEnv): string | RenderNode {
  if (!mayContainPlaceholder(text, env.mode)) return text;
  const segments = scanOrRecord(text, env);
  if (!segments) return text;
  const parts = segments.map((seg) =>
    seg.kind === 'text' ? seg.value : compilePlaceholder(seg, withSource(env, text)),
  );
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined && typeof only !== 'string' && !env.key) return wholeValue(only, env);
  if (parts.every((p) => typeof p === 'string')) return (parts as string[]).join('');
  return interpolation(parts as (string | Placeholder)[], env.pointer, env.key, env.guard);
}

/**
 * Compiles a string that must be a single expression (the `$if` / `$each` operand), giving
 * its raw value with no missing policy: unresolved stays `undefined`.
 */
export function compileOperand(text: string, env: CompileEnv, strict: boolean): Evaluator | null {
  if (!mayContainPlaceholder(text, env.mode)) return null;
  const segments = scanOrRecord(text, env);
  if (!segments || segments.length !== 1 || segments[0]?.kind !== 'expr') return null;
  const p = compilePlaceholder(segments[0], withSource(env, text));
  const pointer = env.pointer;
  return (s, st) => (st.pending === null ? p.evaluate(s, st) : run(p, pointer, s, st, false, strict));
}

function scanOrRecord(text: string, env: CompileEnv): Segment[] | null {
  try {
    return scan(text, env.mode);
  } catch (e) {
    if (env.errors && e instanceof TemplateError) {
      env.errors.push(locate(e, env).toDiagnostic());
      return null;
    }
    throw e instanceof TemplateError ? locate(e, env) : e;
  }
}

function compilePlaceholder(segment: ExprSegment, env: CompileEnv): Placeholder {
  try {
    const ast = parseExpression(segment.source, segment.exprStart, env.limits.maxDepth);
    return { evaluate: compileExpr(ast, env), segment, ast };
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    locate(e, env);
    if (!env.errors) throw e;
    env.errors.push(e.toDiagnostic());
    return { evaluate: () => undefined, segment };
  }
}

function locate(e: TemplateError, env: CompileEnv): TemplateError {
  e.path = env.pointer;
  if (env.key) e.key = true;
  return e;
}

/**
 * Text around placeholders: `texts[i]` comes before placeholder i, and the last text after them all.
 * The usual render (nobody collecting diagnostics) runs the evaluators directly. With a `guard` (header
 * values), every inserted text passes `guard.check` first, once per distinct text: the last text each
 * placeholder inserted is remembered, so a value that comes back (a token from the secrets) is compared,
 * not scanned again.
 */
function interpolation(
  parts: (string | Placeholder)[],
  pointer: string,
  key: boolean,
  guard: TextGuard | null,
): RenderNode {
  const texts: string[] = [''];
  const placeholders: Placeholder[] = [];
  for (const part of parts) {
    if (typeof part === 'string') texts[texts.length - 1] += part;
    else {
      placeholders.push(part);
      texts.push('');
    }
  }
  const evaluators = placeholders.map((p) => p.evaluate);
  const n = placeholders.length;
  const checked: Array<string | undefined> = new Array<string | undefined>(n).fill(undefined);
  if (guard) guard.installed = true;
  return (s, st) => {
    let out = texts[0] as string;
    for (let i = 0; i < n; i++) {
      const v =
        st.pending === null
          ? (evaluators[i] as Evaluator)(s, st)
          : run(placeholders[i] as Placeholder, pointer, s, st, key);
      let piece: string;
      if (typeof v === 'string') piece = v;
      else if (v === undefined) {
        if (st.missing === 'omit') return OMIT;
        piece = st.missing === 'keep' ? (placeholders[i] as Placeholder).segment.raw : '';
      } else if (v === OMIT) return OMIT;
      else {
        if (typeof v === 'object' && v !== null) st.measure(v);
        piece = toText(v);
      }
      if (guard !== null && piece !== checked[i]) {
        guard.check(piece);
        checked[i] = piece;
      }
      out += piece;
      out += texts[i + 1] as string;
    }
    st.addOutput(out.length + 2);
    return out;
  };
}
