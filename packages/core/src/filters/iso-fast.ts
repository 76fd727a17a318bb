/**
 * The date forms webhooks send nearly always — `2025-07-15T10:30:00Z`, with or without seconds,
 * fractions and an offset — read and written by arithmetic, without the regular expression and
 * `Date.parse` / `toISOString` round trips (each several times the cost of this). Anything else is
 * left to date.ts's general path: these functions only ever answer for input they fully recognise.
 */

import { newParts, utcParts } from './civil.js';

const DAY_MS = 86400000;

/** The digit at `i`, or a negative number when it is not one (integers only: no NaN to check for). */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/** Two digits at `i` as a number 0–99, or a negative number when either is not a digit. */
function two(s: string, i: number): number {
  const hi = digit(s, i);
  const lo = digit(s, i + 1);
  return hi < 0 || lo < 0 ? -1 : hi * 10 + lo;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:MM[:SS[.f{1,9}]](Z|±HH[:]MM)` (years 0100–9999, hours 00–23),
 * exactly what `Date.parse` gives for it; NaN for any other text (the caller then takes the slow path).
 */
export function parseZonedFast(s: string): number {
  const n = s.length;
  if (n < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return NaN;
  if (s.charCodeAt(13) !== 58) return NaN;
  const century = two(s, 0);
  const yy = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (century < 1 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return NaN;
  if (minute < 0 || minute > 59) return NaN;
  const year = century * 100 + yy;
  if (day > 28 && day > daysIn(year, month)) return NaN;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    second = two(s, i + 1);
    if (second < 0 || second > 59) return NaN;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      // Milliseconds from the first three digits; further ones (up to nine in all) are dropped, as Date.parse does.
      const start = ++i;
      let c = s.charCodeAt(i) - 48;
      while (c >= 0 && c <= 9) {
        if (i - start < 3) ms = ms * 10 + c;
        c = s.charCodeAt(++i) - 48;
      }
      const count = i - start;
      if (count === 0 || count > 9) return NaN;
      if (count === 1) ms *= 100;
      else if (count === 2) ms *= 10;
    }
  }
  let offset = 0;
  const sign = s.charCodeAt(i);
  if (sign === 90) {
    if (i + 1 !== n) return NaN;
  } else if (sign === 43 || sign === 45) {
    let j = i + 3;
    if (s.charCodeAt(j) === 58) j++;
    if (j + 2 !== n) return NaN;
    const hours = two(s, i + 1);
    const mins = two(s, j);
    if (hours < 0 || mins < 0 || mins > 59 || hours * 60 + mins >= 1440) return NaN;
    offset = sign === 45 ? -(hours * 60 + mins) : hours * 60 + mins;
  } else return NaN;
  return (
    daysFromCivil(year, month, day) * DAY_MS +
    hour * 3600000 +
    minute * 60000 +
    second * 1000 +
    ms -
    offset * 60000
  );
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): Date.UTC without the call. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** '00' … '99': two-digit fields read from a table, no number-to-text conversion and no new string. */
export const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) =>
  String(n).padStart(2, '0'),
);

/** The parts isoStringFast fills per call and reads at once. */
const scratch = newParts();

/**
 * `new Date(ms).toISOString()` for years 1000–9999 (`2025-07-15T10:30:00.000Z`), from the civil date
 * by arithmetic (H. Hinnant's days-to-civil); null outside those years (the caller then uses toISOString).
 */
export function isoStringFast(time: number): string | null {
  const { year, month, day, hour, minute, second, ms } = utcParts(time, scratch);
  if (year < 1000 || year > 9999) return null;
  // One flat string from its 24 character codes: no intermediate strings, no number-to-text conversions.
  return String.fromCharCode(
    48 + Math.floor(year / 1000),
    48 + (Math.floor(year / 100) % 10),
    48 + (Math.floor(year / 10) % 10),
    48 + (year % 10),
    45,
    48 + Math.floor(month / 10),
    48 + (month % 10),
    45,
    48 + Math.floor(day / 10),
    48 + (day % 10),
    84,
    48 + Math.floor(hour / 10),
    48 + (hour % 10),
    58,
    48 + Math.floor(minute / 10),
    48 + (minute % 10),
    58,
    48 + Math.floor(second / 10),
    48 + (second % 10),
    46,
    48 + Math.floor(ms / 100),
    48 + (Math.floor(ms / 10) % 10),
    48 + (ms % 10),
    90,
  );
}
