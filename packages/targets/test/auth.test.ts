import { renderRequest, validateIntegration, type IntegrationDocument } from '@hookmap/core';
import { getProvider } from '@hookmap/providers';
import { describe, expect, it } from 'vitest';
import { authNeeds, getTarget, lookupSteps, starterFlow, starterIntegration, targets } from '../src/index.js';
import { connectionValues, secrets } from './support/credentials.js';

/** Every `secrets.X` and `connection.x` a document reads. */
function reads(doc: IntegrationDocument): { secrets: string[]; connection: string[] } {
  const text = JSON.stringify(doc);
  const names = (re: RegExp) => [...new Set([...text.matchAll(re)].map((m) => m[1] as string))].sort();
  return { secrets: names(/secrets\.([A-Z0-9_]+)/g), connection: names(/connection\.([a-z_]+)/g) };
}

const OAUTH_ONLY = ['salesforce', 'zoho', 'pipedrive'];
const KEYS_FIRST = ['hubspot', 'close', 'attio'];
const crmTargets = targets.filter((t) => t.auth);
const providerIds = [undefined, 'otter', 'quil', 'otonistark', 'attendee', 'osvi'];

describe('starters and connections (SPEC §10)', () => {
  it('read the relay connection named after the CRM where the CRM uses OAuth, secrets where it uses API keys', () => {
    expect(new Set(crmTargets.map((t) => t.crm))).toEqual(new Set([...OAUTH_ONLY, ...KEYS_FIRST]));
    for (const target of crmTargets)
      for (const providerId of providerIds)
        for (const doc of [starterIntegration(target.id, providerId), starterFlow(target.id, providerId)]) {
          const label = `${target.id} ${providerId ?? ''}`;
          expect(validateIntegration(doc), label).toEqual([]);
          if (OAUTH_ONLY.includes(target.crm)) {
            expect(doc.connection, label).toBe(target.crm);
            expect(reads(doc).secrets, label).toEqual([]);
            expect(reads(doc).connection, label).toEqual([...(target.auth?.oauth.names ?? [])].sort());
          } else {
            expect(doc.connection, label).toBeUndefined();
            expect(reads(doc).connection, label).toEqual([]);
          }
        }
  });

  it('take the other form on request: an OAuth connection for HubSpot, Close and Attio, secrets for the others', () => {
    for (const target of crmTargets) {
      const other = target.auth?.default === 'secrets' ? 'connection' : 'secrets';
      const doc = starterFlow(target.id, 'otter', { auth: other });
      expect(validateIntegration(doc), target.id).toEqual([]);
      if (other === 'connection') {
        expect(doc.connection).toBe(target.crm);
        expect(reads(doc)).toEqual({ secrets: [], connection: ['access_token'] });
        expect(doc.headers).toEqual({ Authorization: 'Bearer {{ connection.access_token }}' });
      } else {
        expect(doc.connection).toBeUndefined();
        expect(reads(doc)).toEqual({
          secrets: [...(target.auth?.secrets.names ?? [])].sort(),
          connection: [],
        });
      }
    }
    // Close: the API key is HTTP Basic, an OAuth token is Bearer.
    expect(starterIntegration('close.call').headers?.Authorization).toMatch(
      /^Basic \{\{ secrets\.CLOSE_API_KEY/,
    );
    expect(starterIntegration('close.call', 'otter', { auth: 'connection' }).headers).toEqual({
      Authorization: 'Bearer {{ connection.access_token }}',
    });
  });

  it('sends the connection values, never needing a secret', () => {
    const otter = getProvider('otter') ?? undefined;
    const payload = otter?.samples[0]?.payload;
    const values = { instance_url: 'https://acme.my.salesforce.com', access_token: 'tok-123' };
    const doc = starterIntegration('salesforce.task', 'otter');
    const sent = renderRequest(doc, payload, { provider: otter, connection: values, diagnostics: true });
    expect(sent.url.startsWith('https://acme.my.salesforce.com/services/data/')).toBe(true);
    expect(sent.headers.Authorization).toBe('Bearer tok-123');
    const without = renderRequest(doc, payload, { provider: otter, secrets, diagnostics: true });
    expect(without.diagnostics.map((d) => d.message).join(' ')).toMatch(
      /Connection value (instance_url|access_token)/,
    );
    expect(connectionValues('zoho')).toEqual({
      api_domain: secrets.ZOHO_API_DOMAIN,
      access_token: secrets.ZOHO_ACCESS_TOKEN,
    });
  });

  it('refuses a connection for Slack, whose URL is the secret', () => {
    expect(() => starterIntegration('slack.message', 'otter', { auth: 'connection' })).toThrow(
      /SLACK_WEBHOOK_URL/,
    );
    expect(starterFlow('slack.message', 'otter', { auth: 'secrets' }).connection).toBeUndefined();
  });

  it('gives lookups the headers and connection of the form asked for', () => {
    const oauth = lookupSteps('salesforce', { by: 'email' });
    expect(oauth?.connection).toBe('salesforce');
    expect(oauth?.headers).toEqual({ Authorization: 'Bearer {{ connection.access_token }}' });
    expect(oauth?.steps.every((s) => s.url.startsWith('{{ connection.instance_url }}/'))).toBe(true);
    const keyed = lookupSteps('salesforce', { by: 'email', auth: 'secrets' });
    expect(keyed?.connection).toBeUndefined();
    expect(keyed?.steps.every((s) => s.url.startsWith('{{secrets.SALESFORCE_INSTANCE_URL}}/'))).toBe(true);
    expect(lookupSteps('hubspot', { by: 'email' })?.headers).toEqual(getTarget('hubspot.note')?.headers);
  });

  it('says what to set up', () => {
    const auth = getTarget('zoho.call')?.auth;
    if (!auth) throw new Error('zoho has auth');
    expect(authNeeds(auth)).toBe('a relay connection "zoho" (OAuth2, preset zoho), connected');
    expect(authNeeds(auth, 'secrets')).toBe('the secrets ZOHO_API_DOMAIN, ZOHO_ACCESS_TOKEN');
  });
});
