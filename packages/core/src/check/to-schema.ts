import type { JsonObject, JsonValue } from '../types.js';
import type { Type } from './type.js';

/**
 * A JSON Schema (draft 2020-12) of the values of a type: what a rendered body (or one value) may be.
 * Unresolved reads as null, as a whole value renders it by default. `{}` stands for any value.
 */
export function typeToSchema(t: Type, depth = 0): JsonObject {
  if (t.unknown || depth > 32) return {};
  const branches: JsonObject[] = [];
  if (t.null || t.missing) branches.push({ type: 'null' });
  if (t.true && t.false) branches.push({ type: 'boolean' });
  else if (t.true || t.false) branches.push({ const: t.true });
  if (t.number) {
    const type = t.number.integer ? 'integer' : 'number';
    branches.push(t.number.values ? { type, enum: t.number.values } : { type });
  }
  if (t.string) {
    const s: JsonObject = { type: 'string' };
    if (t.string.values) s.enum = t.string.values;
    if (t.string.format) s.format = t.string.format;
    if (t.string.nonEmpty && !t.string.values) s.minLength = 1;
    branches.push(s);
  }
  if (t.array) {
    const a: JsonObject = { type: 'array', items: typeToSchema(t.array.items, depth + 1) };
    if (t.array.nonEmpty) a.minItems = 1;
    branches.push(a);
  }
  if (t.object) {
    const properties: JsonObject = {};
    const required: JsonValue[] = [];
    for (const [k, p] of t.object.props) {
      properties[k] = typeToSchema(p.type, depth + 1);
      if (p.required) required.push(k);
    }
    const o: JsonObject = { type: 'object', properties };
    if (required.length) o.required = required;
    o.additionalProperties = t.object.rest ? typeToSchema(t.object.rest, depth + 1) : false;
    branches.push(o);
  }
  if (branches.length === 0) return { not: {} };
  return branches.length === 1 ? (branches[0] as JsonObject) : { anyOf: branches };
}
