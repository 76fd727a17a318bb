/**
 * "A relay delivers for hours with tokens that live for seconds": a real OAuth2 server on loopback
 * (`oauth2-mock-server`) issues access tokens that live `tokenSeconds` and rotates the refresh token at
 * every refresh (the previous one is refused with `invalid_grant`, as Close does); a CRM answers 401 to
 * any token it does not know or that has expired; a relay gets a steady stream of webhooks for an
 * integration naming the connection. Used by `test/connections.soak.test.ts` (30 s) and
 * `scripts/soak-connections.ts` (`SOAK_MINUTES`). Every log line and API answer is checked as it comes
 * for any token, refresh token or the client secret.
 */
import { randomUUID } from 'node:crypto';
import { Events, OAuth2Server } from 'oauth2-mock-server';
import type { RelayOptions } from '../../src/config.js';
import { startSink, type Sink } from './sink.js';
import { startTestRelay, type TestRelay } from './relay.js';

export interface SoakOptions {
  seconds: number;
  /** Webhooks per second. */
  rate: number;
  tokenSeconds: number;
  /** Relay options on top of the test relay's (a PostgreSQL store: `databaseUrl`, `pgSchema`). */
  relay?: RelayOptions;
  progressMs?: number;
  onProgress?: (progress: SoakProgress) => void;
  /** How long to wait, after the last webhook, for the deliveries to finish. */
  drainMs?: number;
}

export interface SoakProgress {
  elapsedMs: number;
  sent: number;
  accepted: number;
  /** Requests the CRM accepted (a valid, unexpired token). */
  delivered: number;
  /** Requests the CRM refused with 401 (each is refreshed once and repeated by the relay). */
  unauthorized: number;
  refreshes: number;
  refusedRefreshes: number;
}

export interface SoakReport extends SoakProgress {
  /** Webhooks the CRM got more than once, or never. */
  duplicates: number;
  missing: number;
  failedDeliveries: number;
  pendingDeliveries: number;
  /** Secret values found in a log line or an API answer (should be none), masked to their first 6 characters. */
  leaks: string[];
  /** Distinct access tokens the CRM saw in accepted requests. */
  tokensUsed: number;
  /** Log lines and API answers checked for secrets. */
  linesChecked: number;
}

const CLIENT_SECRET = 'soak-client-secret-never-shown';
const TOKENISH =
  /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The secrets issued so far; any text can be checked against them as it comes (a token cannot leak before it exists). */
class LeakWatch {
  readonly secrets = new Set<string>();
  readonly leaks = new Set<string>();
  checked = 0;
  check(text: string): void {
    this.checked++;
    if (text.includes(CLIENT_SECRET)) this.leaks.add('client secret');
    for (const match of text.matchAll(TOKENISH))
      if (this.secrets.has(match[0])) this.leaks.add(`${match[0].slice(0, 6)}…`);
  }
}

interface TokenServer {
  tokenUrl: string;
  /** Access token → when it expires (ms). */
  valid: Map<string, number>;
  currentRefresh: string;
  refreshes: number;
  refused: number;
  close(): Promise<void>;
}

async function startTokenServer(tokenSeconds: number, watch: LeakWatch): Promise<TokenServer> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const state: TokenServer = {
    tokenUrl: `http://127.0.0.1:${new URL(server.issuer.url!).port}/token`,
    valid: new Map(),
    currentRefresh: randomUUID(),
    refreshes: 0,
    refused: 0,
    close: () => server.stop(),
  };
  watch.secrets.add(state.currentRefresh);
  server.service.on(Events.BeforeTokenSigning, (token: { payload: Record<string, unknown> }) => {
    token.payload.jti = randomUUID();
  });
  server.service.on(
    Events.BeforeResponse,
    (
      response: { body: Record<string, unknown>; statusCode: number },
      req: { body: Record<string, string> },
    ) => {
      delete response.body.id_token;
      if (req.body.grant_type !== 'refresh_token' || req.body.refresh_token !== state.currentRefresh) {
        state.refused++;
        response.statusCode = 400;
        response.body = {
          error: 'invalid_grant',
          error_description: 'unknown or already used refresh token',
        };
        return;
      }
      const access = String(response.body.access_token);
      state.currentRefresh = randomUUID();
      response.body.refresh_token = state.currentRefresh;
      response.body.expires_in = tokenSeconds;
      watch.secrets.add(access);
      watch.secrets.add(state.currentRefresh);
      state.valid.set(access, Date.now() + tokenSeconds * 1000);
      state.refreshes++;
    },
  );
  return state;
}

