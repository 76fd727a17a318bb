import {
  arrayType,
  booleanType,
  hasValue,
  never,
  nullType,
  numberType,
  objectType,
  stringType,
  union,
  unknown,
  type Type,
} from './type.js';

/** The JSON kinds a filter may accept as input. */
export type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export const TEXT: Kind[] = ['string', 'number', 'boolean'];
export const NUMERIC: Kind[] = ['number', 'string'];

/** The values of `t` of the given kinds (an unknown value may be any of them). */
export function restrict(t: Type, kinds: readonly Kind[]): Type {
  let out = never();
  for (const kind of kinds) out = union(out, part(t, kind));
  return out;
}

function part(t: Type, kind: Kind): Type {
  switch (kind) {
    case 'null':
      return t.null || t.unknown ? nullType() : never();
    case 'boolean':
      return t.unknown ? booleanType() : { ...never(), true: t.true, false: t.false };
    case 'number':
      return t.unknown ? numberType() : { ...never(), number: t.number };
    case 'string':
      return t.unknown ? stringType() : { ...never(), string: t.string };
    case 'array':
      return t.unknown ? arrayType(unknown()) : { ...never(), array: t.array };
    case 'object':
      return t.unknown ? objectType(new Map(), unknown()) : { ...never(), object: t.object };
  }
}

/** Some value of `t` is of a kind outside `kinds` (nulls and unresolved aside: filters skip those). */
export function hasOtherKinds(t: Type, kinds: readonly Kind[]): boolean {
  const other = (['boolean', 'number', 'string', 'array', 'object'] as Kind[]).filter(
    (k) => !kinds.includes(k),
  );
  return t.unknown ? other.length > 0 : hasValue(restrict({ ...t, null: false }, other));
}

/** The kinds present in a type, in words, for messages: "an object", "an array or a number". */
export function describeKinds(t: Type): string {
  const words: string[] = [];
  if (t.unknown) return 'any value';
  if (t.object) words.push('an object');
  if (t.array) words.push('an array');
  if (t.string) words.push('text');
  if (t.number) words.push('a number');
  if (t.true || t.false) words.push('a boolean');
  if (t.null || t.missing) words.push('null');
  return words.join(' or ') || 'nothing';
}
