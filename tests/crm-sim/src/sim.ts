import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findPreset, validateBody } from '@hookmap/targets';
import { MODULES, moduleForHost } from './crms/index.js';
import { headersOf, parseJson, readBody, send, TooLarge } from './http.js';
import { emptyStores, type CrmStore } from './store.js';
import {
  CRM_IDS,
  type CrmId,
  type CrmModule,
  type Fault,
  type ReceivedRequest,
  type Reply,
  type SimActivity,
  type SimOptions,
  type SimPerson,
} from './types.js';

/** The credential each CRM accepts unless `tokens` says otherwise (the fake tokens of examples/secrets.json). */
export const DEFAULT_TOKENS: Record<CrmId, string> = {
  hubspot: 'test-hubspot-token',
  salesforce: 'test-salesforce-token',
  pipedrive: 'test-pipedrive-token',
  zoho: 'test-zoho-token',
  close: 'test-close-key',
  attio: 'test-attio-token',
};

/** Where a request under `/<crm>/…` was meant to go: the host of the real API (instance hosts are examples). */
export const CANONICAL_HOSTS: Record<CrmId, string> = {
  hubspot: 'api.hubapi.com',
  salesforce: 'acme.my.salesforce.com',
  pipedrive: 'acme.pipedrive.com',
  zoho: 'www.zohoapis.com',
  close: 'api.close.com',
  attio: 'api.attio.com',
};

export interface SimState {
  stores: Record<CrmId, CrmStore>;
  received: ReceivedRequest[];
  faults: Map<CrmId, Fault[]>;
  tokens: Record<CrmId, string>;
  options: Required<Pick<SimOptions, 'hubspotSearchLagMs'>>;
  now: () => number;
}

export function newState(options: SimOptions): SimState {
  return {
    stores: emptyStores(CRM_IDS),
    received: [],
    faults: new Map(),
    tokens: { ...DEFAULT_TOKENS, ...(options.tokens ?? {}) },
    options: { hubspotSearchLagMs: options.hubspotSearchLagMs ?? 0 },
    now: options.now ?? Date.now,
  };
}

/** `/hubspot/crm/…` → hubspot and the real URL; otherwise the Host header names the API. */
function route(
  request: IncomingMessage,
  headers: Record<string, string>,
): { module: CrmModule; url: URL } | null {
  const path = request.url ?? '/';
  const prefix = /^\/([a-z]+)(\/.*)?$/.exec(path);
  if (prefix && Object.hasOwn(MODULES, prefix[1] ?? '')) {
    const id = prefix[1] as CrmId;
    return { module: MODULES[id], url: new URL(prefix[2] ?? '/', `https://${CANONICAL_HOSTS[id]}`) };
  }
  const host = (headers.host ?? '').replace(/:\d+$/, '');
  const module = moduleForHost(host);
  return module ? { module, url: new URL(path, `https://${host}`) } : null;
}

function takeFault(state: SimState, crm: CrmId, preset: string): Fault | null {
  const list = state.faults.get(crm) ?? [];
  const index = list.findIndex((f) => f.preset === undefined || f.preset === preset);
  if (index < 0) return null;
  const fault = list[index] as Fault;
  const left = (fault.times ?? 1) - 1;
  if (left <= 0) list.splice(index, 1);
  else list[index] = { ...fault, times: left };
  return fault;
}

function faultReply(module: CrmModule, fault: Fault): Reply {
  const base =
    fault.status === 429
      ? { ...module.rateLimited(fault.retryAfter ?? 1), status: 429 }
      : { status: fault.status, body: { message: 'Service unavailable' } };
  const headers = {
    ...(base.headers ?? {}),
    ...(fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }),
  };
  return { ...base, ...(fault.body === undefined ? {} : { body: fault.body }), headers };
}

/** Authenticate, validate against the preset's schema, check the people an activity names, then answer. */
function answer(
  state: SimState,
  module: CrmModule,
  preset: string,
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: unknown,
): Reply {
  const fault = takeFault(state, module.id, preset);
  if (fault) return faultReply(module, fault);
  if (!module.authorized(headers, state.tokens[module.id])) return module.unauthorized();
  const problems = validateBody(preset, body).filter((d) => d.severity === 'error');
  if (problems.length > 0) return module.invalid(problems);
  const store = state.stores[module.id];
  const handler = Object.hasOwn(module.handlers, preset) ? module.handlers[preset] : undefined;
  if (!handler) return { status: 404, body: { message: `The simulator does not answer ${preset}` } };
  for (const id of module.personIdsOf(preset, body)) {
    if (!store.people.some((p) => p.id === id)) return module.missing(id);
  }
  return handler({
    crm: module.id,
    preset,
    method,
    url,
    body,
    people: store.people,
    activities: store.activities,
    now: state.now(),
    options: state.options,
    newId: (kind) => module.newId(kind, ++store.counter),
  });
}

