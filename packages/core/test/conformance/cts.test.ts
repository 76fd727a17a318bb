/**
 * The JSONPath Compliance Test Suite (RFC 9535) through hookmap's own expression path: every valid query
 * gives the suite's result (any of its `results` where member order is free), every invalid one is a
 * compile error H106 inside the query. A singular query yields one value or null (SPEC §4), so its
 * expected nodelist is read as that value.
 */
import { describe, expect, it } from 'vitest';
import { compile, TemplateError } from '../../src/index.js';
import { isValidQuery, parseQuery } from '../../src/jsonpath/index.js';
import { exceptionKey, loadSuite, verdict, type Outcome } from './support.js';

interface CtsCase {
  name: string;
  selector: string;
  document?: unknown;
  result?: unknown[];
  results?: unknown[][];
  invalid_selector?: boolean;
}

const suite = loadSuite<{ tests: CtsCase[] }>('cts.json');
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function outcome(c: CtsCase): string | null {
  const template = `{{${c.selector}}}`;
  if (c.invalid_selector) {
    try {
      compile(template, { delimiters: 'braces' });
      return 'compiled, but the suite calls it invalid';
    } catch (e) {
      if (!(e instanceof TemplateError) || e.code !== 'H106')
        return `refused with ${(e as { code?: string }).code ?? String(e)}, not H106`;
      if (e.start < 2 || e.end > template.length - 2 || e.end <= e.start)
        return `H106 at ${e.start}-${e.end}, outside the query`;
      return null;
    }
  }
  let value: unknown;
  try {
    value = compile(template, { delimiters: 'braces' }).render(c.document as object);
  } catch (e) {
    return `threw ${String(e)}`;
  }
  const singular = parseQuery(c.selector.trim()).singular;
  const alternatives = c.results ?? [c.result ?? []];
  const expected = alternatives.map((list) => (singular ? (list[0] ?? null) : list));
  return expected.some((x) => same(x, value))
    ? null
    : `gave ${JSON.stringify(value)}, expected ${JSON.stringify(expected[0])}`;
}

describe.skipIf(!suite)('JSONPath Compliance Test Suite', () => {
  const cases = suite?.tests ?? [];

  it('every case matches, or is a known exception that still applies', () => {
    const outcomes: Outcome[] = cases.map((c) => ({ key: exceptionKey(c.name), problem: outcome(c) }));
    const { unexpected, stale } = verdict('cts', outcomes);
    expect(unexpected).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('the parser alone agrees with the suite on validity (no template around the query)', () => {
    const wrong = cases
      .filter((c) => isValidQuery(c.selector) === Boolean(c.invalid_selector))
      .map((c) => c.name);
    expect(wrong).toEqual([]);
  });
});
