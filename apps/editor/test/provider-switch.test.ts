import { describe, expect, it } from 'vitest';
import { getProvider } from '@hookmap/providers';
import type { Provider } from '@hookmap/core';
import { emptyDoc } from '../src/integration.js';
import { starterDocFor, switchProvider } from '../src/settings/provider-switch.js';

const osviStarter = starterDocFor(
  { ...emptyDoc, providerId: 'osvi', sampleId: 'doc-example' },
  'hubspot.call',
  'osvi',
)!;

describe('switching the provider', () => {
  it('replaces the untouched starter of the old provider with the new one', () => {
    const switched = switchProvider(osviStarter, 'attendee');
    const attendee = getProvider('attendee') as unknown as Provider;
    expect(switched.starterLoaded).toBe(true);
    expect(switched.offerStarter).toBe(false);
    expect(switched.doc.providerId).toBe('attendee');
    expect(switched.doc.sampleId).toBe(attendee.samples[0]!.id);
    expect(switched.doc.templateText).toBe(
      starterDocFor(switched.doc, 'hubspot.call', 'attendee')!.templateText,
    );
    expect(switched.doc.templateText).not.toContain('call_trigger_data');
  });

  it('keeps a template the user changed, and offers the new starter', () => {
    const edited = {
      ...osviStarter,
      templateText: osviStarter.templateText.replace('"properties"', '"properties" '),
    };
    const switched = switchProvider(edited, 'otter');
    expect(switched.starterLoaded).toBe(false);
    expect(switched.offerStarter).toBe(true);
    expect(switched.doc.templateText).toBe(edited.templateText);
  });

  it("drops the old provider's Auto sections and events; nothing of it leaks", () => {
    const osvi = getProvider('osvi') as unknown as Provider;
    const otter = getProvider('otter') as unknown as Provider;
    const auto = {
      ...emptyDoc,
      providerId: 'osvi',
      bodyMode: 'auto' as const,
      sections: osvi.sections.map((s) => s.id),
      events: ['x'],
    };
    const switched = switchProvider(auto, 'otter');
    const own = new Set(otter.sections.map((s) => s.id));
    expect(switched.doc.sections.length).toBeGreaterThan(0);
    expect(switched.doc.sections.every((id) => own.has(id))).toBe(true);
    expect(switched.doc.events).toEqual([]);
  });
});
