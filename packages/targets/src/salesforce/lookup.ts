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
import { ANY_VERSION, AUTH, BASE, HEADERS, RATE_LIMIT, SALESFORCE_API_VERSION, SECRETS } from './index.js';

/**
 * Finding the Contact or Lead a Task or Event is about (its `WhoId`), and creating a Lead when there is none
 * (SOURCES.md, "Lookups"): SOQL on Email (Contacts first, then unconverted Leads), SOSL in phone fields.
 */

const DOCS = [
  'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm',
  'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_search.htm',
  'https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_find.htm',
  'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm',
];
const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };
const CONTACT_ID = '0035e00000Bv9ZQAAZ';
const LEAD_ID = '00Q5e00000AbCdEFGH';
const NEW_LEAD_ID = '00Q5e00000NwLdXYZ1';
const record = (type: string, id: string) => ({
  attributes: { type, url: `/services/data/${SALESFORCE_API_VERSION}/sobjects/${type}/${id}` },
  Id: id,
});

const shared: Pick<StepPreset, 'crm' | 'headers' | 'secrets' | 'auth' | 'docs' | 'rateLimit' | 'schema'> = {
  crm: 'salesforce',
  headers: HEADERS,
  secrets: SECRETS,
  auth: AUTH,
  docs: DOCS,
  rateLimit: RATE_LIMIT,
  schema: null,
};

export const salesforceQuery: StepPreset = {
  ...shared,
  id: 'salesforce.query',
  kind: 'lookup',
  name: 'Find the Salesforce record (SOQL)',
  method: 'GET',
  url: `${BASE}/query/`,
  urlAlternatives: [`${BASE}/query`, `${ANY_VERSION}/query/`, `${ANY_VERSION}/query`],
  responses: {
    found: {
      status: 200,
      headers: JSON_HEADERS,
      body: { totalSize: 1, done: true, records: [record('Contact', CONTACT_ID)] },
    },
    'not-found': { status: 200, headers: JSON_HEADERS, body: { totalSize: 0, done: true, records: [] } },
  },
  notes: [
    'The SOQL statement goes in q, with "+" for spaces; mapped text inside quotes must escape \\ and \' with a backslash (the starters do).',
    'Answers 200 with totalSize 0 and no records when nothing matches.',
  ],
};

export const salesforceSearch: StepPreset = {
  ...shared,
  id: 'salesforce.search',
  kind: 'lookup',
  name: 'Find the Salesforce Contact or Lead by phone (SOSL)',
  method: 'GET',
  url: `${BASE}/search/`,
  urlAlternatives: [`${BASE}/search`, `${ANY_VERSION}/search/`, `${ANY_VERSION}/search`],
  responses: {
    found: { status: 200, headers: JSON_HEADERS, body: { searchRecords: [record('Lead', LEAD_ID)] } },
    'not-found': { status: 200, headers: JSON_HEADERS, body: { searchRecords: [] } },
  },
  notes: [
    'FIND {…} IN PHONE FIELDS matches phone numbers whatever their formatting; the reserved characters ? & | ! { } [ ] ( ) ^ ~ * : \\ " \' + - must be escaped with a backslash (the starters send the E.164 number, so only "+").',
    'Search results come from the search index, which can lag a few minutes behind new records.',
  ],
};

