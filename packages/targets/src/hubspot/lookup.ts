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
import { AUTH, HEADERS, HUBSPOT_OBJECTS, RATE_LIMIT } from './index.js';

/**
 * Finding, creating and upserting the HubSpot contact an activity is associated with (SOURCES.md, "Lookups").
 * The search index lags behind writes: a contact created seconds ago may not be found yet. The flows cope by using
 * the create step's own result, and by accepting a 409 from the create (the contact exists: its id is in the message).
 */

const CONTACTS = `${HUBSPOT_OBJECTS}/contacts`;
const DOCS = [
  'https://developers.hubspot.com/docs/api-reference/latest/crm/search-the-crm',
  'https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/guide',
];
const PROPERTY_VALUE: JsonSchema = {
  type: 'string',
  maxLength: 65536,
  'x-hint': 'HubSpot property values are text',
};
const CONTACT_PROPERTIES = object(
  {
    email: text('Primary email (unique per contact).', { format: 'email' }),
    firstname: text('First name.'),
    lastname: text('Last name.'),
    phone: text('Phone number.'),
    mobilephone: text('Mobile phone number.'),
  },
  [],
  { additionalProperties: PROPERTY_VALUE, minProperties: 1 },
);
const LAG_NOTE =
  'Search reads an index that lags a few seconds behind writes: a contact created just before may not be found yet. Use the create step\'s result directly (the starters do), and accept 409 on create: "Contact already exists. Existing ID: <id>".';

const FILTER = object(
  {
    propertyName: text('Property to compare, e.g. "email".'),
    operator: text('Comparison.', {
      enum: [
        'BETWEEN',
        'CONTAINS_TOKEN',
        'EQ',
        'GT',
        'GTE',
        'HAS_PROPERTY',
        'IN',
        'LT',
        'LTE',
        'NEQ',
        'NOT_CONTAINS_TOKEN',
        'NOT_HAS_PROPERTY',
        'NOT_IN',
      ],
    }),
    value: text('Value to match (text).', {
      'x-hint': 'The value is text: map the email or phone, e.g. "{{ common.participants[0].email }}"',
    }),
    values: { type: 'array', items: { type: 'string' }, description: 'Values for IN / NOT_IN.' },
    highValue: text('Upper bound for BETWEEN.'),
  },
  ['propertyName', 'operator'],
  { additionalProperties: false },
);

const searchSchema: JsonSchema = object(
  {
    filterGroups: {
      type: 'array',
      minItems: 1,
      maxItems: 6,
      description: 'Groups joined by OR; the filters inside a group by AND.',
      items: object({ filters: { type: 'array', minItems: 1, items: FILTER } }, ['filters'], {
        additionalProperties: false,
      }),
    },
    properties: { type: 'array', items: { type: 'string' }, description: 'Properties to return.' },
    limit: { type: 'integer', minimum: 1, maximum: 200, description: 'Results per page (at most 200).' },
    after: text('Paging cursor.'),
    sorts: { type: 'array', items: { type: 'string' }, description: 'Sort order.' },
    query: text('Full-text query over the default searchable properties.', { maxLength: 3000 }),
  },
  ['filterGroups'],
  { additionalProperties: false },
);

const TIMES = { createdAt: '2025-03-04T09:12:44.511Z', updatedAt: '2025-07-31T12:05:10.112Z' };
const FOUND_CONTACT = {
  id: '75161301',
  properties: {
    createdate: TIMES.createdAt,
    email: 'john@test.com',
    firstname: 'John',
    hs_object_id: '75161301',
    lastmodifieddate: TIMES.updatedAt,
    lastname: 'Doe',
  },
  ...TIMES,
  archived: false,
};
const NEW_TIMES = { createdAt: '2025-07-31T12:31:02.046Z', updatedAt: '2025-07-31T12:31:02.046Z' };
const CREATED_CONTACT = {
  id: '75161452',
  properties: {
    createdate: NEW_TIMES.createdAt,
    email: 'john@test.com',
    firstname: 'John',
    hs_object_id: '75161452',
    lastmodifieddate: NEW_TIMES.updatedAt,
    lastname: 'Doe',
  },
  ...NEW_TIMES,
  archived: false,
};
const JSON_HEADERS = { 'content-type': 'application/json;charset=utf-8' };

const shared: Pick<StepPreset, 'crm' | 'headers' | 'secrets' | 'auth' | 'docs' | 'rateLimit'> = {
  crm: 'hubspot',
  headers: HEADERS,
  secrets: ['HUBSPOT_TOKEN'],
  auth: AUTH,
  docs: DOCS,
  rateLimit: RATE_LIMIT,
};

export const hubspotContactSearch: StepPreset = {
  ...shared,
  id: 'hubspot.contact.search',
  kind: 'lookup',
  name: 'Find the HubSpot contact',
  method: 'POST',
  url: `${CONTACTS}/search`,
  urlAlternatives: [
    'https://api.hubapi.com/crm/v3/objects/contacts/search',
    'https://api.hubapi.com/crm/objects/{{version}}/contacts/search',
  ],
  schema: searchSchema,
  responses: {
    found: { status: 200, headers: JSON_HEADERS, body: { total: 1, results: [FOUND_CONTACT] } },
    'not-found': { status: 200, headers: JSON_HEADERS, body: { total: 0, results: [] } },
  },
  notes: [
    'Filter groups are joined by OR, the filters of a group by AND; EQ on email is case-insensitive, EQ on phone compares the text as stored.',
    LAG_NOTE,
  ],
};

