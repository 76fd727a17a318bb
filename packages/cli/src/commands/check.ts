import {
  integrationTemplates,
  isFlow,
  renderFlow,
  renderRequest,
  validateIntegrationTemplate,
  type Flow,
  type IntegrationDocument,
  type JsonValue,
  type Provider,
} from '@hookmap/core';
import { CliError } from '../io/errors.js';
import { readJsonInput } from '../io/read-input.js';
import { chooseProvider, providerById } from '../lib/catalog.js';
import { targetById, validateBody } from '../lib/targets.js';
import {
  formatProblem,
  placeDiagnostic,
  summarize,
  type Problem,
  type SourceDocument,
} from '../lib/diagnostics.js';
import { readIntegration, type LoadedIntegration } from '../lib/integration.js';
import { describeStop, readResponses } from '../lib/flow.js';
import { hookmapErrorDiagnostic, placeIn } from '../lib/render.js';
import { loadSecrets } from '../lib/secrets.js';
import type { Ui } from '../lib/ui.js';
import { bodyProblem, checkSubjects, sampleProblems, staticProblems } from './check-types.js';

export interface CheckOptions {
  payload?: string;
  /** A flow's responses (step id → { status, body }), as for hookmap render. */
  responses?: string;
  target?: string;
  provider?: string;
  secrets?: string;
  json?: boolean;
}

/**
 * hookmap check <integration>: every problem at once — the document, each template, then the static
 * check (SPEC §11: every template typed against the provider's events and the body against the target,
 * without a payload), then what rendering meets: the given payload's render (with a target, the schema
 * problems of its body; a flow with its --responses), or without a payload the provider's samples'.
 * Sets exit code 1 when any problem is an error.
 */
export async function checkCommand(integrationSpec: string, options: CheckOptions, ui: Ui): Promise<number> {
  const read = await readIntegration(integrationSpec, ui);
  const { source } = read;
  const templates = templateProblems(source, ui);
  // validateIntegration may report template syntax too: keep each problem once.
  const problems = dedupe([...read.problems, ...templates]);
  const canCheck = noErrors(problems);
  if (canCheck) {
    const loaded: LoadedIntegration = { integration: source.value as IntegrationDocument, source };
    const { provider, target } = checkSubjects(loaded.integration, options);
    problems.push(...staticProblems(loaded, provider, target, ui));
    if (options.payload !== undefined || options.responses !== undefined)
      problems.push(...(await renderProblems(loaded, options, ui)));
    else problems.push(...(await sampleProblems(loaded, provider, target, options, ui)));
  }
  printProblems(problems, source, options.json === true, ui);
  if (!canCheck && !options.json)
    ui.err(ui.colors.dim('types not checked, nothing rendered: fix the errors above first'));
  return noErrors(problems) ? 0 : 1;
}

/** Every template's syntax, whatever the document's shape (core's walker: url, headers, body, when, steps). */
function templateProblems(source: SourceDocument, ui: Ui): Problem[] {
  return [...integrationTemplates(source.value)].flatMap((t) =>
    validateIntegrationTemplate(t).map((d) => placeDiagnostic(d, source, '', ui.colors)),
  );
}

async function renderProblems(loaded: LoadedIntegration, options: CheckOptions, ui: Ui): Promise<Problem[]> {
  const hint = loaded.integration.provider;
  const payloadInput =
    options.payload === undefined ? undefined : await readJsonInput(options.payload, { mark: ui.colors.red });
  const providerId = options.provider ?? hint;
  const provider = payloadInput
    ? chooseProvider(options.provider, hint, payloadInput.value)
    : providerId === undefined
      ? undefined
      : providerById(providerId);
  const payload = payloadInput?.value ?? firstSample(provider);
  if (payload === undefined) {
    throw new CliError(
      `${options.target !== undefined ? '--target' : '--responses'} needs a payload: pass --payload, or --provider to check against its first sample`,
    );
  }
  const doc = loaded.integration;
  const secrets = await loadSecrets(options.secrets, ui.env);
  if (isFlow(doc))
    return flowProblems({ ...loaded, integration: doc }, payload, provider, secrets, options, ui);
  let body: JsonValue | string | undefined;
  const problems: Problem[] = [];
  try {
    const request = renderRequest(doc, payload, {
      ...(provider ? { provider } : {}),
      secrets,
      diagnostics: true,
    });
    body = request.body;
    for (const d of request.diagnostics) problems.push(placeIn(loaded, d, ui));
  } catch (error) {
    const diagnostic = hookmapErrorDiagnostic(error);
    if (!diagnostic) throw error;
    return [placeIn(loaded, diagnostic, ui)];
  }
  // The integration's own "target" hint applies when a payload is given.
  const targetId = options.target ?? loaded.integration.target;
  if (targetId !== undefined) {
    const target = targetById(targetId);
    for (const d of validateBody(target.id, body)) problems.push(bodyProblem(loaded, body, d));
  }
  return problems;
}

/**
 * A flow renders with --responses (or up to its first step that runs): what each rendered step meets.
 * Target schemas describe one kind of record, not every step (a lookup is no note), so they are not applied.
 */
async function flowProblems(
  loaded: LoadedIntegration & { integration: Flow },
  payload: unknown,
  provider: Provider | undefined,
  secrets: Record<string, string>,
  options: CheckOptions,
  ui: Ui,
): Promise<Problem[]> {
  const responses = await readResponses(options.responses, loaded.integration, ui);
  try {
    const result = renderFlow(loaded.integration, payload, {
      ...(provider ? { provider } : {}),
      secrets,
      responses,
      diagnostics: true,
    });
    const stop = describeStop(result, loaded.integration);
    if (stop && !options.json) ui.err(ui.colors.dim(`note: ${stop}`));
    return dedupe(
      result.steps.flatMap((step) => (step.request?.diagnostics ?? []).map((d) => placeIn(loaded, d, ui))),
    );
  } catch (error) {
    const diagnostic = hookmapErrorDiagnostic(error);
    if (!diagnostic) throw error;
    return [placeIn(loaded, diagnostic, ui)];
  }
}

function firstSample(provider: Provider | undefined): unknown {
  return provider?.samples[0]?.payload;
}

function printProblems(problems: Problem[], source: SourceDocument, json: boolean, ui: Ui): void {
  if (json)
    return ui.out(
      JSON.stringify(
        problems.map(({ frame: _frame, ...rest }) => rest),
        null,
        2,
      ),
    );
  for (const problem of problems) ui.err(formatProblem(problem, ui.colors));
  const { errors, warnings } = summarize(problems);
  if (problems.length === 0) ui.err(`${ui.colors.green('ok')} ${source.file}: no problems`);
  else ui.err(`${source.file}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.pointer}|${p.line}|${p.column}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function noErrors(problems: Problem[]): boolean {
  return !problems.some((p) => p.severity === 'error');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
