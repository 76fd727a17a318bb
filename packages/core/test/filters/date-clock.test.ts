import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';

const CLOCK = '%H|%I|%M|%S|%L|%p|%s|%T|%%|';

describe('date with a time-of-day format', () => {
  it('gives what the same directives give beside a calendar one (which works out the whole date)', () => {
    const ms = fc.oneof(
      fc.integer({ min: 1e11, max: 8.64e15 }),
      fc.integer({ min: -8.64e15, max: -1e11 }),
      fc.double({ min: 1e11, max: 8.64e15, noNaN: true }),
    );
    fc.assert(
      fc.property(ms, (t) => {
        const clock = render(`{{ t | date: '${CLOCK}' }}`, { t });
        const withDate = render(`{{ t | date: '%Y ${CLOCK}' }}`, { t }) as string;
        expect(clock).toBe(withDate.slice(withDate.indexOf(' ') + 1));
      }),
      { numRuns: 3000 },
    );
    expect(render("{{ t | date: '%H:%M:%S', 'UTC' }}", { t: '2025-01-15T10:30:05.250Z' })).toBe('10:30:05');
    expect(render("{{ d | date: '%M:%S' }}", { d: 125 })).toBe('02:05');
  });
});
