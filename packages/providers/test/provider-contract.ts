import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { commonKeys, providers, type HookmapProvider } from '../src/index.js';

/** Problems with the shape of a common view: a missing key or a value of the wrong type. */
export function commonShapeProblems(common: unknown): string[] {
  const problems: string[] = [];
  const view = common as Record<string, unknown>;
  const nullable = (key: string, type: string) => {
    if (view[key] !== null && typeof view[key] !== type) problems.push(`${key} should be ${type} or null`);
  };
  const strings = (holder: Record<string, unknown>, keys: string[], where: string) => {
    for (const key of keys) {
      if (!(key in holder)) problems.push(`${where}.${key} missing`);
      else if (holder[key] !== null && typeof holder[key] !== 'string')
        problems.push(`${where}.${key} not text`);
    }
  };
  for (const key of commonKeys) if (!(key in view)) problems.push(`missing ${key}`);
  if (typeof view.provider !== 'string' || typeof view.event !== 'string')
    problems.push('provider/event not text');
  for (const key of [
    'id',
    'title',
    'summary',
    'started_at',
    'ended_at',
    'status',
    'phone',
    'transcript_text',
  ]) {
    nullable(key, 'string');
  }
  for (const key of ['recording_url', 'url']) nullable(key, 'string');
  nullable('duration_seconds', 'number');
  if (![null, 'inbound', 'outbound'].includes(view.direction as string))
    problems.push('direction not inbound/outbound/null');
  strings((view.owner ?? {}) as Record<string, unknown>, ['name', 'email'], 'owner');
  if (!Array.isArray(view.participants)) problems.push('participants not an array');
  else view.participants.forEach((p, i) => strings(p, ['name', 'email', 'phone'], `participants[${i}]`));
  if (!Array.isArray(view.action_items)) problems.push('action_items not an array');
  else {
    for (const [i, item] of (view.action_items as Record<string, unknown>[]).entries()) {
      if (typeof item.text !== 'string') problems.push(`action_items[${i}].text not text`);
      if (item.assignee !== null && typeof item.assignee !== 'string')
        problems.push(`action_items[${i}].assignee`);
      if (item.done !== null && typeof item.done !== 'boolean') problems.push(`action_items[${i}].done`);
    }
  }
  const fields = view.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    problems.push('fields not an object');
  return problems;
}

export function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

