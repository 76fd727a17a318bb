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

describe('search in a provider context', () => {
  it('lists a value once, under common when it is there, however many aliases show it', () => {
    const shared = { title: 'Weekly sync', owner: 'Ada' };
    const context = {
      conversation: shared,
      data: shared,
      common: { title: 'Weekly sync' },
      payload: { title: 'Weekly sync' },
    };
    expect(searchTree(context, 'weekly').map((h) => h.expression)).toEqual(['common.title']);
    expect(searchTree(context, 'ada').map((h) => h.expression)).toEqual(['conversation.owner']);
  });
});

describe('an unrecognised pasted payload', () => {
  it("is read as is, without the current provider's aliases", async () => {
    const { currentPayload } = await import('../src/samples/current.js');
    const { defaultUi } = await import('../src/store.js');
    const { emptyDoc } = await import('../src/integration.js');
    const state = (text: string) => ({
      doc: { ...emptyDoc, providerId: 'otter', sampleId: null },
      ui: { ...defaultUi, customPayloadText: text },
      past: [],
      future: [],
    });
    const foreign = currentPayload(state('{"ticket": {"id": 7}}'));
    expect(foreign.foreign).toBe(true);
    expect(Object.keys(foreign.context)).toEqual(['ticket']);
    const { getProvider } = await import('@hookmap/providers');
    const otter = getProvider('otter')!;
    const own = currentPayload(state(JSON.stringify(otter.samples[0]!.payload)));
    expect(own.foreign).toBe(false);
    expect(own.context).toHaveProperty('common');
  });
});