export const hubspotContactCreate: StepPreset = {
  ...shared,
  id: 'hubspot.contact.create',
  kind: 'create',
  name: 'Create the HubSpot contact',
  method: 'POST',
  url: CONTACTS,
  urlAlternatives: [
    'https://api.hubapi.com/crm/v3/objects/contacts',
    'https://api.hubapi.com/crm/objects/{{version}}/contacts',
  ],
  schema: object(
    { properties: CONTACT_PROPERTIES, associations: { type: 'array', description: 'Records to associate.' } },
    ['properties'],
    { additionalProperties: false },
  ),
  responses: {
    found: { status: 201, headers: JSON_HEADERS, body: CREATED_CONTACT },
    'not-found': { status: 201, headers: JSON_HEADERS, body: CREATED_CONTACT },
  },
  notes: [
    '201 with the new contact; 409 CONFLICT "Contact already exists. Existing ID: <id>" when the email is taken.',
    'Every property value is text.',
  ],
};

export const hubspotContactUpsert: StepPreset = {
  ...shared,
  id: 'hubspot.contact.upsert',
  kind: 'upsert',
  name: 'Create or update the HubSpot contact by email',
  method: 'POST',
  url: `${CONTACTS}/batch/upsert`,
  urlAlternatives: [
    'https://api.hubapi.com/crm/v3/objects/contacts/batch/upsert',
    'https://api.hubapi.com/crm/objects/{{version}}/contacts/batch/upsert',
  ],
  schema: object(
    {
      inputs: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: object(
          {
            id: text('The unique value, e.g. the email.'),
            idProperty: text('The unique property the id is a value of.', { examples: ['email'] }),
            properties: CONTACT_PROPERTIES,
          },
          ['id', 'properties'],
          { additionalProperties: false },
        ),
      },
    },
    ['inputs'],
    { additionalProperties: false },
  ),
  responses: {
    found: { status: 200, headers: JSON_HEADERS, body: upsertAnswer(FOUND_CONTACT, false) },
    'not-found': { status: 200, headers: JSON_HEADERS, body: upsertAnswer(CREATED_CONTACT, true) },
  },
  notes: ['Idempotent by email: no search, no lag. Each result says whether the contact is "new".'],
};

function upsertAnswer(contact: typeof FOUND_CONTACT, isNew: boolean): JsonValue {
  return {
    status: 'COMPLETE',
    results: [{ ...contact, new: isNew }],
    startedAt: '2025-07-31T12:31:01.902Z',
    completedAt: '2025-07-31T12:31:02.101Z',
  };
}

function searchBody(person: PersonExpressions): JsonValue {
  const filter = (propertyName: string) => ({
    filters: [{ propertyName, operator: 'EQ', value: braces(person.value) }],
  });
  const groups = person.by === 'email' ? [filter('email')] : [filter('phone'), filter('mobilephone')];
  return { filterGroups: groups, properties: ['email', 'firstname', 'lastname', 'phone'], limit: 1 };
}

function contactProperties(person: PersonExpressions): JsonValue {
  return withName(person, {
    properties: {
      [person.by === 'email' ? 'email' : 'phone']: braces(person.value),
      firstname: FIRST_NAME,
      lastname: LAST_NAME,
    },
  });
}

/** find → create when not found (email conflicts resolved from the 409), or one upsert by email. */
export function hubspotPersonSteps(person: PersonExpressions, upsert: boolean): BuiltPersonSteps {
  if (upsert && person.by === 'email') {
    const body = withName(person, {
      inputs: [
        {
          id: braces(person.value),
          idProperty: 'email',
          properties: { email: braces(person.value), firstname: FIRST_NAME, lastname: LAST_NAME },
        },
      ],
    });
    const step = presetStep('person', hubspotContactUpsert, {
      body,
      result: '{{ response.body.results[0].id }}',
    });
    return {
      crm: 'hubspot',
      by: 'email',
      steps: [step],
      recordId: 'steps.person.result',
      record: 'contacts',
      responses: sampleResponsesOf([['person', hubspotContactUpsert]]),
    };
  }
  // A 409 means the email is taken (a contact the search index did not show yet): its id ends the message.
  const created =
    person.by === 'email'
      ? {
          accept: [201, 409],
          result: "{{ response.body.id ?? (response.body.message | split: 'Existing ID: ' | last) }}",
        }
      : { result: '{{ response.body.id }}' };
  return findThenCreate(
    'hubspot',
    person.by,
    'contacts',
    [hubspotContactSearch, { body: searchBody(person), result: '{{ response.body.results[0].id ?? null }}' }],
    [hubspotContactCreate, { body: contactProperties(person), ...created }],
  );
}

export const hubspotStepPresets: StepPreset[] = [
  hubspotContactSearch,
  hubspotContactCreate,
  hubspotContactUpsert,
];
