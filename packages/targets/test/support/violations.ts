import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { InferredValue, Type } from '@hookmap/core';

/** The keywords the static check speaks for: kinds, enums, required and unknown members. */
const TYPE_KEYWORDS = new Set(['type', 'enum', 'const', 'required', 'additionalProperties']);
const BRANCH = /\/(anyOf|oneOf)\/\d+\//;

const ajv = new Ajv2020({
  allErrors: true,
  verbose: true,
  strict: false,
  allowUnionTypes: true,
  validateFormats: false,
});
const validators = new Map<object, ValidateFunction>();

/**
 * Where a rendered body breaks the type rules of a target schema (as Ajv finds them, independently of
 * the checker): JSON Pointers into the body. Formats, patterns, lengths and ranges are not type rules;
 * an `anyOf` counts only when every branch fails on a type rule.
 */
export function typeViolations(schema: object, body: unknown): string[] {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  if (validate(body)) return [];
  const errors = validate.errors ?? [];
  const out: string[] = [];
  for (const e of errors) {
    if (BRANCH.test(e.schemaPath)) continue;
    if (TYPE_KEYWORDS.has(e.keyword)) out.push(pathOf(e));
    else if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && everyBranchTypeFails(e, errors))
      out.push(e.instancePath);
  }
  return [...new Set(out)];
}

function pathOf(e: ErrorObject): string {
  const escape = (k: unknown): string => String(k).replace(/~/g, '~0').replace(/\//g, '~1');
  if (e.keyword === 'required') return `${e.instancePath}/${escape(e.params.missingProperty)}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escape(e.params.additionalProperty)}`;
  return e.instancePath;
}

function everyBranchTypeFails(e: ErrorObject, all: ErrorObject[]): boolean {
  const branches = (e.parentSchema?.[e.keyword] as unknown[] | undefined)?.length ?? 0;
  for (let i = 0; i < branches; i++) {
    const prefix = `${e.schemaPath}/${i}/`;
    if (!all.some((x) => x.schemaPath.startsWith(prefix) && TYPE_KEYWORDS.has(x.keyword))) return false;
  }
  return branches > 0;
}

/** A static diagnostic's body path (with `*` for any element) covers a violation at or under it. */
export function covers(pattern: string, path: string): boolean {
  const p = pattern.split('/');
  const q = path.split('/');
  if (p.length > q.length) return false;
  return p.every((seg, i) => seg === q[i] || (seg === '*' && /^\d+$/.test(q[i] ?? '')));
}

/** True when the inferred value at a body path is (or passes through) a value of unknown type. */
export function unknownAt(value: InferredValue, path: string): boolean {
  return inferredUnknown(value, path.split('/').slice(1));
}

function inferredUnknown(v: InferredValue, segs: string[]): boolean {
  if (v.branches) return v.branches.some((b) => inferredUnknown(b, segs));
  if (v.type.unknown) return true;
  const [head, ...rest] = segs;
  if (head === undefined) return false;
  if (v.members) {
    if (v.members.some((m) => m.key === null)) return true;
    const m = v.members.find((x) => x.key === head.replace(/~1/g, '/').replace(/~0/g, '~'));
    return m ? inferredUnknown(m.value, rest) : false;
  }
  if (v.elements) return v.elements.some((e) => inferredUnknown(e, rest));
  if (v.each) return inferredUnknown(v.each, rest);
  return typeUnknown(v.type, segs);
}

function typeUnknown(t: Type, segs: string[]): boolean {
  if (t.unknown) return true;
  const [head, ...rest] = segs;
  if (head === undefined) return false;
  if (t.array && /^\d+$/.test(head) && typeUnknown(t.array.items, rest)) return true;
  if (t.object) {
    const prop = t.object.props.get(head);
    if (prop) return typeUnknown(prop.type, rest);
    return !!t.object.rest && typeUnknown(t.object.rest, rest);
  }
  return false;
}
