import { describe, expect, it } from 'vitest';
import { childrenOf, searchTree } from '../src/samples/tree.js';
import { parsePayloadText } from '../src/samples/current.js';

const payload = {
  call_summary: 'Customer confirmed the appointment',
  data_capture: { customer_name: 'John Doe', email: 'john@example.com' },
  items: [{ label: 'first', count: 3 }],
};

describe('payload tree search', () => {
  it('finds fields by name and by value, with their expressions', () => {
    expect(searchTree(payload, 'customer').map((h) => [h.expression, h.on])).toEqual([
      ['call_summary', 'value'],
      ['data_capture.customer_name', 'name'],
    ]);
    expect(searchTree(payload, 'FIRST').map((h) => h.expression)).toEqual(['items[0].label']);
    expect(searchTree(payload, '3').map((h) => h.expression)).toEqual(['items[0].count']);
  });

  it('returns nothing for an empty query and caps the hits', () => {
    expect(searchTree(payload, '  ')).toEqual([]);
    const many = { list: Array.from({ length: 500 }, (_, i) => `v${i}`) };
    expect(searchTree(many, 'v', 50)).toHaveLength(50);
  });

  it('lists children with paths and types', () => {
    expect(childrenOf(payload.items, ['items']).map((c) => [c.path, c.type])).toEqual([
      [['items', 0], 'object'],
    ]);
    expect(childrenOf('x', [])).toEqual([]);
  });
});

describe('pasted payloads', () => {
  it('reports invalid JSON with line and column', () => {
    const result = parsePayloadText('{\n  "a": 1,\n  "b": \n}');
    expect(result.error).toMatchObject({ line: 4, column: 1 });
    expect(parsePayloadText('[1]').value).toEqual([1]);
  });
});
