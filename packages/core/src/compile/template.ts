import { Codes } from '../codes.js';
import { escapePointer, TemplateError, templateLimitError } from '../errors.js';
import { setOwn } from '../evaluate/paths.js';
import { compileDirective, directiveKeyOf } from './directives.js';
import { slotObject } from './slots/index.js';
import { compileString, compileText } from './strings.js';
import { childEnv, OMIT, type CompileEnv, type RenderNode } from './env.js';

/** Walks a JSON template once and prepares a render node for every value. */
export function compileNode(value: unknown, env: CompileEnv, depth: number): RenderNode {
  if (depth > env.limits.maxDepth) {
    throw templateLimitError(
      Codes.TEMPLATE_TOO_DEEP,
      'maxDepth',
      `Template nests deeper than the limit maxDepth (${env.limits.maxDepth}). Flatten it, or raise the limit.`,
      { path: env.pointer },
    );
  }
  if (typeof value === 'string') {
    grow(env, value.length);
    return compileString(value, env);
  }
  if (Array.isArray(value)) return compileArray(value, env, depth);
  if (typeof value === 'object' && value !== null) {
    const directive = directiveKeyOf(value as Record<string, unknown>, env);
    if (directive) return compileDirective(directive, value as Record<string, unknown>, env, depth);
    return compileObject(value as Record<string, unknown>, env, depth);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    grow(env, 5);
    return () => value;
  }
  throw new TemplateError(Codes.INVALID_TEMPLATE, `A template holds JSON values only, not ${typeof value}.`, {
    path: env.pointer,
  });
}

/** In validate() mode a broken child is recorded and rendered as null, so every problem is found. */
function compileChild(value: unknown, env: CompileEnv, depth: number): RenderNode {
  if (!env.errors) return compileNode(value, env, depth);
  try {
    return compileNode(value, env, depth);
  } catch (e) {
    if (!(e instanceof TemplateError) || e.code === Codes.TEMPLATE_TOO_LARGE) throw e;
    env.errors.push(e.toDiagnostic());
    return () => null;
  }
}

export function grow(env: CompileEnv, bytes: number): void {
  env.budget.size += bytes;
  if (env.budget.size > env.limits.maxTemplateBytes) {
    throw templateLimitError(
      Codes.TEMPLATE_TOO_LARGE,
      'maxTemplateBytes',
      `Template is larger than the limit maxTemplateBytes (${env.limits.maxTemplateBytes} bytes). Split it, or raise the limit.`,
      { path: env.pointer },
    );
  }
}

function compileArray(items: unknown[], env: CompileEnv, depth: number): RenderNode {
  const nodes = items.map((item, i) => compileChild(item, childEnv(env, `${env.pointer}/${i}`), depth + 1));
  return (s, st) => {
    const out: unknown[] = [];
    for (const node of nodes) {
      const v = node(s, st);
      if (v !== OMIT) out.push(v);
    }
    st.addOutput(2 + out.length);
    return out;
  };
}

/** An object member: a literal key (checked once for `__proto__`) or a templated one. */
interface Entry {
  key: string | RenderNode;
  value: RenderNode;
}

function compileObject(obj: Record<string, unknown>, env: CompileEnv, depth: number): RenderNode {
  const entries: Entry[] = [];
  let overhead = 2;
  for (const rawKey of Object.keys(obj)) {
    const pointer = `${env.pointer}/${escapePointer(rawKey)}`;
    const name = rawKey.startsWith('$$') ? rawKey.slice(1) : rawKey;
    grow(env, name.length + 4);
    overhead += name.length + 4;
    const key = compileText(name, childEnv(env, pointer, env.frames, true));
    entries.push({ key, value: compileChild(obj[rawKey], childEnv(env, pointer), depth + 1) });
  }
  if (entries.every((e) => typeof e.key === 'string' && e.key !== '__proto__')) {
    const keys = entries.map((e) => e.key as string);
    const values = entries.map((e) => e.value);
    return slotObject(keys, values, overhead) ?? staticObject(keys, values, overhead);
  }
  return (s, st) => {
    const out: Record<string, unknown> = {};
    for (const entry of entries) {
      const v = entry.value(s, st);
      if (v === OMIT) continue;
      const k = typeof entry.key === 'string' ? entry.key : entry.key(s, st);
      if (k === OMIT) continue;
      setOwn(out, k as string, v);
    }
    st.addOutput(overhead);
    return out;
  };
}

/** Literal, safe keys: plain stores, no per-key checks. */
function staticObject(keys: string[], values: RenderNode[], overhead: number): RenderNode {
  const n = keys.length;
  return (s, st) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const v = (values[i] as RenderNode)(s, st);
      if (v !== OMIT) out[keys[i] as string] = v;
    }
    st.addOutput(overhead);
    return out;
  };
}
