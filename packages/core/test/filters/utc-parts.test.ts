import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcParts } from '../../src/filters/civil.js';

/** What the Date getters say for `ms`: utcParts must agree without making a Date. */
function byDate(ms: number) {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes: 0,
    zone: 'UTC',
  };
}

describe('utcParts', () => {
  it('agrees with the Date getters over the whole range of dates, fractions and negatives included', () => {
    fc.assert(
      fc.property(fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }), (ms) => {
        expect(utcParts(ms)).toEqual(byDate(ms));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees at the edges: the epoch, leap days, century years, the first and last representable instants', () => {
    const edges = [
      0, -1, 1, 951782400000, 951868800000, 4107542400000, -2208988800001, 8.64e15, -8.64e15, 1736937000999.9,
      -0.5,
    ];
    for (const ms of edges) expect(utcParts(ms), String(ms)).toEqual(byDate(ms));
  });
});