export const salesforceLeadCreate: StepPreset = {
  ...shared,
  id: 'salesforce.lead.create',
  kind: 'create',
  name: 'Create the Salesforce Lead',
  method: 'POST',
  url: `${BASE}/sobjects/Lead/`,
  urlAlternatives: [`${ANY_VERSION}/sobjects/Lead/`],
  schema: object(
    {
      LastName: text('Last name (required).', { minLength: 1, maxLength: 80 }),
      FirstName: text('First name.', { maxLength: 40 }),
      Company: text('Company (required on a Lead).', {
        minLength: 1,
        maxLength: 255,
        'x-hint':
          'Salesforce requires a Company on a Lead; the starters send "[not provided]" when the payload names none',
      }),
      Email: text('Email.', { format: 'email', maxLength: 80 }),
      Phone: text('Phone.', { maxLength: 40 }),
      MobilePhone: text('Mobile phone.', { maxLength: 40 }),
      LeadSource: text('Lead source (an org picklist).', { maxLength: 40 }),
      Description: text('Description.', { maxLength: 32000 }),
    },
    ['LastName', 'Company'],
    { patternProperties: { __c$: {} }, additionalProperties: false },
  ),
  responses: {
    found: { status: 201, headers: JSON_HEADERS, body: { id: NEW_LEAD_ID, success: true, errors: [] } },
    'not-found': { status: 201, headers: JSON_HEADERS, body: { id: NEW_LEAD_ID, success: true, errors: [] } },
  },
  notes: [
    '201 {"id","success":true,"errors":[]}; 400 [{"message","errorCode":"REQUIRED_FIELD_MISSING","fields":["LastName"]}] when a required field is missing.',
  ],
};

/** SOQL string literal: a backslash and a quote escaped with a backslash. */
const SOQL_TEXT = String.raw`| replace: '\\', '\\\\' | replace: "'", "\\'"`;

function soql(object: string, person: PersonExpressions, extra: string): string {
  const email = `{{ ${person.value} ${SOQL_TEXT} }}`;
  return `q=SELECT+Id+FROM+${object}+WHERE+Email+%3D+'${email}'${extra}+ORDER+BY+LastModifiedDate+DESC+LIMIT+1`;
}

function leadBody(person: PersonExpressions): JsonValue {
  return withName(person, {
    LastName: LAST_NAME_OR_LABEL,
    FirstName: FIRST_NAME,
    Company: '[not provided]',
    [person.by === 'email' ? 'Email' : 'Phone']: braces(person.value),
  });
}

const PREFER_CONTACT =
  "{{ (response.body.searchRecords | where: 'attributes.type', 'Contact' | map: 'Id' | first) ?? (response.body.searchRecords | map: 'Id' | first) ?? null }}";

/** By email: Contact, else unconverted Lead, else a new Lead. By phone: one SOSL search over both, else a new Lead. */
export function salesforcePersonSteps(person: PersonExpressions): BuiltPersonSteps {
  const lead = { body: leadBody(person), result: '{{ response.body.id }}' };
  if (person.by === 'phone') {
    const phone = `{{ ${person.value} | replace: '+', '\\\\+' }}`;
    const query = `q=FIND+%7B${phone}%7D+IN+PHONE+FIELDS+RETURNING+Contact(Id),Lead(Id+WHERE+IsConverted+%3D+false)`;
    return findThenCreate(
      'salesforce',
      'phone',
      'Contact or Lead',
      [salesforceSearch, { query, result: PREFER_CONTACT }],
      [salesforceLeadCreate, lead],
    );
  }
  const create = presetStep('create', salesforceLeadCreate, {
    when: '{{ steps.find.result == null && steps.find_lead.result == null }}',
    ...lead,
  });
  const find = presetStep('find', salesforceQuery, {
    query: soql('Contact', person, ''),
    result: '{{ response.body.records[0].Id ?? null }}',
  });
  const findLead = presetStep('find_lead', salesforceQuery, {
    when: '{{ steps.find.result == null }}',
    query: soql('Lead', person, '+AND+IsConverted+%3D+false'),
    result: '{{ response.body.records[0].Id ?? null }}',
  });
  const responses = sampleResponsesOf([
    ['find', salesforceQuery],
    ['find_lead', salesforceQuery],
    ['create', salesforceLeadCreate],
  ]);
  return {
    crm: 'salesforce',
    by: 'email',
    steps: [find, findLead, create],
    recordId: 'steps.find.result ?? steps.find_lead.result ?? steps.create.result',
    record: 'Contact or Lead',
    responses,
  };
}

export const salesforceStepPresets: StepPreset[] = [salesforceQuery, salesforceSearch, salesforceLeadCreate];
