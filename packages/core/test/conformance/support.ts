/// <reference types="node" />
/**
 * The peers' conformance suites (issue #14): read from `../shared/peers-data/` beside the repository at
 * test time, never copied in. Known divergences are listed once, with their reasons, in
 * `exceptions.json`; a listed case that now matches fails the run, so the list stays true.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const peersDir = `${repoRoot}../shared/peers-data/`;

export type SuiteName = 'cts' | 'handlebars' | 'liquid';

export interface KnownException {
  /** The case's name in its suite (plus its template where one name covers several). */
  case: string;
  template?: string;
  reason: string;
}

/** The suite's JSON, or null (with the reason printed) when the file is not there. */
export function loadSuite<T>(file: string): T | null {
  const path = peersDir + file;
  if (!existsSync(path)) {
    console.log(`conformance: ${path} is missing; the suite is skipped`);
    return null;
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const exceptionsFile = fileURLToPath(new URL('./exceptions.json', import.meta.url));
const allExceptions = JSON.parse(readFileSync(exceptionsFile, 'utf8')) as Record<SuiteName, KnownException[]>;

export function exceptionsOf(suite: SuiteName): KnownException[] {
  return allExceptions[suite] ?? [];
}

export function exceptionKey(name: string, template?: string): string {
  return template === undefined ? name : `${name}\u0000${template}`;
}

/** One case's outcome: its key and, when it does not match, what went wrong. */
export interface Outcome {
  key: string;
  problem: string | null;
}

/**
 * Compares a suite's outcomes with the exception list: every mismatch must be listed, and every listed
 * case must still mismatch. Prints `N/M match`.
 */
export function verdict(suite: SuiteName, outcomes: Outcome[]): { unexpected: string[]; stale: string[] } {
  const listed = new Map(exceptionsOf(suite).map((e) => [exceptionKey(e.case, e.template), e]));
  const matched = outcomes.filter((o) => o.problem === null).length;
  console.log(
    `conformance ${suite}: ${matched}/${outcomes.length} match, ${listed.size} known exception(s) in exceptions.json`,
  );
  const unexpected = outcomes
    .filter((o) => o.problem !== null && !listed.has(o.key))
    .map((o) => `${o.key.replace('\u0000', ' | ')}: ${o.problem}`);
  const seen = new Map(outcomes.map((o) => [o.key, o.problem]));
  const stale = [...listed.keys()]
    .filter((k) => seen.get(k) === null || !seen.has(k))
    .map((k) => k.replace('\u0000', ' | '));
  return { unexpected, stale };
}