function startCrm(tokens: TokenServer): Promise<Sink & { accepted: Map<number, number>; used: Set<string> }> {
  const accepted = new Map<number, number>();
  const used = new Set<string>();
  return startSink(
    (req) => {
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const until = token ? tokens.valid.get(token) : undefined;
      if (!token || until === undefined || until <= Date.now())
        return { status: 401, body: '{"error":"invalid or expired token"}' };
      used.add(token);
      const n = Number((JSON.parse(req.body) as { n: unknown }).n);
      accepted.set(n, (accepted.get(n) ?? 0) + 1);
      return { status: 200, body: '{"ok":true}', headers: { 'content-type': 'application/json' } };
    },
    { keepAliveMs: 5_000 },
  ).then((sink) => Object.assign(sink, { accepted, used }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runTokenSoak(o: SoakOptions): Promise<SoakReport> {
  const watch = new LeakWatch();
  const tokens = await startTokenServer(o.tokenSeconds, watch);
  const crm = await startCrm(tokens);
  let relay: TestRelay | null = null;
  try {
    relay = await startTestRelay({
      timeoutMs: 10_000,
      maxAttempts: 5,
      logLevel: 'debug',
      ...o.relay,
      log: (line) => watch.check(JSON.stringify(line)),
    });
    const api = relay.api;
    relay.api = async (...args) => {
      const answer = await api(...args);
      watch.check(answer.text);
      return answer;
    };
    await setUp(relay, tokens, crm.url);
    const started = Date.now();
    let sent = 0;
    let acceptedHooks = 0;
    const progress = (): SoakProgress => ({
      elapsedMs: Date.now() - started,
      sent,
      accepted: acceptedHooks,
      delivered: [...crm.accepted.values()].reduce((a, b) => a + b, 0),
      unauthorized: crm.requests.length - [...crm.accepted.values()].reduce((a, b) => a + b, 0),
      refreshes: tokens.refreshes,
      refusedRefreshes: tokens.refused,
    });
    const ticker = setInterval(async () => {
      // Reading the connection as an operator would: its answers are checked for secrets too.
      await relay!.api('GET', '/api/connections/crm').catch(() => undefined);
      o.onProgress?.(progress());
    }, o.progressMs ?? 30_000);
    const hooks: Promise<void>[] = [];
    const total = Math.round(o.seconds * o.rate);
    try {
      for (let n = 0; n < total; n++) {
        const due = started + (n * 1000) / o.rate;
        if (due > Date.now()) await sleep(due - Date.now());
        sent++;
        hooks.push(
          relay.hook('soak', { n }).then((r) => {
            if (r.status === 202) acceptedHooks++;
          }),
        );
      }
      await Promise.all(hooks);
      const deadline = Date.now() + (o.drainMs ?? 15_000);
      while (crm.accepted.size < acceptedHooks && Date.now() < deadline) await sleep(50);
    } finally {
      clearInterval(ticker);
    }
    const failed = await countDeliveries(relay, 'failed');
    const pending = await countDeliveries(relay, 'pending');
    await relay.api('GET', '/api/attempts?limit=500');
    await relay.api('GET', '/api/connections');
    const counts = [...crm.accepted.values()];
    return {
      ...progress(),
      duplicates: counts.filter((c) => c > 1).length,
      missing: acceptedHooks - crm.accepted.size,
      failedDeliveries: failed,
      pendingDeliveries: pending,
      leaks: [...watch.leaks],
      tokensUsed: crm.used.size,
      linesChecked: watch.checked,
    };
  } finally {
    await relay?.close();
    await crm.close();
    await tokens.close();
  }
}

async function setUp(relay: TestRelay, tokens: TokenServer, crmUrl: string): Promise<void> {
  const connection = await relay.api('POST', '/api/connections', {
    id: 'crm',
    preset: 'close',
    tokenUrl: tokens.tokenUrl,
    clientId: 'soak-client',
    clientSecret: CLIENT_SECRET,
    refreshToken: tokens.currentRefresh,
  });
  if (connection.status !== 201) throw new Error(`connection not created: ${connection.text}`);
  const source = await relay.api('POST', '/api/sources', {
    id: 'soak',
    provider: null,
    verification: 'none',
  });
  if (source.status !== 201) throw new Error(`source not created: ${source.text}`);
  const integration = await relay.api('POST', '/api/integrations', {
    sourceId: 'soak',
    doc: {
      name: 'crm',
      url: `${crmUrl}/activities`,
      connection: 'crm',
      headers: { Authorization: 'Bearer {{ connection.access_token }}' },
      body: { mode: 'template', template: { n: '{{ n }}' } },
    },
  });
  if (integration.status !== 201) throw new Error(`integration not created: ${integration.text}`);
}

async function countDeliveries(relay: TestRelay, status: string): Promise<number> {
  let count = 0;
  let before: string | undefined;
  for (;;) {
    const page = await relay.api(
      'GET',
      `/api/deliveries?status=${status}&limit=500${before ? `&before=${before}` : ''}`,
    );
    count += page.body.items.length;
    if (!page.body.next) return count;
    before = page.body.next;
  }
}
