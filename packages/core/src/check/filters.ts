import { parseDottedPath } from '../evaluate/paths.js';
import { NUMERIC, TEXT, type Kind } from './kinds.js';
import { memberPath } from './paths.js';
import {
  arrayType,
  booleanType,
  missing,
  never,
  nonNullish,
  nullType,
  numberType,
  objectType,
  resolvedOrNull,
  stringType,
  union,
  unknown,
  type Prop,
  type Type,
} from './type.js';

/** A filter argument as the checker sees it: its type, and its value when it is one literal. */
export interface ArgType {
  type: Type;
  literal: { value: unknown } | null;
}

/**
 * A filter's type signature: the kinds of input it works on (any other value makes it fail, giving null
 * and a H302 at render time), the type it gives for them, and whether such input may still fail.
 * Null and unresolved input follow the registry's `acceptsNull` / `acceptsMissing`, as at render time.
 */
export interface FilterSignature {
  accepts: readonly Kind[];
  /** The accepted input in words, for messages: "text", "a number", "an array". */
  expects: string;
  output(input: Type, args: ArgType[]): Type;
  mayFail?(input: Type, args: ArgType[]): boolean;
  /**
   * The filter never fails on its arguments. Otherwise an argument that is not a literal (a path) may be
   * of a kind the filter refuses (`append: some_object`), and the result may be null.
   */
  anyArgs?: true;
}

const text = (nonEmpty = false): Type => stringType({ nonEmpty });
const integer = (): Type => numberType(true);
const ANY: Kind[] = ['null', 'boolean', 'number', 'string', 'array', 'object'];
const LIST: Kind[] = ['array'];
const LIST_OR_OBJECT: Kind[] = ['array', 'object'];
const OBJECT: Kind[] = ['object'];

function itemsOf(t: Type): Type {
  // `map` / `where` treat an object as a one-element list.
  let items = t.array ? t.array.items : never();
  if (t.object) items = union(items, { ...never(), object: t.object });
  return items;
}

/** A literal argument that `expectText` reads (text, a number or a boolean); absent counts as fine. */
const textArg = (arg: ArgType | undefined): boolean =>
  !arg || ['string', 'number', 'boolean'].includes(typeof arg.literal?.value);
const textArgs = (_i: Type, args: ArgType[]): boolean => !args.every((a) => textArg(a));
const argIsNumber = (arg: ArgType | undefined): boolean =>
  !arg || (!!arg.type.number && !arg.type.unknown && !arg.type.string && !arg.type.null);
/**
 * Whether a value of the type may be empty text, or anything (unknown) that may be. A union is only
 * sure to give text that is not empty when none of its members can give "": one is enough.
 */
const mayBeEmptyText = (input: Type): boolean =>
  input.unknown ||
  (!!input.string &&
    !input.string.nonEmpty &&
    (input.string.values === null || input.string.values.includes('')));
/** Text filters keep empty text empty and give numbers and booleans as text that is never empty. */
const sameText = (input: Type): Type => text(!mayBeEmptyText(input));
/** Text the filter reads may not be a number (`"abc" | plus: 1`): only numbers are sure to work. */
const notOnlyNumbers = (input: Type): boolean => !!input.string;
/** Text that may not be a date (the date filters then fail): only `dates` text is sure to work. */
const notOnlyDates = (input: Type): boolean => !!input.string && !input.string.dates;
const dateInput: Kind[] = ['string', 'number'];
const arithmetic = (input: Type, args: ArgType[]): Type =>
  numberType(
    !!input.number?.integer && !input.string && args.every((a) => !!a.type.number?.integer && !a.type.string),
  );
const arithmeticFails = (input: Type, args: ArgType[]): boolean =>
  notOnlyNumbers(input) || !args.every((a) => argIsNumber(a));

function defaultOutput(input: Type, args: ArgType[]): Type {
  const fallback = args[0]?.type ?? nullType();
  let kept = nonNullish(input);
  if (input.string) {
    const values = input.string.values?.filter((v) => v !== '') ?? null;
    kept = {
      ...kept,
      string: values && values.length === 0 ? null : { ...input.string, values, nonEmpty: true },
    };
  }
  // A missing `default` argument reads as unresolved, which a whole value renders as null.
  return input.missing || input.null || mayBeEmptyText(input) ? union(kept, resolvedOrNull(fallback)) : kept;
}

