/** The integration `events` filter: which payloads an integration is meant for. */
import { describe, expect, it } from 'vitest';
import { eventOf, handlesEvent, validateIntegration } from '../../src/index.js';
import type { Provider } from '../../src/index.js';

/** A provider whose event is the payload's `trigger` (as Attendee's is). */
const provider = {
  id: 'fake',
  name: 'Fake',
  events: ['bot.state_change', 'transcript.update'],
  samples: [],
  schema: {},
  sections: [],
  urlScope: null,
  detect: () => true,
  idempotencyKey: () => null,
  buildContext: (payload: unknown) => ({
    ...(payload as object),
    common: { event: typeof (payload as { trigger?: unknown }).trigger === 'string' ? (payload as { trigger: string }).trigger : null },
  }),
} as unknown as Provider;

describe('events filter', () => {
  it('names the event of a payload from the provider context', () => {
    expect(eventOf({ trigger: 'transcript.update' }, provider)).toBe('transcript.update');
    expect(eventOf({}, provider)).toBeNull();
    expect(eventOf({ trigger: 'transcript.update' }, undefined)).toBeNull();
  });

  it('an integration without events handles every payload', () => {
    expect(handlesEvent({}, { trigger: 'bot.state_change' }, provider)).toBe(true);
    expect(handlesEvent({ events: [] }, { trigger: 'bot.state_change' }, provider)).toBe(true);
  });

  it('an integration with events handles only those, and not payloads whose event is unknown', () => {
    const integration = { events: ['transcript.update'] };
    expect(handlesEvent(integration, { trigger: 'transcript.update' }, provider)).toBe(true);
    expect(handlesEvent(integration, { trigger: 'bot.state_change' }, provider)).toBe(false);
    expect(handlesEvent(integration, {}, provider)).toBe(false);
  });

  it('without a provider the filter cannot apply, so it lets the payload through', () => {
    expect(handlesEvent({ events: ['transcript.update'] }, { trigger: 'bot.state_change' }, undefined)).toBe(true);
  });

  it('validateIntegration checks the shape of events', () => {
    const at = (events: unknown) => validateIntegration({ url: 'https://x.io', events }).map((d) => [d.code, d.path]);
    expect(at(['transcript.update'])).toEqual([]);
    expect(at('transcript.update')).toEqual([['H401', '/events']]);
    expect(at([''])).toEqual([['H401', '/events']]);
    expect(at([1])).toEqual([['H401', '/events']]);
  });
});
