import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrationApplies, isFlow, renderRequest, type Integration } from '@hookmap/core';
import { providers, type HookmapProvider } from '@hookmap/providers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIntegrationTypes,
  starterIntegration,
  targets,
  type StaticCheck,
  type Target,
} from '../src/index.js';
import { schemaArbitrary } from '../../providers/test/support/schema-arbitrary.js';
import { covers, typeViolations, unknownAt } from './support/violations.js';

const examplesDir = fileURLToPath(new URL('../../../examples/', import.meta.url));
const secrets = JSON.parse(readFileSync(join(examplesDir, 'secrets.json'), 'utf8')) as Record<string, string>;

interface Case {
  name: string;
  doc: Integration;
  provider: HookmapProvider;
  target: Target;
  check: StaticCheck;
}

function makeCase(name: string, doc: Integration, provider: HookmapProvider, target: Target): Case {
  return { name, doc, provider, target, check: checkIntegrationTypes(doc, { provider, target }) };
}

function examples(): Case[] {
  return readdirSync(examplesDir)
    .filter((n) => statSync(join(examplesDir, n)).isDirectory())
    .map((n) => {
      const doc = JSON.parse(readFileSync(join(examplesDir, n, 'integration.json'), 'utf8')) as Integration;
      return makeCase(
        `example ${n}`,
        doc,
        providers.find((p) => p.id === doc.provider)!,
        targets.find((t) => t.id === doc.target)!,
      );
    });
}

function starters(): Case[] {
  return targets.flatMap((target) =>
    providers.map((provider) =>
      makeCase(
        `starter ${target.id} for ${provider.id}`,
        starterIntegration(target.id, provider.id),
        provider,
        target,
      ),
    ),
  );
}

const cases = [...examples(), ...starters()];

/** Renders a payload and returns the body's type violations that no static diagnostic accounts for. */
function unexplained(c: Case, payload: unknown): { path: string; body: unknown }[] {
  // A flow's renders need its responses; its steps are typed statically, not rendered here.
  if (isFlow(c.doc) || !integrationApplies(c.doc, payload, c.provider)) return [];
  const body = c.check.body;
  if (!body || body.kind !== 'json') return [];
  const rendered = renderRequest(c.doc, payload, { provider: c.provider, secrets }).body;
  const bodyPaths = c.check.diagnostics
    .map((d) => (d as { bodyPath?: string }).bodyPath)
    .filter((p): p is string => p !== undefined);
  return typeViolations(c.target.schema, rendered)
    .filter((path) => !bodyPaths.some((pattern) => covers(pattern, path)) && !unknownAt(body.value, path))
    .map((path) => ({ path, body: rendered }));
}

describe('static check soundness (SPEC §11)', () => {
  it('reports no error on the shipped examples and starters', () => {
    const errors = cases.flatMap((c) =>
      c.check.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => `${c.name}: ${d.code} ${d.path} ${d.message}`),
    );
    expect(errors).toEqual([]);
  });

  it('explains every type violation of every sample render', () => {
    const found: string[] = [];
    for (const c of cases) {
      for (const sample of c.provider.samples) {
        for (const v of unexplained(c, sample.payload))
          found.push(`${c.name} / ${sample.id}: ${v.path} in ${JSON.stringify(v.body)}`);
      }
    }
    expect(found).toEqual([]);
  });

  describe.each(providers.map((p) => [p.id, p] as const))('%s: generated payloads', (_id, provider) => {
    const mine = cases.filter((c) => c.provider === provider);
    it.each(provider.events)(
      '%s',
      (event) => {
        fc.assert(
          fc.property(schemaArbitrary(provider.schemas[event]!), (payload) => {
            for (const c of mine) {
              const left = unexplained(c, payload);
              expect(
                left,
                `${c.name}: ${left.map((v) => `${v.path} in ${JSON.stringify(v.body)}`).join('; ')}`,
              ).toEqual([]);
            }
          }),
          { numRuns: 60 },
        );
      },
      120_000,
    );
  });
});
