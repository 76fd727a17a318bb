import type { JsonObject } from '../types.js';
import { HEADER_NAME, MAX_STEPS, METHODS, STEP_ID } from './validate-shape.js';

const headers: JsonObject = {
  type: 'object',
  propertyNames: { pattern: HEADER_NAME.source },
  additionalProperties: { type: 'string' },
};

const body: JsonObject = {
  oneOf: [
    {
      type: 'object',
      required: ['mode', 'sections'],
      properties: { mode: { const: 'auto' }, sections: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['mode', 'template'],
      properties: { mode: { const: 'template' }, template: {} },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['mode', 'template'],
      properties: {
        mode: { const: 'text' },
        template: { type: 'string' },
        contentType: { type: 'string' },
        engine: { enum: ['hookmap', 'handlebars'], default: 'hookmap' },
      },
      additionalProperties: false,
    },
  ],
};

const method: JsonObject = { enum: [...METHODS], default: 'POST' };
const url: JsonObject = {
  type: 'string',
  minLength: 1,
  description: 'May hold {{placeholders}}; unresolved ones are left as written.',
};

const step: JsonObject = {
  type: 'object',
  required: ['id', 'url'],
  properties: {
    id: { type: 'string', pattern: STEP_ID.source, description: 'Later steps read this one as steps.<id>.' },
    name: { type: 'string' },
    when: {
      type: 'string',
      description:
        'One placeholder; the step is skipped when it is falsy, e.g. "{{ steps.find.result == null }}".',
    },
    method,
    url,
    headers: { $ref: '#/$defs/headers' },
    body: { $ref: '#/$defs/body' },
    result: {
      description:
        'A template rendered against response ({ status, headers, body }), e.g. "{{ response.body.id }}".',
    },
    accept: {
      type: 'array',
      minItems: 1,
      items: { type: 'integer', minimum: 100, maximum: 599 },
      description: 'Statuses that count as success (default 200–299), e.g. [200, 404] for a lookup.',
    },
  },
  additionalProperties: false,
};

/** JSON Schema (draft 2020-12) of an integration document: one request (SPEC §6) or a flow of steps (§9). */
export const integrationSchema: JsonObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://hookmap.dev/schemas/integration.json',
  title: 'hookmap integration',
  type: 'object',
  oneOf: [
    { required: ['url'], not: { required: ['steps'] } },
    {
      required: ['steps'],
      not: { anyOf: [{ required: ['url'] }, { required: ['method'] }, { required: ['body'] }] },
    },
  ],
  properties: {
    name: { type: 'string' },
    method,
    url,
    headers: {
      $ref: '#/$defs/headers',
      description: 'In a flow: sent by every step, under its own headers.',
    },
    body: { $ref: '#/$defs/body' },
    active: { type: 'boolean', default: true },
    events: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'Send only for these events of the provider (its common.event); absent or empty: every event.',
    },
    when: {
      type: 'string',
      description:
        'Send only when this condition holds for the payload, e.g. "{{ data.new_state == \'ended\' }}".',
    },
    provider: { type: 'string' },
    target: { type: 'string' },
    connection: {
      type: 'string',
      minLength: 1,
      description: 'A relay connection; templates read {{ connection.<name> }}.',
    },
    steps: { type: 'array', minItems: 1, maxItems: MAX_STEPS, items: { $ref: '#/$defs/step' } },
  },
  additionalProperties: true,
  $defs: { headers, body, step },
};
