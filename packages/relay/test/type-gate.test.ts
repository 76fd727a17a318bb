/** SPEC §11 in the relay: an integration with type errors is not activated unless `force: true`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay();
});
afterAll(() => relay.close());

const doc = (value: string) => ({
  method: 'POST',
  url: 'https://crm.invalid/x',
  body: { mode: 'template', template: { name: value } },
});
const BROKEN = '{{ data_capture | upper }}'; // an object into a text filter: always null

describe('activation is type-checked against the provider', () => {
  it('refuses a document with type errors with 422 and the diagnostics, accepts it with force or inactive', async () => {
    const source = await relay.api('POST', '/api/sources', { name: 'osvi', provider: 'osvi' });
    const refused = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: doc(BROKEN),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('type_errors');
    expect(refused.body.message).toContain('"force": true');
    expect(refused.body.details[0]).toMatchObject({
      code: 'H502',
      path: '/body/template/name',
      severity: 'error',
    });
    const inactive = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: doc(BROKEN),
      active: false,
    });
    expect(inactive.status).toBe(201);
    expect((await relay.api('PATCH', `/api/integrations/${inactive.body.id}`, { active: true })).status).toBe(
      422,
    );
    expect(
      (await relay.api('PATCH', `/api/integrations/${inactive.body.id}`, { active: true, force: true }))
        .status,
    ).toBe(200);
    const forced = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: doc(BROKEN),
      force: true,
    });
    expect(forced.status).toBe(201);
    const fine = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: doc('{{ data_capture.customer_name }}'),
    });
    expect(fine.status).toBe(201);
    // Warnings (a typo'd path) do not block.
    const typo = await relay.api('PATCH', `/api/integrations/${fine.body.id}`, {
      doc: doc('{{ data_captur.customer_name }}'),
    });
    expect(typo.status).toBe(200);
  });
});
