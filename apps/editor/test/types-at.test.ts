/** SPEC §11 in the editor: hover and completion types from the provider's event schemas, no sample needed. */
import { describe, expect, it } from 'vitest';
import type { Integration } from '@hookmap/core';
import { getProvider } from '@hookmap/providers';
import { checkProviderOf, pathType, templateTypeAt } from '../src/editor/types-at.js';

const otter = checkProviderOf(getProvider('otter'));
const integration = (template: unknown): Integration =>
  ({
    provider: 'otter',
    url: 'https://api.hubapi.com/x',
    body: { mode: 'template', template },
  }) as Integration;

describe('types in the template editor', () => {
  it('types the placeholder under the cursor in a JSON template, escapes and all', () => {
    const text = '{\n  "note": "Call: \\"{{ data.title }}\\"",\n  "n": "{{ data.id }}"\n}';
    const at = text.indexOf('title') + 3;
    const info = templateTypeAt(integration(JSON.parse(text)), text, at, true, otter);
    expect(info?.expression).toBe('data.title');
    expect(info?.detail).toBe('string | null — Otter.ai: data.title');
    const none = templateTypeAt(integration(JSON.parse(text)), text, text.indexOf('"note"') + 2, true, otter);
    expect(none).toBeNull();
  });

  it('types a text template, and says nothing without a provider or with broken JSON', () => {
    const text = 'Meeting: {{ data | json }}';
    const info = templateTypeAt(integration(text), text, text.indexOf('json') + 1, false, otter);
    expect(info?.text).toBe('string');
    expect(templateTypeAt(integration(text), text, 12, false, undefined)).toBeNull();
    expect(templateTypeAt(integration({}), '{"a": "{{ x }}"', 10, true, otter)).toBeNull();
  });

  it('types a completed path, including one the current sample lacks', () => {
    expect(pathType(['data', 'title'], otter)?.detail).toBe('string | null — Otter.ai: data.title');
    expect(pathType(['data'], otter)?.text).toMatch(/^\{ id: string, title\?: string \| null/);
    expect(pathType([], otter)).toBeNull();
  });
});
