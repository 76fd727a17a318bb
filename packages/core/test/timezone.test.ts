/// <reference types="node" />
/**
 * Date filters must not depend on the machine's time zone: the date cases are rendered again with the
 * process zone set far from UTC (Node re-reads TZ when it changes). Vitest runs each file in its own process.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';
import { loadCaseFiles } from './support/cases.js';
import { toPlainJson } from './support/json.js';

const saved = process.env['TZ'];
const dateCases = loadCaseFiles()
  .filter((f) => f.id === 'filters/date')
  .flatMap((f) => f.cases)
  .filter((c) => 'result' in c);

describe.each(['Asia/Kolkata', 'America/Los_Angeles', 'Pacific/Kiritimati'])('with TZ=%s', (zone) => {
  it('the date cases give the same results', () => {
    expect(dateCases.length).toBeGreaterThan(20);
    process.env['TZ'] = zone;
    expect(new Date(Date.UTC(2025, 0, 1)).getHours()).not.toBe(0);
    for (const c of dateCases) {
      const out = compile(c.template, c.options?.compile).render(
        structuredClone(c.context ?? {}),
        c.options?.render,
      );
      expect(toPlainJson(out), c.name).toStrictEqual(c.result);
    }
  });
});

afterAll(() => {
  if (saved === undefined) delete process.env['TZ'];
  else process.env['TZ'] = saved;
});
