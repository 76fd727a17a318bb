/**
 * SPEC §9 flows as data: `flows/<topic>.json`, each an array of cases run by this one runner.
 *
 * - `result`: renderFlow gives exactly that FlowResult (requests compared without their `diagnostics`),
 *   and so does runFlow with a fetch answering from the same `responses` (unless the case stops for want
 *   of a response, which runFlow turns into a FlowError) — one engine behind both. `sends` lists the
 *   step ids runFlow must fetch, in order (default: every step with a request that is not resumed).
 * - `problems`: validateIntegration lists exactly these (code, path; start, end, key, messageIncludes
 *   when given), and renderFlow refuses the flow with the first one.
 * - `error`: renderFlow throws it.
 */
/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  FlowError,
  renderFlow,
  runFlow,
  validateIntegration,
  type Diagnostic,
  type Flow,
  type FlowFetch,
  type FlowResult,
  type RenderFlowOptions,
  type StepResponse,
} from '../../src/index.js';

interface ExpectedProblem {
  code: string;
  path: string;
  start?: number;
  end?: number;
  key?: boolean;
  messageIncludes?: string;
}

interface FlowCase {
  name: string;
  flow: Flow;
  payload?: unknown;
  options?: RenderFlowOptions;
  result?: FlowResult;
  sends?: string[];
  problems?: ExpectedProblem[];
  error?: ExpectedProblem;
}

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'flows');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

/** The result as the cases write it: requests without `diagnostics`. */
function comparable(result: FlowResult): unknown {
  return JSON.parse(
    JSON.stringify({
      ...result,
      steps: result.steps.map((s) =>
        s.request ? { ...s, request: { ...s.request, diagnostics: undefined } } : s,
      ),
    }),
  );
}

/** A fetch answering the nth call with the response of the nth step the case expects to be sent. */
function fakeFetch(c: FlowCase, sent: string[]): FlowFetch {
  const expected = (c.result?.steps ?? []).filter((s) => s.request && !s.resumed);
  const responses = c.options?.responses ?? {};
  return async (url, init) => {
    const step = expected[sent.length];
    const id = step?.id ?? `call ${sent.length}`;
    sent.push(id);
    expect([init.method, url]).toEqual([step?.request?.method, step?.request?.url]);
    const r = responses[id];
    if (!r) throw new Error(`no response for step ${id}`);
    const headers = new Headers(r.headers);
    if (sentAsJson(r)) headers.set('content-type', 'application/json');
    const text = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    return { status: r.status, headers, text: async () => text };
  };
}

/**
 * renderFlow takes a given body as the value it is; a server sends an object as JSON text with a JSON
 * content type. For those responses runFlow also records that header, which the case does not list.
 */
function sentAsJson(r: StepResponse): boolean {
  return r.body !== undefined && typeof r.body !== 'string' && !new Headers(r.headers).has('content-type');
}

function asFetched(result: FlowResult, responses: Record<string, StepResponse>): unknown {
  const copy = comparable(result) as FlowResult;
  for (const s of copy.steps) {
    const given = responses[s.id];
    if (s.response && !s.resumed && given && sentAsJson(given))
      s.response.headers = { ...s.response.headers, 'content-type': 'application/json' };
  }
  return copy;
}

function matches(d: Diagnostic | Error, expected: ExpectedProblem): void {
  const actual = d as Partial<Diagnostic>;
  expect(actual.code).toBe(expected.code);
  expect(actual.path).toBe(expected.path);
  if (expected.start !== undefined) expect(actual.start).toBe(expected.start);
  if (expected.end !== undefined) expect(actual.end).toBe(expected.end);
  if (expected.key !== undefined) expect(actual.key).toBe(expected.key);
  if (expected.messageIncludes !== undefined) expect(actual.message).toContain(expected.messageIncludes);
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

for (const file of files) {
  const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as FlowCase[];
  describe(`flows/${file}`, () => {
    for (const c of cases) {
      it(c.name, async () => {
        const payload = c.payload ?? {};
        const options = c.options ?? {};
        if (c.problems) {
          const problems = validateIntegration(c.flow);
          expect(problems.map((p) => [p.code, p.path])).toEqual(c.problems.map((p) => [p.code, p.path]));
          c.problems.forEach((p, i) => matches(problems[i] as Diagnostic, p));
          if (c.problems[0])
            matches(
              thrown(() => renderFlow(c.flow, payload, options)),
              c.problems[0],
            );
          else expect(() => renderFlow(c.flow, payload, options)).not.toThrow();
        }
        if (c.error)
          matches(
            thrown(() => renderFlow(c.flow, payload, options)),
            c.error,
          );
        if (!c.result) return;
        expect(validateIntegration(c.flow)).toEqual([]);
        const rendered = renderFlow(c.flow, payload, options);
        expect(comparable(rendered)).toEqual(c.result);
        const sent: string[] = [];
        const run = runFlow(c.flow, payload, { ...options, fetch: fakeFetch(c, sent) });
        if (c.result.stopReason === 'no-response') {
          const error = await run.then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(FlowError);
          expect((error as FlowError).flow.stoppedAt).toBe(c.result.stoppedAt);
          expect(comparable({ ...(error as FlowError).flow, stopReason: 'no-response' })).toEqual(
            asFetched(c.result, options.responses ?? {}),
          );
        } else {
          expect(comparable(await run)).toEqual(asFetched(c.result, options.responses ?? {}));
        }
        const expectedSends =
          c.sends ?? c.result.steps.filter((s) => s.request && !s.resumed).map((s) => s.id);
        expect(sent).toEqual(expectedSends);
      });
    }
  });
}
