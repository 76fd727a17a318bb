/**
 * LiquidJS's filter specs, on the filters hookmap shares with Liquid (SPEC §4: "Filters, Liquid style").
 * Applicable: output tags only (no `{% %}`), default options, JSON scope, and every filter one that
 * hookmap has, written with hookmap's literals (no nil/empty/blank). Each placeholder is rendered as a
 * hookmap whole value, then printed as Liquid prints values (arrays concatenated), so the comparison is
 * about the filters, not about SPEC §3's text rule. Where Liquid fails, hookmap must refuse at compile
 * time or give null with a diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { compile, filterRegistry, TemplateError } from '../../src/index.js';
import { scan } from '../../src/tooling.js';
import { exceptionKey, loadSuite, verdict, type Outcome } from './support.js';

interface LiquidCase {
  test: string;
  src: string;
  scope?: Record<string, unknown>;
  scopeNotData?: string;
  options?: Record<string, unknown>;
  timeDependent?: boolean;
  liquid: { output?: string; error?: string };
}

const suite = loadSuite<{ cases: LiquidCase[] }>('liquid-cases.json');

function applicable(c: LiquidCase): boolean {
  if (c.src.includes('{%') || c.options || c.scopeNotData || c.timeDependent) return false;
  const code = c.src.replace(/"[^"]*"|'[^']*'/g, '""');
  if (/\b(nil|empty|blank)\b|\.\./.test(code)) return false;
  const used = [...code.matchAll(/\|\s*([a-z_]+)/g)].map((m) => m[1] as string);
  return used.length > 0 && used.every((name) => Object.prototype.hasOwnProperty.call(filterRegistry, name));
}

/** How Liquid prints a value: nil as nothing, arrays as their elements' text run together. */
function liquidText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(liquidText).join('');
  if (typeof v === 'object') return '[object Object]';
  return String(v);
}

function outcome(c: LiquidCase): string | null {
  let out = '';
  let failed = false;
  try {
    for (const segment of scan(c.src, 'braces')) {
      if (segment.kind === 'text') {
        out += segment.value;
        continue;
      }
      const { value, diagnostics } = compile(`{{${segment.source}}}`, {
        delimiters: 'braces',
      }).renderWithDiagnostics(c.scope ?? {});
      if (diagnostics.some((d) => d.code === 'H302')) failed = true;
      out += liquidText(value);
    }
  } catch (e) {
    if (!(e instanceof TemplateError)) return `crash: ${String(e)}`;
    return c.liquid.error !== undefined ? null : `refused at compile time: ${e.message}`;
  }
  if (c.liquid.error !== undefined)
    return failed ? null : `rendered ${JSON.stringify(out)} where LiquidJS failed: ${c.liquid.error}`;
  return out === c.liquid.output
    ? null
    : `gave ${JSON.stringify(out)}, LiquidJS ${JSON.stringify(c.liquid.output)}`;
}

describe.skipIf(!suite)('LiquidJS filter specs (shared filters)', () => {
  it('every applicable case matches, or is a known exception that still applies', () => {
    const cases = (suite?.cases ?? []).filter(applicable);
    const outcomes: Outcome[] = cases.map((c) => ({ key: exceptionKey(c.test, c.src), problem: outcome(c) }));
    const { unexpected, stale } = verdict('liquid', outcomes);
    expect(unexpected).toEqual([]);
    expect(stale).toEqual([]);
  });
});
