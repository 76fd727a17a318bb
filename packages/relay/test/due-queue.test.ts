import { expect, it } from 'vitest';
import fc from 'fast-check';
import { DueQueue } from '../src/store/embedded/due-queue.js';

it('pops exactly the entries due, in time order', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 200 }),
      fc.integer({ min: 0, max: 1000 }),
      (times, now) => {
        const q = new DueQueue();
        times.forEach((t, i) => q.push(`d${i}`, t));
        const popped = q.popDue(now);
        const expected = times.map((t, i) => ({ t, id: `d${i}` })).filter((e) => e.t <= now);
        const order = popped.map((id) => times[Number(id.slice(1))]!);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect([...popped].sort()).toEqual(expected.map((e) => e.id).sort());
        expect(q.size).toBe(times.length - expected.length);
      },
    ),
  );
});
