/** Words and diffs of the Plan and History views. */
import { describe, expect, it } from 'vitest';
import { diffJson, pointerGet } from '../src/logs/json-diff.js';
import { integrationLabel } from '../src/logs/format.js';
import { itemKind, planHeadline, renderError, statusesByEvent } from '../src/logs/plan-text.js';
import type { DeliveryView, IntegrationView } from '../src/logs/types.js';

const summary = {
  events: 100,
  changed: 37,
  unchanged: 63,
  newlyFailing: 2,
  fixed: 0,
  newlySkipped: 0,
  newlyIncluded: 0,
};

describe('plan headline', () => {
  it('says how many recent events change and how many newly fail', () => {
    expect(planHeadline(summary)).toBe('Changes 37 of 100 recent events, 2 newly failing');
    expect(planHeadline({ ...summary, changed: 0, unchanged: 100, newlyFailing: 0 })).toBe(
      'Changes none of 100 recent events',
    );
    expect(
      planHeadline({ ...summary, events: 1, changed: 1, newlyFailing: 0, fixed: 1, newlySkipped: 0 }),
    ).toBe('Changes 1 of 1 recent event, 1 fixed');
    expect(planHeadline({ ...summary, events: 0, changed: 0 })).toMatch(/No recent events/);
  });

  it('names what a changed event turns into', () => {
    const req = { method: 'POST', url: 'u', headers: {}, body: {} };
    const err = { error: { code: 'T005', message: 'bad id' } };
    expect(itemKind({ before: req, after: err })).toBe('newly failing');
    expect(itemKind({ before: err, after: req })).toBe('fixed');
    expect(itemKind({ before: req, after: null })).toBe('newly skipped');
    expect(itemKind({ before: null, after: req })).toBe('newly included');
    expect(itemKind({ before: req, after: { ...req, url: 'v' } })).toBe('changed');
    expect(renderError(err)).toBe('T005: bad id');
    expect(renderError(req)).toBeNull();
  });
});

describe('json diff (History: a version against the live document)', () => {
  it('gives RFC 6902 operations key by key and index by index', () => {
    const live = { url: 'https://a', body: { template: { a: 1, b: [1, 2, 3] } }, headers: { 'x/y': '1' } };
    const old = { url: 'https://b', body: { template: { b: [1, 5], c: true } } };
    expect(diffJson(live, old)).toEqual([
      { op: 'remove', path: '/headers' },
      { op: 'replace', path: '/url', value: 'https://b' },
      { op: 'remove', path: '/body/template/a' },
      { op: 'replace', path: '/body/template/b/1', value: 5 },
      { op: 'remove', path: '/body/template/b/2' },
      { op: 'add', path: '/body/template/c', value: true },
    ]);
    expect(diffJson(live, structuredClone(live))).toEqual([]);
    expect(pointerGet(live, '/headers/x~1y')).toBe('1');
    expect(pointerGet(live, '/body/template/b/2')).toBe(3);
    expect(pointerGet(live, '/nope/deeper')).toBeUndefined();
  });
});

describe('recent events and labels', () => {
  it('groups delivery statuses by event, newest first', () => {
    const d = (eventId: string, status: DeliveryView['status']) => ({ eventId, status }) as DeliveryView;
    const map = statusesByEvent([d('e1', 'failed'), d('e2', 'succeeded'), d('e1', 'succeeded')]);
    expect(map.get('e1')).toEqual(['failed', 'succeeded']);
    expect(map.get('e2')).toEqual(['succeeded']);
  });

  it("names an integration by its name, its document's name, its URL or a flow's last step", () => {
    expect(integrationLabel({ id: 'i', name: 'Mine', doc: { name: 'doc', url: 'u' } })).toBe('Mine');
    expect(integrationLabel({ id: 'i', name: null, doc: { name: 'doc', url: 'u' } })).toBe('doc');
    expect(integrationLabel({ id: 'i', name: null, doc: { url: 'u' } })).toBe('u');
    expect(
      integrationLabel({ id: 'i', name: null, doc: { steps: [{ url: 'find' }, { url: 'note' }] } }),
    ).toBe('note');
  });
});

describe('publish dialog default', () => {
  it("preselects the logs' filter, else the integration named like the editor's, else the first", async () => {
    const { defaultIntegration } = await import('../src/logs/PublishDialog.js');
    const i = (id: string, name: string) => ({ id, name: null, doc: { name } }) as unknown as IntegrationView;
    const list = [i('a', 'Slack'), i('b', 'calls to CRM')];
    expect(defaultIntegration(list, 'a', 'calls to CRM')).toBe('a');
    expect(defaultIntegration(list, undefined, 'calls to CRM')).toBe('b');
    expect(defaultIntegration(list, 'gone', 'other')).toBe('a');
    expect(defaultIntegration([], undefined, 'x')).toBe('');
  });
});
