import fc from 'fast-check';

type Schema = Record<string, unknown>;

/**
 * fast-check arbitraries for the JSON Schema (2020-12) subset the provider schemas use: `$ref` (local
 * pointers and `$id`s), `const`, `enum`, `type` (and lists of them), `anyOf`/`oneOf` (one branch merged
 * with the schema's own keywords), `allOf`, `properties`/`required`/`additionalProperties`, `items`,
 * `minItems`, `minLength`, `minimum` and the formats date-time, date, uri, email and uuid.
 *
 * Written here rather than taken from a package: json-schema-fast-check is archived (2022) and implements
 * "a subset I was not too lazy to define"; json-schema-faker draws its own randomness, so its values
 * neither shrink nor replay from a fast-check seed. Objects get their documented keys only (a free-form
 * object gets a few random keys), so a template's read of an undocumented key meets what a real
 * undocumented payload gives: nothing. Numbers stay within ±1e12 (epoch milliseconds and arithmetic
 * on them stay finite and in the range of dates).
 */
export function schemaArbitrary(root: Schema): fc.Arbitrary<unknown> {
  const ids = new Map<string, Schema>();
  index(root, ids);
  return new Generator(root, ids).of(root, 0);
}

function index(node: unknown, ids: Map<string, Schema>): void {
  if (typeof node !== 'object' || node === null) return;
  if (!Array.isArray(node) && typeof (node as Schema).$id === 'string')
    ids.set((node as Schema).$id as string, node as Schema);
  for (const value of Object.values(node)) index(value, ids);
}

const MAX_DEPTH = 12;
const freeJson = fc.jsonValue({ maxDepth: 2 });

class Generator {
  constructor(
    private readonly root: Schema,
    private readonly ids: Map<string, Schema>,
  ) {}

  of(node: unknown, depth: number): fc.Arbitrary<unknown> {
    if (node === true || node === undefined) return freeJson;
    if (node === false || typeof node !== 'object' || node === null) return fc.constant(null);
    if (depth > MAX_DEPTH) return fc.constant(null);
    const s = this.flatten(node as Schema);
    const choices = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (Array.isArray(choices)) {
      const { anyOf: _a, oneOf: _o, ...base } = s;
      return fc.oneof(...choices.map((branch) => this.of(merge(base, this.flatten(branch)), depth + 1)));
    }
    if ('const' in s) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? (s.type as string[]) : null;
    if (!types) return 'properties' in s || 'required' in s ? this.object(s, depth) : freeJson;
    return fc.oneof(...types.map((t) => this.kind(t, s, depth)));
  }

  /** `$ref` and `allOf` folded into one schema. */
  private flatten(s: Schema): Schema {
    let out = s;
    if (typeof out.$ref === 'string') {
      const { $ref, ...rest } = out;
      out = merge(this.flatten(this.resolve($ref as string)), rest);
    }
    if (Array.isArray(out.allOf)) {
      const { allOf, ...rest } = out;
      out = (allOf as Schema[]).reduce<Schema>((acc, part) => merge(acc, this.flatten(part)), rest);
    }
    return out;
  }

  private resolve(ref: string): Schema {
    const hash = ref.indexOf('#');
    const base = hash === -1 ? ref : ref.slice(0, hash);
    let node: unknown = base === '' ? this.root : this.ids.get(base);
    for (const raw of (hash === -1 ? '' : ref.slice(hash + 1)).split('/').slice(1)) {
      node = (node as Schema | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (typeof node !== 'object' || node === null) throw new Error(`schemaArbitrary: cannot resolve ${ref}`);
    return node as Schema;
  }

  private kind(type: string, s: Schema, depth: number): fc.Arbitrary<unknown> {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: typeof s.minimum === 'number' ? s.minimum : -1e9, max: 1e9 });
      case 'number':
        return fc.double({
          min: typeof s.minimum === 'number' ? s.minimum : -1e12,
          max: 1e12,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'string':
        return text(s);
      case 'array':
        return fc.array(this.of(s.items, depth + 1), {
          minLength: typeof s.minItems === 'number' ? s.minItems : 0,
          maxLength: 4,
        });
      default:
        return this.object(s, depth);
    }
  }

  private object(s: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties = (s.properties as Schema | undefined) ?? {};
    const required = Array.isArray(s.required) ? (s.required as string[]) : [];
    const keys = [...new Set([...Object.keys(properties), ...required])];
    if (keys.length === 0 && s.additionalProperties !== false) {
      const values =
        typeof s.additionalProperties === 'object' ? this.of(s.additionalProperties, depth + 1) : freeJson;
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), values, { maxKeys: 3 });
    }
    const model = Object.fromEntries(keys.map((k) => [k, this.of(properties[k], depth + 1)]));
    return fc.record(model, { requiredKeys: required.filter((k) => keys.includes(k)) });
  }
}

function text(s: Schema): fc.Arbitrary<string> {
  switch (s.format) {
    case 'date-time':
      return fc
        .date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10));
    case 'uri':
      return fc.webUrl();
    case 'email':
      return fc.emailAddress();
    case 'uuid':
      return fc.uuid();
    default:
      return fc.string({ minLength: typeof s.minLength === 'number' ? s.minLength : 0, maxLength: 24 });
  }
}

/** The keywords of both schemas (`required` lists and `properties` joined; `b` wins elsewhere). */
function merge(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a, ...b };
  if (a.properties || b.properties)
    out.properties = { ...(a.properties as Schema), ...(b.properties as Schema) };
  if (a.required || b.required)
    out.required = [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])];
  if (a.type && b.type) out.type = intersectTypes(a.type, b.type);
  return out;
}

function intersectTypes(a: unknown, b: unknown): unknown {
  const list = (t: unknown): string[] => (Array.isArray(t) ? (t as string[]) : [t as string]);
  const both = list(a).filter((t) => list(b).includes(t) || (t === 'integer' && list(b).includes('number')));
  return both.length === 1 ? both[0] : both;
}
