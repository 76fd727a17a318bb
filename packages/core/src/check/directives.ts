import { escapePointer } from '../errors.js';
import { atPointer, withFrame, type CheckEnv } from './env.js';
import type { InferredValue, Origin } from './inferred.js';
import { inferString } from './strings.js';
import { inferTemplate } from './template.js';
import {
  arrayType,
  booleanType,
  maybeFalsy,
  maybeTruthy,
  missing,
  never,
  nonNullish,
  numberType,
  objectType,
  union,
  unknown,
  type ObjectFacet,
  type Prop,
  type Type,
} from './type.js';

const LOOP: Type = objectType(
  new Map<string, Prop>([
    ['index', { type: numberType(true), required: true }],
    ['first', { type: booleanType(), required: true }],
    ['last', { type: booleanType(), required: true }],
    ['length', { type: numberType(true), required: true }],
  ]),
  null,
);

/** SPEC §5 directives, as `compile/directives.ts` renders them. */
export function inferDirective(
  key: string,
  obj: Record<string, unknown>,
  env: CheckEnv,
  depth: number,
): InferredValue {
  const at = (k: string, e = env): CheckEnv => atPointer(e, `${env.pointer}/${escapePointer(k)}`);
  const origin: Origin = { path: env.pointer, start: 0, end: 0 };
  switch (key) {
    case '$if':
      return inferIf(obj, env, depth, at, origin);
    case '$each':
      return inferEach(obj, env, depth, at, origin);
    case '$merge':
      return inferMerge(obj, depth, at, origin);
    default:
      return inferLet(obj, env, depth, at);
  }
}

type At = (key: string, env?: CheckEnv) => CheckEnv;

/** A directive operand: one placeholder gives its raw value (unresolved stays unresolved). */
function operand(value: unknown, env: CheckEnv, depth: number): InferredValue {
  if (typeof value === 'string') return inferString(value, env, true);
  const node = inferTemplate(value, env, depth);
  return node.omittable ? { ...node, type: union(node.type, missing()) } : node;
}

function inferIf(
  obj: Record<string, unknown>,
  env: CheckEnv,
  depth: number,
  at: At,
  origin: Origin,
): InferredValue {
  const test = operand(obj.$if, at('$if'), depth + 1).type;
  const yes = inferTemplate(obj.then, at('then'), depth + 1);
  const hasElse = 'else' in obj;
  const no = hasElse ? inferTemplate(obj.else, at('else'), depth + 1) : null;
  if (!maybeFalsy(test)) return yes;
  if (!maybeTruthy(test)) return no ?? { type: never(), origin, omittable: true, optional: null };
  const branches = no ? [yes, no] : [yes];
  const type = no ? union(yes.type, no.type) : yes.type;
  return { type, origin, omittable: !no || branches.some((b) => b.omittable), optional: null, branches };
}

function inferEach(
  obj: Record<string, unknown>,
  env: CheckEnv,
  depth: number,
  at: At,
  origin: Origin,
): InferredValue {
  const as = typeof obj.as === 'string' ? obj.as : 'item';
  const source = operand(obj.$each, at('$each'), depth + 1).type;
  // An array gives its elements; null and unresolved give none; any other value is one element.
  let item = source.array ? source.array.items : never();
  const other = nonNullish({ ...source, array: null });
  item = union(item, other);
  if (source.unknown) item = unknown();
  const frame = new Map<string, Type>([
    [as, item],
    ['loop', LOOP],
  ]);
  const body = inferTemplate(obj.do, at('do', withFrame(env, frame)), depth + 1);
  return { type: arrayType(body.type), origin, omittable: false, optional: null, each: body };
}

function inferMerge(obj: Record<string, unknown>, depth: number, at: At, origin: Origin): InferredValue {
  const parts = operand(obj.$merge, at('$merge'), depth + 1);
  // Each part, and whether it is surely there (an element may be left out, an operand may not be a list).
  const list: [Type, boolean][] = parts.elements
    ? parts.elements.map((e) => [e.type, !e.omittable])
    : [
        [parts.type.array ? parts.type.array.items : never(), false],
        [{ ...parts.type, array: null }, !parts.type.array],
      ];
  let props = new Map<string, Prop>();
  let rest: Type | null = null;
  for (const [part, present] of list) {
    if (part.unknown) rest = unknown();
    const facet: ObjectFacet | null = part.object;
    if (!facet) continue;
    // A part that may be null, unresolved or not an object is skipped: its members may be absent.
    const sure =
      present &&
      !part.missing &&
      !part.null &&
      !part.unknown &&
      !part.array &&
      !part.string &&
      !part.number &&
      !part.true &&
      !part.false;
    props = mergeProps(props, facet, sure);
    if (facet.rest) rest = union(rest ?? facet.rest, facet.rest);
  }
  return { type: objectType(props, rest), origin, omittable: false, optional: null };
}

/** A later part wins on a shared key: a key it always has takes its type; one it may have joins both. */
function mergeProps(before: Map<string, Prop>, facet: ObjectFacet, sure: boolean): Map<string, Prop> {
  const props = new Map(before);
  for (const [k, p] of facet.props) {
    const earlier = props.get(k);
    const always = sure && p.required;
    if (always || !earlier) props.set(k, { type: p.type, required: always });
    else props.set(k, { type: union(earlier.type, p.type), required: earlier.required });
  }
  return props;
}

function inferLet(obj: Record<string, unknown>, env: CheckEnv, depth: number, at: At): InferredValue {
  const bindings =
    typeof obj.$let === 'object' && obj.$let !== null && !Array.isArray(obj.$let)
      ? (obj.$let as Record<string, unknown>)
      : {};
  const frame = new Map<string, Type>();
  for (const name of Object.keys(bindings)) {
    const value = inferTemplate(
      bindings[name],
      atPointer(env, `${env.pointer}/$let/${escapePointer(name)}`),
      depth + 2,
    );
    frame.set(name, value.omittable ? union(value.type, missing()) : value.type);
  }
  return inferTemplate(obj.in, at('in', withFrame(env, frame)), depth + 1);
}
