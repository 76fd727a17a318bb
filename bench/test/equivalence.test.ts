import { describe, expect, it } from 'vitest';
import { cases } from '../cases/index.js';
import { contenders, handContender } from '../contenders/index.js';
import { canRun, checkEquivalence, whyNot } from '../harness/equivalence.js';

describe.each(cases)('$id', (benchCase) => {
  const contexts = benchCase.contexts(2);

  it('hand-written output is JSON and the same for every context copy', () => {
    const [first, second] = contexts.map((context) => JSON.stringify(benchCase.handWritten(context)));
    expect(first).toBeTypeOf('string');
    expect(second).toBe(first);
  });

  const runnable = [handContender, ...contenders].filter((contender) => canRun(benchCase, contender));
  it.each(runnable.map((contender) => [contender.id, contender] as const))(
    '%s agrees with the hand-written function',
    async (_id, contender) => {
      expect(await checkEquivalence(benchCase, contender, contexts)).toBeNull();
    },
  );

  it('every engine without a template says why', () => {
    for (const contender of contenders.filter((entry) => !canRun(benchCase, entry))) {
      expect(whyNot(benchCase, contender), contender.id).not.toBe('no template');
    }
  });
});
