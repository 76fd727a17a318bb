import {
  integrationTemplates,
  renderRequest,
  validateIntegrationTemplate,
  type Diagnostic,
  type Integration,
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
  valueAtPointer,
  type Problem,
  type SourceDocument,
} from '../lib/diagnostics.js';
import { readIntegration, type LoadedIntegration } from '../lib/integration.js';
import { hookmapErrorDiagnostic, placeIn } from '../lib/render.js';
import { loadSecrets } from '../lib/secrets.js';
import type { Ui } from '../lib/ui.js';

export interface CheckOptions {
  payload?: string;
  target?: string;
  provider?: string;
  secrets?: string;
  json?: boolean;
}

/**
 * hookmap check <integration>: every problem at once — the document, each template, then (with a
 * payload) what rendering meets, then (with a target) the schema problems of the rendered body.
 * Sets exit code 1 when any problem is an error.
 */
export async function checkCommand(integrationSpec: string, options: CheckOptions, ui: Ui): Promise<number> {
  const read = await readIntegration(integrationSpec, ui);
  const { source } = read;
  const templates = templateProblems(source, ui);
  // validateIntegration may report template syntax too: keep each problem once.
  const problems = dedupe([...read.problems, ...templates]);
  const wantsRender = options.payload !== undefined || options.target !== undefined;
  const canRender = noErrors(problems);
  if (wantsRender && canRender) {
    problems.push(
      ...(await renderProblems({ integration: source.value as Integration, source }, options, ui)),
    );
  }
  printProblems(problems, source, options.json === true, ui);
  if (wantsRender && !canRender && !options.json)
    ui.err(ui.colors.dim('not rendered: fix the errors above first'));
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
      '--target needs a payload: pass --payload, or --provider to check against its first sample',
    );
  }
  let body: JsonValue | string | undefined;
  const problems: Problem[] = [];
  try {
    const request = renderRequest(loaded.integration, payload, {
      ...(provider ? { provider } : {}),
      secrets: await loadSecrets(options.secrets, ui.env),
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

function firstSample(provider: Provider | undefined): unknown {
  return provider?.samples[0]?.payload;
}

/** Schema problems are about the rendered body, not the file: show the offending value. */
function bodyProblem(loaded: LoadedIntegration, body: unknown, diagnostic: Diagnostic): Problem {
  const problem: Problem = {
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    file: loaded.source.file,
    pointer: diagnostic.path,
    scope: 'rendered-body',
  };
  const value = diagnostic.path === '' ? undefined : valueAtPointer(body, diagnostic.path);
  if (value !== undefined) problem.frame = `rendered value: ${truncate(JSON.stringify(value), 120)}`;
  return problem;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
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
