import type { JsonValue } from '@hookmap/core';
import { object, text } from '../schema-parts.js';
import {
  FIRST_NAME,
  LAST_NAME,
  braces,
  findThenCreate,
  presetStep,
  sampleResponsesOf,
  withName,
} from '../steps/build.js';
import type { PersonExpressions, BuiltPersonSteps, StepPreset } from '../steps/types.js';
import type { JsonSchema } from '../types.js';
import { AUTH, RATE_LIMIT } from './index.js';

/**
 * Finding or creating the Attio person a note belongs to (SOURCES.md, "Lookups"). By email one request does both:
 * "Assert a person record" (`PUT …/records?matching_attribute=email_addresses`, an upsert). Phone numbers are not
 * unique in Attio, so by phone: query, then create.
 */

const RECORDS = 'https://api.attio.com/v2/objects/people/records';
const HEADERS = AUTH.secrets.headers;
const DOCS = [
  'https://docs.attio.com/rest-api/endpoint-reference/people/assert-a-person-record',
  'https://docs.attio.com/rest-api/endpoint-reference/people/list-person-records',
  'https://docs.attio.com/rest-api/endpoint-reference/people/create-a-person-record',
  'https://docs.attio.com/rest-api/attribute-types/attribute-types-phone-number',
];
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const WORKSPACE = '14beef7a-99f7-4534-a87e-70b564330a4c';
const PEOPLE = '97052eb9-e65e-443f-a297-f2d9a4a7f795';
const FOUND_ID = '891dcbfc-9141-415d-9b2a-2238a6cc012d';
const CREATED_ID = 'bf071e1f-6035-429d-b874-d83ea64ea13b';

function person(recordId: string, createdAt: string): JsonValue {
  return {
    id: { workspace_id: WORKSPACE, object_id: PEOPLE, record_id: recordId },
    created_at: createdAt,
    web_url: `https://app.attio.com/acme/person/${recordId}/overview`,
    values: {
      email_addresses: [
        {
          original_email_address: 'john@test.com',
          email_address: 'john@test.com',
          email_domain: 'test.com',
          attribute_type: 'email-address',
        },
      ],
      name: [
        { first_name: 'John', last_name: 'Doe', full_name: 'John Doe', attribute_type: 'personal-name' },
      ],
    },
  };
}
const FOUND = person(FOUND_ID, '2025-03-04T09:12:44.511000000Z');
const CREATED = person(CREATED_ID, '2025-07-31T12:31:02.046000000Z');

const NAME: JsonSchema = {
  type: 'array',
  maxItems: 1,
  items: object(
    {
      first_name: text('First name.'),
      last_name: text('Last name.'),
      full_name: text('Full name.', { minLength: 1 }),
    },
    ['full_name'],
    { additionalProperties: false },
  ),
  description: 'The personal name (one value).',
};
const VALUES = object(
  {
    email_addresses: {
      type: 'array',
      items: { type: 'string', format: 'email' },
      description: 'Email addresses (unique across people).',
    },
    phone_numbers: {
      type: 'array',
      items: {
        type: 'string',
        pattern: '^\\+[0-9]{6,15}$',
        'x-hint':
          'Attio takes phone numbers as text starting with "+" and the country code (E.164), e.g. "{{ common.phone | e164 }}"',
      },
      description: 'Phone numbers (E.164 text).',
    },
    name: NAME,
    description: text('Description.'),
  },
  [],
  { additionalProperties: { 'x-hint': 'Other attributes by their slug' }, minProperties: 1 },
);
const writeSchema = object(
  { data: object({ values: VALUES }, ['values'], { additionalProperties: false }) },
  ['data'],
  { additionalProperties: false },
);

const shared: Pick<StepPreset, 'crm' | 'headers' | 'secrets' | 'auth' | 'docs' | 'rateLimit'> = {
  crm: 'attio',
  headers: HEADERS,
  secrets: ['ATTIO_TOKEN'],
  auth: AUTH,
  docs: DOCS,
  rateLimit: RATE_LIMIT,
};

