/** The integration `events` filter: which payloads an integration is meant for. */
import { describe, expect, it } from 'vitest';
import {
  eventOf,
  handlesEvent,
  integrationApplies,
  leftOutBy,
  validateIntegration,
  whenHolds,
} from '../../src/index.js';
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
    common: {
      event:
        typeof (payload as { trigger?: unknown }).trigger === 'string'
          ? (payload as { trigger: string }).trigger
          : null,
    },
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
    expect(handlesEvent({ events: ['transcript.update'] }, { trigger: 'bot.state_change' }, undefined)).toBe(
      true,
    );
  });

  it('validateIntegration checks the shape of events', () => {
    const at = (events: unknown) =>
      validateIntegration({ url: 'https://x.io', events }).map((d) => [d.code, d.path]);
    expect(at(['transcript.update'])).toEqual([]);
    expect(at('transcript.update')).toEqual([['H401', '/events']]);
    expect(at([''])).toEqual([['H401', '/events']]);
    expect(at([1])).toEqual([['H401', '/events']]);
  });

  it('when: a condition on the payload, false when what it reads is missing', () => {
    const ended = { when: "{{ data.new_state == 'ended' }}" };
    expect(whenHolds(ended, { trigger: 'bot.state_change', data: { new_state: 'ended' } }, provider)).toBe(
      true,
    );
    expect(whenHolds(ended, { trigger: 'bot.state_change', data: { new_state: 'joining' } }, provider)).toBe(
      false,
    );
    expect(whenHolds(ended, { trigger: 'bot.state_change' }, provider)).toBe(false);
    expect(whenHolds({ when: '<< data.n > 2 >>' }, { data: { n: 3 } }, undefined)).toBe(true);
    expect(whenHolds({}, {}, provider)).toBe(true);
    expect(whenHolds({ when: '  ' }, {}, provider)).toBe(true);
  });

  it('when reads the payload context; real secrets are never given to it', () => {
    expect(whenHolds({ when: '{{ secrets.TOKEN }}' }, { secrets: { TOKEN: 'x' } }, undefined)).toBe(true);
    expect(whenHolds({ when: '{{ secrets.TOKEN }}' }, {}, undefined)).toBe(false);
  });

  it('leftOutBy says which filter leaves a payload out', () => {
    const integration = { events: ['bot.state_change'], when: "{{ data.new_state == 'ended' }}" };
    expect(leftOutBy(integration, { trigger: 'transcript.update' }, provider)).toEqual({
      by: 'events',
      event: 'transcript.update',
    });
    expect(
      leftOutBy(integration, { trigger: 'bot.state_change', data: { new_state: 'joining' } }, provider),
    ).toEqual({ by: 'when' });
    expect(
      leftOutBy(integration, { trigger: 'bot.state_change', data: { new_state: 'ended' } }, provider),
    ).toBeNull();
  });

  it('handlesEvent and whenHolds each read only their own filter', () => {
    const integration = { events: ['bot.state_change'], when: "{{ data.new_state == 'ended' }}" };
    const joining = { trigger: 'bot.state_change', data: { new_state: 'joining' } };
    expect(handlesEvent(integration, joining, provider)).toBe(true);
    expect(whenHolds(integration, joining, provider)).toBe(false);
    expect(
      whenHolds(integration, { trigger: 'transcript.update', data: { new_state: 'ended' } }, provider),
    ).toBe(true);
  });

  it('integrationApplies needs both the event and the condition', () => {
    const integration = { events: ['bot.state_change'], when: "{{ data.new_state == 'ended' }}" };
    expect(
      integrationApplies(
        integration,
        { trigger: 'bot.state_change', data: { new_state: 'ended' } },
        provider,
      ),
    ).toBe(true);
    expect(
      integrationApplies(
        integration,
        { trigger: 'bot.state_change', data: { new_state: 'joining' } },
        provider,
      ),
    ).toBe(false);
    expect(
      integrationApplies(
        integration,
        { trigger: 'transcript.update', data: { new_state: 'ended' } },
        provider,
      ),
    ).toBe(false);
  });

  it('validateIntegration checks when: text, and its syntax at /when', () => {
    const at = (when: unknown) =>
      validateIntegration({ url: 'https://x.io', when }).map((d) => [d.code, d.path]);
    expect(at("{{ data.new_state == 'ended' }}")).toEqual([]);
    expect(at(true)).toEqual([['H401', '/when']]);
    expect(at('{{ data.new_state == }}')).toEqual([['H103', '/when']]);
  });
});
