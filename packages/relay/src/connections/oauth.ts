/**
 * The OAuth2 exchanges of a connection, through `oauth4webapi` (no hand-written OAuth): the refresh
 * grant, and the authorization-code grant with PKCE. Plain `http://` token endpoints are accepted on
 * loopback only (a local test server); anything else must be https.
 */
import * as oauth from 'oauth4webapi';
import type { ConnectionRecord } from '../store/types.js';

const TOKEN_TIMEOUT_MS = 15_000;
/** Fields of a token response that are not values a template may read. */
const PROTOCOL_FIELDS = new Set([
  'access_token',
  'refresh_token',
  'expires_in',
  'token_type',
  'scope',
  'id_token',
]);

export interface Tokens {
  accessToken: string;
  /** The new refresh token when the server rotated it; otherwise the one used. */
  refreshToken: string | null;
  /** Null when the answer had no `expires_in` (Salesforce). */
  expiresAt: string | null;
  scope: string | null;
  /** Other fields of the answer (`instance_url`, `api_domain`), as text. */
  extras: Record<string, string>;
}

/** The token endpoint refused the grant for good (`invalid_grant`, a revoked or unknown client): reconnect. */
export class GrantRefused extends Error {
  constructor(
    readonly error: string,
    description: string | undefined,
  ) {
    super(`the token endpoint answered ${error}${description ? ` (${description})` : ''}`);
    this.name = 'GrantRefused';
  }
}

const REFUSALS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client']);

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function requestOptions(url: string): oauth.TokenEndpointRequestOptions {
  const insecure = new URL(url).protocol === 'http:' && isLoopback(new URL(url));
  return {
    signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    ...(insecure ? { [oauth.allowInsecureRequests]: true } : {}),
  };
}

function parties(c: ConnectionRecord): {
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  auth: oauth.ClientAuth;
} {
  if (!c.tokenUrl || !c.clientId)
    throw new GrantRefused('invalid_client', 'the connection has no tokenUrl or clientId');
  const as: oauth.AuthorizationServer = {
    issuer: new URL(c.tokenUrl).origin,
    token_endpoint: c.tokenUrl,
    ...(c.authorizeUrl ? { authorization_endpoint: c.authorizeUrl } : {}),
  };
  const secret = c.clientSecret ?? '';
  const auth = c.tokenAuth === 'basic' ? oauth.ClientSecretBasic(secret) : oauth.ClientSecretPost(secret);
  return { as, client: { client_id: c.clientId }, auth };
}

function tokensOf(r: oauth.TokenEndpointResponse, previousRefresh: string | null): Tokens {
  const extras: Record<string, string> = {};
  for (const [name, value] of Object.entries(r)) {
    if (PROTOCOL_FIELDS.has(name)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      extras[name] = String(value);
  }
  return {
    accessToken: r.access_token,
    refreshToken: r.refresh_token ?? previousRefresh,
    expiresAt:
      typeof r.expires_in === 'number' ? new Date(Date.now() + r.expires_in * 1000).toISOString() : null,
    scope: r.scope ?? null,
    extras,
  };
}

async function processed(
  run: () => Promise<oauth.TokenEndpointResponse>,
  previousRefresh: string | null,
): Promise<Tokens> {
  try {
    return tokensOf(await run(), previousRefresh);
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError && REFUSALS.has(error.error))
      throw new GrantRefused(error.error, error.error_description);
    if (error instanceof oauth.WWWAuthenticateChallengeError)
      throw new GrantRefused('invalid_client', 'the token endpoint answered 401');
    throw error;
  }
}

/** Exchange the refresh token for a new access token (and maybe a rotated refresh token). */
export async function refreshGrant(c: ConnectionRecord): Promise<Tokens> {
  const { as, client, auth } = parties(c);
  if (!c.refreshToken) throw new GrantRefused('invalid_grant', 'the connection has no refresh token');
  const refreshToken = c.refreshToken;
  return processed(async () => {
    const response = await oauth.refreshTokenGrantRequest(
      as,
      client,
      auth,
      refreshToken,
      requestOptions(c.tokenUrl!),
    );
    return oauth.processRefreshTokenResponse(as, client, response);
  }, refreshToken);
}

/** A new PKCE pair and state. */
export async function newAuthorization(): Promise<{ verifier: string; challenge: string; state: string }> {
  const verifier = oauth.generateRandomCodeVerifier();
  return {
    verifier,
    challenge: await oauth.calculatePKCECodeChallenge(verifier),
    state: oauth.generateRandomState(),
  };
}

/** Exchange an authorization code (with its PKCE verifier) for tokens. */
export async function codeGrant(
  c: ConnectionRecord,
  code: string,
  state: string,
  redirectUri: string,
  verifier: string,
): Promise<Tokens> {
  const { as, client, auth } = parties(c);
  return processed(async () => {
    const params = oauth.validateAuthResponse(as, client, new URLSearchParams({ code, state }), state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      params,
      redirectUri,
      verifier,
      requestOptions(c.tokenUrl!),
    );
    return oauth.processAuthorizationCodeResponse(as, client, response);
  }, null);
}
