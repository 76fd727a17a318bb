import type { JsonValue } from '@hookmap/core';
import { object, text } from '../schema-parts.js';
import { braces, findThenCreate, withName } from '../steps/build.js';
import type { PersonExpressions, BuiltPersonSteps, StepPreset } from '../steps/types.js';
import type { JsonSchema } from '../types.js';
import { AUTH, HEADERS, RATE_LIMIT } from './index.js';

/**
 * Finding and creating the Close lead a call or note belongs to (SOURCES.md, "Lookups"): the Advanced Filtering
 * API (`POST /api/v1/data/search/`; the `query` parameter of `GET /lead/` is deprecated), then `POST /lead/` with
 * the person as its contact. Close has no upsert.
 */

const API = 'https://api.close.com/api/v1';
const DOCS = [
  'https://developer.close.com/api/resources/advanced-filtering',
  'https://developer.close.com/api/resources/advanced-filtering-fields',
  'https://developer.close.com/api/resources/leads/create',
];
const JSON_HEADERS = { 'content-type': 'application/json' };
const FOUND_LEAD = 'lead_4Vc0Kr7mPq2wXs9TbJd1Ea';
const NEW_LEAD = 'lead_8Hn3Zt6yLm0QaR5uWc2Vxe';

const QUERY: JsonSchema = {
  type: 'object',
  required: ['type'],
  properties: {
    type: text('and, or, object_type, has_related, field_condition, …', {
      enum: ['and', 'or', 'not', 'id', 'object_type', 'text', 'has_related', 'field_condition', 'match_all'],
    }),
  },
  description: 'An Advanced Filtering query.',
};
const searchSchema = object(
  {
    query: QUERY,
    _fields: { type: 'object', description: 'Fields to return per object type, e.g. {"lead": ["id"]}.' },
    _limit: { type: 'integer', minimum: 1, maximum: 200, description: 'Results per page.' },
    _cursor: text('Paging cursor.'),
    results_limit: { type: 'integer', minimum: 0, description: 'Stop after this many results.' },
    sort: { type: 'array' },
    include_counts: { type: 'boolean' },
  },
  ['query'],
  { additionalProperties: false },
);

const TYPED = (field: string, kind: string) =>
  ({
    type: 'array',
    items: object(
      { [field]: text(`The ${kind}.`), type: text('office, mobile, home, direct, fax, url or other.') },
      [field],
      { additionalProperties: false },
    ),
  }) as JsonSchema;
const createSchema = object(
  {
    name: text("Lead (company) name; Close shows the first contact's name when it is empty."),
    status_id: text('Lead status id.', { pattern: '^stat_[A-Za-z0-9]+$' }),
    description: text('Description.'),
    url: text('Website.'),
    contacts: {
      type: 'array',
      items: object(
        {
          name: text('Contact name.'),
          title: text('Title.'),
          emails: TYPED('email', 'email address'),
          phones: TYPED('phone', 'phone number'),
        },
        [],
        { additionalProperties: false },
      ),
    },
    custom: { type: 'object', description: 'Deprecated custom field map; use custom.<field id> keys.' },
  },
  [],
  {
    patternProperties: { '^custom\\.cf_[A-Za-z0-9]+$': {} },
    additionalProperties: false,
    minProperties: 1,
    'x-hint':
      'Give the lead a name or the person as its contact: {"contacts": [{"name": "…", "emails": [{"email": "…"}]}]}',
  },
);

const shared: Pick<StepPreset, 'crm' | 'headers' | 'secrets' | 'auth' | 'docs' | 'rateLimit'> = {
  crm: 'close',
  headers: HEADERS,
  secrets: ['CLOSE_API_KEY'],
  auth: AUTH,
  docs: DOCS,
  rateLimit: RATE_LIMIT,
};
const created = {
  id: NEW_LEAD,
  display_name: 'John Doe',
  name: '',
  status_label: 'Potential',
  contacts: [
    {
      id: 'cont_2Jq8Rr0sTn6YuW4xVb1Zcd',
      lead_id: NEW_LEAD,
      name: 'John Doe',
      emails: [{ email: 'john@test.com', type: 'office' }],
      phones: [],
    },
  ],
  date_created: '2025-07-31T12:31:02.046000+00:00',
};

export const closeLeadSearch: StepPreset = {
  ...shared,
  id: 'close.lead.search',
  kind: 'lookup',
  name: 'Find the Close lead',
  method: 'POST',
  url: `${API}/data/search/`,
  schema: searchSchema,
  responses: {
    found: {
      status: 200,
      headers: JSON_HEADERS,
      body: { data: [{ __object_type: 'lead', id: FOUND_LEAD }], cursor: null },
    },
    'not-found': { status: 200, headers: JSON_HEADERS, body: { data: [], cursor: null } },
  },
  notes: [
    'Finds leads whose contact has the email (contact_email) or phone (contact_phone); answers only ids unless _fields asks for more.',
  ],
};

export const closeLeadCreate: StepPreset = {
  ...shared,
  id: 'close.lead.create',
  kind: 'create',
  name: 'Create the Close lead',
  method: 'POST',
  url: `${API}/lead/`,
  schema: createSchema,
  responses: {
    found: { status: 200, headers: JSON_HEADERS, body: created },
    'not-found': { status: 200, headers: JSON_HEADERS, body: created },
  },
  notes: ['Answers 200 with the new lead (its contacts created with it).'],
};

function searchBody(person: PersonExpressions): JsonValue {
  const related = person.by === 'email' ? 'contact_email' : 'contact_phone';
  const field = person.by === 'email' ? 'email' : 'phone';
  const value = person.by === 'email' ? `{{ ${person.value} | lower }}` : braces(person.value);
  return {
    query: {
      type: 'and',
      queries: [
        { type: 'object_type', object_type: 'lead' },
        {
          type: 'has_related',
          this_object_type: 'lead',
          related_object_type: 'contact',
          related_query: {
            type: 'has_related',
            this_object_type: 'contact',
            related_object_type: related,
            related_query: {
              type: 'field_condition',
              field: { type: 'regular_field', object_type: related, field_name: field },
              condition: { type: 'text', mode: 'exact_value', value },
            },
          },
        },
      ],
    },
    _fields: { lead: ['id'] },
    _limit: 1,
  };
}

/** find → create the lead (the person as its contact) when not found. */
export function closePersonSteps(person: PersonExpressions): BuiltPersonSteps {
  const list: { [key: string]: JsonValue } =
    person.by === 'email'
      ? { emails: [{ email: braces(person.value), type: 'office' }] }
      : { phones: [{ phone: braces(person.value), type: 'office' }] };
  return findThenCreate(
    'close',
    person.by,
    'leads',
    [closeLeadSearch, { body: searchBody(person), result: '{{ response.body.data[0].id ?? null }}' }],
    [
      closeLeadCreate,
      {
        body: withName(person, { contacts: [{ name: '{{ label }}', ...list }] }),
        result: '{{ response.body.id }}',
      },
    ],
  );
}

export const closeStepPresets: StepPreset[] = [closeLeadSearch, closeLeadCreate];
