import type { BodyDiagnostic, TargetCode } from './codes.js';
import type { ErrorObject } from './ajv.js';
import { TargetCodes } from './codes.js';
import { joinPointer, resolveSchemaPath } from './pointer.js';

const FORMAT_TEXT: Record<string, string> = {
  date: 'a calendar date "YYYY-MM-DD"',
  'date-time': 'an ISO-8601 date-time with a time zone, e.g. "2025-07-31T12:30:00Z"',
  time: 'a time of day "HH:MM:SS"',
  uri: 'an absolute URL',
  email: 'an email address',
  uuid: 'a UUID',
};

export function diagnostic(
  severity: BodyDiagnostic['severity'],
  code: TargetCode,
  path: string,
  message: string,
): BodyDiagnostic {
  return { severity, code, message, path, start: 0, end: 0 };
}

function hintOf(schema: unknown): string | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  const hint = (schema as Record<string, unknown>)['x-hint'];
  return typeof hint === 'string' ? hint : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function label(path: string): string {
  return path === '' ? 'The body' : path;
}

function withHint(text: string, hint: string | undefined): string {
  return hint ? `${text}. ${hint}` : `${text}.`;
}

/** Drops errors that only explain why one branch of an anyOf/oneOf failed, and `if` bookkeeping. */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const groups = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => e.schemaPath.slice(0, -e.keyword.length));
  return errors.filter(
    (e) =>
      e.keyword !== 'if' &&
      !groups.some(
        (prefix) =>
          e.schemaPath.startsWith(prefix) && /^(anyOf|oneOf)\/\d/.test(e.schemaPath.slice(prefix.length)),
      ),
  );
}

function requiredDiagnostic(error: ErrorObject, root: unknown): BodyDiagnostic {
  const name = String(error.params.missingProperty);
  const path = joinPointer(error.instancePath, name);
  const properties = resolveSchemaPath(root, error.schemaPath.replace(/required$/, 'properties'));
  // A field required by a conditional rule (if/then) has its fix on the rule, not on the property.
  const hint =
    hintOf((properties as Record<string, unknown> | undefined)?.[name]) ?? hintOf(error.parentSchema);
  return diagnostic('error', TargetCodes.REQUIRED, path, withHint(`${path} is required but missing`, hint));
}

function dependentDiagnostic(error: ErrorObject): BodyDiagnostic {
  const path = joinPointer(error.instancePath, String(error.params.missingProperty));
  const text = `${path} is required when ${String(error.params.property)} is sent`;
  return diagnostic('error', TargetCodes.REQUIRED, path, withHint(text, hintOf(error.parentSchema)));
}

function unknownFieldDiagnostic(error: ErrorObject, targetName: string): BodyDiagnostic {
  const path = joinPointer(error.instancePath, String(error.params.additionalProperty));
  const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
  const list = known.length > 0 ? ` Known fields here: ${known.join(', ')}` : '';
  return diagnostic(
    'warning',
    TargetCodes.UNKNOWN_FIELD,
    path,
    withHint(
      `${path} is not a field ${targetName} knows; the API rejects or ignores it.${list}`,
      hintOf(error.parentSchema),
    ),
  );
}

/** For `anyOf: [{required: [a]}, {required: [b]}]`, the names a, b. */
function requiredAlternatives(branches: unknown): string[] | undefined {
  if (!Array.isArray(branches)) return undefined;
  const names = branches.map((b: unknown) => (b as { required?: unknown } | null)?.required);
  if (!names.every((n) => Array.isArray(n) && n.length === 1)) return undefined;
  return names.map((n) => String((n as unknown[])[0]));
}

function problem(error: ErrorObject): { code: TargetCode; text: string } {
  const p = error.params as Record<string, unknown>;
  const got = describe(error.data);
  switch (error.keyword) {
    case 'type': {
      const wanted = String(p.type).replace(',', ' or ');
      if (error.data === null)
        return {
          code: TargetCodes.TYPE,
          text: `is null (did its mapped value resolve?) but must be ${wanted}`,
        };
      return { code: TargetCodes.TYPE, text: `must be ${wanted}, got ${got}` };
    }
    case 'format':
      return {
        code: TargetCodes.FORMAT,
        text: `must be ${FORMAT_TEXT[String(p.format)] ?? p.format}, got ${got}`,
      };
    case 'enum':
      return {
        code: TargetCodes.ENUM,
        text: `must be one of ${(p.allowedValues as unknown[]).map(describe).join(', ')}; got ${got}`,
      };
    case 'const':
      return { code: TargetCodes.ENUM, text: `must be ${describe(p.allowedValue)}, got ${got}` };
    case 'pattern':
      return { code: TargetCodes.PATTERN, text: `has the wrong form: ${got}` };
    case 'maxLength':
    case 'minLength':
      return {
        code: TargetCodes.LENGTH,
        text: `must have ${error.keyword === 'maxLength' ? 'at most' : 'at least'} ${String(p.limit)} characters`,
      };
    case 'maxItems':
    case 'minItems':
      return {
        code: TargetCodes.LENGTH,
        text: `must have ${error.keyword === 'maxItems' ? 'at most' : 'at least'} ${String(p.limit)} items`,
      };
    case 'minProperties':
      return { code: TargetCodes.LENGTH, text: `must have at least ${String(p.limit)} fields` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        code: TargetCodes.RANGE,
        text: `must be ${String(p.comparison)} ${String(p.limit)}, got ${got}`,
      };
    case 'not':
      return { code: TargetCodes.READ_ONLY, text: 'must not be sent' };
    case 'anyOf':
    case 'oneOf': {
      const needed = requiredAlternatives(error.parentSchema?.[error.keyword]);
      const text = needed
        ? `needs at least one of ${needed.join(', ')}`
        : `does not match any accepted form (got ${got})`;
      return { code: TargetCodes.ALTERNATIVES, text };
    }
    default:
      return { code: TargetCodes.SCHEMA, text: error.message ?? `fails the "${error.keyword}" rule` };
  }
}

/** One diagnostic per problem and place: a rule repeated in a conditional branch (if/then) reports once. */
function unique(diagnostics: BodyDiagnostic[]): BodyDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code} ${d.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Turns Ajv errors into diagnostics whose path points into the body and whose message says what to fix. */
export function toDiagnostics(errors: ErrorObject[], root: unknown, targetName: string): BodyDiagnostic[] {
  return unique(
    collapse(errors).map((error) => {
      if (error.keyword === 'required') return requiredDiagnostic(error, root);
      if (error.keyword === 'dependentRequired') return dependentDiagnostic(error);
      if (error.keyword === 'additionalProperties') return unknownFieldDiagnostic(error, targetName);
      const { code, text } = problem(error);
      return diagnostic(
        'error',
        code,
        error.instancePath,
        withHint(`${label(error.instancePath)} ${text}`, hintOf(error.parentSchema)),
      );
    }),
  );
}