/** The contract every provider passes (Hono's router `common.case.test.ts` habit). */
export function runProviderContract(provider: HookmapProvider): void {
  const allSamples = providers.flatMap((owner) => owner.samples.map((sample) => ({ owner, sample })));

  describe(`provider contract: ${provider.id}`, () => {
    it('describes itself and has a sample for every event', () => {
      expect(provider.id).toMatch(/^[a-z]+$/);
      expect(provider.name).not.toBe('');
      expect(Object.keys(provider.schemas).sort()).toEqual([...provider.events].sort());
      const sampledEvents = new Set(provider.samples.map((sample) => sample.event));
      expect([...sampledEvents].sort()).toEqual([...provider.events].sort());
      const ids = provider.samples.map((sample) => sample.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('marks partly inferred samples in their flag, id and name', () => {
      for (const sample of provider.samples) {
        const saysInferred = /inferred/i.test(sample.name);
        expect(saysInferred, sample.id).toBe(sample.inferred === true);
        expect(sample.id.endsWith('-inferred'), sample.id).toBe(sample.inferred === true);
        expect(sample.source, sample.id).toBeTruthy();
      }
    });

    it('validates every sample against its event schema and the provider schema', () => {
      const providerSchema = makeAjv().compile(provider.schema);
      const eventAjv = makeAjv();
      for (const sample of provider.samples) {
        const eventSchema = eventAjv.compile(provider.schemas[sample.event] ?? {});
        expect(eventSchema(sample.payload) ? [] : eventSchema.errors, sample.id).toEqual([]);
        expect(providerSchema(sample.payload) ? [] : providerSchema.errors, sample.id).toEqual([]);
      }
    });

    it('detects exactly its own samples among every provider’s samples', () => {
      for (const { owner, sample } of allSamples) {
        expect(provider.detect(sample.payload), `${owner.id}/${sample.id}`).toBe(owner.id === provider.id);
      }
      for (const junk of [null, undefined, 42, 'text', [], {}, { data: {} }, { id: 'x' }]) {
        expect(provider.detect(junk)).toBe(false);
      }
    });

    it('builds a context with the top-level fields, named sources, payload and common', () => {
      for (const sample of provider.samples) {
        const context = provider.buildContext(sample.payload);
        for (const key of Object.keys(sample.payload as object))
          expect(context, sample.id).toHaveProperty([key]);
        expect(context.payload).toBe(sample.payload);
        if (provider.urlScope !== null)
          expect(Object.hasOwn(context, provider.urlScope), sample.id).toBe(true);
        expect(commonShapeProblems(context.common), sample.id).toEqual([]);
        expect(context.common).toEqual(provider.buildCommon(sample.payload));
      }
    });

    it('reads any few names of a context as buildContext gives them, and leaves out what it lacks', () => {
      expect(provider.contextReader).toBeTypeOf('function');
      const payloads = [
        ...allSamples.map(({ sample }) => sample.payload),
        null,
        [],
        {},
        JSON.parse('{"__proto__": {"a": 1}, "payload": 1, "common": 2, "metadata": 3}') as unknown,
      ];
      for (const payload of payloads) {
        const full = provider.buildContext(payload);
        const names = [...Object.keys(full), 'no_such_name', '__proto__', 'constructor'];
        const sets = [names, ...names.map((n) => [n]), ['payload', 'common'], []];
        for (const set of sets) {
          const part = provider.contextReader!(set)(payload);
          const label = `${JSON.stringify(set)} of ${JSON.stringify(payload)?.slice(0, 60)}`;
          for (const name of set) {
            expect(Object.hasOwn(part, name), `${name} in ${label}`).toBe(Object.hasOwn(full, name));
            expect(part[name], `${name} in ${label}`).toEqual(full[name]);
          }
          expect(Object.getPrototypeOf(part)).toBe(Object.prototype);
          for (const key of Object.keys(part)) expect(set, label).toContain(key);
        }
      }
    });

    it('fills common with the provider, event and id of every sample', () => {
      for (const sample of provider.samples) {
        const common = provider.buildCommon(sample.payload);
        expect(common.provider).toBe(provider.id);
        expect(common.event, sample.id).toBe(sample.event);
        expect(common.id, sample.id).not.toBeNull();
      }
    });

    it('builds sections to null or flat objects holding only their declared fields', () => {
      const used = new Set<string>();
      for (const sample of provider.samples) {
        for (const section of provider.sections) {
          const built = section.build(sample.payload);
          if (built === null) continue;
          used.add(section.id);
          expect(Object.keys(built).length, `${sample.id}/${section.id}`).toBeGreaterThan(0);
          for (const key of Object.keys(built))
            expect(section.fields, `${sample.id}/${section.id}`).toContain(key);
        }
      }
      expect([...used].sort()).toEqual(provider.sections.map((section) => section.id).sort());
      expect(new Set(provider.sections.map((section) => section.id)).size).toBe(provider.sections.length);
    });

    it('never throws on payloads that are not its own, and still gives a well-shaped common view', () => {
      const foreign = [
        null,
        undefined,
        42,
        'text',
        [],
        {},
        ...allSamples.map(({ sample }) => sample.payload),
      ];
      for (const payload of foreign) {
        const context = provider.buildContext(payload);
        expect(commonShapeProblems(context.common)).toEqual([]);
        for (const section of provider.sections) section.build(payload);
        const key = provider.idempotencyKey(payload);
        expect(key === null || typeof key === 'string').toBe(true);
      }
    });

    it('gives every sample an idempotency key, distinct across its samples', () => {
      const keys = provider.samples.map((sample) => provider.idempotencyKey(sample.payload));
      for (const [i, key] of keys.entries()) expect(typeof key, provider.samples[i]?.id).toBe('string');
      expect(provider.idempotencyKey({})).toBeNull();
    });
  });
}
