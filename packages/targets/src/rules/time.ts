import type { BodyDiagnostic } from '../codes.js';
import { TargetCodes } from '../codes.js';
import { diagnostic } from '../diagnostics.js';

/** ISO-8601 date-times with a zone (fractions of any length), the only form the time rules read. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Epoch milliseconds of an ISO date-time with a zone, else undefined (the schema reports other forms). */
export function instant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return undefined;
  const fraction = value.match(/\.(\d+)/)?.[1];
  const trimmed =
    fraction && fraction.length > 3 ? value.replace(`.${fraction}`, `.${fraction.slice(0, 3)}`) : value;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

export const EPOCH = 0;

/** "is in the future" / "is before 1970" diagnostics, naming the rule and the fix. */
export function timeProblem(
  path: string,
  value: string,
  problem: string,
  rule: string,
  fix: string,
): BodyDiagnostic {
  return diagnostic(
    'error',
    TargetCodes.RANGE,
    path,
    `${path} ("${value}") ${problem} (rule ${rule}). ${fix}.`,
  );
}
