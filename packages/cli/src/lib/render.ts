import {
  Codes,
  RenderError,
  RequestError,
  TemplateError,
  leftOutBy,
  renderRequest,
  type Diagnostic,
  type Integration,
  type MissingPolicy,
  type Provider,
  type RenderedRequest,
} from '@hookmap/core';
import { chooseProvider } from './catalog.js';
import { formatProblem, placeDiagnostic, problemError, type Problem } from './diagnostics.js';
import type { LoadedIntegration } from './integration.js';
import { loadSecrets } from './secrets.js';
import type { Ui } from './ui.js';

export interface RenderFlags {
  provider?: string;
  secrets?: string;
  missing?: MissingPolicy;
}

export interface RenderSetup {
  provider: Provider | undefined;
  secrets: Record<string, string>;
  missing: MissingPolicy | undefined;
}

export async function setupRender(
  loaded: LoadedIntegration,
  payload: unknown,
  flags: RenderFlags,
  ui: Ui,
): Promise<RenderSetup> {
  return {
    provider: chooseProvider(flags.provider, loaded.integration.provider, payload),
    secrets: await loadSecrets(flags.secrets, ui.env),
    missing: flags.missing,
  };
}

/**
 * Why an integration (or flow) with `events` or `when` is not meant for this payload, or null when it is
 * (the relay would create no delivery for it).
 */
export function eventSkip(
  integration: Pick<Integration, 'events' | 'when'>,
  payload: unknown,
  provider: Provider | undefined,
): string | null {
  const out = leftOutBy(integration, payload, provider);
  if (out === null) return null;
  if (out.by === 'when') return `the integration's "when" (${integration.when}) is false for this payload`;
  const listed = (integration.events ?? []).join(', ');
  return `the payload's event ${out.event === null ? '(unknown)' : `"${out.event}"`} is not in the integration's "events" (${listed})`;
}

/** renderRequest, with template/render/request errors turned into a CliError framed in the integration file. */
export function renderOrExplain(
  loaded: LoadedIntegration,
  payload: unknown,
  setup: RenderSetup,
  ui: Ui,
  provider = setup.provider,
): RenderedRequest {
  try {
    return renderRequest(loaded.integration as Integration, payload, {
      ...(provider ? { provider } : {}),
      secrets: setup.secrets,
      diagnostics: true,
      ...(setup.missing ? { missing: setup.missing } : {}),
    });
  } catch (error) {
    throw explainHookmapError(loaded, error, ui);
  }
}

/** A template, render or request error of core as a CliError framed in the integration file; anything else as is. */
export function explainHookmapError(loaded: LoadedIntegration, error: unknown, ui: Ui): unknown {
  const diagnostic = hookmapErrorDiagnostic(error);
  if (!diagnostic) return error;
  if (diagnostic.code === Codes.NO_PROVIDER) {
    diagnostic.message +=
      ' The payload was not recognised: name its provider with --provider <id> (see hookmap providers).';
  }
  return problemError(placeIn(loaded, diagnostic, ui), ui.colors, '', error);
}

export function hookmapErrorDiagnostic(error: unknown): Diagnostic | null {
  if (!(error instanceof TemplateError || error instanceof RenderError || error instanceof RequestError))
    return null;
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: error.code,
    message: error.message,
    path: error.path,
    start: error.start,
    end: error.end,
  };
  if (error.key) diagnostic.key = true;
  return diagnostic;
}

/** Diagnostics from renderRequest carry JSON Pointers into the integration document. */
export function placeIn(loaded: LoadedIntegration, diagnostic: Diagnostic, ui: Ui): Problem {
  return placeDiagnostic(diagnostic, loaded.source, '', ui.colors);
}

export type PrintableRequest = Omit<RenderedRequest, 'diagnostics'>;

/** The request as printed: everything but the diagnostics, which go to stderr. */
export function printableRequest(request: RenderedRequest): PrintableRequest {
  const printable: PrintableRequest = { method: request.method, url: request.url, headers: request.headers };
  if (request.body !== undefined) printable.body = request.body;
  return printable;
}

export function reportRenderDiagnostics(loaded: LoadedIntegration, request: RenderedRequest, ui: Ui): void {
  for (const diagnostic of request.diagnostics)
    ui.err(formatProblem(placeIn(loaded, diagnostic, ui), ui.colors));
}
