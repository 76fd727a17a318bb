import type { ExampleReport } from './report-types.js';
import type { Settings } from './settings.js';

/** Placeholder until @hookmap/core lands: case (c) needs renderRequest. */
export async function runExamples(_settings: Settings, log: (line: string) => void): Promise<ExampleReport[]> {
  log('(c) examples: skipped, @hookmap/core not available yet');
  return [];
}
