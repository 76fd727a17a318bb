import { jsonText } from '../contenders/json-helpers.js';

/**
 * What an engine that only produces strings yields for `expected`, given the template's shape:
 * each template string leaf becomes text (null -> "", objects -> JSON); structure above the leaves stays.
 */
export function stringProjection(template: unknown, expected: unknown): unknown {
  if (typeof template === 'string') return template.includes('{{') ? leafText(expected) : expected;
  if (Array.isArray(template) && Array.isArray(expected)) {
    return expected.map((value, i) => stringProjection(template[i], value));
  }
  if (isObject(template) && isObject(expected)) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(expected)) out[key] = stringProjection(template[key], value);
    return out;
  }
  return expected;
}

function leafText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return jsonText(value);
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
