/**
 * How handlebars.js 4.x reads and prints values, for the interpreter in handlebars.ts: property lookups
 * (own properties only, as its `lookupProperty` with prototype access off), text of a value, HTML
 * escaping, and the emptiness rules of its built-in helpers.
 */

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * `lookupProperty`: the value when the parent holds it as an own property (enumerable or not, so
 * secrets are found by name), else undefined. Strings and arrays have own `length` and indexes.
 */
export function lookupProperty(parent: unknown, key: string): unknown {
  if (parent === null || parent === undefined) return undefined;
  const result = (parent as Record<string, unknown>)[key];
  if (result === null || result === undefined) return result;
  return hasOwn.call(parent, key) ? result : undefined;
}

/** `Utils.isEmpty`: falsy but 0, or an empty array. */
export function isEmpty(value: unknown): boolean {
  if (!value && value !== 0) return true;
  return Array.isArray(value) && value.length === 0;
}

/** What `{{value}}` prints: JavaScript's String() of it (arrays joined by ",", objects "[object Object]"). */
export function toHbsText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return value.map((v) => (v === null || v === undefined ? '' : toHbsText(v))).join(',');
  if (typeof value === 'object') return '[object Object]';
  return String(value);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

/** `Handlebars.escapeExpression`. */
export function escapeHtml(text: string): string {
  return /[&<>"'`=]/.test(text) ? text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c] as string) : text;
}
