/** JSON text of a value; undefined (missing) becomes null. */
export function jsonText(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** The value as it appears inside a JSON string literal, without the quotes. */
export function jsonStringContent(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return JSON.stringify(text).slice(1, -1);
}

/** Property `field` of every element; non-arrays give an empty list. */
export function pluck(list: unknown, field: string): unknown[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: Record<string, unknown> | null) => item?.[field]);
}
