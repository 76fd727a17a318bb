import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { providers } from '../src/index.js';
import { schemaArbitrary } from './support/schema-arbitrary.js';

const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
addFormats(ajv);

/** The context as templates see it: every own enumerable key (`common` included), as JSON. */
function contextOf(provider: (typeof providers)[number], payload: unknown): unknown {
  return JSON.parse(JSON.stringify(provider.buildContext(payload)));
}

describe.each(providers.map((p) => [p.id, p] as const))('%s context schemas', (_id, provider) => {
  it('has one per event, each a valid JSON Schema', () => {
    expect(Object.keys(provider.contextSchemas).sort()).toEqual([...provider.events].sort());
    for (const schema of Object.values(provider.contextSchemas))
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('accepts the context of every sample', () => {
    for (const sample of provider.samples) {
      const validate = ajv.compile(provider.contextSchemas[sample.event]!);
      expect(
        validate(contextOf(provider, sample.payload)),
        `${sample.id}: ${JSON.stringify(validate.errors)}`,
      ).toBe(true);
    }
  });

  it.each(provider.events)(
    'accepts the context of generated %s payloads',
    (event) => {
      const payloadSchema = provider.schemas[event]!;
      const validate = ajv.compile(provider.contextSchemas[event]!);
      const payloadValid = ajv.compile(payloadSchema);
      fc.assert(
        fc.property(schemaArbitrary(payloadSchema), (payload) => {
          expect(payloadValid(payload), JSON.stringify(payloadValid.errors)).toBe(true);
          expect(validate(contextOf(provider, payload)), JSON.stringify(validate.errors)).toBe(true);
        }),
        { numRuns: 100 },
      );
    },
    60_000,
  );
});
