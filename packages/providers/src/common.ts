import type { JsonValue } from '@hookmap/core';
import { isRecord, text } from './values.js';

/** One participant of a call or meeting. Unknown parts are null. */
export interface CommonPerson {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface CommonActionItem {
  text: string;
  assignee: string | null;
  done: boolean | null;
}

/**
 * The cross-provider view (SPEC §7): the same keys for every provider, so one template serves all five.
 * Facts a provider does not send are null; `participants` and `action_items` are always arrays.
 */
export interface CommonView {
  provider: string;
  event: string;
  id: string | null;
  title: string | null;
  summary: string | null;
  started_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  direction: 'inbound' | 'outbound' | null;
  status: string | null;
  phone: string | null;
  owner: { name: string | null; email: string | null };
  participants: CommonPerson[];
  transcript_text: string | null;
  action_items: CommonActionItem[];
  recording_url: string | null;
  url: string | null;
  fields: Record<string, JsonValue>;
}

/** Every key of the common view, in the documented order. */
export const commonKeys = [
  'provider',
  'event',
  'id',
  'title',
  'summary',
  'started_at',
  'ended_at',
  'duration_seconds',
  'direction',
  'status',
  'phone',
  'owner',
  'participants',
  'transcript_text',
  'action_items',
  'recording_url',
  'url',
  'fields',
] as const satisfies readonly (keyof CommonView)[];

/** A common view with every fact unknown, to be filled in by a provider. */
export function emptyCommon(provider: string, event: string): CommonView {
  return {
    provider,
    event,
    id: null,
    title: null,
    summary: null,
    started_at: null,
    ended_at: null,
    duration_seconds: null,
    direction: null,
    status: null,
    phone: null,
    owner: { name: null, email: null },
    participants: [],
    transcript_text: null,
    action_items: [],
    recording_url: null,
    url: null,
    fields: {},
  };
}

/** `{name, email}` of a vendor user object, the name from `name` or else `first_name last_name`. */
export function personName(user: unknown): string | null {
  if (!isRecord(user)) return null;
  const full = text(user.name);
  if (full) return full;
  const parts = [text(user.first_name), text(user.last_name)].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

export function person(name: string | null, email: string | null, phone: string | null): CommonPerson {
  return { name, email, phone };
}

/** Ids arrive as strings or integers; the common view always carries text. */
export function idText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return text(value);
}
