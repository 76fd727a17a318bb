import { describe, expect, it } from 'vitest';
import {
  completionRequestAt,
  filterCompletions,
  pathCompletions,
  resolvePath,
  schemaAt,
} from '../src/editor/completion.js';

const context = {
  call_summary: 'Confirmed',
  data_capture: { customer_name: 'John Doe', appointment_confirmed: true },
  items: [{ id: 7 }],
};

describe('completionRequestAt', () => {
  it('completes top-level paths right after the opening delimiter', () => {
    expect(completionRequestAt('"x": "{{')).toEqual({ kind: 'path', base: [], partial: '' });
    expect(completionRequestAt('"x": "<< da')).toEqual({ kind: 'path', base: [], partial: 'da' });
  });

  it('completes members after a dot, through indexes', () => {
    expect(completionRequestAt('"{{data_capture.cu')).toEqual({
      kind: 'path',
      base: ['data_capture'],
      partial: 'cu',
    });
    expect(completionRequestAt('"{{ items[0].')).toEqual({ kind: 'path', base: ['items', 0], partial: '' });
  });

  it('completes filters after a pipe', () => {
    expect(completionRequestAt('"{{ call_summary | up')).toEqual({
      kind: 'filter',
      partial: 'up',
      input: 'call_summary',
    });
  });

  it('does nothing outside placeholders or inside string literals', () => {
    expect(completionRequestAt('"{{a}} b.')).toBeNull();
    expect(completionRequestAt('"plain.')).toBeNull();
    expect(completionRequestAt('"{{ a | default: \'x.')).toBeNull();
  });

  it('treats || as an operator, not a filter pipe', () => {
    expect(completionRequestAt('"{{ a || data_capture.')).toEqual({
      kind: 'path',
      base: ['data_capture'],
      partial: '',
    });
  });
});

describe('pathCompletions', () => {
  it('lists keys of the sample with their current values', () => {
    const items = pathCompletions({ base: ['data_capture'], partial: '' }, context);
    expect(items.map((i) => i.label)).toEqual(['customer_name', 'appointment_confirmed']);
    expect(items[0]!.detail).toBe('"John Doe"');
    expect(items[1]!.detail).toBe('true');
  });

  it('filters by the partial name and adds schema-only keys', () => {
    const schema = {
      type: 'object',
      properties: { data_capture: { $ref: '#/$defs/dc' } },
      $defs: { dc: { type: 'object', properties: { email: { type: 'string' }, customer_name: {} } } },
    };
    const items = pathCompletions({ base: ['data_capture'], partial: 'e' }, context, schema);
    expect(items.map((i) => i.label)).toEqual(['customer_name', 'appointment_confirmed', 'email']);
    expect(items.find((i) => i.label === 'email')?.kind).toBe('schema');
  });

  it('offers indexes for arrays', () => {
    expect(pathCompletions({ base: ['items'], partial: '' }, context).map((i) => i.label)).toEqual(['[0]']);
  });
});

describe('helpers', () => {
  it('resolves own properties only', () => {
    expect(resolvePath(context, ['items', -1, 'id'])).toBe(7);
    expect(resolvePath(context, ['constructor'])).toBeUndefined();
  });

  it('walks schemas through items', () => {
    const schema = { type: 'array', items: { properties: { a: { type: 'number' } } } };
    expect(schemaAt(schema, [0, 'a'])).toEqual([{ type: 'number' }]);
  });

  it('completes filter names with signatures', () => {
    const items = filterCompletions('tr', ['truncate', 'trim', 'upper'], { trim: 'trim → t' });
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['trim', 'trim → t'],
      ['truncate', 'truncate'],
    ]);
  });
});
