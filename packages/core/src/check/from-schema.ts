import { unescapePointerSegment } from '../json/pointer.js';
import { meet } from './meet.js';
import {
  arrayType,
  booleanType,
  literal,
  never,
  nullType,
  numberType,
  objectType,
  stringType,
  unionAll,
  unknown,
  type Condition,
  type Prop,
  type Requirement,
  type Type,
} from './type.js';

type Schema = Record<string, unknown>;
type Scope = { when: Condition[]; otherwise: boolean };

const keysOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];

/** The condition of an `if`: its required members, each with the `const`/`enum` values it names. */
function conditionOf(s: unknown): Condition[] {
  if (typeof s !== 'object' || s === null) return [];
  const node = s as Schema;
  const properties = (
    typeof node.properties === 'object' && node.properties !== null ? node.properties : {}
  ) as Record<string, Schema>;
  return keysOf(node.required).map((key) => {
    const p = properties[key];
    const values = p && 'const' in p ? [p.const] : Array.isArray(p?.enum) ? (p.enum as unknown[]) : null;
    return { key, values };
  });
}

/** Formats whose text is never empty. */
const NON_EMPTY_FORMATS = new Set([
  'date-time',
  'date',
  'time',
  'uri',
  'email',
  'uuid',
  'hostname',
  'ipv4',
  'ipv6',
]);
const KINDS = ['null', 'boolean', 'number', 'integer', 'string', 'array', 'object'];

const cache = new WeakMap<object, Type>();

/**
 * The type of the values a JSON Schema (draft 2020-12) accepts. Reads `type`, `const`, `enum`,
 * `properties`, `required`, `additionalProperties`, `items`, `prefixItems`, `minItems`, `minLength`,
 * `format`, `anyOf`/`oneOf` (union), `allOf` (intersection), `not: {}` (nothing) and local `$ref`s (`#/…` pointers, and `$id`s
 * of the document, as the providers' combined schemas use). What it does not read (other `not`s, `if`,
 * `pattern`, bounds) it over-approximates: the type may allow more than the schema, never less.
 */
export function typeFromSchema(schema: unknown): Type {
  if (typeof schema !== 'object' || schema === null) return schema === false ? never() : unknown();
  const hit = cache.get(schema);
  if (hit) return hit;
  const type = new SchemaReader(schema as Schema).read(schema);
  cache.set(schema, type);
  return type;
}

class SchemaReader {
  private readonly ids = new Map<string, Schema>();
  private readonly memo = new Map<object, Type>();
  private readonly active = new Set<object>();

  constructor(private readonly root: Schema) {
    this.index(root, 0);
  }

  read(node: unknown): Type {
    if (node === true || node === undefined) return unknown();
    if (node === false) return never();
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return unknown();
    const hit = this.memo.get(node);
    if (hit) return hit;
    // A schema that refers to itself: the inner occurrence is left unknown (sound, and finite).
    if (this.active.has(node)) return unknown();
    this.active.add(node);
    const type = this.readSchema(node as Schema);
    this.active.delete(node);
    this.memo.set(node, type);
    return type;
  }

  private readSchema(s: Schema): Type {
    // `not: {}` accepts nothing: a member that must not be sent. Other `not`s are over-approximated.
    if (s.not === true || (typeof s.not === 'object' && s.not !== null && Object.keys(s.not).length === 0))
      return never();
    let type = this.base(s);
    if (typeof s.$ref === 'string') type = meet(type, this.read(this.resolve(s.$ref)));
    if (Array.isArray(s.allOf)) for (const part of s.allOf) type = meet(type, this.read(part));
    for (const key of ['anyOf', 'oneOf'] as const) {
      const branches = s[key];
      if (Array.isArray(branches)) type = meet(type, unionAll(branches.map((b) => this.read(b))));
    }
    const found = this.requirements(s, null, 0);
    if (type.object && found.length) {
      // The same rule may arrive through an `allOf` part's own type and through this walk: keep it once.
      const all = [...(type.object.requirements ?? []), ...found];
      const requirements = all.filter(
        (r, i) => all.findIndex((q) => JSON.stringify(q) === JSON.stringify(r)) === i,
      );
      type = { ...type, object: { ...type.object, requirements } };
    }
    return type;
  }

