/** Calendar fields of a time, by arithmetic: what date.ts formats and iso-fast.ts writes. */

export interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
  offsetMinutes: number;
  zone: string;
}

const DAY_MS = 86400000;

/**
 * UTC calendar fields by arithmetic (days to civil date, H. Hinnant's algorithm): what a Date's getUTC*
 * getters return for `ms`, without making the Date. Dates hold whole milliseconds (truncated).
 */
export function utcParts(time: number, into?: Parts): Parts {
  const parts = clockParts(time, into);
  const days = Math.floor(Math.trunc(time) / DAY_MS);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  parts.month = mp < 10 ? mp + 3 : mp - 9;
  parts.year = yoe + era * 400 + (parts.month <= 2 ? 1 : 0);
  parts.day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  parts.weekday = (((days + 4) % 7) + 7) % 7;
  return parts;
}

/**
 * UTC parts of the time of day only (the date fields are 0): all a clock-only format reads. `into` is an
 * object to fill instead of a new one (a caller that reads the parts at once and keeps none of them).
 */
export function clockParts(time: number, into?: Parts): Parts {
  const t = Math.trunc(time);
  let rest = t - Math.floor(t / DAY_MS) * DAY_MS;
  const hour = Math.floor(rest / 3600000);
  rest -= hour * 3600000;
  const minute = Math.floor(rest / 60000);
  rest -= minute * 60000;
  const second = Math.floor(rest / 1000);
  const parts = into ?? newParts();
  parts.year = 0;
  parts.month = 0;
  parts.day = 0;
  parts.hour = hour;
  parts.minute = minute;
  parts.second = second;
  parts.ms = rest - second * 1000;
  parts.weekday = 0;
  parts.offsetMinutes = 0;
  parts.zone = 'UTC';
  return parts;
}

export function newParts(): Parts {
  return {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    weekday: 0,
    offsetMinutes: 0,
    zone: 'UTC',
  };
}
