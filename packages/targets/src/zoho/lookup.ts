import type { JsonValue } from '@hookmap/core';
import { object, text } from '../schema-parts.js';
import {
  FIRST_NAME,
  LAST_NAME_OR_LABEL,
  braces,
  findThenCreate,
  presetStep,
  sampleResponsesOf,
  withName,
} from '../steps/build.js';
import type { PersonExpressions, BuiltPersonSteps, StepPreset } from '../steps/types.js';
import type { JsonSchema } from '../types.js';
import { API, AUTH, HEADERS, RATE_LIMIT, SECRETS } from './index.js';

/**
 * Finding, creating and upserting the Zoho CRM contact a note or call belongs to (SOURCES.md, "Lookups"):
 * `GET /crm/v8/Contacts/search?email=` (or `phone=`), which answers 204 without a body when nothing matches.
 */

const DOCS = [
  'https://www.zoho.com/crm/developer/docs/api/v8/search-records.html',
  'https://www.zoho.com/crm/developer/docs/api/v8/insert-records.html',
  'https://www.zoho.com/crm/developer/docs/api/v8/upsert-records.html',
];
const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };
const FOUND_ID = '4150868000001234567';
const CREATED_ID = '4150868000002345678';
const ACTOR = { name: 'Patricia Boyle', id: '4150868000000225013' };

const CONTACT = object(
  {
    Last_Name: text('Last name (required).', { minLength: 1, maxLength: 80 }),
    First_Name: text('First name.', { maxLength: 40 }),
    Email: text('Email.', { format: 'email' }),
    Phone: text('Phone.', { maxLength: 50 }),
    Mobile: text('Mobile.', { maxLength: 50 }),
    Lead_Source: text('Lead source (an org picklist).'),
    Description: text('Description.'),
  },
  ['Last_Name'],
  { additionalProperties: { 'x-hint': 'Custom fields use their API names, e.g. "Meeting_Tool"' } },
);
const DATA: JsonSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 100,
  items: CONTACT,
  description: 'Records to write (1–100).',
};

function written(action: 'insert' | 'update' | null, id: string): JsonValue {
  const details = {
    Modified_Time: '2025-07-31T12:31:02+00:00',
    Modified_By: ACTOR,
    Created_Time: '2025-07-31T12:31:02+00:00',
    id,
    Created_By: ACTOR,
  };
  const entry = {
    code: 'SUCCESS',
    details,
    message: action === 'update' ? 'record updated' : 'record added',
    status: 'success',
  };
  return {
    data: [
      action === null ? entry : { ...entry, duplicate_field: action === 'update' ? 'Email' : null, action },
    ],
  };
}

const shared: Pick<StepPreset, 'crm' | 'headers' | 'secrets' | 'auth' | 'docs' | 'rateLimit'> = {
  crm: 'zoho',
  headers: HEADERS,
  secrets: SECRETS,
  auth: AUTH,
  docs: DOCS,
  rateLimit: RATE_LIMIT,
};

export const zohoContactSearch: StepPreset = {
  ...shared,
  id: 'zoho.contact.search',
  kind: 'lookup',
  name: 'Find the Zoho CRM contact',
  method: 'GET',
  url: `${API}/Contacts/search`,
  schema: null,
  responses: {
    found: {
      status: 200,
      headers: JSON_HEADERS,
      body: {
        data: [
          {
            id: FOUND_ID,
            Full_Name: 'John Doe',
            First_Name: 'John',
            Last_Name: 'Doe',
            Email: 'john@test.com',
            Phone: '+12345678900',
          },
        ],
        info: { per_page: 1, count: 1, page: 1, more_records: false },
      },
    },
    'not-found': { status: 204, body: null },
  },
  notes: [
    'email=, phone=, word= or criteria=(Email:equals:…); per_page up to 200.',
    '204 No Content (no body) when nothing matches: the result then reads null.',
  ],
};

export const zohoContactCreate: StepPreset = {
  ...shared,
  id: 'zoho.contact.create',
  kind: 'create',
  name: 'Create the Zoho CRM contact',
  method: 'POST',
  url: `${API}/Contacts`,
  schema: object({ data: DATA, trigger: { type: 'array', items: { type: 'string' } } }, ['data'], {
    additionalProperties: false,
  }),
  responses: {
    found: { status: 201, headers: JSON_HEADERS, body: written(null, CREATED_ID) },
    'not-found': { status: 201, headers: JSON_HEADERS, body: written(null, CREATED_ID) },
  },
  notes: [
    '201 with data[0].details.id; 400 with data[0].code MANDATORY_NOT_FOUND and details.api_name when Last_Name is missing.',
  ],
};

export const zohoContactUpsert: StepPreset = {
  ...shared,
  id: 'zoho.contact.upsert',
  kind: 'upsert',
  name: 'Create or update the Zoho CRM contact by email',
  method: 'POST',
  url: `${API}/Contacts/upsert`,
  schema: object(
    {
      data: DATA,
      duplicate_check_fields: {
        type: 'array',
        minItems: 1,
        items: { type: 'string' },
        description: 'Unique fields that find the record, e.g. ["Email"].',
      },
      trigger: { type: 'array', items: { type: 'string' } },
    },
    ['data'],
    { additionalProperties: false },
  ),
  responses: {
    found: { status: 200, headers: JSON_HEADERS, body: written('update', FOUND_ID) },
    'not-found': { status: 200, headers: JSON_HEADERS, body: written('insert', CREATED_ID) },
  },
  notes: [
    'Matches on duplicate_check_fields (system-defined unique fields, Email for Contacts) and answers action "insert" or "update".',
  ],
};

function contact(person: PersonExpressions): JsonValue {
  return {
    Last_Name: LAST_NAME_OR_LABEL,
    First_Name: FIRST_NAME,
    [person.by === 'email' ? 'Email' : 'Phone']: braces(person.value),
  };
}

/** find → create when not found, or one upsert by email. */
export function zohoPersonSteps(person: PersonExpressions, upsert: boolean): BuiltPersonSteps {
  if (upsert && person.by === 'email') {
    const body = withName(person, { data: [contact(person)], duplicate_check_fields: ['Email'] });
    const step = presetStep('person', zohoContactUpsert, {
      body,
      result: '{{ response.body.data[0].details.id }}',
    });
    return {
      crm: 'zoho',
      by: 'email',
      steps: [step],
      recordId: 'steps.person.result',
      record: 'Contacts',
      responses: sampleResponsesOf([['person', zohoContactUpsert]]),
    };
  }
  return findThenCreate(
    'zoho',
    person.by,
    'Contacts',
    [
      zohoContactSearch,
      {
        query: `${person.by}={{ ${person.value} }}&per_page=1`,
        result: '{{ response.body.data[0].id ?? null }}',
      },
    ],
    [
      zohoContactCreate,
      {
        body: withName(person, { data: [contact(person)] }),
        result: '{{ response.body.data[0].details.id }}',
      },
    ],
  );
}

export const zohoStepPresets: StepPreset[] = [zohoContactSearch, zohoContactCreate, zohoContactUpsert];
