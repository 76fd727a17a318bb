import { isFlow, leftOutBy, renderFlow, renderRequest, validateIntegration } from '@hookmap/core';
import type { Flow, FlowResult, JsonValue, Provider } from '@hookmap/core';
import { providers } from '@hookmap/providers';
import { describe, expect, it } from 'vitest';
import { findPreset, sampleResponses, starterFlow, targets, validateRequest } from '../src/index.js';
import type { SampleVariant } from '../src/index.js';
import { credentials } from './support/credentials.js';

const all = providers as unknown as Provider[];
const VARIANTS: SampleVariant[] = ['found', 'not-found'];

/**
 * Attendee webhooks name no person: its starters read the contact from the bot's metadata. The samples carry none
 * (so every one is left out); this is the recording-ready sample as a caller who set it would receive it.
 */
function attendeeWithContact(): JsonValue {
  const sample = all
    .find((p) => p.id === 'attendee')
    ?.samples.find((s) => s.id === 'post_processing_completed');
  const payload = structuredClone(sample?.payload) as { bot_metadata: Record<string, JsonValue> };
  payload.bot_metadata = {
    ...payload.bot_metadata,
    contact_email: 'john@test.com',
    contact_name: 'John Doe',
  };
  return payload as JsonValue;
}

function payloadsOf(provider: Provider): { id: string; payload: JsonValue }[] {
  const samples = provider.samples.map((s) => ({ id: s.id, payload: s.payload }));
  return provider.id === 'attendee'
    ? [...samples, { id: 'post_processing_completed+contact', payload: attendeeWithContact() }]
    : samples;
}

/** Every request of a rendered flow: no render errors, a preset it matches, and a method, URL and body that preset accepts. */
function problemsOf(result: FlowResult): string[] {
  const out: string[] = [];
  if (result.stoppedAt) out.push(`stopped at ${result.stoppedAt} (${result.stopReason})`);
  for (const step of result.steps) {
    if (step.skipped || !step.request) continue;
    for (const d of step.request.diagnostics)
      if (d.severity === 'error') out.push(`${step.id}: ${d.code} ${d.path} ${d.message}`);
    const match = findPreset(step.request);
    if (!match) {
      out.push(`${step.id}: no preset for ${step.request.method} ${step.request.url}`);
      continue;
    }
    for (const d of validateRequest(match.preset.id, step.request))
      out.push(`${step.id} (${match.preset.id}): ${d.code} ${d.path} ${d.message}`);
  }
  return out;
}

describe('starterFlow: every target × every provider × every sample', () => {
  const pairs = targets.flatMap((target) => all.map((provider) => ({ target, provider })));

  it.each(pairs.map((p) => [`${p.target.id} × ${p.provider.id}`, p] as const))(
    '%s',
    (_, { target, provider }) => {
      const doc = starterFlow(target.id, provider.id);
      expect(validateIntegration(doc)).toEqual([]);
      expect(doc).toMatchObject({ target: target.id, provider: provider.id });
      let rendered = 0;
      for (const { id, payload } of payloadsOf(provider)) {
        if (leftOutBy(doc, payload, provider)) continue;
        rendered++;
        if (!isFlow(doc)) {
          const request = renderRequest(doc, payload, { provider, ...credentials(doc), diagnostics: true });
          expect(
            request.diagnostics.filter((d) => d.severity === 'error'),
            id,
          ).toEqual([]);
          if (target.id !== 'hubspot.call.update')
            expect(validateRequest(target.id, request), id).toEqual([]);
          continue;
        }
        for (const variant of VARIANTS) {
          const result = renderFlow(doc, payload, {
            provider,
            ...credentials(doc),
            diagnostics: true,
            responses: sampleResponses(doc, variant),
          });
          expect(problemsOf(result), `${id} (${variant})`).toEqual([]);
          const activity = result.steps.at(-1);
          const person = result.steps
            .filter((s) => s.result !== undefined && s.result !== null)
            .at(-1)?.result;
          expect(activity?.id, id).toBe(doc.steps.at(-1)?.id);
          expect(
            typeof person === 'string' || typeof person === 'number',
            `${id} (${variant}): the person's id`,
          ).toBe(true);
          expect(
            JSON.stringify(activity?.request?.body),
            `${id} (${variant}): the activity names the person`,
          ).toContain(String(person));
        }
      }
      // A list of Tasks needs action items, which only Otter's samples carry: the flow leaves the others out.
      const nothingToSend = target.id === 'salesforce.tasks' && provider.id !== 'otter';
      expect(rendered > 0, 'at least one payload of the provider gets the activity').toBe(!nothingToSend);
    },
  );

  it('finds the person by email for meeting tools and by phone for call tools, and lets the caller choose', () => {
    const urls = (doc: ReturnType<typeof starterFlow>) => (doc as Flow).steps.map((s) => JSON.stringify(s));
    expect(urls(starterFlow('hubspot.note', 'otter')).join()).toContain('"propertyName":"email"');
    expect(urls(starterFlow('hubspot.note', 'quil')).join()).toContain('"propertyName":"phone"');
    expect(urls(starterFlow('hubspot.note', 'otter', { by: 'phone' })).join()).toContain(
      '"propertyName":"mobilephone"',
    );
    expect(urls(starterFlow('pipedrive.note', 'osvi')).join()).toContain('fields=phone');
    expect((starterFlow('attio.note', 'otter', { upsert: true }) as Flow).steps.map((s) => s.id)).toEqual([
      'person',
      'note',
    ]);
    expect((starterFlow('hubspot.call', 'otter', { upsert: true }) as Flow).steps.map((s) => s.id)).toEqual([
      'person',
      'call',
    ]);
  });

  it('reads record ids only from earlier steps, never from the payload', () => {
    for (const target of targets) {
      for (const provider of all) {
        const doc = starterFlow(target.id, provider.id);
        if (!isFlow(doc)) continue;
        expect(JSON.stringify(doc), `${target.id} × ${provider.id}`).not.toMatch(/crm_id/);
      }
    }
  });

  it('stays a single request where there is no person to find', () => {
    expect(isFlow(starterFlow('slack.message', 'otter'))).toBe(false);
    expect(isFlow(starterFlow('hubspot.call.update', 'osvi'))).toBe(false);
  });

  it('leaves out the payloads that name no person, and Attendee events other than the finished recording', () => {
    const attendee = all.find((p) => p.id === 'attendee') as Provider;
    const doc = starterFlow('close.call', 'attendee');
    for (const sample of attendee.samples)
      expect(leftOutBy(doc, sample.payload, attendee), sample.id).not.toBeNull();
    expect(leftOutBy(doc, attendeeWithContact(), attendee)).toBeNull();
  });
});
