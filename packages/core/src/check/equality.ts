import { singleLiteral, type StringFacet, type NumberFacet, type Type } from './type.js';

/**
 * Whether `==` can hold between values of two types (unresolved equals null, as `evaluate/operators.ts`
 * has it): 'always' when both are the same single literal, 'never' when no value of one can equal a
 * value of the other, else 'maybe'. Used to decide `when` conditions such as `trigger == 'bot.state_change'`.
 */
export function mayEqual(a: Type, b: Type): 'always' | 'never' | 'maybe' {
  const x = nullFor(a);
  const y = nullFor(b);
  const lx = singleLiteral(x);
  const ly = singleLiteral(y);
  if (lx && ly) return lx.value === ly.value ? 'always' : 'never';
  if (x.unknown || y.unknown) return 'maybe';
  const overlap =
    (x.null && y.null) ||
    (x.true && y.true) ||
    (x.false && y.false) ||
    valuesOverlap(x.number, y.number) ||
    valuesOverlap(x.string, y.string) ||
    (!!x.array && !!y.array) ||
    (!!x.object && !!y.object);
  return overlap ? 'maybe' : 'never';
}

function nullFor(t: Type): Type {
  return t.missing ? { ...t, missing: false, null: true } : t;
}

function valuesOverlap(a: StringFacet | NumberFacet | null, b: StringFacet | NumberFacet | null): boolean {
  if (!a || !b) return false;
  if (a.values === null || b.values === null) return true;
  return (a.values as unknown[]).some((v) => (b.values as unknown[]).includes(v));
}