function pickOutput(input: Type, args: ArgType[], keep: boolean): Type {
  const facet = input.object;
  if (!facet) return objectType(new Map(), unknown());
  const names = args.map((a) => (a.literal && typeof a.literal.value === 'string' ? a.literal.value : null));
  if (names.some((n) => n === null)) return objectType(new Map(), union(facet.rest ?? never(), unknown()));
  const props = new Map<string, Prop>();
  for (const [k, p] of facet.props)
    if (names.includes(k) === keep) props.set(k, keep ? { ...p, required: p.required } : p);
  if (keep)
    for (const n of names as string[])
      if (!props.has(n) && facet.rest) props.set(n, { type: facet.rest, required: false });
  return objectType(props, keep ? null : facet.rest, false);
}

function mapOutput(input: Type, args: ArgType[]): Type {
  const path = args[0]?.literal?.value;
  if (typeof path !== 'string') return arrayType(unknown());
  return arrayType(
    resolvedOrNull(memberPath(itemsOf(input), parseDottedPath(path))),
    !!input.array?.nonEmpty || !input.array,
  );
}

function objectValues(input: Type): Type {
  const facet = input.object;
  if (!facet) return arrayType(unknown());
  let items = facet.rest ?? never();
  for (const p of facet.props.values()) items = union(items, p.type);
  return arrayType(resolvedOrNull(items));
}

const sameArray = (input: Type): Type => arrayType(input.array?.items ?? unknown(), !!input.array?.nonEmpty);
const listOf = (input: Type): Type => arrayType(input.array?.items ?? unknown());

