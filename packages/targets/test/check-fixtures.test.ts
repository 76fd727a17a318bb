import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrationApplies, renderRequest, type Integration } from '@hookmap/core';
import { getProvider, type HookmapProvider } from '@hookmap/providers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIntegrationTypes, getTarget, type TargetDiagnostic } from '../src/index.js';
import { schemaArbitrary } from '../../providers/test/support/schema-arbitrary.js';
import { covers, typeViolations } from './support/violations.js';

/** Deliberately broken integrations, each with the problems the static check must report. */
interface Fixture {
  description: string;
  expect: Partial<TargetDiagnostic>[];
  integration: Integration;
}

const dir = fileURLToPath(new URL('./fixtures/static/', import.meta.url));
const fixtures = readdirSync(dir).map(
  (name) => [name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as Fixture] as const,
);

const generated = new Map<HookmapProvider, unknown[]>();

/** Payloads to render: the samples, then generated ones of every event. */
function payloads(provider: HookmapProvider): unknown[] {
  let list = generated.get(provider);
  if (!list) {
    list = [
      ...provider.samples.map((s) => s.payload),
      ...provider.events.flatMap((event) =>
        fc.sample(schemaArbitrary(provider.schemas[event]!), { numRuns: 20, seed: 15 }),
      ),
    ];
    generated.set(provider, list);
  }
  return list;
}

describe.each(fixtures)('%s', (_name, fixture) => {
  const doc = fixture.integration;
  const provider = getProvider(doc.provider!)!;
  const target = getTarget(doc.target!)!;
  const checked = checkIntegrationTypes(doc, { provider, target });

  it('is caught by the static check', () => {
    for (const expected of fixture.expect)
      expect(checked.diagnostics).toContainEqual(expect.objectContaining(expected));
  });

  it('is really broken: a payload renders a body that breaks the type rule reported as an error', () => {
    const errors = fixture.expect.filter((e) => e.severity === 'error' && e.bodyPath !== undefined);
    for (const error of errors) {
      const broken = payloads(provider).some((payload) => {
        if (!integrationApplies(doc, payload, provider)) return false;
        const body = renderRequest(doc, payload, { provider, secrets: {} }).body;
        return typeViolations(target.schema, body).some((path) => covers(error.bodyPath!, path));
      });
      expect(broken, `${error.code} at ${error.bodyPath}`).toBe(true);
    }
  }, 60_000);
});
