/**
 * handlebars.js 4.x's own spec cases (SPEC §6), the applicable ones: no custom helpers, partials or
 * decorators, default options, JSON input. hookmap renders what handlebars.js rendered, or refuses the
 * template at compile time with H405 (where handlebars.js failed too, that is a match); never a crash and
 * never a different output. Escaping is on, as in handlebars.js by default (an HTML content type).
 */
import { describe, expect, it } from 'vitest';
import { RequestError } from '../../src/index.js';
import { compileHandlebars } from '../../src/request/handlebars.js';
import { exceptionKey, loadSuite, verdict, type Outcome } from './support.js';

interface HbsCase {
  file: string;
  test: string;
  template: string;
  input?: unknown;
  inputNotData?: string;
  inputUndefined?: boolean;
  runtimeData?: unknown;
  runtimeDataNotData?: string;
  helpers: string[];
  overriddenBuiltins: string[];
  partials: string[];
  decorators: string[];
  compileOptions: Record<string, unknown>;
  runtimeOptions: Record<string, unknown>;
  hbs: { output?: string; error?: string };
}

const suite = loadSuite<{ cases: HbsCase[] }>('handlebars-cases.json');

export function applicable(c: HbsCase): boolean {
  return (
    c.helpers.length === 0 &&
    c.partials.length === 0 &&
    c.decorators.length === 0 &&
    c.overriddenBuiltins.length === 0 &&
    Object.keys(c.compileOptions).length === 0 &&
    Object.keys(c.runtimeOptions).length === 0 &&
    c.inputNotData === undefined &&
    c.runtimeData === undefined &&
    c.runtimeDataNotData === undefined
  );
}

/** null when hookmap agrees with handlebars.js; otherwise what differs ("refused: …" for an H405 at compile time). */
function outcome(c: HbsCase): string | null {
  let render;
  try {
    render = compileHandlebars(c.template, true);
  } catch (e) {
    if (!(e instanceof RequestError) || e.code !== 'H405') return `crash at compile time: ${String(e)}`;
    return c.hbs.error !== undefined ? null : `refused: ${e.message}`;
  }
  let output: string;
  try {
    output = render(c.inputUndefined ? undefined : c.input);
  } catch (e) {
    return `crash at render time: ${String(e)}`;
  }
  if (c.hbs.error !== undefined)
    return `rendered ${JSON.stringify(output)} where handlebars.js failed: ${c.hbs.error}`;
  return output === c.hbs.output
    ? null
    : `wrong output ${JSON.stringify(output)}, handlebars.js: ${JSON.stringify(c.hbs.output)}`;
}

describe.skipIf(!suite)('handlebars.js spec cases', () => {
  const cases = (suite?.cases ?? []).filter(applicable);

  it('every applicable case matches, or is a known exception that still applies', () => {
    const outcomes: Outcome[] = cases.map((c) => ({
      key: exceptionKey(c.test, c.template),
      problem: outcome(c),
    }));
    const { unexpected, stale } = verdict('handlebars', outcomes);
    expect(unexpected).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('no case at all, applicable or not, crashes or renders where handlebars.js failed at compile time', () => {
    const crashes = (suite?.cases ?? [])
      .map((c) => [c.test, outcome(c)] as const)
      .filter(([, o]) => o !== null && o.startsWith('crash'));
    expect(crashes).toEqual([]);
  });
});