/** Every built-in filter but `optional` and `required`, which the checker handles as the compiler does. */
export const filterSignatures: Readonly<Record<string, FilterSignature>> = {
  upper: { accepts: TEXT, expects: 'text', output: sameText },
  lower: { accepts: TEXT, expects: 'text', output: sameText },
  capitalize: { accepts: TEXT, expects: 'text', output: sameText },
  trim: { accepts: TEXT, expects: 'text', output: () => text() },
  truncate: {
    accepts: TEXT,
    expects: 'text',
    output: () => text(),
    mayFail: (_i, [n, e]) =>
      typeof n?.literal?.value !== 'number' || n.literal.value < 0 || (!!e && !!e.type.object),
  },
  replace: {
    accepts: TEXT,
    expects: 'text',
    output: () => text(),
    mayFail: (_i, [search]) => !textArg(search),
  },
  append: {
    accepts: TEXT,
    expects: 'text',
    output: (i, [a]) => text(sameText(i).string!.nonEmpty || !!a?.type.string?.nonEmpty),
  },
  prepend: {
    accepts: TEXT,
    expects: 'text',
    output: (i, [a]) => text(sameText(i).string!.nonEmpty || !!a?.type.string?.nonEmpty),
  },
  // Trailing empty parts are dropped, so even "" | split: "," is []: never sure to have an element.
  split: { accepts: ['string'], expects: 'text', output: () => arrayType(text()) },
  string: {
    anyArgs: true,
    accepts: ANY,
    expects: 'any value',
    // null gives "", numbers, booleans, arrays and objects never do.
    output: (i) => text(!i.null && !mayBeEmptyText(i)),
  },
  e164: { accepts: TEXT, expects: 'a phone number', output: () => text(true), mayFail: () => true },

  number: {
    accepts: NUMERIC,
    expects: 'a number or numeric text',
    output: (i) => numberType(!!i.number?.integer && !i.string),
    mayFail: notOnlyNumbers,
  },
  integer: {
    accepts: NUMERIC,
    expects: 'a number or numeric text',
    output: integer,
    mayFail: notOnlyNumbers,
  },
  round: {
    accepts: NUMERIC,
    expects: 'a number',
    output: (_i, [d]) => numberType(!d || d.literal?.value === 0),
    mayFail: (i, [d]) => notOnlyNumbers(i) || !argIsNumber(d),
  },
  floor: { accepts: NUMERIC, expects: 'a number', output: integer, mayFail: notOnlyNumbers },
  ceil: { accepts: NUMERIC, expects: 'a number', output: integer, mayFail: notOnlyNumbers },
  abs: {
    accepts: NUMERIC,
    expects: 'a number',
    output: (i) => numberType(!!i.number?.integer && !i.string),
    mayFail: notOnlyNumbers,
  },
  plus: { accepts: NUMERIC, expects: 'a number', output: arithmetic, mayFail: arithmeticFails },
  minus: { accepts: NUMERIC, expects: 'a number', output: arithmetic, mayFail: arithmeticFails },
  times: { accepts: NUMERIC, expects: 'a number', output: arithmetic, mayFail: arithmeticFails },
  divided_by: {
    accepts: NUMERIC,
    expects: 'a number',
    output: () => numberType(),
    mayFail: (i, [n]) => arithmeticFails(i, n ? [n] : []) || n?.literal?.value === 0 || n?.literal === null,
  },
  boolean: {
    accepts: ['boolean', 'number', 'string'],
    expects: 'a boolean, a number or yes/no text',
    output: booleanType,
    mayFail: (i) => !!i.string,
  },

  join: { accepts: LIST, expects: 'an array', output: () => text(), mayFail: textArgs },
  first: { accepts: ['string', 'array'], expects: 'an array or text', output: (i) => firstOrLast(i) },
  last: { accepts: ['string', 'array'], expects: 'an array or text', output: (i) => firstOrLast(i) },
  size: { anyArgs: true, accepts: ANY, expects: 'any value', output: integer },
  slice: {
    accepts: ['string', 'array'],
    expects: 'an array or text',
    output: (i) => union(i.string ? text() : never(), i.array ? listOf(i) : never()),
    mayFail: (_i, args) => !args.every((a) => argIsNumber(a)),
  },
  map: { accepts: LIST_OR_OBJECT, expects: 'an array', output: mapOutput, mayFail: textArgs },
  where: {
    accepts: LIST_OR_OBJECT,
    expects: 'an array',
    output: (i) => arrayType(itemsOf(i)),
    mayFail: (_i, [path]) => !textArg(path),
  },
  compact: {
    accepts: LIST,
    expects: 'an array',
    output: (i) => arrayType(nonNullish(i.array?.items ?? unknown())),
    mayFail: textArgs,
  },
  uniq: { accepts: LIST, expects: 'an array', output: sameArray },
  sort: { accepts: LIST, expects: 'an array', output: sameArray, mayFail: textArgs },
  sort_by: { accepts: LIST, expects: 'an array', output: sameArray, mayFail: textArgs },

  keys: { accepts: OBJECT, expects: 'an object', output: () => arrayType(text()) },
  values: { accepts: OBJECT, expects: 'an object', output: objectValues },
  pick: {
    accepts: OBJECT,
    expects: 'an object',
    output: (i, args) => pickOutput(i, args, true),
    mayFail: textArgs,
  },
  omit: {
    accepts: OBJECT,
    expects: 'an object',
    output: (i, args) => pickOutput(i, args, false),
    mayFail: textArgs,
  },
  default: { anyArgs: true, accepts: ANY, expects: 'any value', output: defaultOutput },
  json: {
    anyArgs: true,
    accepts: ANY,
    expects: 'any value',
    output: () => text(true),
    // The indent must be a whole number from 0 to 10; any other argument fails (the value is then null).
    mayFail: (_i, [space]) => {
      const v = space?.literal?.value;
      return !!space && !(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10);
    },
  },
  parse_json: { accepts: ['string'], expects: 'JSON text', output: () => unknown(), mayFail: () => true },

  date: {
    accepts: dateInput,
    expects: 'a date (ISO text or epoch number)',
    output: () => text(),
    mayFail: (i, [f, z]) => notOnlyDates(i) || (!!f && !f.type.string) || (!!z && z.literal === null),
  },
  iso: {
    accepts: dateInput,
    expects: 'a date (ISO text or epoch number)',
    output: () => stringType({ nonEmpty: true, format: 'date-time' }),
    mayFail: notOnlyDates,
  },
  unix: {
    accepts: dateInput,
    expects: 'a date (ISO text or epoch number)',
    output: integer,
    mayFail: notOnlyDates,
  },
  unix_ms: {
    accepts: dateInput,
    expects: 'a date (ISO text or epoch number)',
    output: integer,
    mayFail: notOnlyDates,
  },

  url_encode: { accepts: TEXT, expects: 'text', output: sameText },
  base64: { accepts: TEXT, expects: 'text', output: sameText },
  html_escape: { accepts: TEXT, expects: 'text', output: sameText },
  slack_escape: { accepts: TEXT, expects: 'text', output: sameText },
  // Negative seconds and a format it does not know make it fail (the schemas do not bound numbers).
  duration: {
    accepts: NUMERIC,
    expects: 'seconds (a number)',
    output: () => text(true),
    mayFail: () => true,
  },
};

/** `first` / `last`: a character of text, an element of an array; unresolved when empty. */
function firstOrLast(input: Type): Type {
  let out = never();
  if (input.string) out = union(out, input.string.nonEmpty ? text(true) : union(text(true), missing()));
  if (input.array)
    out = union(out, input.array.nonEmpty ? input.array.items : union(input.array.items, missing()));
  return out;
}
