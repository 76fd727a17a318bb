import type { JsonValue } from '@hookmap/core';
import { object, text } from '../schema-parts.js';
import { braces, findThenCreate, withName } from '../steps/build.js';
import type { PersonExpressions, BuiltPersonSteps, StepPreset } from '../steps/types.js';
import type { JsonSchema } from '../types.js';
import { AUTH, BASE, HEADERS, RATE_LIMIT, SECRETS } from './index.js';

/**
 * Finding and creating the Pipedrive person an activity or note belongs to (SOURCES.md, "Lookups"): API v2
 * `GET /persons/search` with `exact_match`, then `POST /persons`.
 */

const DOCS = [
  'https://developers.pipedrive.com/docs/api/v1/Persons#searchPersons',
  'https://developers.pipedrive.com/docs/api/v1/Persons#addPerson',
];
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const LABELLED = (kind: string) =>
  ({
    type: 'array',
    minItems: 1,
    items: object(
      {
        value: text(`The ${kind}.`),
        primary: { type: 'boolean' },
        label: text('work, home, mobile or other.'),
      },
      ['value'],
      { additionalProperties: false },
    ),
  }) as JsonSchema;

const FOUND_PERSON = {
  id: 146680,
  type: 'person',
  name: 'John Doe',
  phones: ['+12345678900'],
  emails: ['john@test.com'],
  visible_to: 3,
  owner: { id: 11905481 },
  organization: null,
  custom_fields: [],
  notes: [],
};
const CREATED_PERSON = {
  id: 146912,
  name: 'John Doe',
  owner_id: 11905481,
  org_id: null,
  add_time: '2025-07-31T12:31:02Z',
  update_time: '2025-07-31T12:31:02Z',
  emails: [{ value: 'john@test.com', primary: true, label: 'work' }],
  phones: [],
  is_deleted: false,
  visible_to: 3,
  label_ids: [],
  custom_fields: {},
};
const searchAnswer = (items: JsonValue[]): JsonValue => ({
  success: true,
  data: { items },
  additional_data: { next_cursor: null },
});

const shared: Pick<StepPreset, 'crm' | 'headers' | 'secrets' | 'auth' | 'docs' | 'rateLimit'> = {
  crm: 'pipedrive',
  headers: HEADERS,
  secrets: SECRETS,
  auth: AUTH,
  docs: DOCS,
  rateLimit: RATE_LIMIT,
};

export const pipedrivePersonSearch: StepPreset = {
  ...shared,
  id: 'pipedrive.person.search',
  kind: 'lookup',
  name: 'Find the Pipedrive person',
  method: 'GET',
  url: `${BASE}/api/v2/persons/search`,
  schema: null,
  responses: {
    found: {
      status: 200,
      headers: JSON_HEADERS,
      body: searchAnswer([{ result_score: 1.2, item: FOUND_PERSON }]),
    },
    'not-found': { status: 200, headers: JSON_HEADERS, body: searchAnswer([]) },
  },
  notes: [
    'term (URL-encoded, at least 2 characters, or 1 with exact_match), fields=email or fields=phone, exact_match=true (not case sensitive), limit up to 500.',
    'Answers 200 with data.items empty when nothing matches.',
  ],
};

export const pipedrivePersonCreate: StepPreset = {
  ...shared,
  id: 'pipedrive.person.create',
  kind: 'create',
  name: 'Create the Pipedrive person',
  method: 'POST',
  url: `${BASE}/api/v2/persons`,
  schema: object(
    {
      name: text("The person's name (required by Pipedrive).", { minLength: 1 }),
      owner_id: { type: 'integer', description: 'Owner user id.' },
      org_id: { type: 'integer', description: 'Organization id.' },
      emails: LABELLED('email address'),
      phones: LABELLED('phone number'),
      visible_to: { type: 'integer', enum: [1, 3, 5, 7], description: 'Visibility.' },
      label_ids: { type: 'array', items: { type: 'integer' } },
      custom_fields: { type: 'object', description: 'Custom fields by their 40-character key.' },
    },
    ['name'],
    { additionalProperties: false },
  ),
  responses: {
    found: { status: 200, headers: JSON_HEADERS, body: { success: true, data: CREATED_PERSON } },
    'not-found': { status: 200, headers: JSON_HEADERS, body: { success: true, data: CREATED_PERSON } },
  },
  notes: [
    'v2 takes emails and phones as [{value, primary, label}]; the v1 email/phone fields are not accepted.',
  ],
};

/** find by exact email or phone → create when not found. */
export function pipedrivePersonSteps(person: PersonExpressions): BuiltPersonSteps {
  const query = `term={{ ${person.value} }}&fields=${person.by}&exact_match=true&limit=1`;
  const list = person.by === 'email' ? 'emails' : 'phones';
  return findThenCreate(
    'pipedrive',
    person.by,
    'persons',
    [pipedrivePersonSearch, { query, result: '{{ response.body.data.items[0].item.id ?? null }}' }],
    [
      pipedrivePersonCreate,
      {
        body: withName(person, {
          name: '{{ label }}',
          [list]: [{ value: braces(person.value), primary: true, label: 'work' }],
        }),
        result: '{{ response.body.data.id }}',
      },
    ],
  );
}

export const pipedriveStepPresets: StepPreset[] = [pipedrivePersonSearch, pipedrivePersonCreate];
