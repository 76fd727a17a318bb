import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  deriveMapping,
  extraPointers,
  mappingEdit,
  removalEdit,
  setAtPointer,
  valueAtPointer,
} from '../src/mapper/mapping.js';
import { expressionToPath, findPlaceholders, pathToExpression } from '../src/mapper/expressions.js';

const fields = [
  { pointer: '/properties/hs_timestamp', type: 'string', required: true },
  { pointer: '/properties/hs_call_body', type: 'string' },
  { pointer: '/properties/hs_call_status', type: 'string' },
  { pointer: '/properties/hs_call_title', type: 'string', required: true },
];

describe('deriveMapping', () => {
  const template = {
    properties: {
      hs_timestamp: '{{ common.started_at | iso }}',
      hs_call_body: 'Summary: {{call_summary}} / << data_capture.customer_name >>',
      hs_call_status: 'COMPLETED',
    },
    extra: 'x',
  };

  it('shows what each field maps from, literals and required-but-unmapped fields', () => {
    const view = deriveMapping(fields, template);
    expect(view.map((m) => m.state)).toEqual(['mapped', 'mapped', 'literal', 'unmapped']);
    expect(view[0]!.expressions).toEqual(['common.started_at | iso']);
    expect(view[1]!.expressions).toEqual(['call_summary', 'data_capture.customer_name']);
    expect(view[3]!.missingRequired).toBe(true);
    expect(view[2]!.missingRequired).toBe(false);
  });

  it('lists template properties the target does not describe', () => {
    expect(extraPointers(fields, template)).toEqual(['/extra']);
  });

  it('treats a non-object template as unmapped', () => {
    expect(deriveMapping(fields, 'text').every((m) => m.state === 'unmapped')).toBe(true);
  });
});

describe('writing mappings', () => {
  it('replaces an existing value in place, keeping the formatting around it', () => {
    const text = '{\n  "properties": {\n    "hs_call_body": "",\n    "keep":   1\n  }\n}';
    const edit = mappingEdit(text, '/properties/hs_call_body', '{{call_summary}}')!;
    const next = applyEdit(text, edit);
    expect(next).toContain('"hs_call_body": "{{call_summary}}"');
    expect(next).toContain('"keep":   1');
  });

  it('creates missing objects and arrays along the pointer', () => {
    const text = '{"properties": {}}';
    const next = applyEdit(text, mappingEdit(text, '/associations/0/to/id', '{{crm_id}}')!);
    expect(JSON.parse(next)).toEqual({ properties: {}, associations: [{ to: { id: '{{crm_id}}' } }] });
  });

  it('removes a property or an array element', () => {
    const text = '{"a": {"b": 1, "c": 2}, "list": [1, 2, 3]}';
    expect(JSON.parse(applyEdit(text, removalEdit(text, '/a/b')!))).toEqual({ a: { c: 2 }, list: [1, 2, 3] });
    expect(JSON.parse(applyEdit(text, removalEdit(text, '/list/1')!))).toEqual({
      a: { b: 1, c: 2 },
      list: [1, 3],
    });
    expect(removalEdit(text, '/nope')).toBeNull();
  });

  it('refuses to edit invalid JSON', () => {
    expect(mappingEdit('{"a": ', '/a', 'x')).toBeNull();
  });

  it('reads and writes pointers with escaped segments', () => {
    const doc = setAtPointer({}, '/a~1b/c~0d', 1);
    expect(doc).toEqual({ 'a/b': { 'c~d': 1 } });
    expect(valueAtPointer(doc, '/a~1b/c~0d')).toEqual({ found: true, value: 1 });
    expect(valueAtPointer(doc, '/a~1b/zz').found).toBe(false);
  });
});

describe('expressions', () => {
  it('finds both delimiter pairs and skips escaped ones', () => {
    const found = findPlaceholders('a {{ x.y }} \\{{ no }} << z | upper >> {{ "}}" }}');
    expect(found.map((p) => p.expression)).toEqual(['x.y', 'z | upper', '"}}"']);
  });

  it('round-trips paths and expressions', () => {
    const path = ['data', 'items', 0, 'first name', 'x'];
    const expression = pathToExpression(path);
    expect(expression).toBe('data.items[0]["first name"].x');
    expect(expressionToPath(expression)).toEqual(path);
    expect(expressionToPath('a | upper')).toBeNull();
  });
});

describe('expressionForField', async () => {
  const { expressionForField } = await import('../src/mapper/actions.js');
  it('adds a conversion filter only when the types differ', () => {
    expect(expressionForField('a', 'text', 'string')).toBe('a');
    expect(expressionForField('a', 12, 'string')).toBe('a | string');
    expect(expressionForField('a', { x: 1 }, 'string')).toBe('a | json');
    expect(expressionForField('a', '12', 'integer')).toBe('a | integer');
    expect(expressionForField('a', '2026-06-12', 'string', 'date-time')).toBe('a | iso');
    expect(expressionForField('a', undefined, 'string')).toBe('a');
    expect(expressionForField('d', '2026-06-12', 'string | integer', undefined, 'hs_timestamp')).toBe(
      'd | iso',
    );
    expect(expressionForField('d', '2026-06-12', 'string', undefined, 'hs_call_title')).toBe('d');
  });
});

describe('readable mapping summaries', () => {
  it('shows the expression of a single placeholder, and kind + paths read for the rest', async () => {
    const { mappingSummary } = await import('../src/mapper/mapping.js');
    expect(mappingSummary('{{ a.b | upper }}')).toBe('a.b | upper');
    expect(mappingSummary('Call with {{ x ?? y.z }}')).toBe('text reading x, y.z');
    expect(
      mappingSummary({
        $let: { lines: '{{ data_capture | entries }}' },
        in: "<p>{{ call_summary | html_escape }}</p>{{ lines | join: '' }}",
      }),
    ).toBe('$let reading data_capture, call_summary, lines');
    expect(mappingSummary([{ type: 'section', text: '{{ a }} {{ b }} {{ c }} {{ d }}' }])).toBe(
      'list reading a, b, c +1',
    );
    expect(mappingSummary({ type: 'header' })).toBe('block');
  });
});
