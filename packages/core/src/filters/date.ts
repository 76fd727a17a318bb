import { clockParts, newParts, utcParts, type Parts } from './civil.js';
import { isoStringFast, parseZonedFast, TWO_DIGITS } from './iso-fast.js';
import { def, expectText, FilterTypeError, typeName, type FilterDef } from './types.js';

/** ISO 8601 / RFC 3339 date or date-time (a space may stand for the T). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * The common webhook form: a full date-time with Z or an offset, nothing to trim. `ISO_DATE` accepts it
 * and `asUtc` leaves it as is, so `Date.parse` reads it directly.
 */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A date-time without an offset is read as UTC (JavaScript would read it as local time). */
function asUtc(iso: string): string {
  return iso.includes('T') && !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? iso + 'Z' : iso;
}

/** Epoch numbers below 1e11 are seconds (until year 5138), larger ones milliseconds; "now" is the render time. */
export function toEpochMs(v: unknown, name: string): number {
  const ms = readEpochMs(v, name);
  // A Date holds ±8.64e15 ms at most (anything else, NaN included, is an invalid date).
  if (!(Math.abs(ms) <= 8.64e15))
    throw new FilterTypeError(`${name}: ${String(v)} is outside the range of dates`);
  return ms;
}

function readEpochMs(v: unknown, name: string): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number' && Number.isFinite(v)) return Math.abs(v) < 1e11 ? v * 1000 : v;
  if (typeof v === 'string') {
    const fast = parseZonedFast(v);
    if (!Number.isNaN(fast)) return fast;
    if (ZONED_DATE_TIME.test(v)) {
      const ms = Date.parse(v);
      if (!Number.isNaN(ms)) return ms;
    }
    const s = v.trim();
    if (s === 'now' || s === 'today') return Date.now();
    if (/^-?\d+(\.\d+)?$/.test(s)) return readEpochMs(Number(s), name);
    const ms = ISO_DATE.test(s) ? Date.parse(asUtc(s.replace(' ', 'T'))) : NaN;
    if (!Number.isNaN(ms)) return ms;
  }
  throw new FilterTypeError(
    `${name} expects a date (ISO text, epoch seconds or milliseconds), got ${typeName(v)}${typeof v === 'string' ? ` "${v.slice(0, 30)}"` : ''}`,
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
    } catch {
      throw new FilterTypeError(
        `date: unknown time zone "${zone}" (use an IANA name such as "Europe/Paris")`,
      );
    }
    formatters.set(zone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The parts `date` formats in UTC: filled per call and read at once (never kept, never re-entered). */
const scratch = newParts();

function partsIn(ms: number, zone: string): Parts {
  if (zone === 'UTC' || zone === 'Etc/UTC') return utcParts(ms, scratch);
  const d = new Date(ms);
  const p: Record<string, string> = {};
  for (const { type, value } of zoneFormatter(zone).formatToParts(d)) p[type] = value;
  const year = Number(p.year),
    month = Number(p.month),
    day = Number(p.day);
  const hour = Number(p.hour),
    minute = Number(p.minute),
    second = Number(p.second);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((wall - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    ms: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(p.weekday ?? ''),
    offsetMinutes,
    zone,
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, w = 2): string =>
  w === 2 && n >= 0 && n < 100 ? (TWO_DIGITS[n] as string) : String(n).padStart(w, '0');

function offset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return sign + pad(Math.floor(m / 60)) + (colon ? ':' : '') + pad(m % 60);
}

function dayOfYear(p: Parts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
}

function directive(c: string, p: Parts, ms: number): string {
  switch (c) {
    case 'Y':
      return String(p.year);
    case 'y':
      return pad(p.year % 100);
    case 'm':
      return pad(p.month);
    case 'd':
      return pad(p.day);
    case 'e':
      return String(p.day).padStart(2, ' ');
    case 'H':
      return pad(p.hour);
    case 'I':
      return pad(p.hour % 12 || 12);
    case 'M':
      return pad(p.minute);
    case 'S':
      return pad(p.second);
    case 'L':
      return pad(p.ms, 3);
    case 'p':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'b':
      return MONTHS[p.month - 1]!.slice(0, 3);
    case 'B':
      return MONTHS[p.month - 1]!;
    case 'a':
      return DAYS[p.weekday]!.slice(0, 3);
    case 'A':
      return DAYS[p.weekday]!;
    case 'j':
      return pad(dayOfYear(p), 3);
    case 'z':
      return offset(p.offsetMinutes, false);
    case 'Z':
      return p.zone;
    case 's':
      return String(Math.floor(ms / 1000));
    case 'F':
      return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    case 'T':
      return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
    case '%':
      return '%';
    default:
      return '%' + c;
  }
}

/** A strftime format split once: `texts[i]` comes before directive `codes[i]`, the last text after them. */
interface Format {
  texts: string[];
  codes: string[];
  /** Only time-of-day directives (`%H:%M:%S`): in UTC the calendar date need not be worked out. */
  clockOnly: boolean;
}

const CLOCK_CODES = new Set(['H', 'I', 'M', 'S', 'L', 'p', 's', 'T', '%']);

/** Formats split so far (templates use a handful; the map is emptied if some caller makes many). */
const formats = new Map<string, Format>();

function formatOf(fmt: string): Format {
  let format = formats.get(fmt);
  if (format) return format;
  format = { texts: [''], codes: [], clockOnly: true };
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] as string;
    if (ch === '%' && i + 1 < fmt.length) {
      const code = fmt[++i] as string;
      format.codes.push(code);
      format.texts.push('');
      if (!CLOCK_CODES.has(code)) format.clockOnly = false;
    } else format.texts[format.texts.length - 1] += ch;
  }
  if (formats.size >= 256) formats.clear();
  formats.set(fmt, format);
  return format;
}

/** strftime: %Y %y %m %d %e %H %I %M %S %L %p %b %B %a %A %j %z %Z %s %F %T %%, in an IANA zone (UTC by default). */
function date(v: unknown, format: unknown, zone: unknown = 'UTC'): string {
  const ms = toEpochMs(v, 'date');
  const { texts, codes, clockOnly } = formatOf(expectText('date', format));
  const z = zone === null ? 'UTC' : expectText('date', zone);
  const p = clockOnly && (z === 'UTC' || z === 'Etc/UTC') ? clockParts(ms, scratch) : partsIn(ms, z);
  let out = texts[0] as string;
  for (let i = 0; i < codes.length; i++)
    out += directive(codes[i] as string, p, ms) + (texts[i + 1] as string);
  return out;
}
function iso(v: unknown): string {
  const ms = toEpochMs(v, 'iso');
  return isoStringFast(ms) ?? new Date(ms).toISOString();
}
function unix(v: unknown): number {
  return Math.floor(toEpochMs(v, 'unix') / 1000);
}
function unixMs(v: unknown): number {
  return Math.round(toEpochMs(v, 'unix_ms'));
}

export const dateFilters: Record<string, FilterDef> = {
  date: def(
    date,
    1,
    2,
    'date: "%Y-%m-%d %H:%M", zone = "UTC"',
    'Format a date with strftime in an IANA time zone.',
  ),
  iso: def(iso, 0, 0, 'iso', 'ISO 8601 UTC text, e.g. 2025-07-31T12:00:00.000Z.'),
  unix: def(unix, 0, 0, 'unix', 'Epoch seconds.'),
  unix_ms: def(unixMs, 0, 0, 'unix_ms', 'Epoch milliseconds.'),
};
