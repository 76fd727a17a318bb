import type { Call, CrmModule, Reply, SimPerson } from '../types.js';
import { fullName, sameEmail, samePhone } from '../store.js';
import { addActivity, addPerson, fieldOf, json, list, obj, text } from './common.js';

/** Salesforce REST API: SOQL query, SOSL search, Lead create; Task, Event and sObject Collections of Tasks. */

const PREFIX: Record<string, string> = { Contact: '003', Lead: '00Q', Task: '00T', Event: '00U' };
const VERSION = 'v68.0';

function errors(
  status: number,
  ...entries: { message: string; errorCode: string; fields?: string[] }[]
): Reply {
  return json(
    status,
    entries.map((e) => ({ fields: [], ...e })),
  );
}

function record(p: SimPerson): Record<string, unknown> {
  return {
    attributes: { type: p.kind, url: `/services/data/${VERSION}/sobjects/${p.kind}/${p.id}` },
    Id: p.id,
  };
}

/** Undoes SOQL/SOSL backslash escapes. */
function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

const SOQL =
  /^SELECT\s+Id\s+FROM\s+(Contact|Lead)\s+WHERE\s+Email\s*=\s*'((?:\\.|[^'\\])*)'(\s+AND\s+IsConverted\s*=\s*false)?(\s+ORDER\s+BY\s+\w+(\s+(ASC|DESC))?)?(\s+LIMIT\s+\d+)?\s*$/i;

function query(call: Call): Reply {
  const q = call.url.searchParams.get('q') ?? '';
  const parsed = SOQL.exec(q);
  if (!parsed)
    return errors(400, {
      message: `unexpected token: the simulator answers SELECT Id FROM Contact|Lead WHERE Email = '…' (got ${q.slice(0, 80)})`,
      errorCode: 'MALFORMED_QUERY',
    });
  const email = unescape(parsed[2] ?? '');
  const found = call.people.filter((p) => p.kind === parsed[1] && sameEmail(p.email, email));
  return json(200, { totalSize: found.length, done: true, records: found.map(record) });
}

const SOSL = /^FIND\s+\{((?:\\.|[^}\\])*)\}\s+IN\s+PHONE\s+FIELDS\s+RETURNING\s+/i;

function search(call: Call): Reply {
  const q = call.url.searchParams.get('q') ?? '';
  const parsed = SOSL.exec(q);
  if (!parsed)
    return errors(400, {
      message: 'unexpected token: the simulator answers FIND {…} IN PHONE FIELDS RETURNING …',
      errorCode: 'MALFORMED_SEARCH',
    });
  const phone = unescape(parsed[1] ?? '');
  const found = call.people
    .filter((p) => samePhone(p.phone, phone))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'Contact' ? -1 : 1));
  return json(200, { searchRecords: found.map(record) });
}

function createLead(call: Call): Reply {
  const body = obj(call.body);
  const lead = addPerson(call, 'Lead', {
    email: body.Email,
    phone: body.Phone ?? body.MobilePhone,
    name: fullName(body.FirstName, body.LastName),
  });
  return json(201, { id: lead.id, success: true, errors: [] });
}

function created(call: Call, kind: string): Reply {
  const activity = addActivity(call, personIdsOf(call.preset, call.body), kind);
  return json(201, { id: activity.id, success: true, errors: [] });
}

function collection(call: Call): Reply {
  const results = list(obj(call.body).records).map((entry) => {
    const activity = addActivity(
      call,
      [text(obj(entry).WhoId)].filter((id): id is string => id !== null),
      'Task',
      entry,
    );
    return { id: activity.id, success: true, errors: [] };
  });
  return json(200, results);
}

function personIdsOf(target: string, body: unknown): string[] {
  const records =
    target === 'salesforce.tasks'
      ? list(obj(body).records)
      : target === 'salesforce.task' || target === 'salesforce.event'
        ? [body]
        : [];
  return records.map((r) => text(obj(r).WhoId)).filter((id): id is string => id !== null);
}

export const salesforce: CrmModule = {
  id: 'salesforce',
  hosts: /\.(salesforce|force)\.com$/,
  authorized: (headers, token) => headers.authorization === `Bearer ${token}`,
  unauthorized: () => errors(401, { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }),
  invalid: (problems) =>
    errors(
      400,
      ...problems.map((p) => ({
        message: p.message,
        errorCode: p.code === 'T001' ? 'REQUIRED_FIELD_MISSING' : 'FIELD_INTEGRITY_EXCEPTION',
        fields: [fieldOf(p)],
      })),
    ),
  missing: (id) =>
    errors(400, {
      message: `invalid cross reference id: ${id}`,
      errorCode: 'INVALID_CROSS_REFERENCE_KEY',
      fields: ['WhoId'],
    }),
  rateLimited: () =>
    errors(429, { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }),
  newId: (kind, counter) => `${PREFIX[kind] ?? '00T'}SIM${String(counter).padStart(12, '0')}`,
  personIdsOf,
  handlers: {
    'salesforce.query': query,
    'salesforce.search': search,
    'salesforce.lead.create': createLead,
    'salesforce.task': (call) => created(call, 'Task'),
    'salesforce.event': (call) => created(call, 'Event'),
    'salesforce.tasks': collection,
  },
};
