import { render } from '@hookmap/core';
import { describe, expect, it } from 'vitest';
import { buildCommon, detectProvider, getProvider, providers, providersById } from '../src/index.js';

/** One CRM note template written only against `common`. */
const template = {
  subject: '{{ common.title ?? common.event }} ({{ common.provider }})',
  when: '{{ common.started_at }}',
  seconds: '{{ common.duration_seconds }}',
  phone: '{{ common.phone }}',
  owner: '{{ common.owner.email ?? common.owner.name }}',
  people: '{{ common.participants | map: "name" | compact | join: ", " }}',
  summary: '{{ common.summary ?? "" }}',
  todo: { $each: '{{ common.action_items }}', as: 'item', do: '{{ item.text }}' },
  transcript: '{{ common.transcript_text | truncate: 40 }}',
};

describe('common across providers', () => {
  it('renders one template sensibly for a sample of every provider', () => {
    for (const provider of providers) {
      for (const sample of provider.samples) {
        const context = provider.buildContext(sample.payload);
        const out = render(template, context) as Record<string, unknown>;
        expect(typeof out.subject, `${provider.id}/${sample.id}`).toBe('string');
        expect(out.subject as string).toMatch(new RegExp(`\\(${provider.id}\\)$`));
        expect(Array.isArray(out.todo)).toBe(true);
        expect(out.todo).toEqual(
          (context.common as { action_items: { text: string }[] }).action_items.map((i) => i.text),
        );
      }
    }
    const osviOut = render(
      template,
      getProvider('osvi')!.buildContext(getProvider('osvi')!.samples[0]!.payload),
    );
    expect(osviOut).toMatchObject({
      subject: 'post_call (osvi)',
      phone: '+919876543210',
      people: 'John Doe',
    });
  });

  it('detects the provider of every sample and nothing for foreign payloads', () => {
    for (const provider of providers) {
      for (const sample of provider.samples)
        expect(detectProvider(sample.payload)?.id, sample.id).toBe(provider.id);
    }
    for (const foreign of [null, {}, { type: 'call.completed', data: { object: {} } }, [1, 2], 'text']) {
      expect(detectProvider(foreign)).toBeNull();
    }
  });

  it('builds common for a named, given or detected provider', () => {
    const payload = providersById.quil!.samples[0]!.payload;
    expect(buildCommon(payload)?.provider).toBe('quil');
    expect(buildCommon(payload, 'quil')).toEqual(buildCommon(payload, providersById.quil));
    expect(buildCommon(payload, 'nope')).toBeNull();
    expect(buildCommon({ unknown: true })).toBeNull();
    expect(getProvider('toString')).toBeNull();
    expect(providers.map((p) => p.id)).toEqual(['otter', 'quil', 'otonistark', 'attendee', 'osvi']);
  });
});
