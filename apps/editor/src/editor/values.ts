/** Short, human previews of payload values for completion details, hovers and the tree. */

export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export function typeOf(value: unknown): ValueType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return type;
  return 'object';
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

export function describeValue(value: unknown, max = 80): string {
  switch (typeOf(value)) {
    case 'array':
      return `array · ${(value as unknown[]).length} items`;
    case 'object':
      return `object · ${Object.keys(value as object).length} keys`;
    case 'string':
      // Slice first: a 5 MB transcript must not be escaped whole just to show 80 characters.
      return truncate(JSON.stringify((value as string).slice(0, max + 1)), max);
    case 'null':
      return value === undefined ? 'unresolved (null)' : 'null';
    default:
      return String(value);
  }
}

/** A preview of a value for a hover: compact JSON, cut to `max` characters. */
export function previewValue(value: unknown, max = 600): string {
  if (value === undefined) return 'null (unresolved)';
  const text =
    typeof value === 'string' ? JSON.stringify(value.slice(0, max + 1)) : JSON.stringify(value, null, 2);
  return truncate(text ?? 'null', max);
}