export async function handle(
  state: SimState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const headers = headersOf(request);
  const method = request.method ?? 'GET';
  const routed = route(request, headers);
  const record = (entry: Pick<ReceivedRequest, 'crm' | 'preset' | 'url' | 'body'>, reply: Reply) => {
    state.received.push({ ...entry, method, headers, status: reply.status, response: reply.body ?? null });
    send(response, reply);
  };
  let text: string;
  try {
    text = await readBody(request);
  } catch (error) {
    const reply = { status: error instanceof TooLarge ? 413 : 400, body: { message: String(error) } };
    record({ crm: routed?.module.id ?? null, preset: null, url: request.url ?? '', body: null }, reply);
    return;
  }
  if (!routed) {
    record(
      { crm: null, preset: null, url: request.url ?? '', body: text },
      { status: 404, body: { message: 'No CRM at this path or host.' } },
    );
    return;
  }
  const { module, url } = routed;
  let body: unknown;
  try {
    body = parseJson(text);
  } catch {
    const reply = module.invalid([
      { severity: 'error', code: 'T011', message: 'The body is not valid JSON.', path: '', start: 0, end: 0 },
    ]);
    record({ crm: module.id, preset: null, url: url.href, body: text }, reply);
    return;
  }
  const match = findPreset({ method: method as never, url: url.href });
  const preset = match && match.preset.crm === module.id ? match.preset.id : null;
  const reply = preset
    ? answer(state, module, preset, method, url, headers, body)
    : { status: 404, body: { message: `No ${module.id} endpoint ${method} ${url.pathname}` } };
  record({ crm: module.id, preset, url: url.href, body }, reply);
}

/** A CRM simulator listening on 127.0.0.1 (a free port). */
export interface CrmSim {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The base URL of each CRM on the simulator: `${url}/<crm>`. */
  urls: Record<CrmId, string>;
  /** Every request received, in order. */
  received: ReceivedRequest[];
  /** The people of a CRM (seeded or created). */
  people(crm: CrmId): SimPerson[];
  /** The activities a CRM filed. */
  activities(crm: CrmId): SimActivity[];
  /** Adds a person before a test (found by the next lookup); the id is generated unless given. */
  seed(crm: CrmId, person: Partial<SimPerson>): SimPerson;
  /** Answers the next request(s) of a CRM with a fault (429 with Retry-After, 503…). */
  fail(crm: CrmId, fault: Fault): void;
  /** Forgets every record, request and fault. */
  reset(): void;
  /**
   * Secrets for the starters and examples: each CRM's token, and the instance URLs (Salesforce, Pipedrive, Zoho)
   * pointing at the simulator. HubSpot, Close and Attio have fixed hosts: reach them with `simFetch`.
   */
  secrets(): Record<string, string>;
  close(): Promise<void>;
}

export function simApi(state: SimState, url: string, close: () => Promise<void>): CrmSim {
  const urls = Object.fromEntries(CRM_IDS.map((id) => [id, `${url}/${id}`])) as Record<CrmId, string>;
  return {
    url,
    urls,
    received: state.received,
    people: (crm) => state.stores[crm].people,
    activities: (crm) => state.stores[crm].activities,
    seed(crm, person) {
      const store = state.stores[crm];
      const kind = person.kind ?? (crm === 'salesforce' ? 'Contact' : 'person');
      const seeded: SimPerson = {
        id: person.id ?? MODULES[crm].newId(kind, ++store.counter),
        kind,
        email: person.email ?? null,
        phone: person.phone ?? null,
        name: person.name ?? null,
        createdAt: person.createdAt ?? 0,
      };
      store.people.push(seeded);
      return seeded;
    },
    fail(crm, fault) {
      state.faults.set(crm, [...(state.faults.get(crm) ?? []), fault]);
    },
    reset() {
      Object.assign(state.stores, emptyStores(CRM_IDS));
      state.received.length = 0;
      state.faults.clear();
    },
    secrets: () => ({
      HUBSPOT_TOKEN: state.tokens.hubspot,
      SALESFORCE_INSTANCE_URL: urls.salesforce,
      SALESFORCE_ACCESS_TOKEN: state.tokens.salesforce,
      PIPEDRIVE_API_DOMAIN: urls.pipedrive,
      PIPEDRIVE_ACCESS_TOKEN: state.tokens.pipedrive,
      PIPEDRIVE_API_TOKEN: state.tokens.pipedrive,
      ZOHO_API_DOMAIN: urls.zoho,
      ZOHO_ACCESS_TOKEN: state.tokens.zoho,
      CLOSE_API_KEY: state.tokens.close,
      ATTIO_TOKEN: state.tokens.attio,
    }),
    close,
  };
}

/** Starts the simulator on 127.0.0.1 and a free port; `close()` stops it (open connections included). */
export async function startCrmSim(options: SimOptions = {}): Promise<CrmSim> {
  const state = newState(options);
  const server = createServer((request, response) => {
    handle(state, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, { status: 500, body: { message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return simApi(state, `http://127.0.0.1:${port}`, close);
}
