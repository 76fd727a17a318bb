import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoStringFast, parseZonedFast } from '../../src/filters/iso-fast.js';

const digits = (n: number, min = 0, max = 10 ** n - 1) =>
  fc.integer({ min, max }).map((v) => String(v).padStart(n, '0'));

/** Date-time texts near the fast form: valid ones, and ones off by a field, a separator or a length. */
const dateTimeText = fc
  .record({
    year: digits(4, 0, 9999),
    month: digits(2, 0, 13),
    day: digits(2, 0, 32),
    t: fc.constantFrom('T', 't', ' '),
    hour: digits(2, 0, 25),
    minute: digits(2, 0, 61),
    second: fc.option(digits(2, 0, 61), { nil: undefined }),
    fraction: fc.option(
      fc.integer({ min: 0, max: 11 }).chain((n) => (n === 0 ? fc.constant('') : digits(n))),
      {
        nil: undefined,
      },
    ),
    zone: fc.constantFrom(
      'Z',
      'z',
      '+00:00',
      '-08:00',
      '+05:30',
      '+0530',
      '-2359',
      '+24:00',
      '+01:60',
      '',
      '+1',
    ),
  })
  .map(
    (p) =>
      `${p.year}-${p.month}-${p.day}${p.t}${p.hour}:${p.minute}` +
      (p.second === undefined ? '' : `:${p.second}${p.fraction === undefined ? '' : `.${p.fraction}`}`) +
      p.zone,
  );

describe('parseZonedFast', () => {
  it('answers exactly as Date.parse wherever it answers, and answers for the usual webhook forms', () => {
    let answered = 0;
    fc.assert(
      fc.property(dateTimeText, (text) => {
        const fast = parseZonedFast(text);
        if (Number.isNaN(fast)) return;
        answered++;
        expect(fast, text).toBe(Date.parse(text));
      }),
      { numRuns: 20000 },
    );
    // The generator is near the fast form on purpose: a good share of its texts must take the fast path.
    expect(answered).toBeGreaterThan(1000);
    for (const text of [
      '2025-07-15T10:30:00Z',
      '2025-07-15T10:30:00.123Z',
      '2025-07-15T10:30:00.123456789+05:30',
      '2024-02-29T23:59:59.999-08:00',
      '2025-07-15T10:30Z',
      '2025-07-15T10:30:00-0800',
    ])
      expect(parseZonedFast(text), text).toBe(Date.parse(text));
  });

  it('leaves what it does not fully recognise to the general path (NaN)', () => {
    for (const text of [
      '2025-07-15',
      '2025-07-15T10:30:00',
      '2025-02-29T10:30:00Z',
      '2025-07-15T24:00:00Z',
      '0099-07-15T10:30:00Z',
      '2025-07-15T10:30:00.Z',
      '2025-07-15T10:30:00.1234567890Z',
      '2025-07-15T10:30:00Z ',
      '2025-07-15t10:30:00z',
      '+02025-07-15T10:30:00Z',
    ])
      expect(parseZonedFast(text), text).toBeNaN();
  });
});

describe('isoStringFast', () => {
  it('gives toISOString for years 1000-9999, fractions and negatives included, and null outside', () => {
    fc.assert(
      fc.property(fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }), (ms) => {
        const date = new Date(ms);
        const year = date.getUTCFullYear();
        const fast = isoStringFast(ms);
        if (year >= 1000 && year <= 9999) expect(fast).toBe(date.toISOString());
        else expect(fast).toBeNull();
      }),
      { numRuns: 20000 },
    );
    for (const ms of [0, -1, -0.5, 1736937000999.9, 951782400000, -30610224000000, 253402300799999])
      expect(isoStringFast(ms), String(ms)).toBe(new Date(ms).toISOString());
  });
});
