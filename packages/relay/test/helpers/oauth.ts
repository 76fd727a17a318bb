/**
 * A real OAuth2 server on loopback (`oauth2-mock-server`), plus a destination that accepts only the
 * access tokens that server issued and that were not revoked since. Every token response is recorded;
 * `next` changes the next answers (no `expires_in`, an `instance_url`, an `invalid_grant`).
 */
import { randomUUID } from 'node:crypto';
import { Events, OAuth2Server } from 'oauth2-mock-server';
import { startSink } from './sink.js';
import type { Sink } from './sink.js';

export interface TokenCall {
  grantType: string;
  refreshToken: string | undefined;
  authorization: string | undefined;
  clientSecretInBody: string | undefined;
  answer: Record<string, unknown>;
}

type Change = (body: Record<string, unknown>) => { status?: number; body?: Record<string, unknown> } | void;

export interface OAuthHarness {
  tokenUrl: string;
  authorizeUrl: string;
  calls: TokenCall[];
  /** Access tokens the destination accepts. */
  valid: Set<string>;
  /** The destination refuses every token. */
  refuseAll: boolean;
  /** Called after the destination answered a request (e.g. to revoke the token it accepted). */
  afterRequest: ((url: string, token: string | undefined) => void) | null;
  /** Change the next token answer. */
  next(change: Change): void;
  destination: Sink;
  close(): Promise<void>;
}

export async function startOAuth(): Promise<OAuthHarness> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const port = Number(new URL(server.issuer.url!).port);
  const base = `http://127.0.0.1:${port}`;
  const calls: TokenCall[] = [];
  const valid = new Set<string>();
  const changes: Change[] = [];
  // Two tokens issued in the same second would otherwise be the same JWT.
  server.service.on(Events.BeforeTokenSigning, (token: { payload: Record<string, unknown> }) => {
    token.payload.jti = randomUUID();
  });
  server.service.on(
    Events.BeforeResponse,
    (
      response: { body: Record<string, unknown>; statusCode: number },
      req: { headers: Record<string, string | undefined>; body: Record<string, string> },
    ) => {
      delete response.body.id_token; // CRMs are not OpenID providers
      const change = changes.shift()?.(response.body);
      if (change?.body) response.body = change.body;
      if (change?.status) response.statusCode = change.status;
      if (response.statusCode === 200 && typeof response.body.access_token === 'string')
        valid.add(response.body.access_token);
      calls.push({
        grantType: req.body.grant_type ?? '',
        refreshToken: req.body.refresh_token,
        authorization: req.headers.authorization,
        clientSecretInBody: req.body.client_secret,
        answer: { ...response.body },
      });
    },
  );
  const destination = await startSink((req) => {
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const answer =
      token && valid.has(token) && !harness.refuseAll
        ? { status: 200, body: '{"ok":true}', headers: { 'content-type': 'application/json' } }
        : { status: 401, body: 'invalid token' };
    harness.afterRequest?.(req.url, token);
    return answer;
  });
  const harness: OAuthHarness = {
    refuseAll: false,
    afterRequest: null,
    tokenUrl: `${base}/token`,
    authorizeUrl: `${base}/authorize`,
    calls,
    valid,
    destination,
    next: (change) => changes.push(change),
    close: async () => {
      await destination.close();
      await server.stop();
    },
  };
  return harness;
}
