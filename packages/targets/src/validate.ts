import type { Diagnostic } from '@hookmap/core';
import { validatorFor } from './ajv.js';
import { TargetCodes } from './codes.js';
import { diagnostic, toDiagnostics } from './diagnostics.js';
import type { Target } from './types.js';

/** Text bodies (e.g. a Handlebars text template) are parsed as JSON first. */
function parseBody(target: Target, body: unknown): { value?: unknown; problem?: Diagnostic } {
  if (body === undefined) {
    return {
      problem: diagnostic('error', TargetCodes.NO_BODY, '', `${target.name} needs a JSON body; the integration renders none (check body mode and method ${target.method}).`),
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

/** Checks a rendered body against the target's schema; every problem at once, never throws. */
export function validateTargetBody(target: Target, body: unknown): Diagnostic[] {
  const parsed = parseBody(target, body);
  if (parsed.problem) return [parsed.problem];
  const validate = validatorFor(target.id, target.schema);
  if (validate(parsed.value)) return [];
  return toDiagnostics(validate.errors ?? [], target.schema, target.name);
}
