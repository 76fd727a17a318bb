/**
 * The language spec as data (STYLE #9): every `test/cases/<group>/<topic>.json` file is an array of
 * `{ name, template, context?, options?, result | error, diagnostics?, references? }` run here.
 */
import { describe, expect, it } from 'vitest';
import { compile, render, RenderError, TemplateError, validate } from '../src/index.js';
import type { Diagnostic, JsonValue } from '../src/index.js';
import { caseShapeProblems, loadCaseFiles } from './support/cases.js';
import type { Case, ExpectedDiagnostic, ExpectedError } from './support/cases.js';
import { toPlainJson } from './support/json.js';
import { thrownBy } from './support/errors.js';

const files = loadCaseFiles();

describe('case files', () => {
  it('hold at least 150 well-formed cases with unique names per file', () => {
    let total = 0;
    for (const file of files) {
      const names = new Set<string>();
      for (const c of file.cases) {
        expect(caseShapeProblems(c), `${file.id}: ${c.name}`).toEqual([]);
        expect(names.has(c.name), `${file.id}: duplicate name "${c.name}"`).toBe(false);
        names.add(c.name);
        total++;
      }
    }
    expect(total).toBeGreaterThanOrEqual(150);
  });
});

const SPEC_FILTERS = (
  'upper lower capitalize trim truncate replace split join first last size slice map where compact uniq sort ' +
  'sort_by keys values pick omit default json parse_json string number integer boolean round floor ceil abs plus ' +
  'minus times divided_by date iso unix unix_ms url_encode base64 html_escape e164 optional required'
).split(' ');

describe('coverage of SPEC §4', () => {
  const filterCases = files.filter((f) => f.id.startsWith('filters/')).flatMap((f) => f.cases);
  it.each(SPEC_FILTERS)('filter %s has at least three cases', (name) => {
    const uses = new RegExp(`\\|\\s*${name}(?![\\w])`);
    expect(filterCases.filter((c) => uses.test(JSON.stringify(c.template))).length).toBeGreaterThanOrEqual(3);
  });
});

for (const file of files) {
  describe(file.id, () => {
    for (const c of file.cases) it(c.name, () => runCase(c));
  });
}

function runCase(c: Case): void {
  const context = structuredClone(c.context ?? {});
  if (c.references) expect(compile(c.template, c.options?.compile).references).toEqual(c.references);
  if ('result' in c) checkResult(c, context);
  if (c.error) checkError(c, c.error, context);
  // rendering never mutates the caller's context
  expect(context).toStrictEqual(c.context ?? {});
}

function checkResult(c: Case, context: Record<string, JsonValue>): void {
  const compiled = compile(c.template, c.options?.compile);
  const renderOptions = c.options?.render;
  const { value, diagnostics } = compiled.renderWithDiagnostics(context, renderOptions);
  expect(toPlainJson(value)).toStrictEqual(c.result);
  expect(toPlainJson(compiled.render(context, renderOptions))).toStrictEqual(c.result);
  if (!c.options?.compile)
    expect(toPlainJson(render(c.template, context, renderOptions))).toStrictEqual(c.result);
  if (c.diagnostics) checkDiagnostics(diagnostics, c.diagnostics);
}

function checkDiagnostics(actual: Diagnostic[], expected: ExpectedDiagnostic[]): void {
  if (expected.length === 0) {
    // "no diagnostics" means nothing the user must look at; 'info' notes (e.g. "a fallback was used") are fine
    expect(actual.filter((d) => d.severity !== 'info')).toEqual([]);
    return;
  }
  const unused = [...actual];
  for (const want of expected) {
    const index = unused.findIndex((d) => matchesDiagnostic(d, want));
    expect(
      index,
      `no diagnostic like ${JSON.stringify(want)} in ${JSON.stringify(actual)}`,
    ).toBeGreaterThanOrEqual(0);
    unused.splice(index, 1);
  }
}

function matchesDiagnostic(d: Diagnostic, want: ExpectedDiagnostic): boolean {
  for (const [key, value] of Object.entries(want)) {
    if (key === 'messageIncludes') {
      if (!d.message.includes(String(value))) return false;
    } else if ((d as unknown as Record<string, unknown>)[key] !== value) return false;
  }
  return true;
}

function isCompileCode(code: string): boolean {
  return code.startsWith('H1') || code.startsWith('H2');
}

function checkError(c: Case, want: ExpectedError, context: Record<string, JsonValue>): void {
  if (isCompileCode(want.code)) {
    const error = thrownBy(() => compile(c.template, c.options?.compile));
    expect(error).toBeInstanceOf(TemplateError);
    expectErrorFields(error as TemplateError, want);
    if (['H1', 'H201', 'H202', 'H203'].some((p) => want.code.startsWith(p))) {
      const found = validate(c.template, c.options?.compile);
      const like: ExpectedDiagnostic = { code: want.code, severity: 'error' };
      if (want.path !== undefined) like.path = want.path;
      if (want.start !== undefined) like.start = want.start;
      expect(
        found.some((d) => matchesDiagnostic(d, like)),
        `validate() misses ${JSON.stringify(like)}`,
      ).toBe(true);
    }
    return;
  }
  const compiled = compile(c.template, c.options?.compile);
  for (const run of [
    () => compiled.render(context, c.options?.render),
    () => compiled.renderWithDiagnostics(context, c.options?.render),
  ]) {
    const error = thrownBy(run);
    expect(error).toBeInstanceOf(RenderError);
    expectErrorFields(error as RenderError, want);
  }
}

function expectErrorFields(error: TemplateError | RenderError, want: ExpectedError): void {
  const actual = error as unknown as Record<string, unknown>;
  const summary = `${error.code} at "${error.path}" [${error.start}, ${error.end}]: ${error.message}`;
  for (const [key, value] of Object.entries(want)) {
    if (key === 'messageIncludes') expect(error.message, summary).toContain(value);
    else expect(actual[key], `${key} of ${summary}`).toStrictEqual(value);
  }
}
