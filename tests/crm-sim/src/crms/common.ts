import type { Diagnostic } from '@hookmap/core';
import type { Call, Reply, SimActivity, SimPerson } from '../types.js';

export type Obj = Record<string, unknown>;

export function obj(value: unknown): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

/** The last segment of a diagnostic's JSON Pointer: the field a vendor error names. */
export function fieldOf(problem: Diagnostic<string>): string {
  return (
    problem.path
      .split('/')
      .filter((s) => s !== '' && !/^\d+$/.test(s))
      .at(-1) ?? ''
  );
}

/** Creates a person in the call's CRM. */
export function addPerson(
  call: Call,
  kind: string,
  fields: { email?: unknown; phone?: unknown; name?: string | null },
): SimPerson {
  const person: SimPerson = {
    id: call.newId(kind),
    kind,
    email: text(fields.email),
    phone: text(fields.phone),
    name: fields.name ?? null,
    createdAt: call.now,
  };
  call.people.push(person);
  return person;
}

/** Files an activity in the call's CRM on the people it names. */
export function addActivity(
  call: Call,
  personIds: string[],
  kind = 'activity',
  body: unknown = call.body,
): SimActivity {
  const activity: SimActivity = { id: call.newId(kind), target: call.preset, personIds, body };
  call.activities.push(activity);
  return activity;
}

export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
