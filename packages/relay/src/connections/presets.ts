/**
 * Per-CRM OAuth2 settings (SPEC §10): where to send the person to authorize, where to get tokens, how
 * the token endpoint takes the client's credentials, and the quirks of each answer.
 * - Salesforce answers without `expires_in` (the expiry is unknown: the relay refreshes on a 401) and
 *   with `instance_url`, the base URL of the org's API.
 * - Zoho and Pipedrive answer with `api_domain` (Zoho's data centre: .com, .eu, .in, ...); Zoho only
 *   gives a refresh token with `access_type=offline`. For another Zoho data centre, set `tokenUrl` and
 *   `authorizeUrl` to its accounts server (accounts.zoho.eu, ...).
 * - Close access tokens live an hour and every refresh answers a new refresh token (rotation); the
 *   answer also carries `organization_id` and `user_id`, which become values.
 * - Attio access tokens do not expire (no `expires_in`, no refresh token): the authorization-code flow
 *   connects once, and a 401 (a revoked token) marks the connection `needs_reauth`.
 * Close and Attio also take API keys: `kind: "static"` with the preset checks the value its templates
 * read is given (`staticValues`).
 */
export interface Preset {
  tokenUrl: string;
  authorizeUrl: string;
  tokenAuth: 'basic' | 'body';
  scope: string;
  /** Extra query parameters of the authorization URL. */
  authorizeParams?: Record<string, string>;
  /**
   * The CRM also takes an API key: as a `static` connection with this preset, these values are required,
   * each with where to get it and how a template sends it.
   */
  staticValues?: Record<string, string>;
}

export const PRESETS: Record<string, Preset> = {
  hubspot: {
    authorizeUrl: 'https://app.hubspot.com/oauth/authorize',
    tokenUrl: 'https://api.hubapi.com/oauth/v1/token',
    tokenAuth: 'body',
    scope: 'crm.objects.contacts.read crm.objects.contacts.write',
  },
  salesforce: {
    authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize',
    tokenUrl: 'https://login.salesforce.com/services/oauth2/token',
    tokenAuth: 'body',
    scope: 'api refresh_token',
  },
  pipedrive: {
    authorizeUrl: 'https://oauth.pipedrive.com/oauth/authorize',
    tokenUrl: 'https://oauth.pipedrive.com/oauth/token',
    tokenAuth: 'basic',
    scope: '',
  },
  zoho: {
    authorizeUrl: 'https://accounts.zoho.com/oauth/v2/auth',
    tokenUrl: 'https://accounts.zoho.com/oauth/v2/token',
    tokenAuth: 'body',
    scope: 'ZohoCRM.modules.ALL',
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
  },
  close: {
    authorizeUrl: 'https://app.close.com/oauth2/authorize/',
    tokenUrl: 'https://api.close.com/oauth2/token/',
    tokenAuth: 'body',
    scope: '',
    staticValues: {
      api_key:
        'an API key (Close: Settings → Developer → API Keys), sent as HTTP Basic with the key as user name: Authorization: Basic {{ connection.api_key | append: ":" | base64 }}',
    },
  },
  attio: {
    authorizeUrl: 'https://app.attio.com/authorize',
    tokenUrl: 'https://app.attio.com/oauth/token',
    tokenAuth: 'body',
    scope: '',
    staticValues: {
      access_token:
        'a workspace access token (Attio: Workspace settings → Developers → your integration), sent as Authorization: Bearer {{ connection.access_token }}',
    },
  },
};
