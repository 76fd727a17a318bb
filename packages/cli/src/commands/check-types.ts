import {
  integrationApplies,
  isFlow,
  renderFlow,
  renderRequest,
  type CheckProvider,
  type IntegrationDocument,
  type Provider,
} from '@hookmap/core';
import type { Target } from '@hookmap/targets';
import { providerById } from '../lib/catalog.js';
import { placeDiagnostic, valueAtPointer, type Problem } from '../lib/diagnostics.js';
import type { LoadedIntegration } from '../lib/integration.js';
import { hookmapErrorDiagnostic } from '../lib/render.js';
import { loadSecrets } from '../lib/secrets.js';
import { checkIntegrationTypes, targetById, validateBody } from '../lib/targets.js';
import type { Ui } from '../lib/ui.js';

export interface TypeCheckOptions {
  provider?: string;
  target?: string;
  secrets?: string;
}

/** The provider and target a check is about: the flags, else the integration's own hints. */
export function checkSubjects(
  integration: IntegrationDocument,
  options: TypeCheckOptions,
): { provider: Provider | undefined; target: Target | undefined } {
  const providerId = options.provider ?? integration.provider;
  const targetId = options.target ?? integration.target;
  return {
    provider: providerId === undefined ? undefined : providerById(providerId),
    target: targetId === undefined ? undefined : targetById(targetId),
  };
}

/** SPEC §11: every template typed against the provider's events, the body against the target — no payload. */
export function staticProblems(
  loaded: LoadedIntegration,
  provider: Provider | undefined,
  target: Target | undefined,
  ui: Ui,
): Problem[] {
  const checkProvider = asCheckProvider(provider);
  const checked = checkIntegrationTypes(loaded.integration, {
    ...(checkProvider ? { provider: checkProvider } : {}),
    ...(target ? { target } : {}),
  });
  return checked.diagnostics.map((d) => placeDiagnostic(d, loaded.source, '', ui.colors));
}

/** The providers of @hookmap/providers carry a context schema per event; other providers are not typed. */
function asCheckProvider(provider: Provider | undefined): CheckProvider | undefined {
  const schemas = (provider as { contextSchemas?: unknown } | undefined)?.contextSchemas;
  return provider && typeof schemas === 'object' && schemas !== null
    ? ({ ...provider, contextSchemas: schemas } as CheckProvider)
    : undefined;
}

/**
 * Without a payload, the provider's samples (those the integration is sent for) are rendered too: a
 * render that fails, or a body the target's schema rejects, is reported once per problem with the samples
 * that show it. These are warnings: a sample is one payload, and the static check says what holds for all.
 */
export async function sampleProblems(
  loaded: LoadedIntegration,
  provider: Provider | undefined,
  target: Target | undefined,
  options: TypeCheckOptions,
  ui: Ui,
): Promise<Problem[]> {
  if (!provider) return [];
  const secrets = await loadSecrets(options.secrets, ui.env);
  const found = new Map<string, { problem: Problem; samples: string[] }>();
  const add = (problem: Problem, sample: string): void => {
    const key = `${problem.code}|${problem.pointer}|${problem.scope ?? ''}|${problem.message}`;
    const entry = found.get(key) ?? { problem, samples: [] };
    entry.samples.push(sample);
    found.set(key, entry);
  };
  for (const sample of provider.samples) {
    if (!integrationApplies(loaded.integration, sample.payload, provider)) continue;
    try {
      // A flow renders up to its first step that runs (no responses); target schemas describe one
      // record, not every step, so its renders are not validated against the target.
      const doc = loaded.integration;
      if (isFlow(doc)) renderFlow(doc, sample.payload, { provider, secrets });
      else {
        const body = renderRequest(doc, sample.payload, { provider, secrets }).body;
        if (target)
          for (const d of validateBody(target.id, body)) add(bodyProblem(loaded, body, d), sample.id);
      }
    } catch (error) {
      const diagnostic = hookmapErrorDiagnostic(error);
      if (!diagnostic) throw error;
      add(placeDiagnostic(diagnostic, loaded.source, '', ui.colors), sample.id);
    }
  }
  return [...found.values()].map(({ problem, samples }) => ({
    ...problem,
    severity: problem.severity === 'info' ? 'info' : 'warning',
    message: `${problem.message} (${samples.length === 1 ? 'sample' : 'samples'} ${samples.join(', ')})`,
  }));
}

/** Schema problems are about the rendered body, not the file: show the offending value. */
export function bodyProblem(
  loaded: LoadedIntegration,
  body: unknown,
  d: { severity: Problem['severity']; code: string; message: string; path: string },
): Problem {
  const problem: Problem = {
    severity: d.severity,
    code: d.code,
    message: d.message,
    file: loaded.source.file,
    pointer: d.path,
    scope: 'rendered-body',
  };
  const value = d.path === '' ? undefined : valueAtPointer(body, d.path);
  if (value !== undefined) problem.frame = `rendered value: ${truncate(JSON.stringify(value), 120)}`;
  return problem;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
