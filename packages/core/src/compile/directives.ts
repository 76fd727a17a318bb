import { Codes } from '../codes.js';
import { escapePointer, TemplateError } from '../errors.js';
import { truthy } from '../evaluate/operators.js';
import { isPlainObject, setOwn } from '../evaluate/paths.js';
import { didYouMean } from '../suggest.js';
import { childEnv, OMIT, type CompileEnv, type Evaluator, type RenderNode, type Scope } from './env.js';
import { compileOperand } from './strings.js';
import { compileNode } from './template.js';

/** Each directive and the companion keys it allows. */
const DIRECTIVES: Record<string, { required: string[]; optional: string[] }> = {
  $if: { required: ['then'], optional: ['else'] },
  $each: { required: ['do'], optional: ['as'] },
  $merge: { required: [], optional: [] },
  $let: { required: ['in'], optional: [] },
};

const NAME = /^(?!__proto__$|constructor$|prototype$)[A-Za-z_][A-Za-z0-9_]*$/;

/** The directive key of an object, or null for a plain object. `$$name` is a literal key. */
export function directiveKeyOf(obj: Record<string, unknown>, env: CompileEnv): string | null {
  const keys = Object.keys(obj).filter((k) => k.startsWith('$') && !k.startsWith('$$'));
  if (keys.length === 0) return null;
  const fail = (message: string, key?: string): never => {
    throw new TemplateError(Codes.INVALID_DIRECTIVE, message, {
      path: key ? `${env.pointer}/${escapePointer(key)}` : env.pointer,
      key: !!key,
    });
  };
  if (keys.length > 1)
    fail(`An object holds one directive at most, found ${keys.join(', ')}. Nest them instead.`);
  const key = keys[0] as string;
  const spec = DIRECTIVES[key];
  if (!spec) {
    const near = didYouMean(key, Object.keys(DIRECTIVES));
    fail(
      `Unknown directive "${key}".${near ? ` Did you mean "${near}"?` : ''} Write "$${key}" for a literal key "${key}".`,
      key,
    );
  }
  const allowed = new Set([key, ...spec!.required, ...spec!.optional]);
  for (const k of Object.keys(obj)) {
    if (!allowed.has(k))
      fail(
        `"${k}" does not belong in ${key}; it takes ${[...allowed].slice(1).join(', ') || 'no other key'}.`,
        k,
      );
  }
  for (const k of spec!.required) if (!(k in obj)) fail(`${key} needs a "${k}" key.`);
  return key;
}

export function compileDirective(
  key: string,
  obj: Record<string, unknown>,
  env: CompileEnv,
  depth: number,
): RenderNode {
  const at = (k: string, frames = env.frames): CompileEnv =>
    childEnv(env, `${env.pointer}/${escapePointer(k)}`, frames);
  switch (key) {
    case '$if':
      return compileIf(obj, env, depth, at);
    case '$each':
      return compileEach(obj, env, depth, at);
    case '$merge':
      return compileMerge(obj, env, depth, at);
    default:
      return compileLet(obj, env, depth, at);
  }
}

type At = (key: string, frames?: string[][]) => CompileEnv;

/** A directive operand: a single placeholder gives its raw value (unresolved stays undefined). */
function operand(value: unknown, env: CompileEnv, depth: number, strict: boolean): Evaluator {
  if (typeof value === 'string') {
    const raw = compileOperand(value, env, strict);
    if (raw) return raw;
  }
  const node = compileNode(value, env, depth);
  return (s, st) => {
    const v = node(s, st);
    return v === OMIT ? undefined : v;
  };
}

function compileIf(obj: Record<string, unknown>, env: CompileEnv, depth: number, at: At): RenderNode {
  const test = operand(obj.$if, at('$if'), depth + 1, false);
  const yes = compileNode(obj.then, at('then'), depth + 1);
  const no = 'else' in obj ? compileNode(obj.else, at('else'), depth + 1) : () => OMIT;
  return (s, st) => (truthy(test(s, st)) ? yes(s, st) : no(s, st));
}

