import { describe, expect, it } from 'vitest';
import { validate } from '@hookmap/core';
import type { Provider } from '@hookmap/core';
import { getProvider } from '@hookmap/providers';
import { getTarget } from '@hookmap/targets';
import { rankCandidates, wordsOf } from '../src/mapper/candidates.js';
import { applyEdit } from '../src/mapper/mapping.js';
import { suggestionFix } from '../src/status/fixes.js';
import type { FieldDiagnostic } from '../src/worker/protocol.js';

const body = (text: string): FieldDiagnostic[] =>
  validate(JSON.parse(text)).map((d) => ({ ...d, field: 'body' as const }));

describe('did-you-mean fixes', () => {
  it('replaces an unknown filter with the suggestion, inside a JSON template with escapes', () => {
    const text = '{\n  "a": "say \\"hi\\" {{ name | uper }}",\n  "b": "{{ x }}"\n}';
    const [d] = body(text);
    const fix = suggestionFix(text, true, d!);
    expect(fix?.label).toBe('Use “upper”');
    expect(applyEdit(text, fix!.edit)).toBe(text.replace('uper', 'upper'));
  });

  it('works on text templates by offset, and offers nothing without a suggestion', () => {
    const text = 'Hello {{ name | uppr }}';
    const [d] = validate(text).map((x) => ({ ...x, field: 'body' as const }));
    expect(applyEdit(text, suggestionFix(text, false, d!)!.edit)).toBe('Hello {{ name | upper }}');
    expect(suggestionFix(text, false, { ...d!, suggestion: undefined })).toBeNull();
  });
});

describe('ranked candidates for a missing required field', () => {
  it('splits names into words', () => {
    expect(wordsOf('hs_call_title')).toEqual(['call', 'title']);
    expect(wordsOf('Call_Start_Time')).toEqual(['call', 'start', 'time']);
    expect(wordsOf('startedAt')).toEqual(['start', 'at']);
  });

  it.each([
    ['otter', 'hubspot.call', '/properties/hs_timestamp', 'common.started_at'],
    ['osvi', 'hubspot.call', '/properties/hs_timestamp', 'structured_output.appointment.date'],
    ['quil', 'zoho.call', '/data/0/Call_Start_Time', 'meeting.startTime'],
    ['otter', 'slack.message', '/text', 'common.transcript_text'],
  ])('%s → %s %s: first candidate %s', (providerId, targetId, pointer, expected) => {
    const provider = getProvider(providerId) as unknown as Provider;
    const field = getTarget(targetId)!.fields.find((f) => f.pointer === pointer)!;
    const ranked = rankCandidates(field, provider.buildContext(provider.samples[0]!.payload));
    expect(ranked[0]?.expression).toBe(expected);
  });

  it('offers only id-named fields for an id field, and nothing rather than a wrong guess', () => {
    const otter = getProvider('otter') as unknown as Provider;
    const field = getTarget('close.call')!.fields.find((f) => f.pointer === '/lead_id')!;
    expect(rankCandidates(field, otter.buildContext(otter.samples[0]!.payload))).toEqual([]);
  });
});

describe('problem line numbers', () => {
  it('count lines in the text the problem is in: the text body in text mode, not the JSON template', async () => {
    const { whereOf } = await import('../src/preview/Problems.js');
    const { emptyDoc } = await import('../src/integration.js');
    const textTemplate = 'a\nb\n{{ x | nope }}\nd';
    const [d] = validate(textTemplate).map((x) => ({ ...x, field: 'body' as const }));
    const doc = {
      ...emptyDoc,
      bodyMode: 'text' as const,
      textTemplate,
      templateText: '{\n\n\n\n\n\n"a": 1}',
    };
    expect(whereOf(d!, doc)).toBe('line 3');
    expect(whereOf({ ...d!, field: 'headers', header: 'X-A' }, doc)).toBe('header X-A');
  });
});
