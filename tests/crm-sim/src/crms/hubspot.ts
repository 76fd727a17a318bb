import type { Call, CrmModule, Reply, SimPerson } from '../types.js';
import { fullName, sameEmail, samePhone } from '../store.js';
import { addActivity, addPerson, iso, json, list, obj, text } from './common.js';

/** HubSpot CRM v3 / date-versioned objects API: contacts search, create, batch upsert; notes and calls. */

const CORRELATION = 'aeb5f871-7f07-4993-9211-075dc63e7cbf';
const CONTACT_TYPES = new Set([202, 194]);

function error(
  status: number,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
): Reply {
  return json(status, { status: 'error', message, correlationId: CORRELATION, category, ...extra });
}

function contact(p: SimPerson): Record<string, unknown> {
  const [firstname, ...rest] = (p.name ?? '').split(' ');
  const properties = {
    createdate: iso(p.createdAt),
    email: p.email,
    firstname: firstname || null,
    hs_object_id: p.id,
    lastmodifieddate: iso(p.createdAt),
    lastname: rest.join(' ') || null,
    phone: p.phone,
  };
  return { id: p.id, properties, createdAt: iso(p.createdAt), updatedAt: iso(p.createdAt), archived: false };
}

function matches(p: SimPerson, filter: Record<string, unknown>): boolean {
  if (filter.operator !== 'EQ') return false;
  if (filter.propertyName === 'email') return sameEmail(p.email, filter.value);
  if (filter.propertyName === 'phone' || filter.propertyName === 'mobilephone')
    return samePhone(p.phone, filter.value);
  return false;
}

function search(call: Call): Reply {
  const body = obj(call.body);
  const groups = list(body.filterGroups).map((g) => list(obj(g).filters).map(obj));
  // The search index lags behind writes: a contact created less than the lag ago is not found yet.
  const indexed = call.people.filter((p) => call.now - p.createdAt >= call.options.hubspotSearchLagMs);
  const found = indexed.filter((p) => groups.some((filters) => filters.every((f) => matches(p, f))));
  const limit = typeof body.limit === 'number' ? body.limit : 10;
  return json(200, { total: found.length, results: found.slice(0, limit).map(contact) });
}

function createContact(call: Call, properties: Record<string, unknown>): SimPerson {
  return addPerson(call, 'contact', {
    email: properties.email,
    phone: properties.phone ?? properties.mobilephone,
    name: fullName(properties.firstname, properties.lastname),
  });
}

function create(call: Call): Reply {
  const properties = obj(obj(call.body).properties);
  const taken = call.people.find((p) => sameEmail(p.email, properties.email));
  if (taken) return error(409, 'CONFLICT', `Contact already exists. Existing ID: ${taken.id}`);
  return json(201, contact(createContact(call, properties)));
}

function upsert(call: Call): Reply {
  const results = list(obj(call.body).inputs).map((entry) => {
    const input = obj(entry);
    const properties = obj(input.properties);
    const existing =
      input.idProperty === 'email'
        ? call.people.find((p) => sameEmail(p.email, input.id))
        : call.people.find((p) => p.id === input.id);
    const person = existing ?? createContact(call, { ...properties, email: properties.email ?? input.id });
    return { ...contact(person), new: !existing };
  });
  const at = iso(call.now);
  return json(200, { status: 'COMPLETE', results, startedAt: at, completedAt: at });
}

function engagement(call: Call): Reply {
  const activity = addActivity(call, personIdsOf(call.preset, call.body), 'engagement');
  const properties = {
    ...obj(obj(call.body).properties),
    hs_object_id: activity.id,
    hs_createdate: iso(call.now),
    hs_lastmodifieddate: iso(call.now),
  };
  return json(201, {
    id: activity.id,
    properties,
    createdAt: iso(call.now),
    updatedAt: iso(call.now),
    archived: false,
  });
}

function updateCall(call: Call): Reply {
  const id = call.url.pathname.split('/').at(-1) ?? '';
  const existing = call.activities.find((a) => a.target === 'hubspot.call' && a.id === id);
  if (!existing) return error(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.');
  existing.body = {
    ...obj(existing.body),
    properties: { ...obj(obj(existing.body).properties), ...obj(obj(call.body).properties) },
  };
  return json(200, {
    id,
    properties: obj(obj(existing.body).properties),
    createdAt: iso(call.now),
    updatedAt: iso(call.now),
    archived: false,
  });
}

function personIdsOf(target: string, body: unknown): string[] {
  if (target !== 'hubspot.note' && target !== 'hubspot.call') return [];
  return list(obj(body).associations)
    .map(obj)
    .filter((a) => list(a.types).some((t) => CONTACT_TYPES.has(obj(t).associationTypeId as number)))
    .map((a) => text(obj(a.to).id))
    .filter((id): id is string => id !== null);
}

export const hubspot: CrmModule = {
  id: 'hubspot',
  hosts: /^api\.hubapi\.com$/,
  authorized: (headers, token) => headers.authorization === `Bearer ${token}`,
  unauthorized: () =>
    error(
      401,
      'INVALID_AUTHENTICATION',
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    ),
  invalid: (problems) =>
    error(400, 'VALIDATION_ERROR', `Invalid input JSON: ${problems[0]?.message ?? ''}`, {
      errors: problems.map((p) => ({ message: p.message, in: p.path })),
    }),
  missing: (id) =>
    error(400, 'VALIDATION_ERROR', `One or more associations are invalid: no contact with id ${id}.`),
  rateLimited: () =>
    json(429, {
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: CORRELATION,
      policyName: 'TEN_SECONDLY_ROLLING',
    }),
  newId: (_kind, counter) => String(75_200_000 + counter),
  personIdsOf,
  handlers: {
    'hubspot.contact.search': search,
    'hubspot.contact.create': create,
    'hubspot.contact.upsert': upsert,
    'hubspot.note': engagement,
    'hubspot.call': engagement,
    'hubspot.call.update': updateCall,
  },
};
