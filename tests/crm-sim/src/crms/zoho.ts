import type { Call, CrmModule, Reply, SimPerson } from '../types.js';
import { fullName, sameEmail, samePhone } from '../store.js';
import { addActivity, addPerson, fieldOf, iso, json, list, obj, text } from './common.js';

/** Zoho CRM v8: Contacts search (204 when nothing matches), insert, upsert; Notes and Calls. */

const ACTOR = { name: 'Simulator', id: '4150868000000000001' };

function entryError(
  code: string,
  message: string,
  details: Record<string, unknown>,
): Record<string, unknown> {
  return { code, details, message, status: 'error' };
}

function written(id: string, at: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const details = {
    Modified_Time: iso(at).replace(/\.\d+Z$/, '+00:00'),
    Modified_By: ACTOR,
    Created_Time: iso(at).replace(/\.\d+Z$/, '+00:00'),
    id,
    Created_By: ACTOR,
  };
  return {
    code: 'SUCCESS',
    details,
    message: extra.action === 'update' ? 'record updated' : 'record added',
    status: 'success',
    ...extra,
  };
}

function contact(p: SimPerson): Record<string, unknown> {
  const [first, ...rest] = (p.name ?? '').split(' ');
  return {
    id: p.id,
    Full_Name: p.name,
    First_Name: rest.length ? first : null,
    Last_Name: rest.length ? rest.join(' ') : p.name,
    Email: p.email,
    Phone: p.phone,
  };
}

function search(call: Call): Reply {
  const email = call.url.searchParams.get('email');
  const phone = call.url.searchParams.get('phone');
  if (email === null && phone === null)
    return json(
      400,
      entryError('REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param: 'criteria' }),
    );
  const found = call.people.filter(
    (p) => (email !== null && sameEmail(p.email, email)) || (phone !== null && samePhone(p.phone, phone)),
  );
  if (found.length === 0) return { status: 204 };
  return json(200, {
    data: found.map(contact),
    info: { per_page: found.length, count: found.length, page: 1, more_records: false },
  });
}

function insert(call: Call, record: Record<string, unknown>): SimPerson {
  return addPerson(call, 'person', {
    email: record.Email,
    phone: record.Phone ?? record.Mobile,
    name: fullName(record.First_Name, record.Last_Name),
  });
}

function create(call: Call): Reply {
  return json(201, {
    data: list(obj(call.body).data).map((r) => written(insert(call, obj(r)).id, call.now)),
  });
}

function upsert(call: Call): Reply {
  const checks = list(obj(call.body).duplicate_check_fields).map(String);
  const data = list(obj(call.body).data).map((entry) => {
    const record = obj(entry);
    const existing = checks.includes('Email')
      ? call.people.find((p) => sameEmail(p.email, record.Email))
      : undefined;
    const person = existing ?? insert(call, record);
    return written(person.id, call.now, {
      duplicate_field: existing ? 'Email' : null,
      action: existing ? 'update' : 'insert',
    });
  });
  return json(200, { data });
}

function activity(call: Call): Reply {
  const data = list(obj(call.body).data).map((entry) =>
    written(addActivity(call, personIdsOf(call.preset, { data: [entry] }), 'activity', entry).id, call.now),
  );
  return json(201, { data });
}

function personIdsOf(target: string, body: unknown): string[] {
  const key = target === 'zoho.note' ? 'Parent_Id' : target === 'zoho.call' ? 'Who_Id' : null;
  if (!key) return [];
  return list(obj(body).data)
    .map((r) => text(obj(obj(r)[key]).id))
    .filter((id): id is string => id !== null);
}

export const zoho: CrmModule = {
  id: 'zoho',
  hosts: /(^|\.)zohoapis\.[a-z.]+$/,
  authorized: (headers, token) => headers.authorization === `Zoho-oauthtoken ${token}`,
  unauthorized: () => json(401, entryError('INVALID_TOKEN', 'invalid oauth token', {})),
  invalid: (problems) =>
    json(400, {
      data: problems.map((p) =>
        entryError(
          p.code === 'T001' ? 'MANDATORY_NOT_FOUND' : 'INVALID_DATA',
          p.code === 'T001' ? 'required field not found' : 'invalid data',
          {
            api_name: fieldOf(p),
            json_path: `$${p.path.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}`,
          },
        ),
      ),
    }),
  missing: (id) =>
    json(400, {
      data: [entryError('INVALID_DATA', 'the related id given seems to be invalid', { api_name: 'id', id })],
    }),
  rateLimited: () =>
    json(
      429,
      entryError(
        'TOO_MANY_REQUESTS',
        'you have reached the maximum number of concurrent or credit-based requests',
        {},
      ),
    ),
  newId: (_kind, counter) => `41508680000${String(counter).padStart(8, '0')}`,
  personIdsOf,
  handlers: {
    'zoho.contact.search': search,
    'zoho.contact.create': create,
    'zoho.contact.upsert': upsert,
    'zoho.note': activity,
    'zoho.call': activity,
  },
};
