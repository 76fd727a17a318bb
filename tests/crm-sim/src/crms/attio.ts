import type { Call, CrmModule, Reply, SimPerson } from '../types.js';
import { sameEmail, samePhone } from '../store.js';
import { addActivity, addPerson, fieldOf, iso, json, list, obj, text } from './common.js';

/** Attio REST v2: assert (upsert) a person by email, query people by phone, create a person; notes. */

const WORKSPACE = '14beef7a-99f7-4534-a87e-70b564330a4c';
const PEOPLE = '97052eb9-e65e-443f-a297-f2d9a4a7f795';

function error(
  status: number,
  type: string,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): Reply {
  return json(status, { status_code: status, type, code, message, ...extra });
}

function record(p: SimPerson): Record<string, unknown> {
  const [first, ...rest] = (p.name ?? '').split(' ');
  const values: Record<string, unknown> = {
    email_addresses: p.email
      ? [
          {
            original_email_address: p.email,
            email_address: p.email.toLowerCase(),
            attribute_type: 'email-address',
          },
        ]
      : [],
    phone_numbers: p.phone
      ? [
          {
            original_phone_number: p.phone,
            normalized_phone_number: p.phone,
            country_code: null,
            attribute_type: 'phone-number',
          },
        ]
      : [],
    name: p.name
      ? [
          {
            first_name: rest.length ? first : '',
            last_name: rest.join(' '),
            full_name: p.name,
            attribute_type: 'personal-name',
          },
        ]
      : [],
  };
  return {
    id: { workspace_id: WORKSPACE, object_id: PEOPLE, record_id: p.id },
    created_at: iso(p.createdAt),
    web_url: `https://app.attio.com/sim/person/${p.id}/overview`,
    values,
  };
}

/** A value of a multi-select attribute: "text" or {email_address / original_phone_number}. */
function first(values: unknown, key: string): unknown {
  const value = list(values)[0];
  return typeof value === 'string' ? value : obj(value)[key];
}

function fieldsOf(call: Call): { email: unknown; phone: unknown; name: string | null } {
  const values = obj(obj(obj(call.body).data).values);
  return {
    email: first(values.email_addresses, 'email_address'),
    phone: first(values.phone_numbers, 'original_phone_number'),
    name: text(obj(list(values.name)[0]).full_name),
  };
}

function assert(call: Call): Reply {
  const attribute = call.url.searchParams.get('matching_attribute');
  if (attribute !== 'email_addresses')
    return error(
      400,
      'invalid_request_error',
      'value_not_found',
      `The simulator asserts people on email_addresses only (got ${attribute}).`,
    );
  const fields = fieldsOf(call);
  const existing = call.people.find((p) => sameEmail(p.email, fields.email));
  if (existing) {
    existing.name ??= fields.name;
    return json(200, { data: record(existing) });
  }
  return json(200, { data: record(addPerson(call, 'person', fields)) });
}

function query(call: Call): Reply {
  const filter = obj(obj(call.body).filter);
  const phone =
    typeof filter.phone_numbers === 'string'
      ? filter.phone_numbers
      : obj(obj(obj(filter.phone_numbers).normalized_phone_number)).$eq;
  const email =
    typeof filter.email_addresses === 'string'
      ? filter.email_addresses
      : obj(obj(obj(filter.email_addresses).email_address)).$eq;
  const found = call.people.filter(
    (p) =>
      (phone !== undefined && samePhone(p.phone, phone)) ||
      (email !== undefined && sameEmail(p.email, email)),
  );
  const limit = typeof obj(call.body).limit === 'number' ? (obj(call.body).limit as number) : 500;
  return json(200, { data: found.slice(0, limit).map(record) });
}

function create(call: Call): Reply {
  const fields = fieldsOf(call);
  if (call.people.some((p) => sameEmail(p.email, fields.email))) {
    return error(
      409,
      'invalid_request_error',
      'uniqueness_conflict',
      'A record with the same value for the unique attribute "email_addresses" already exists.',
    );
  }
  return json(200, { data: record(addPerson(call, 'person', fields)) });
}

function note(call: Call): Reply {
  const data = obj(obj(call.body).data);
  const filed = addActivity(call, personIdsOf(call.preset, call.body), 'note');
  return json(200, {
    data: {
      id: { workspace_id: WORKSPACE, note_id: filed.id },
      parent_object: data.parent_object,
      parent_record_id: data.parent_record_id,
      title: data.title,
      created_at: iso(call.now),
    },
  });
}

function personIdsOf(target: string, body: unknown): string[] {
  const data = obj(obj(body).data);
  return target === 'attio.note' && data.parent_object === 'people'
    ? [text(data.parent_record_id)].filter((id): id is string => id !== null)
    : [];
}

export const attio: CrmModule = {
  id: 'attio',
  hosts: /^api\.attio\.com$/,
  authorized: (headers, token) => headers.authorization === `Bearer ${token}`,
  unauthorized: () =>
    error(401, 'auth_error', 'invalid_authorization', 'Authorization token is invalid or missing.'),
  invalid: (problems) =>
    error(
      400,
      'invalid_request_error',
      'validation_type',
      `Body payload validation error: ${problems[0]?.message ?? ''}`,
      {
        validation_errors: problems.map((p) => ({
          code: 'invalid_type',
          path: p.path.split('/').filter(Boolean),
          message: p.message,
          field: fieldOf(p),
        })),
      },
    ),
  missing: (id) => error(404, 'invalid_request_error', 'not_found', `Record with ID "${id}" not found.`),
  rateLimited: () =>
    error(429, 'rate_limit_error', 'rate_limit_exceeded', 'Rate limit exceeded, please try again later'),
  newId: (_kind, counter) => `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
  personIdsOf,
  handlers: {
    'attio.person.assert': assert,
    'attio.person.query': query,
    'attio.person.create': create,
    'attio.note': note,
  },
};
