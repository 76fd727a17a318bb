import { commonKeys } from './common.js';

type Schema = Record<string, unknown>;

const text: Schema = { type: ['string', 'null'], minLength: 1 };
const time: Schema = { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] };

const person: Schema = {
  type: 'object',
  properties: { name: text, email: text, phone: text },
  required: ['name', 'email', 'phone'],
  additionalProperties: false,
};

const actionItem: Schema = {
  type: 'object',
  properties: { text: { type: 'string', minLength: 1 }, assignee: text, done: { type: ['boolean', 'null'] } },
  required: ['text', 'assignee', 'done'],
  additionalProperties: false,
};

/**
 * JSON Schema of the `common` view (SPEC §7, `CommonView` in common.ts) for one provider and event:
 * the same keys for every provider; unknown facts are null; text is never "" (the builders read it with
 * `text()`); times are the providers' ISO date-times. A test validates the view of every sample and of
 * generated payloads against it.
 */
export function commonSchema(providerId: string, event: string): Schema {
  return {
    type: 'object',
    properties: {
      provider: { const: providerId },
      // Otter names the event in the payload (meta.webhook.event): any text there.
      event: providerId === 'otter' ? { type: 'string', minLength: 1 } : { const: event },
      id: text,
      title: text,
      summary: text,
      started_at: time,
      ended_at: time,
      duration_seconds: { type: ['number', 'null'] },
      direction: { enum: ['inbound', 'outbound', null] },
      status: text,
      phone: text,
      owner: {
        type: 'object',
        properties: { name: text, email: text },
        required: ['name', 'email'],
        additionalProperties: false,
      },
      participants: { type: 'array', items: person },
      transcript_text: text,
      action_items: { type: 'array', items: actionItem },
      recording_url: text,
      url: { type: ['string', 'null'] },
      fields: {
        type: 'object',
        additionalProperties: true,
        description: 'Extracted key/values, as the provider sent them.',
      },
    },
    required: [...commonKeys],
    additionalProperties: false,
  };
}
