import type { BodyDiagnostic } from './codes.js';
import { validatorFor } from './ajv.js';
import { TargetCodes } from './codes.js';
import { diagnostic, toDiagnostics } from './diagnostics.js';
import { knownPicklists, schemaWithPicklists, type PicklistConfig } from './picklists.js';
import type { JsonSchema, RequestPreset } from './types.js';

/** Options of `validateBody` / `validateRequest`. */
export interface ValidateOptions {
  /**
   * "Now" for the rules about the present (a note's or a call's time must not lie in the future): a Date, epoch
   * milliseconds or ISO text. Default: the current time. Pass it to make a validation repeatable.
   */
  now?: Date | number | string;
  /** The account's picklist values by picklist name (see `target.picklists`); unconfigured picklists are free text. */
  picklists?: PicklistConfig;
}

/** Text bodies (e.g. a Handlebars text template) are parsed as JSON first. */
function parseBody(target: RequestPreset, body: unknown): { value?: unknown; problem?: BodyDiagnostic } {
  if (body === undefined) {
    return {
      problem: diagnostic(
        'error',
        TargetCodes.NO_BODY,
        '',
        `${target.name} needs a JSON body; the integration renders none (check body mode and method ${target.method}).`,
      ),
    };
  }
  if (typeof body !== 'string') return { value: body };
  try {
    return { value: JSON.parse(body) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problem: diagnostic(
        'error',
        TargetCodes.NOT_JSON,
        '',
        `The body is text that is not valid JSON (${reason}); ${target.name} needs a JSON object. Use body mode "template", or escape values in the text template with the json filter.`,
      ),
    };
  }
}

function nowOf(option: ValidateOptions['now']): { now: number; problem?: BodyDiagnostic } {
  if (option === undefined) return { now: Date.now() };
  const now =
    option instanceof Date ? option.getTime() : typeof option === 'number' ? option : Date.parse(option);
  if (Number.isFinite(now)) return { now };
  const text = `The "now" option (${String(option)}) is not a date; the current time was used. Pass a Date, epoch milliseconds or ISO text.`;
  return { now: Date.now(), problem: diagnostic('warning', TargetCodes.OPTIONS, '', text) };
}

function unknownPicklist(target: RequestPreset, name: string): BodyDiagnostic {
  const known = Object.keys(target.picklists ?? {});
  const list =
    known.length > 0 ? `its picklists are ${known.join(', ')}` : 'it has no configurable picklists';
  return diagnostic(
    'warning',
    TargetCodes.OPTIONS,
    '',
    `Picklist "${name}" is not one ${target.name} knows (${list}); its values were not checked.`,
  );
}

/** The target schema as this account configured it (picklists as enums), and the options it could not use. */
export function configuredSchema(
  target: RequestPreset & { schema: JsonSchema },
  options: ValidateOptions = {},
): { schema: JsonSchema; key: string; problems: BodyDiagnostic[] } {
  const { known, unknown } = knownPicklists(target, options.picklists);
  const key = known.length === 0 ? target.id : `${target.id} ${JSON.stringify(known)}`;
  return {
    schema: schemaWithPicklists(target, known),
    key,
    problems: unknown.map((name) => unknownPicklist(target, name)),
  };
}

/** Checks a rendered body against the target's schema and rules; every problem at once, never throws. */
export function validateTargetBody(
  target: RequestPreset,
  body: unknown,
  options: ValidateOptions = {},
): BodyDiagnostic[] {
  if (target.schema === null) return body === undefined ? [] : [unexpectedBody(target)];
  const parsed = parseBody(target, body);
  if (parsed.problem) return [parsed.problem];
  const { schema, key, problems } = configuredSchema({ ...target, schema: target.schema }, options);
  const { now, problem } = nowOf(options.now);
  const validate = validatorFor(key, schema);
  const schemaDiagnostics = validate(parsed.value)
    ? []
    : toDiagnostics(validate.errors ?? [], schema, target.name);
  const ruleDiagnostics = (target.rules ?? []).flatMap((rule) =>
    rule.check(parsed.value, { now, targetName: target.name }),
  );
  return [...(problem ? [problem] : []), ...problems, ...schemaDiagnostics, ...ruleDiagnostics];
}

function unexpectedBody(target: RequestPreset): BodyDiagnostic {
  return diagnostic(
    'error',
    TargetCodes.UNEXPECTED_BODY,
    '',
    `${target.name} is a ${target.method} request and takes no body: put what it needs in the URL's query string.`,
  );
}
