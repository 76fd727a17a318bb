import type { Type } from './type.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A type as users read it on hover and in messages: `string | null`, `"INBOUND" | "OUTBOUND"`,
 * `{ name: string | null, email?: string }`, `array<string>`. Unresolved prints as `null` (what a whole
 * value renders to by default); nested objects print one level deep unless `depth` says more.
 */
export function printType(t: Type, depth = 1): string {
  if (t.unknown) return 'unknown';
  const parts: string[] = [];
  if (t.string)
    parts.push(t.string.values ? t.string.values.map((v) => JSON.stringify(v)).join(' | ') : 'string');
  if (t.number)
    parts.push(
      t.number.values ? t.number.values.map(String).join(' | ') : t.number.integer ? 'integer' : 'number',
    );
  if (t.true && t.false) parts.push('boolean');
  else if (t.true) parts.push('true');
  else if (t.false) parts.push('false');
  if (t.array) parts.push(`array<${printType(t.array.items, depth)}>`);
  if (t.object) parts.push(printObject(t, depth));
  if (t.null || t.missing) parts.push('null');
  return parts.length ? [...new Set(parts)].join(' | ') : 'never';
}

function printObject(t: Type, depth: number): string {
  const facet = t.object;
  if (!facet) return 'object';
  if (depth <= 0 || facet.props.size === 0)
    return facet.rest && !facet.rest.unknown && facet.props.size === 0
      ? `{ [key]: ${printType(facet.rest, 0)} }`
      : 'object';
  const members = [...facet.props]
    .slice(0, 8)
    .map(
      ([k, p]) =>
        `${IDENT.test(k) ? k : JSON.stringify(k)}${p.required ? '' : '?'}: ${printType(p.type, depth - 1)}`,
    );
  if (facet.props.size > 8) members.push('…');
  return `{ ${members.join(', ')} }`;
}
