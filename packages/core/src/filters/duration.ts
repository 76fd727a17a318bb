import { def, expectNumber, FilterTypeError, type FilterDef } from './types.js';

const FORMATS = ['hh:mm:ss', 'mm:ss', 'hh:mm'] as const;
type Format = (typeof FORMATS)[number];

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * Seconds as a clock-style duration: `3725 | duration: "mm:ss"` → `62:05`. The largest unit never
 * wraps (a CRM's "mm:ss" call duration of an hour-long call is `60:00`, not `00:00`); fractions of a
 * second are dropped; `hh:mm` drops the seconds.
 */
function duration(v: unknown, format: unknown = 'hh:mm:ss'): string {
  if (!FORMATS.includes(format as Format)) {
    throw new FilterTypeError(`duration takes "hh:mm:ss", "mm:ss" or "hh:mm", got ${JSON.stringify(format)}`);
  }
  const seconds = Math.trunc(expectNumber('duration', v));
  if (seconds < 0) throw new FilterTypeError(`duration expects seconds ≥ 0, got ${seconds}`);
  const s = seconds % 60;
  const minutes = Math.floor(seconds / 60);
  if (format === 'mm:ss') return `${two(minutes)}:${two(s)}`;
  const h = Math.floor(minutes / 60);
  return format === 'hh:mm' ? `${two(h)}:${two(minutes % 60)}` : `${two(h)}:${two(minutes % 60)}:${two(s)}`;
}

export const durationFilters: Record<string, FilterDef> = {
  duration: def(
    duration,
    0,
    1,
    'duration: "hh:mm:ss" | "mm:ss" | "hh:mm"',
    'Seconds as hh:mm:ss (or mm:ss, hh:mm); the largest unit never wraps: 3725 | duration: "mm:ss" is 62:05.',
  ),
};
