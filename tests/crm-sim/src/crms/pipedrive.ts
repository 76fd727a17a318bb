import type { Call, CrmModule, Reply, SimPerson } from '../types.js';
import { sameEmail, samePhone } from '../store.js';
import { addActivity, addPerson, iso, json, list, obj, text } from './common.js';

/** Pipedrive API v2 persons search and create, v2 activities, v1 notes. */

const INFO = 'Please check developers.pipedrive.com for more information about Pipedrive API.';

function failure(status: number, error: string, extra: Record<string, unknown> = {}): Reply {
  return json(status, {
    success: false,
    error,
    error_info: INFO,
    data: null,
    additional_data: null,
    ...extra,
  });
}

function searchItem(p: SimPerson): Record<string, unknown> {
  return {
    result_score: 1,
    item: {
      id: Number(p.id),
      type: 'person',
      name: p.name,
      phones: p.phone ? [p.phone] : [],
      emails: p.email ? [p.email] : [],
      visible_to: 3,
      owner: { id: 1 },
      organization: null,
      custom_fields: [],
      notes: [],
    },
  };
}

function person(p: SimPerson): Record<string, unknown> {
  const at = iso(p.createdAt).replace(/\.\d+Z$/, 'Z');
  return {
    id: Number(p.id),
    name: p.name,
    owner_id: 1,
    org_id: null,
    add_time: at,
    update_time: at,
    emails: p.email ? [{ value: p.email, primary: true, label: 'work' }] : [],
    phones: p.phone ? [{ value: p.phone, primary: true, label: 'work' }] : [],
    is_deleted: false,
    visible_to: 3,
    label_ids: [],
    custom_fields: {},
  };
}

function search(call: Call): Reply {
  const term = call.url.searchParams.get('term') ?? '';
  if (term.length < 1)
    return failure(400, 'Validation failed: term: Parameter must be at least 2 characters long');
  const fields = (call.url.searchParams.get('fields') ?? 'email,phone,name').split(',');
  const exact = call.url.searchParams.get('exact_match') === 'true';
  const found = call.people.filter(
    (p) =>
      (fields.includes('email') &&
        (exact ? sameEmail(p.email, term) : (p.email ?? '').toLowerCase().includes(term.toLowerCase()))) ||
      (fields.includes('phone') && samePhone(p.phone, term)) ||
      (fields.includes('name') && (p.name ?? '').toLowerCase().includes(term.toLowerCase())),
  );
  const limit = Number(call.url.searchParams.get('limit') ?? 100);
  return json(200, {
    success: true,
    data: { items: found.slice(0, limit).map(searchItem) },
    additional_data: { next_cursor: null },
  });
}

function create(call: Call): Reply {
  const body = obj(call.body);
  const first = (key: string) => obj(list(body[key])[0]).value;
  const created = addPerson(call, 'person', {
    email: first('emails'),
    phone: first('phones'),
    name: text(body.name),
  });
  return json(200, { success: true, data: person(created) });
}

function activity(call: Call, status: number): Reply {
  const filed = addActivity(call, personIdsOf(call.preset, call.body));
  return json(status, {
    success: true,
    data: { ...obj(call.body), id: Number(filed.id), add_time: iso(call.now) },
  });
}

function personIdsOf(target: string, body: unknown): string[] {
  const b = obj(body);
  if (target === 'pipedrive.activity')
    return list(b.participants)
      .map((p) => text(obj(p).person_id))
      .filter((id): id is string => id !== null);
  if (target === 'pipedrive.note') return [text(b.person_id)].filter((id): id is string => id !== null);
  return [];
}

export const pipedrive: CrmModule = {
  id: 'pipedrive',
  hosts: /\.pipedrive\.com$/,
  authorized: (headers, token) =>
    headers.authorization === `Bearer ${token}` || headers['x-api-token'] === token,
  unauthorized: () =>
    json(401, { success: false, error: 'unauthorized access', errorCode: 401, error_info: INFO }),
  invalid: (problems) =>
    failure(400, `Validation failed: ${problems.map((p) => `${p.path || 'body'}: ${p.message}`).join('; ')}`),
  missing: (id) => failure(404, `Person not found (id ${id})`),
  rateLimited: () =>
    json(429, { success: false, error: 'Request over limit', errorCode: 429, error_info: INFO }),
  newId: (_kind, counter) => String(146_900 + counter),
  personIdsOf,
  handlers: {
    'pipedrive.person.search': search,
    'pipedrive.person.create': create,
    'pipedrive.activity': (call) => activity(call, 200),
    'pipedrive.note': (call) => activity(call, 201),
  },
};
