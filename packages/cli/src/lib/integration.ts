import { validateIntegration, type IntegrationDocument } from '@hookmap/core';
import { readJsonInput } from '../io/read-input.js';
import { placeDiagnostic, problemError, type Problem, type SourceDocument } from './diagnostics.js';
import type { Ui } from './ui.js';

export interface LoadedIntegration {
  /** A single request or a flow (SPEC §9): `isFlow` tells them apart. */
  integration: IntegrationDocument;
  source: SourceDocument;
}

/** Read and parse an integration file; the document problems are returned, not thrown. */
export async function readIntegration(
  spec: string,
  ui: Ui,
): Promise<{ source: SourceDocument; problems: Problem[] }> {
  const input = await readJsonInput(spec, { mark: ui.colors.red });
  const source: SourceDocument = { file: input.name, text: input.text, value: input.value };
  const problems = validateIntegration(input.value).map((d) => placeDiagnostic(d, source, '', ui.colors));
  return { source, problems };
}

/** For render/send/batch: an invalid integration stops the command with its first problem. */
export async function loadIntegration(spec: string, ui: Ui): Promise<LoadedIntegration> {
  const { source, problems } = await readIntegration(spec, ui);
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  if (first) {
    const more = errors.length > 1 ? ` (${errors.length - 1} more; run hookmap check ${source.file})` : '';
    throw problemError({ ...first, message: first.message + more }, ui.colors, 'invalid integration: ');
  }
  return { integration: source.value as IntegrationDocument, source };
}
