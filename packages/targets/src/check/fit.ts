import { Codes, printType, type Origin, type Type } from '@hookmap/core';
import { fieldName, type Report } from './report.js';
import { joinPointer } from '@hookmap/core/tooling';

const KIND_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
};

/** A type no value has: the schema's `not: {}` (a read-only member). */
function isNever(t: Type): boolean {
  return !t.unknown && !t.missing && !t.null && kinds(t).length === 0;
}

/** The JSON kinds of the values a type allows (null aside). */
function kinds(t: Type): string[] {
  const out: string[] = [];
  if (t.string) out.push('string');
  if (t.number) out.push('number');
  if (t.true || t.false) out.push('boolean');
  if (t.array) out.push('array');
  if (t.object) out.push('object');
  return out;
}

function wanted(target: Type): string {
  const list = kinds(target).map((k) => KIND_WORDS[k] as string);
  if (target.null) list.push('null');
  return list.join(' or ');
}

/**
 * Compares the type of one rendered value with the type the target's schema accepts there, reporting
 * at the value's origin: no value can fit → error (H503, H504 for literals outside an enum); some values
 * may not fit → warning (H508); null or unresolved where the target takes no null → warning (H505), or
 * an error when the value is never anything else.
 */
export function fit(
  value: Type,
  target: Type,
  origin: Origin,
  bodyPath: string,
  report: Report,
  depth = 0,
): void {
  if (target.unknown || value.unknown || depth > 32) return;
  const present = kinds(value);
  const nullish = value.null || value.missing;
  const name = fieldName(bodyPath);
  if (isNever(target)) {
    report.add(
      'error',
      Codes.TARGET_TYPE,
      origin,
      bodyPath,
      `${name} must not be sent to ${report.target.name}.`,
    );
    return;
  }
  if (present.length === 0) {
    if (nullish && !target.null)
      report.add(
        'error',
        Codes.TARGET_TYPE,
        origin,
        bodyPath,
        `${name} is always null here, but must be ${wanted(target)}. Map a field that has a value, or leave this one out.`,
      );
    return;
  }
  const misfits = present.filter((k) => !accepts(target, k));
  if (misfits.length === present.length) {
    report.add(
      'error',
      Codes.TARGET_TYPE,
      origin,
      bodyPath,
      `${name} must be ${wanted(target)}, but this gives ${printType(value)}. Convert it (e.g. with | string, | number, | json) or map another field.`,
    );
    return;
  }
  if (misfits.length > 0) {
    report.add(
      'warning',
      Codes.TARGET_MAY_NOT_FIT,
      origin,
      bodyPath,
      `${name} must be ${wanted(target)}, but this may be ${misfits.map((k) => KIND_WORDS[k]).join(' or ')} (${printType(value)}).`,
    );
  }
  if (nullish && !target.null) {
    report.add(
      'warning',
      Codes.MAYBE_NULL,
      origin,
      bodyPath,
      `${name} may be null here (${printType(value)}), and ${report.target.name} does not take null. Add a fallback (?? "…") or | optional to leave it out.`,
    );
  }
  literals(value, target, origin, bodyPath, report);
  if (value.number && target.number?.integer && !value.number.integer && !misfits.includes('number')) {
    report.add(
      'warning',
      Codes.TARGET_MAY_NOT_FIT,
      origin,
      bodyPath,
      `${name} must be a whole number, but this may have decimals. Use | round or | integer.`,
    );
  }
  if (value.array && target.array)
    fit(value.array.items, target.array.items, origin, `${bodyPath}/*`, report, depth + 1);
  if (value.object && target.object) fitObject(value, target, origin, bodyPath, report, depth);
}

function accepts(target: Type, kind: string): boolean {
  switch (kind) {
    case 'string':
      return !!target.string;
    case 'number':
      return !!target.number;
    case 'boolean':
      return target.true || target.false;
    case 'array':
      return !!target.array;
    default:
      return !!target.object;
  }
}

/** Text or numbers into an enum: every literal outside it is an error; text that is not a literal may not fit. */
function literals(value: Type, target: Type, origin: Origin, bodyPath: string, report: Report): void {
  for (const kind of ['string', 'number'] as const) {
    const have = value[kind];
    const allowed = target[kind]?.values;
    if (!have || !allowed) continue;
    const list = allowed.map((v) => JSON.stringify(v)).join(', ');
    if (have.values === null) {
      report.add(
        'warning',
        Codes.TARGET_MAY_NOT_FIT,
        origin,
        bodyPath,
        `${fieldName(bodyPath)} must be one of ${list}, but this may be any ${kind === 'string' ? 'text' : 'number'}.`,
      );
      continue;
    }
    const outside = (have.values as unknown[]).filter((v) => !(allowed as unknown[]).includes(v));
    if (outside.length === 0) continue;
    const severity = outside.length === have.values.length ? 'error' : 'warning';
    const code = severity === 'error' ? Codes.TARGET_ENUM : Codes.TARGET_MAY_NOT_FIT;
    report.add(
      severity,
      code,
      origin,
      bodyPath,
      `${fieldName(bodyPath)} must be one of ${list}; ${outside.map((v) => JSON.stringify(v)).join(', ')} ${severity === 'error' ? 'is' : 'may be'} not.`,
    );
  }
}

/** An object value whose members are known only by type (a whole placeholder, a `$merge`). */
function fitObject(
  value: Type,
  target: Type,
  origin: Origin,
  bodyPath: string,
  report: Report,
  depth: number,
): void {
  const have = value.object!;
  const want = target.object!;
  for (const [key, prop] of want.props) {
    if (!prop.required || have.props.has(key)) continue;
    if (have.rest === null)
      report.add(
        'error',
        Codes.TARGET_REQUIRED,
        origin,
        `${bodyPath}/${key}`,
        `${bodyPath}/${key} is required, but this object never has it.`,
      );
  }
  for (const [key, prop] of have.props) {
    const path = joinPointer(bodyPath, key);
    const into = want.props.get(key);
    if (into) fit(prop.type, into.type, origin, path, report, depth + 1);
    else if (want.rest) fit(prop.type, want.rest, origin, path, report, depth + 1);
    else
      report.add(
        'warning',
        Codes.TARGET_UNKNOWN_FIELD,
        origin,
        path,
        `${path} is not a field ${report.target.name} knows; the API rejects or ignores it.`,
      );
  }
}
