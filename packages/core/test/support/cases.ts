/// <reference types="node" />
/** Loads the language spec cases: `test/cases/<group>/<topic>.json`, each an array of cases. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileOptions, Diagnostic, JsonValue, RenderOptions } from '../../src/index.js';

export interface ExpectedError {
  code: string;
  path?: string;
  start?: number;
  end?: number;
  key?: boolean;
  messageIncludes?: string;
  suggestion?: string;
  limit?: string;
  reference?: string;
}

export type ExpectedDiagnostic = Partial<Omit<Diagnostic<string>, 'message'>> & { messageIncludes?: string };

export interface Case {
  name: string;
  /** Free text for reviewers: "assumption: ..." marks a detail the SPEC leaves open. */
  note?: string;
  template: JsonValue;
  context?: Record<string, JsonValue>;
  options?: { compile?: CompileOptions; render?: RenderOptions };
  result?: JsonValue;
  error?: ExpectedError;
  /** Subset match against renderWithDiagnostics; an empty array means "no warnings or errors". */
  diagnostics?: ExpectedDiagnostic[];
  references?: string[];
}

export interface CaseFile {
  /** e.g. "filters/string" */
  id: string;
  cases: Case[];
}

export const casesDir = fileURLToPath(new URL('../cases', import.meta.url));

export function loadCaseFiles(dir = casesDir): CaseFile[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((file) => {
    const full = join(dir, file);
    const parsed: unknown = JSON.parse(readFileSync(full, 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`${file}: a case file must hold an array of cases`);
    const id = relative(dir, full)
      .split(sep)
      .join('/')
      .replace(/\.json$/, '');
    return { id, cases: parsed as Case[] };
  });
}

/** Problems with the shape of a case (so that a typo in a case file fails loudly instead of passing). */
export function caseShapeProblems(c: Case): string[] {
  const problems: string[] = [];
  const known = [
    'name',
    'note',
    'template',
    'context',
    'options',
    'result',
    'error',
    'diagnostics',
    'references',
  ];
  for (const key of Object.keys(c)) if (!known.includes(key)) problems.push(`unknown field "${key}"`);
  if (typeof c.name !== 'string' || c.name === '') problems.push('missing name');
  if (!('template' in c)) problems.push('missing template');
  if ('result' in c && c.error) problems.push('both result and error');
  if (!('result' in c) && !c.error && !c.references) problems.push('nothing to check');
  if (c.diagnostics && !('result' in c)) problems.push('diagnostics need a result');
  return problems;
}
