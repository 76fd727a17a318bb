/**
 * Rendering the preview: the full request for one payload, the target-schema check, and the
 * all-samples run. Pure functions over core, used by the worker (and testable in Node).
 */
import { renderRequest, validate, validateHandlebars } from '@hookmap/core';
import type { Diagnostic, Integration, JsonValue, Provider } from '@hookmap/core';
import { validateTargetBody } from '../catalog.js';
import type { FieldDiagnostic, PreviewRequest, SampleRun } from './protocol.js';

const MAX_BODY_CHARS = 200_000;
const UNRESOLVED = 'H301';

/** Every `secrets.NAME` the integration reads gets a visible stand-in, so the preview never needs real secrets. */
export function previewSecrets(integration: Integration): Record<string, string> {
  const secrets: Record<string, string> = {};
  const text = JSON.stringify(integration);
  for (const match of text.matchAll(/secrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1] as string;
    secrets[name] = `<${name}>`;
  }
  return secrets;
}

export function syntaxDiagnostics(integration: Integration): FieldDiagnostic[] {
  const out: FieldDiagnostic[] = [];
  const body = integration.body;
  if (body && body.mode === 'template') out.push(...tag(validate(body.template), 'body'));
  if (body && body.mode === 'text')
    out.push(...tag(body.engine === 'handlebars' ? validateHandlebars(body.template) : validate(body.template), 'body'));
  out.push(...tag(validate(integration.url), 'url'));
  for (const [name, value] of Object.entries(integration.headers ?? {})) {
    out.push(...validate(value).map((d) => ({ ...d, field: 'headers' as const, header: name })));
  }
  return out;
}

function tag(diagnostics: Diagnostic[], field: FieldDiagnostic['field']): FieldDiagnostic[] {
  return diagnostics.map((d) => ({ ...d, field }));
}

/** Render diagnostics carry a pointer into the integration; split it into the part and a template path. */
export function locateRenderDiagnostic(d: Diagnostic): FieldDiagnostic {
  const path = d.path ?? '';
  const body = /^\/body\/template(?=\/|$)/.exec(path);
  if (body) return { ...d, field: 'body', path: path.slice(body[0].length) };
  if (path === '/url') return { ...d, field: 'url', path: '' };
  const header = /^\/headers\/([^/]*)$/.exec(path);
  if (header) return { ...d, field: 'headers', header: header[1] as string, path: '' };
  return { ...d, field: 'body' };
}

export interface RenderOutcome {
  request: PreviewRequest | null;
  body: JsonValue | string | undefined;
  diagnostics: FieldDiagnostic[];
  failure: string | null;
}

export function renderPreview(
  integration: Integration,
  payload: unknown,
  provider: Provider | undefined,
): RenderOutcome {
  try {
    const options = provider
      ? { provider, secrets: previewSecrets(integration), diagnostics: true }
      : { secrets: previewSecrets(integration), diagnostics: true };
    const rendered = renderRequest(integration, payload, options);
    return {
      request: toPreview(rendered.method, rendered.url, rendered.headers, rendered.body),
      body: rendered.body,
      diagnostics: rendered.diagnostics.map(locateRenderDiagnostic),
      failure: null,
    };
  } catch (error) {
    const e = error as Partial<Diagnostic> & Error;
    if (typeof e.code === 'string' && typeof e.path === 'string') {
      const d: Diagnostic = {
        severity: 'error',
        code: e.code,
        message: e.message,
        path: e.path,
        start: e.start ?? 0,
        end: e.end ?? 0,
      };
      return { request: null, body: undefined, diagnostics: [locateRenderDiagnostic(d)], failure: e.message };
    }
    return { request: null, body: undefined, diagnostics: [], failure: e.message ?? String(error) };
  }
}

function toPreview(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: JsonValue | string | undefined,
): PreviewRequest {
  if (body === undefined)
    return { method, url, headers, bodyText: null, bodyIsJson: false, bodyChars: 0, truncated: false };
  const isJson = typeof body !== 'string';
  const full = isJson ? JSON.stringify(body, null, 2) : body;
  const truncated = full.length > MAX_BODY_CHARS;
  return {
    method,
    url,
    headers,
    bodyText: truncated ? full.slice(0, MAX_BODY_CHARS) : full,
    bodyIsJson: isJson,
    bodyChars: full.length,
    truncated,
  };
}

export function targetDiagnostics(
  targetId: string | null,
  integration: Integration,
  body: JsonValue | string | undefined,
): FieldDiagnostic[] {
  if (targetId === null || body === undefined || typeof body === 'string') return [];
  if (integration.body?.mode === 'text') return [];
  try {
    return validateTargetBody(targetId, body).map((d) => ({ ...d, field: 'body' as const }));
  } catch {
    return [];
  }
}

export function runAllSamples(
  integration: Integration,
  provider: Provider,
  targetId: string | null,
): SampleRun[] {
  return provider.samples.map((sample) => {
    const outcome = renderPreview(integration, sample.payload, provider);
    const errors = outcome.diagnostics
      .filter((d) => d.severity === 'error' && d.code !== UNRESOLVED)
      .map((d) => d.message);
    if (outcome.failure !== null && errors.length === 0) errors.push(outcome.failure);
    const nulls = outcome.diagnostics
      .filter((d) => d.code === UNRESOLVED)
      .map((d) => d.reference ?? d.message);
    return {
      sampleId: sample.id,
      name: sample.name,
      event: sample.event,
      errors,
      nulls: [...new Set(nulls)],
      targetErrors: targetDiagnostics(targetId, integration, outcome.body).length,
    };
  });
}
