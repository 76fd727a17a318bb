/**
 * SPEC §3 rule 2: how a value reads inside a longer string. Strings as they are, numbers as
 * `String(n)`, booleans `true`/`false`, objects and arrays as compact JSON, null and
 * unresolved as the empty string. Nothing is HTML-escaped.
 */
export function toText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return value === null ? '' : JSON.stringify(value);
    default:
      return '';
  }
}
