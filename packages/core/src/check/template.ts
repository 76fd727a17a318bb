import { escapePointer } from '../errors.js';
import { atPointer, type CheckEnv } from './env.js';
import type { InferredMember, InferredValue, Origin } from './inferred.js';
import { inferDirective } from './directives.js';
import { inferString } from './strings.js';
import { arrayType, literal, objectType, union, unionAll, unknown, type Prop, type Type } from './type.js';

const DIRECTIVES = new Set(['$if', '$each', '$merge', '$let']);
const MAX_DEPTH = 256;

/**
 * Walks a JSON template as `compile/template.ts` does and infers every node: strings (whole values keep
 * their type), arrays, objects, directives. Problems go to `env.diagnostics`; the result keeps each
 * member's origin for the targets check.
 */
export function inferTemplate(value: unknown, env: CheckEnv, depth = 0): InferredValue {
  const origin: Origin = { path: env.pointer, start: 0, end: 0 };
  if (depth > MAX_DEPTH) return { type: unknown(), origin, omittable: false, optional: null };
  if (typeof value === 'string') return inferString(value, env);
  if (Array.isArray(value)) return inferArray(value, env, depth);
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    const directives = Object.keys(obj).filter((k) => k.startsWith('$') && !k.startsWith('$$'));
    if (directives.length === 1 && DIRECTIVES.has(directives[0] as string))
      return inferDirective(directives[0] as string, obj, env, depth);
    // An invalid directive is a compile error (H203) that validate() reports: nothing to type here.
    if (directives.length > 0) return { type: unknown(), origin, omittable: false, optional: null };
    return inferObject(obj, env, depth);
  }
  return { type: literal(value), origin, omittable: false, optional: null };
}

function inferArray(items: unknown[], env: CheckEnv, depth: number): InferredValue {
  const elements = items.map((item, i) =>
    inferTemplate(item, atPointer(env, `${env.pointer}/${i}`), depth + 1),
  );
  const type = arrayType(
    unionAll(elements.map((e) => e.type)),
    elements.some((e) => !e.omittable),
  );
  return {
    type,
    origin: { path: env.pointer, start: 0, end: 0 },
    omittable: false,
    optional: null,
    elements,
  };
}

function inferObject(obj: Record<string, unknown>, env: CheckEnv, depth: number): InferredValue {
  const members: InferredMember[] = [];
  const props = new Map<string, Prop>();
  let rest: Type | null = null;
  for (const rawKey of Object.keys(obj)) {
    const pointer = `${env.pointer}/${escapePointer(rawKey)}`;
    const name = rawKey.startsWith('$$') ? rawKey.slice(1) : rawKey;
    const key = inferString(name, atPointer(env, pointer, true));
    const value = inferTemplate(obj[rawKey], atPointer(env, pointer), depth + 1);
    const literalKey =
      key.type.string?.values?.length === 1 && !key.omittable ? (key.type.string.values[0] as string) : null;
    members.push({ key: literalKey, value });
    if (literalKey !== null) props.set(literalKey, { type: value.type, required: !value.omittable });
    else rest = union(rest ?? value.type, value.type);
  }
  return {
    type: objectType(props, rest),
    origin: { path: env.pointer, start: 0, end: 0 },
    omittable: false,
    optional: null,
    members,
  };
}