export const attioPersonAssert: StepPreset = {
  ...shared,
  id: 'attio.person.assert',
  kind: 'upsert',
  name: 'Find or create the Attio person by email',
  method: 'PUT',
  url: RECORDS,
  schema: writeSchema,
  responses: {
    found: { status: 200, headers: JSON_HEADERS, body: { data: FOUND } },
    'not-found': { status: 200, headers: JSON_HEADERS, body: { data: CREATED } },
  },
  notes: [
    'PUT with ?matching_attribute=email_addresses: updates the person with that email, or creates one; 200 with the record either way.',
    'Multi-select values (email_addresses) are added to, not replaced, on an existing person.',
  ],
};

export const attioPersonQuery: StepPreset = {
  ...shared,
  id: 'attio.person.query',
  kind: 'lookup',
  name: 'Find the Attio person',
  method: 'POST',
  url: `${RECORDS}/query`,
  schema: object(
    {
      filter: {
        type: 'object',
        minProperties: 1,
        description: 'Shorthand or verbose filter.',
        'x-hint': 'A lookup needs a filter: without one every person matches',
      },
      sorts: { type: 'array' },
      limit: { type: 'integer', minimum: 1, maximum: 500 },
      offset: { type: 'integer', minimum: 0 },
    },
    ['filter'],
    { additionalProperties: false },
  ),
  responses: {
    found: { status: 200, headers: JSON_HEADERS, body: { data: [FOUND] } },
    'not-found': { status: 200, headers: JSON_HEADERS, body: { data: [] } },
  },
  notes: [
    'Filter on a phone number property: {"phone_numbers": {"normalized_phone_number": {"$eq": "+15558675309"}}}.',
  ],
};

export const attioPersonCreate: StepPreset = {
  ...shared,
  id: 'attio.person.create',
  kind: 'create',
  name: 'Create the Attio person',
  method: 'POST',
  url: RECORDS,
  schema: writeSchema,
  responses: {
    found: { status: 200, headers: JSON_HEADERS, body: { data: CREATED } },
    'not-found': { status: 200, headers: JSON_HEADERS, body: { data: CREATED } },
  },
  notes: [
    'Fails with a conflict when a unique attribute (email_addresses) is taken: use the assert endpoint to upsert by email.',
  ],
};

function values(p: PersonExpressions): JsonValue {
  const name = {
    $if: '{{ name }}',
    then: [{ first_name: FIRST_NAME, last_name: LAST_NAME, full_name: '{{ name }}' }],
  };
  return withName(p, {
    data: { values: { [p.by === 'email' ? 'email_addresses' : 'phone_numbers']: [braces(p.value)], name } },
  });
}

/** By email one assert (an upsert, idempotent); by phone: query → create when not found. */
export function attioPersonSteps(p: PersonExpressions): BuiltPersonSteps {
  if (p.by === 'email') {
    const step = presetStep('person', attioPersonAssert, {
      body: values(p),
      result: '{{ response.body.data.id.record_id }}',
    });
    step.url = `${RECORDS}?matching_attribute=email_addresses`;
    return {
      crm: 'attio',
      by: 'email',
      steps: [step],
      recordId: 'steps.person.result',
      record: 'people',
      responses: sampleResponsesOf([['person', attioPersonAssert]]),
    };
  }
  const filter = { phone_numbers: { normalized_phone_number: { $$eq: braces(p.value) } } };
  return findThenCreate(
    'attio',
    'phone',
    'people',
    [
      attioPersonQuery,
      { body: { filter, limit: 1 }, result: '{{ response.body.data[0].id.record_id ?? null }}' },
    ],
    [attioPersonCreate, { body: values(p), result: '{{ response.body.data.id.record_id }}' }],
  );
}

export const attioStepPresets: StepPreset[] = [attioPersonAssert, attioPersonQuery, attioPersonCreate];