function compileEach(obj: Record<string, unknown>, env: CompileEnv, depth: number, at: At): RenderNode {
  const as = obj.as ?? 'item';
  if (typeof as !== 'string' || !NAME.test(as) || as === 'loop') {
    throw new TemplateError(
      Codes.INVALID_DIRECTIVE,
      `"as" must be a simple name other than "loop", e.g. "as": "item".`,
      { path: `${env.pointer}/as` },
    );
  }
  const source = operand(obj.$each, at('$each'), depth + 1, true);
  const body = compileNode(obj.do, at('do', [...env.frames, [as, 'loop']]), depth + 1);
  return (s, st) => {
    const v = source(s, st);
    const list = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
    const out: unknown[] = [];
    const length = list.length;
    for (let index = 0; index < length; index++) {
      st.countIteration();
      const vars: Record<string, unknown> = {
        loop: { index, first: index === 0, last: index === length - 1, length },
      };
      vars[as] = list[index];
      const r = body({ ctx: s.ctx, vars, parent: s }, st);
      if (r !== OMIT) out.push(r);
    }
    st.addOutput(2 + length);
    return out;
  };
}

function compileMerge(obj: Record<string, unknown>, env: CompileEnv, depth: number, at: At): RenderNode {
  if (!Array.isArray(obj.$merge) && typeof obj.$merge !== 'string') {
    throw new TemplateError(
      Codes.INVALID_DIRECTIVE,
      '$merge takes a list of objects to merge, e.g. {"$merge": [{"a": 1}, "{{ extra }}"]}.',
      { path: `${env.pointer}/$merge` },
    );
  }
  const parts = operand(obj.$merge, at('$merge'), depth + 1, true);
  const pointer = `${env.pointer}/$merge`;
  return (s, st) => {
    const list = parts(s, st);
    const out: Record<string, unknown> = {};
    for (const part of Array.isArray(list) ? list : [list]) {
      if (part === null || part === undefined) continue;
      if (!isPlainObject(part)) {
        st.report({
          severity: 'warning',
          code: Codes.FILTER_TYPE,
          message: `$merge skips a ${Array.isArray(part) ? 'array' : typeof part}: it merges objects only.`,
          path: pointer,
          start: 0,
          end: 0,
        });
        continue;
      }
      for (const k of Object.keys(part)) setOwn(out, k, part[k]);
    }
    return st.outputObject(out);
  };
}

function compileLet(obj: Record<string, unknown>, env: CompileEnv, depth: number, at: At): RenderNode {
  const bindings = obj.$let;
  if (!isPlainObject(bindings)) {
    throw new TemplateError(
      Codes.INVALID_DIRECTIVE,
      '$let takes an object of names, e.g. {"$let": {"name": "{{ a.b }}"}, "in": ...}.',
      { path: `${env.pointer}/$let` },
    );
  }
  const names = Object.keys(bindings);
  for (const name of names) {
    if (!NAME.test(name)) {
      throw new TemplateError(
        Codes.INVALID_DIRECTIVE,
        `"${name}" is not a simple name (letters, digits, _).`,
        { path: `${env.pointer}/$let/${escapePointer(name)}`, key: true },
      );
    }
  }
  const values = names.map((n) =>
    compileNode(bindings[n], childEnv(env, `${env.pointer}/$let/${escapePointer(n)}`), depth + 2),
  );
  const body = compileNode(obj.in, at('in', [...env.frames, names]), depth + 1);
  return (s: Scope, st) => {
    // A plain object, not Object.create(null) (a dictionary-mode object, slow to fill and read): only
    // names this frame binds are ever read from it (bindingDistance), and each is set as an own property
    // here, so nothing is looked up on the prototype. NAME keeps out __proto__.
    const vars: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const v = (values[i] as RenderNode)(s, st);
      vars[names[i] as string] = v === OMIT ? undefined : v;
    }
    return body({ ctx: s.ctx, vars, parent: s }, st);
  };
}
