import { toEpochMs } from '../filters/date.js';

/** Text the date filters (`date`, `iso`, `unix`, `unix_ms`) read without failing: ISO dates, epoch digits, "now". */
export function readsAsDate(text: string): boolean {
  try {
    toEpochMs(text, 'iso');
    return true;
  } catch {
    return false;
  }
}

/** Formats whose every value the date filters read. */
export const DATE_FORMATS = new Set(['date-time', 'date']);
