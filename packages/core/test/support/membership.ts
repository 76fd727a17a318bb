import type { Type } from '../../src/index.js';

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Whether a value (as render gives it; `undefined` for unresolved) is one the type allows. The check's
 * soundness tests assert this of every rendered value against its inferred type.
 */
export function valueIn(v: unknown, t: Type): boolean {
  if (v === undefined) return t.missing;
  if (t.unknown) return true;
  if (v === null) return t.null;
  if (v === true) return t.true;
  if (v === false) return t.false;
  if (typeof v === 'number')
    return (
      !!t.number &&
      (!t.number.integer || Number.isInteger(v)) &&
      (t.number.values === null || t.number.values.includes(v))
    );
  if (typeof v === 'string') {
    const s = t.string;
    if (!s || (s.values !== null && !s.values.includes(v)) || (s.nonEmpty && v === '')) return false;
    return (s.format !== 'date-time' && s.format !== 'date') || (ISO.test(v) && !Number.isNaN(Date.parse(v)));
  }
  if (Array.isArray(v)) {
    const a = t.array;
    return !!a && (!a.nonEmpty || v.length > 0) && v.every((x) => valueIn(x, a.items));
  }
  const o = t.object;
  if (!o || typeof v !== 'object') return false;
  const record = v as Record<string, unknown>;
  for (const [k, p] of o.props)
    if (!Object.hasOwn(record, k) ? p.required : !valueIn(record[k], p.type)) return false;
  return Object.keys(record).every((k) => o.props.has(k) || (o.rest !== null && valueIn(record[k], o.rest)));
}
