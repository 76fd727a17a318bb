import type { Diagnostic } from '@hookmap/core';

/** The CRMs the simulator answers for (every CRM target but Slack). */
export const CRM_IDS = ['hubspot', 'salesforce', 'pipedrive', 'zoho', 'close', 'attio'] as const;
export type CrmId = (typeof CRM_IDS)[number];

/** A person record: a HubSpot contact, a Salesforce Contact or Lead, a Pipedrive person, a Zoho contact, a Close lead, an Attio person. */
export interface SimPerson {
  id: string;
  /** The CRM's object type where it has several (Salesforce "Contact" or "Lead"). */
  kind: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  /** Epoch ms; HubSpot's search does not see a contact younger than `hubspotSearchLagMs`. */
  createdAt: number;
}

/** An activity the CRM filed: a note, call, task, event… with the people it is associated with. */
export interface SimActivity {
  id: string;
  /** The target preset it was created through, e.g. "hubspot.note". */
  target: string;
  personIds: string[];
  body: unknown;
}

/** One request the simulator received, as a test inspects it. */
export interface ReceivedRequest {
  crm: CrmId | null;
  /** The preset the request matched ("hubspot.contact.search", "salesforce.task"), or null. */
  preset: string | null;
  method: string;
  /** The URL as the client meant it (the CRM's own host), e.g. "https://api.hubapi.com/crm/objects/2026-09/notes". */
  url: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  response: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A canned answer for the next matching requests (rate limits, outages). */
export interface Fault {
  status: number;
  /** Seconds, sent as Retry-After (429 and 503). */
  retryAfter?: number;
  body?: unknown;
  /** Only requests to this preset (default: any of the CRM's). */
  preset?: string;
  /** How many requests get it (default 1). */
  times?: number;
}

/** What a handler gets: the request, and this CRM's records. */
export interface Call {
  crm: CrmId;
  preset: string;
  method: string;
  url: URL;
  body: unknown;
  people: SimPerson[];
  activities: SimActivity[];
  now: number;
  options: Required<Pick<SimOptions, 'hubspotSearchLagMs'>>;
  /** A new id of this CRM's form for a kind of record ("person", "Contact", "Lead", "activity", "Task"…). */
  newId(kind: string): string;
}

export type Handler = (call: Call) => Reply;

/** How one CRM answers: its auth, its error shapes and a handler per preset it serves. */
export interface CrmModule {
  id: CrmId;
  /** Hosts of the real API (for routing by Host header or by URL). */
  hosts: RegExp;
  /** True when the request carries the right credential. */
  authorized(headers: Record<string, string>, token: string): boolean;
  unauthorized(): Reply;
  /** 400 in the vendor's shape for body problems found by the target schema. */
  invalid(problems: Diagnostic<string>[]): Reply;
  /** 404 in the vendor's shape for a record an activity names that does not exist. */
  missing(id: string): Reply;
  rateLimited(retryAfter: number): Reply;
  newId(kind: string, counter: number): string;
  /** The people an activity body names (its association, WhoId, participants, parent…). */
  personIdsOf(target: string, body: unknown): string[];
  handlers: Record<string, Handler>;
}

export interface SimOptions {
  /** The credential each CRM accepts (defaults: `DEFAULT_TOKENS`). */
  tokens?: Partial<Record<CrmId, string>>;
  /** HubSpot's search index lag: contacts younger than this are not found by search (default 0). */
  hubspotSearchLagMs?: number;
  /** The clock (default Date.now). */
  now?: () => number;
}
