import type { Call, CrmModule, Reply, SimPerson } from '../types.js';
import { sameEmail, samePhone } from '../store.js';
import { addActivity, addPerson, fieldOf, iso, json, list, obj, text } from './common.js';

/** Close API v1: Advanced Filtering search for leads by contact email or phone, lead create, call and note activities. */

function fieldErrors(fields: Record<string, string>): Reply {
  return json(400, { error: '', errors: [], 'field-errors': fields });
}

/** The field condition of an Advanced Filtering query, found by walking its nested and/has_related queries. */
function condition(query: unknown): { objectType: string; value: unknown } | null {
  const q = obj(query);
  if (q.type === 'field_condition')
    return { objectType: String(obj(q.field).object_type), value: obj(q.condition).value };
  for (const inner of [...list(q.queries), q.related_query]) {
    const found = inner === undefined ? null : condition(inner);
    if (found) return found;
  }
  return null;
}

function search(call: Call): Reply {
  const wanted = condition(obj(call.body).query);
  const found = call.people.filter((p) =>
    wanted?.objectType === 'contact_email'
      ? sameEmail(p.email, wanted.value)
      : wanted?.objectType === 'contact_phone'
        ? samePhone(p.phone, wanted.value)
        : false,
  );
  const limit = typeof obj(call.body)._limit === 'number' ? (obj(call.body)._limit as number) : 100;
  return json(200, {
    data: found.slice(0, limit).map((p) => ({ __object_type: 'lead', id: p.id })),
    cursor: null,
  });
}

function lead(p: SimPerson, contactId: string): Record<string, unknown> {
  const emails = p.email ? [{ email: p.email, type: 'office' }] : [];
  const phones = p.phone ? [{ phone: p.phone, type: 'office' }] : [];
  return {
    id: p.id,
    display_name: p.name ?? '',
    name: '',
    status_label: 'Potential',
    contacts: [{ id: contactId, lead_id: p.id, name: p.name, emails, phones }],
    date_created: iso(p.createdAt),
  };
}

function createLead(call: Call): Reply {
  const body = obj(call.body);
  const contact = obj(list(body.contacts)[0]);
  const person = addPerson(call, 'lead', {
    email: obj(list(contact.emails)[0]).email,
    phone: obj(list(contact.phones)[0]).phone,
    name: text(contact.name) ?? text(body.name),
  });
  return json(200, lead(person, call.newId('contact')));
}

function activity(call: Call, type: string): Reply {
  const filed = addActivity(call, personIdsOf(call.preset, call.body), 'activity');
  return json(200, {
    ...obj(call.body),
    id: filed.id,
    _type: type,
    date_created: iso(call.now),
    organization_id: 'orga_simulator',
  });
}

function personIdsOf(target: string, body: unknown): string[] {
  return target === 'close.call' || target === 'close.note'
    ? [text(obj(body).lead_id)].filter((id): id is string => id !== null)
    : [];
}

const PREFIX: Record<string, string> = { lead: 'lead_', contact: 'cont_', activity: 'acti_' };

export const close: CrmModule = {
  id: 'close',
  hosts: /^api\.close\.com$/,
  authorized: (headers, token) =>
    headers.authorization === `Basic ${Buffer.from(`${token}:`).toString('base64')}`,
  unauthorized: () => json(401, { error: 'The API key you provided is not valid.' }),
  invalid: (problems) =>
    fieldErrors(Object.fromEntries(problems.map((p) => [fieldOf(p) || '__all__', p.message]))),
  missing: () => fieldErrors({ lead_id: 'Object does not exist.' }),
  rateLimited: (retryAfter) =>
    json(429, {
      error: {
        rate_reset: retryAfter,
        message: 'API call count exceeded for this period',
        rate_limit_type: 'key',
      },
    }),
  newId: (kind, counter) => `${PREFIX[kind] ?? 'lead_'}sim${counter.toString(36).padStart(10, '0')}`,
  personIdsOf,
  handlers: {
    'close.lead.search': search,
    'close.lead.create': createLead,
    'close.call': (call) => activity(call, 'Call'),
    'close.note': (call) => activity(call, 'Note'),
  },
};
