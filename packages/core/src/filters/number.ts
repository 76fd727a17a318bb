import { def, expectNumber, FilterTypeError, typeName, type FilterDef } from './types.js';

function number(v: unknown): number {
  return expectNumber('number', v);
}
function integer(v: unknown): number {
  return Math.trunc(expectNumber('integer', v));
}
/** Half away from zero, as Liquid (Ruby) rounds; exact for decimal text like 1.005. */
function round(v: unknown, digits: unknown = 0): number {
  const n = expectNumber('round', v);
  const d = Math.max(0, Math.min(15, Math.trunc(expectNumber('round', digits))));
  const abs = Math.abs(n);
  if (abs >= 1e15) return n;
  const text = String(abs);
  const r = text.includes('e')
    ? Math.round(abs * 10 ** d) / 10 ** d
    : Number(Math.round(Number(`${text}e${d}`)) + `e-${d}`);
  return r === 0 ? 0 : Math.sign(n) * r;
}
function floor(v: unknown): number {
  return Math.floor(expectNumber('floor', v));
}
function ceil(v: unknown): number {
  return Math.ceil(expectNumber('ceil', v));
}
function abs(v: unknown): number {
  return Math.abs(expectNumber('abs', v));
}
function plus(v: unknown, n: unknown): number {
  return expectNumber('plus', v) + expectNumber('plus', n);
}
function minus(v: unknown, n: unknown): number {
  return expectNumber('minus', v) - expectNumber('minus', n);
}
function times(v: unknown, n: unknown): number {
  return expectNumber('times', v) * expectNumber('times', n);
}
/**
 * Real division (unlike Liquid's integer division): `61500 | divided_by: 1000` is 61.5. A second
 * argument `true` asks for LiquidJS's integer arithmetic (the quotient rounded down).
 */
function dividedBy(v: unknown, n: unknown, integer: unknown = false): number {
  const divisor = expectNumber('divided_by', n);
  if (divisor === 0) throw new FilterTypeError('divided_by: division by zero');
  const q = expectNumber('divided_by', v) / divisor;
  return integer === true ? Math.floor(q) : q;
}

const TRUE = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE = new Set(['false', 'no', 'n', 'off', '0', '']);

function boolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (TRUE.has(s)) return true;
    if (FALSE.has(s)) return false;
  }
  throw new FilterTypeError(
    `boolean cannot read ${typeName(v)}${typeof v === 'string' ? ` "${v.slice(0, 20)}"` : ''} as true or false`,
  );
}

export const numberFilters: Record<string, FilterDef> = {
  number: def(number, 0, 0, 'number', 'A number from a number or numeric text.'),
  integer: def(integer, 0, 0, 'integer', 'Whole number, truncated toward zero.'),
  round: def(round, 0, 1, 'round: digits = 0', 'Round to `digits` decimals.'),
  floor: def(floor, 0, 0, 'floor', 'Round down.'),
  ceil: def(ceil, 0, 0, 'ceil', 'Round up.'),
  abs: def(abs, 0, 0, 'abs', 'Absolute value.'),
  plus: def(plus, 1, 1, 'plus: n', 'Add n.'),
  minus: def(minus, 1, 1, 'minus: n', 'Subtract n.'),
  times: def(times, 1, 1, 'times: n', 'Multiply by n (e.g. seconds to milliseconds: times: 1000).'),
  divided_by: def(
    dividedBy,
    1,
    2,
    'divided_by: n, integer = false',
    'Divide by n (real division; integer: true rounds down, as LiquidJS).',
  ),
  boolean: def(
    boolean,
    0,
    0,
    'boolean',
    'true/false from booleans, numbers, "yes"/"no", "true"/"false", "1"/"0".',
  ),
};