  /**
   * The requirements a schema sets on an object beyond its own `required`: under `then`/`else` (with the
   * `if`'s `const`/`enum` members as the condition), through `dependentRequired`, and as `anyOf`/`oneOf`
   * alternatives of `required` lists — through `allOf` and `$ref`.
   */
  private requirements(s: unknown, scope: Scope | null, depth: number): Requirement[] {
    if (typeof s !== 'object' || s === null || depth > 16) return [];
    const node = s as Schema;
    const out: Requirement[] = [];
    const when = scope?.when ?? [];
    const otherwise = scope?.otherwise ?? false;
    if (scope && keysOf(node.required).length)
      out.push({ alternatives: [keysOf(node.required)], when, otherwise });
    for (const alt of ['anyOf', 'oneOf'] as const) {
      const branches = node[alt];
      if (
        Array.isArray(branches) &&
        branches.length &&
        branches.every((b) => keysOf((b as Schema | null)?.required).length)
      ) {
        out.push({ alternatives: branches.map((b) => keysOf((b as Schema).required)), when, otherwise });
      }
    }
    if (typeof node.dependentRequired === 'object' && node.dependentRequired !== null) {
      for (const [key, list] of Object.entries(node.dependentRequired)) {
        if (keysOf(list).length)
          out.push({ alternatives: [keysOf(list)], when: [...when, { key, values: null }], otherwise });
      }
    }
    // Nested conditions are kept only at the top: an `if` inside a `then` is read as always possible.
    const condition = scope ? when : conditionOf(node.if);
    out.push(...this.requirements(node.then, { when: condition, otherwise: false }, depth + 1));
    out.push(...this.requirements(node.else, { when: condition, otherwise: !scope }, depth + 1));
    if (Array.isArray(node.allOf))
      for (const part of node.allOf) out.push(...this.requirements(part, scope, depth + 1));
    if (typeof node.$ref === 'string')
      out.push(...this.requirements(this.resolve(node.$ref), scope, depth + 1));
    return out;
  }

  /** What the schema's own keywords allow, before `$ref` and the combinators. */
  private base(s: Schema): Type {
    if ('const' in s) return literal(s.const);
    if (Array.isArray(s.enum)) return unionAll(s.enum.map(literal));
    const kinds =
      typeof s.type === 'string'
        ? [s.type]
        : Array.isArray(s.type)
          ? (s.type as string[])
          : this.impliedKinds(s);
    if (kinds === null) return unknown();
    return unionAll(kinds.filter((k) => KINDS.includes(k)).map((k) => this.kind(k, s)));
  }

  /**
   * No `type`: any kind, but the keywords of a kind still constrain the values of that kind (a bare
   * `{"required": ["a"]}` accepts every string, and every object that has `a`).
   */
  private impliedKinds(s: Schema): string[] | null {
    const constrains = [
      'properties',
      'required',
      'additionalProperties',
      'patternProperties',
      'items',
      'prefixItems',
      'minItems',
      'minLength',
      'format',
    ];
    return constrains.some((k) => k in s) ? ['null', 'boolean', 'number', 'string', 'array', 'object'] : null;
  }

  private kind(kind: string, s: Schema): Type {
    switch (kind) {
      case 'null':
        return nullType();
      case 'boolean':
        return booleanType();
      case 'number':
      case 'integer':
        return numberType(kind === 'integer');
      case 'string': {
        const format = typeof s.format === 'string' ? s.format : null;
        const nonEmpty =
          (typeof s.minLength === 'number' && s.minLength >= 1) ||
          (format !== null && NON_EMPTY_FORMATS.has(format));
        return stringType({ format, nonEmpty });
      }
      case 'array':
        return this.array(s);
      default:
        return this.object(s);
    }
  }

  private array(s: Schema): Type {
    const parts: Type[] = [];
    if (Array.isArray(s.prefixItems)) parts.push(...s.prefixItems.map((p) => this.read(p)));
    if (s.items !== false) parts.push(this.read(s.items));
    return arrayType(unionAll(parts), typeof s.minItems === 'number' && s.minItems >= 1);
  }

  private object(s: Schema): Type {
    const props = new Map<string, Prop>();
    const required = new Set(
      Array.isArray(s.required)
        ? (s.required as unknown[]).filter((k): k is string => typeof k === 'string')
        : [],
    );
    const declared =
      typeof s.properties === 'object' && s.properties !== null ? (s.properties as Schema) : {};
    for (const key of Object.keys(declared))
      props.set(key, { type: this.read(declared[key]), required: required.has(key) });
    const additional = s.additionalProperties;
    const open =
      'patternProperties' in s
        ? unknown()
        : additional === undefined
          ? unknown()
          : additional === false
            ? null
            : this.read(additional);
    for (const key of required)
      if (!props.has(key)) props.set(key, { type: open ?? never(), required: true });
    const documented =
      Object.keys(declared).length > 0 && additional === undefined && !('patternProperties' in s);
    return objectType(props, open, documented);
  }

  /** `#/a/b`, `#anchor`-less `$id` of the document, or `$id#/pointer`. */
  private resolve(ref: string): unknown {
    const hash = ref.indexOf('#');
    const base = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    const doc = base === '' ? this.root : this.ids.get(base);
    if (!doc) return true;
    let node: unknown = doc;
    for (const raw of pointer.split('/').slice(1)) {
      const key = unescapePointerSegment(decodeURIComponent(raw));
      if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key))
        return true;
      node = (node as Schema)[key];
    }
    return node;
  }

  private index(node: unknown, depth: number): void {
    if (typeof node !== 'object' || node === null || depth > 64) return;
    if (!Array.isArray(node) && typeof (node as Schema).$id === 'string')
      this.ids.set((node as Schema).$id as string, node as Schema);
    for (const value of Object.values(node)) this.index(value, depth + 1);
  }
}
