import { jsonDifference } from './json-equal.js';
import { stringProjection } from './projection.js';
import type { BenchCase } from '../cases/types.js';
import type { Contender } from '../contenders/types.js';

/** The source a contender compiles for a case: its template, or the hand-written function. */
export function sourceFor(benchCase: BenchCase, contender: Contender): unknown {
  return contender.engine === 'hand' ? benchCase.handWritten : benchCase.templates[contender.engine];
}

/** True when the contender can run the case (the hand-written function always can). */
export function canRun(benchCase: BenchCase, contender: Contender): boolean {
  return contender.engine === 'hand' || benchCase.templates[contender.engine] !== undefined;
}

/** Why an engine cannot run the case, or null when it can. */
export function whyNot(benchCase: BenchCase, contender: Contender): string | null {
  if (canRun(benchCase, contender) || contender.engine === 'hand') return null;
  return benchCase.unsupported[contender.engine] ?? 'no template';
}

/** What the contender must produce for `context`: the hand-written value (as strings when types are lost). */
export function expectedFor(benchCase: BenchCase, contender: Contender, context: object): unknown {
  const value = benchCase.handWritten(context);
  return contender.keepsTypes ? value : stringProjection(sourceFor(benchCase, contender), value);
}

/**
 * Renders every context with the contender (value and body) and compares with the hand-written output.
 * Returns null when all agree, else the first difference.
 */
export async function checkEquivalence(
  benchCase: BenchCase,
  contender: Contender,
  contexts: object[],
): Promise<string | null> {
  try {
    const prepared = contender.compile(sourceFor(benchCase, contender));
    for (const context of contexts) {
      const expected = expectedFor(benchCase, contender, context);
      const difference = jsonDifference(await prepared.render(context), expected);
      if (difference) return `render ${difference}`;
      const body = await prepared.body(context);
      if (typeof body !== 'string') return `body is ${typeof body}, not a string`;
      const bodyDifference = jsonDifference(JSON.parse(body), expected);
      if (bodyDifference) return `body ${bodyDifference}`;
    }
    return null;
  } catch (error) {
    return `threw ${error instanceof Error ? error.message : String(error)}`;
  }
}
