import { describe, expect, it } from 'vitest';
import { completionRequestAt, pathCompletions } from '../src/editor/completion.js';
import { handlebarsScopeAt, jsonScopeAt } from '../src/editor/scopes.js';
import { handlebarsTypeWarnings } from '../src/worker/handlebars-warnings.js';

const context = {
  title: 'Weekly',
  action_items: [{ text: 'Send deck', assignee: { name: 'Ada', email: 'ada@x.test' } }],
};

function labelsAt(scope: Record<string, unknown>, before: string): string[] {
  const request = completionRequestAt(before);
  if (request?.kind !== 'path') throw new Error('no path request');
  return pathCompletions(request, scope).map((c) => c.label);
}

describe('completion inside $each and {{#each}} offers the item fields', () => {
  it('JSON template: inside "do" of $each, item is the first element and loop is there', () => {
    const text =
      '{\n  "tasks": {\n    "$each": "{{ action_items }}",\n    "do": { "subject": "{{ item. }}" }\n  },\n  "t": "{{ title }}"\n}';
    const inside = text.indexOf('{{ item.') + '{{ item.'.length;
    const scope = jsonScopeAt(text, inside, context);
    expect(labelsAt(scope, '{{ item.')).toEqual(['text', 'assignee']);
    expect(labelsAt(scope, '{{ loop.')).toEqual(['index', 'first', 'last', 'length']);
    // Outside the loop there is no item.
    expect(jsonScopeAt(text, text.indexOf('{{ title'), context)).not.toHaveProperty('item');
  });

  it('JSON template: "as" names the item, and $let names are in scope in "in"', () => {
    const text =
      '{"$let": {"first": "{{ action_items[0] }}"}, "in": {"$each": "{{ action_items }}", "as": "task", "do": "{{ task.assignee.name }} {{ first.text }}"}}';
    const scope = jsonScopeAt(text, text.indexOf('{{ task'), context);
    expect(labelsAt(scope, '{{ task.assignee.')).toEqual(['name', 'email']);
    expect((scope.first as { text: string }).text).toBe('Send deck');
  });

  it("Handlebars: a bare name inside {{#each}} completes the item's fields, block params too", () => {
    const text = 'Tasks:\n{{#each action_items as |task|}}- {{';
    const scope = handlebarsScopeAt(text, text.length, context);
    expect(labelsAt(scope, '{{')).toEqual(expect.arrayContaining(['text', 'assignee', 'task', 'this']));
    expect(labelsAt(scope, '{{')).not.toContain('title');
    const after = 'x {{#each action_items}}{{text}}{{/each}} {{';
    expect(labelsAt(handlebarsScopeAt(after, after.length, context), '{{')).toContain('title');
  });
});

describe('Handlebars helper on a value it does not take', () => {
  it('warns where {{upper assignee}} gets an object (it would render "")', () => {
    const text = '{{#each action_items}}{{upper text}} by {{upper assignee}}{{/each}}';
    const warnings = handlebarsTypeWarnings(text, context);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', code: 'H302', field: 'body' });
    expect(text.slice(warnings[0]!.start, warnings[0]!.end)).toBe('{{upper assignee}}');
    expect(warnings[0]!.message).toMatch(/object/);
  });
});

describe('inline results beside expressions', () => {
  it('shows the rendered value of each templated string, including inside $each', async () => {
    const { jsonInlineValues, textInlineValues } = await import('../src/editor/inline-values.js');
    const text =
      '{\n  "t": "{{ title | upper }}",\n  "fixed": "x",\n  "tasks": {"$each": "{{ action_items }}", "do": "{{ item.text }}"}\n}';
    const body = { t: 'WEEKLY', fixed: 'x', tasks: ['Send deck'] };
    const values = jsonInlineValues(text, body);
    expect(values.map((v) => [text.slice(0, v.offset).split('\n').length, v.text])).toEqual([
      [2, '"WEEKLY"'],
      [4, 'array · 1 items'],
      [4, 'first: "Send deck"'],
    ]);
    expect(textInlineValues('Hi {{ title }}', context)).toEqual([{ offset: 14, text: '"Weekly"' }]);
  });
});
