/** Client for the relay admin API: bearer token, JSON, one function per route the logs view uses. */
import type {
  AuthorizeAnswer,
  ConnectionInput,
  ConnectionView,
  DeliveryDetail,
  DeliveryFilter,
  DeliveryView,
  EventView,
  IntegrationView,
  Page,
  PlanAnswer,
  ProviderInfo,
  ReplayResult,
  RetryResult,
  SourceView,
  TestResult,
  VersionDetail,
  VersionList,
} from './types.js';

export class RelayError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

export interface RelayClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

export function createRelayClient(relayUrl: string, token: string): RelayClient {
  const base = relayUrl.replace(/\/+$/, '');
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new RelayError(
        `cannot reach the relay at ${base} (is it running, and does it allow this origin?)`,
        0,
      );
    }
    const text = await response.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      const message = (data as { message?: string } | null)?.message ?? `HTTP ${response.status}`;
      throw new RelayError(response.status === 401 ? `unauthorized: ${message}` : message, response.status);
    }
    return data as T;
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    patch: (path, body) => call('PATCH', path, body),
    delete: (path) => call('DELETE', path),
  };
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface RelayApi {
  sources(): Promise<SourceView[]>;
  integrations(sourceId?: string): Promise<IntegrationView[]>;
  providers(): Promise<ProviderInfo[]>;
  deliveries(filter: DeliveryFilter, page?: { limit?: number; before?: string }): Promise<Page<DeliveryView>>;
  delivery(id: string): Promise<DeliveryDetail>;
  retry(id: string): Promise<RetryResult>;
  /** Bulk: the given ids, or every delivery matching the filter (failed ones by default). */
  retryMany(selection: DeliveryFilter & { ids?: string[] }): Promise<RetryResult>;
  sendTest(integrationId: string, sampleId?: string): Promise<TestResult>;
  /** A source's received events, newest first (raw body). */
  events(sourceId: string, limit?: number): Promise<EventView[]>;
  /** SPEC §12: a new delivery of a stored event, through the live version or `version`. */
  replay(eventId: string, integrationId: string, version?: number): Promise<ReplayResult>;
  /** Bulk replay, with bulk retry's filters (failed deliveries by default), through the live version or `version`. */
  replayMany(selection: DeliveryFilter & { ids?: string[]; version?: number }): Promise<ReplayResult>;
  versions(integrationId: string): Promise<VersionList>;
  version(integrationId: string, n: number): Promise<VersionDetail>;
  rollback(integrationId: string, version: number, message?: string): Promise<IntegrationView>;
  /** The source's recent events rendered with the live version and with `doc`, no network. */
  plan(integrationId: string, doc: unknown, limit?: number): Promise<PlanAnswer>;
  /** Replaces the integration's document: a new version carrying `message`. */
  publish(integrationId: string, doc: unknown, message?: string): Promise<IntegrationView>;
  /** SPEC §10: the relay's connections, never with a secret value. */
  connections(): Promise<ConnectionView[]>;
  connection(id: string): Promise<ConnectionView>;
  createConnection(input: ConnectionInput): Promise<ConnectionView>;
  updateConnection(id: string, patch: Partial<Omit<ConnectionInput, 'id'>>): Promise<ConnectionView>;
  deleteConnection(id: string): Promise<void>;
  /** Starts the authorization-code flow: the URL to open in a new tab. */
  authorizeConnection(id: string): Promise<AuthorizeAnswer>;
}

export function createRelayApi(relayUrl: string, token: string): RelayApi {
  const c = createRelayClient(relayUrl, token);
  return {
    sources: async () => (await c.get<{ items: SourceView[] }>('/api/sources')).items,
    integrations: async (sourceId) =>
      (await c.get<{ items: IntegrationView[] }>(`/api/integrations${query({ sourceId })}`)).items,
    providers: async () => (await c.get<{ items: ProviderInfo[] }>('/api/providers')).items,
    deliveries: (filter, page = {}) =>
      c.get<Page<DeliveryView>>(`/api/deliveries${query({ ...filter, ...page })}`),
    delivery: (id) => c.get<DeliveryDetail>(`/api/deliveries/${encodeURIComponent(id)}`),
    retry: (id) => c.post<RetryResult>(`/api/deliveries/${encodeURIComponent(id)}/retry`),
    retryMany: (selection) => c.post<RetryResult>('/api/deliveries/retry', selection),
    sendTest: (integrationId, sampleId) =>
      c.post<TestResult>(
        `/api/integrations/${encodeURIComponent(integrationId)}/test`,
        sampleId ? { sampleId } : {},
      ),
    events: async (sourceId, limit = 50) =>
      (await c.get<Page<EventView>>(`/api/events${query({ sourceId, limit })}`)).items,
    replay: (eventId, integrationId, version) =>
      c.post<ReplayResult>(
        `/api/events/${encodeURIComponent(eventId)}/replay`,
        version === undefined ? { integrationId } : { integrationId, version },
      ),
    replayMany: (selection) => c.post<ReplayResult>('/api/events/replay', selection),
    versions: (id) => c.get<VersionList>(`/api/integrations/${encodeURIComponent(id)}/versions`),
    version: (id, n) => c.get<VersionDetail>(`/api/integrations/${encodeURIComponent(id)}/versions/${n}`),
    rollback: (id, version, message) =>
      c.post<IntegrationView>(
        `/api/integrations/${encodeURIComponent(id)}/rollback`,
        message ? { version, message } : { version },
      ),
    plan: (id, doc, limit) =>
      c.post<PlanAnswer>(
        `/api/integrations/${encodeURIComponent(id)}/plan`,
        limit === undefined ? { doc } : { doc, limit },
      ),
    publish: (id, doc, message) =>
      c.patch<IntegrationView>(
        `/api/integrations/${encodeURIComponent(id)}`,
        message ? { doc, message } : { doc },
      ),
    connections: async () => (await c.get<{ items: ConnectionView[] }>('/api/connections')).items,
    connection: (id) => c.get<ConnectionView>(`/api/connections/${encodeURIComponent(id)}`),
    createConnection: (input) => c.post<ConnectionView>('/api/connections', input),
    updateConnection: (id, patch) =>
      c.patch<ConnectionView>(`/api/connections/${encodeURIComponent(id)}`, patch),
    deleteConnection: async (id) => {
      await c.delete<unknown>(`/api/connections/${encodeURIComponent(id)}`);
    },
    authorizeConnection: (id) =>
      c.post<AuthorizeAnswer>(`/api/connections/${encodeURIComponent(id)}/authorize`),
  };
}
