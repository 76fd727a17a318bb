import type { JsonValue } from '@hookmap/core';
import { joinPointer, lastSegment } from './pointer.js';
import type { JsonSchema, TargetField } from './types.js';

type SchemaNode = { [key: string]: JsonValue | undefined };

function asNode(value: unknown): SchemaNode | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as SchemaNode)
    : undefined;
}

function typeOf(node: SchemaNode): string {
  const type = node.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.join(' | ');
  const branches = (node.anyOf ?? node.oneOf) as JsonValue[] | undefined;
  if (Array.isArray(branches)) {
    const types = branches.map((b) => (asNode(b) ? typeOf(asNode(b) as SchemaNode) : 'any'));
    return [...new Set(types)].join(' | ');
  }
  if (node.not !== undefined) return 'never';
  return 'any';
}

function field(pointer: string, node: SchemaNode, required: boolean, inParent: boolean): TargetField {
  const result: TargetField = {
    pointer,
    name: lastSegment(pointer),
    type: typeOf(node),
    required,
    requiredInParent: inParent,
    description: typeof node.description === 'string' ? node.description : '',
  };
  if (typeof node.format === 'string') result.format = node.format;
  if (Array.isArray(node.enum)) result.enum = node.enum;
  if (Array.isArray(node.examples)) result.examples = node.examples;
  if (typeof node['x-hint'] === 'string') result.hint = node['x-hint'];
  return result;
}

/** `present`: the node must exist in every accepted body (it and all its ancestors are required). */
function walk(node: SchemaNode, pointer: string, present: boolean, out: TargetField[]): void {
  const properties = asNode(node.properties);
  if (properties) {
    const required = Array.isArray(node.required) ? node.required : [];
    for (const [name, child] of Object.entries(properties)) {
      const childNode = asNode(child);
      if (!childNode) continue;
      const childPointer = joinPointer(pointer, name);
      const inParent = required.includes(name);
      out.push(field(childPointer, childNode, present && inParent, inParent));
      walk(childNode, childPointer, present && inParent, out);
    }
  }
  const items = asNode(node.items);
  const atLeastOne = typeof node.minItems === 'number' && node.minItems > 0;
  if (items) walk(items, joinPointer(pointer, 0), present && atLeastOne, out);
}

/** Every body field of a target schema, parents before children, in schema order. */
export function flattenSchema(schema: JsonSchema): TargetField[] {
  const out: TargetField[] = [];
  walk(schema, '', true, out);
  return out;
}
