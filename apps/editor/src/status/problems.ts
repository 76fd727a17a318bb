/**
 * The one status model. Every status the editor shows — a mapping field row, the mapping header, the
 * Monaco markers, the preview's problem list and the All-samples table — is derived here from the same
 * diagnostics of one render, keyed by JSON Pointer into the body (which is the template's pointer for
 * JSON templates), so a thing is red everywhere at once or nowhere.
 */
import type { FieldDiagnostic } from '../worker/protocol.js';

/** Core's code for a reference that resolved to nothing (rendered as null). */
export const UNRESOLVED = 'H301';

export type ProblemSource = 'template' | 'target';

export interface Problem extends FieldDiagnostic {
  /** `template`: core's validate/render diagnostics; `target`: the rendered body against the target schema. */
  source: ProblemSource;
}

/** What one render produced, as far as status goes. */
export interface RenderStatusInput {
  failure: string | null;
  diagnostics: FieldDiagnostic[];
  targetDiagnostics: FieldDiagnostic[];
  /** Why the relay would not send this payload (events / when), or null. */
  skipped: string | null;
}

/** `skipped`: the integration's filters leave the payload out, so nothing is sent and nothing can fail. */
export type Verdict = 'ok' | 'nulls' | 'failing' | 'skipped';

export function problemsOf(input: Pick<RenderStatusInput, 'diagnostics' | 'targetDiagnostics'>): Problem[] {
  return [
    ...input.diagnostics.map((d) => ({ ...d, source: 'template' as const })),
    ...input.targetDiagnostics.map((d) => ({ ...d, source: 'target' as const })),
  ];
}

export function isError(problem: FieldDiagnostic): boolean {
  return problem.severity === 'error';
}

export function verdictOf(input: RenderStatusInput): Verdict {
  if (input.skipped !== null) return 'skipped';
  const problems = problemsOf(input);
  if (input.failure !== null || problems.some(isError)) return 'failing';
  if (problems.some((p) => p.code === UNRESOLVED)) return 'nulls';
  return 'ok';
}

/** Body problems at `pointer` or inside it (a field row shows what is wrong with its value). */
export function problemsAt(problems: Problem[], pointer: string): Problem[] {
  return problems.filter(
    (p) =>
      p.field === 'body' &&
      (p.path === pointer || (pointer !== '' && (p.path ?? '').startsWith(`${pointer}/`))),
  );
}

export type Severity = FieldDiagnostic['severity'];

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function worstSeverity(problems: Problem[]): Severity | null {
  let worst: Severity | null = null;
  for (const p of problems) if (worst === null || RANK[p.severity] > RANK[worst]) worst = p.severity;
  return worst;
}
