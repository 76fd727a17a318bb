/**
 * Rendering the preview: the full request for one payload, the target-schema check, and the
 * all-samples run. Pure functions over core, used by the worker (and testable in Node).
 */
import {
  Codes,
  integrationTemplates,
  isFlow,
  renderRequest,
  validateIntegration,
  validateIntegrationTemplate,
} from '@hookmap/core';
import { unescapePointerSegment } from '@hookmap/core/tooling';
import type { Diagnostic, Integration, IntegrationDocument, JsonValue, Provider } from '@hookmap/core';
import { hintForProvider, validateTargetBody } from '../catalog.js';
import type { FieldDiagnostic, PreviewRequest } from './protocol.js';
import { MAX_SHOWN_STRING, shortenedText, shortenStrings } from './shorten.js';

const MAX_BODY_CHARS = 2_000_000;

const SECRET_REF = /secrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Every `secrets.NAME` the integration reads gets a visible stand-in shaped like what it stands for,
 * so the preview never needs real secrets and never fails on them: a secret the URL starts with (a
 * webhook URL, an instance URL, an API domain) becomes `https://secret.invalid/NAME` (the `.invalid`
 * TLD can never resolve); any other secret `<NAME>` (ASCII: header values must be Latin-1).
 */
export function previewSecrets(integration: IntegrationDocument): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const match of JSON.stringify(integration).matchAll(SECRET_REF)) {
    const name = match[1] as string;
    secrets[name] = `<${name}>`;
  }
  const urls = isFlow(integration) ? integration.steps.map((s) => s.url) : [integration.url ?? ''];
  for (const url of urls) {
    const leading = /^\s*\{\{\s*secrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(
      typeof url === 'string' ? url : '',
    );
    if (leading) secrets[leading[1] as string] = `https://secret.invalid/${leading[1] as string}`;
  }
  return secrets;
}

const CONNECTION_REF = /connection\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The stand-in of the relay connection an integration names (SPEC §10), like `previewSecrets`: the
 * `access_token` every OAuth2 connection has and every `connection.NAME` the templates read, as
 * `<connection.NAME>`; a value the URL starts with (Salesforce `instance_url`, Zoho `api_domain`) as
 * `https://connection.invalid/NAME`. None when the integration names no connection, so a template that
 * reads `connection.*` without one is marked (the relay would fail it too).
 */
export function previewConnection(integration: IntegrationDocument): Record<string, string> | undefined {
  const id = (integration as { connection?: unknown }).connection;
  if (typeof id !== 'string' || id === '') return undefined;
  const values: Record<string, string> = { access_token: '<connection.access_token>' };
  for (const match of JSON.stringify(integration).matchAll(CONNECTION_REF)) {
    const name = match[1] as string;
    values[name] = `<connection.${name}>`;
  }
  const urls = isFlow(integration) ? integration.steps.map((s) => s.url) : [integration.url ?? ''];
  for (const url of urls) {
    const leading = /^\s*\{\{\s*connection\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(
      typeof url === 'string' ? url : '',
    );
    if (leading) values[leading[1] as string] = `https://connection.invalid/${leading[1] as string}`;
  }
  return values;
}

/** The render options the preview's stand-ins give: `secrets`, and `connection` when one is named. */
export function previewScopes(integration: IntegrationDocument): {
  secrets: Record<string, string>;
  connection?: Record<string, string>;
} {
  const connection = previewConnection(integration);
  const secrets = previewSecrets(integration);
  return connection ? { secrets, connection } : { secrets };
}

/**
 * Every template of the integration checked by core's one walker (url, when, headers, body, flow steps);
 * for a flow also its shape (step ids) and which steps each template reads (core's checks), placed
 * by `locate` (the edited step's like a request's).
 */
export function syntaxDiagnostics(
  integration: IntegrationDocument,
  locate: (d: Diagnostic) => FieldDiagnostic = locateRenderDiagnostic,
): FieldDiagnostic[] {
  const out: FieldDiagnostic[] = [];
  // Core's full check of a flow: its shape first (step ids…), then, once the templates compile, which steps each reads.
  const flowProblems = isFlow(integration) ? validateIntegration(integration) : [];
  const shape = flowProblems.filter((d) => d.code === Codes.INVALID_INTEGRATION);
  if (shape.length > 0) return shape.map(locate);
  for (const template of integrationTemplates(integration)) {
    for (const d of validateIntegrationTemplate(template)) out.push(locate(d));
  }
  if (out.length === 0) out.push(...flowProblems.filter((d) => d.code === Codes.STEP_REFERENCE).map(locate));
  return out;
}

/** Render diagnostics carry a pointer into the integration; split it into the part and a template path. */
export function locateRenderDiagnostic(d: Diagnostic): FieldDiagnostic {
  const path = d.path ?? '';
  const body = /^\/body\/template(?=\/|$)/.exec(path);
  if (body) return { ...d, field: 'body', path: path.slice(body[0].length) };
  if (path === '/url') return { ...d, field: 'url', path: '' };
  if (path === '/when') return { ...d, field: 'when', path: '' };
  const header = /^\/headers\/([^/]*)$/.exec(path);
  if (header)
    return { ...d, field: 'headers', header: unescapePointerSegment(header[1] as string), path: '' };
  if (path.startsWith('/steps/')) return { ...d, field: 'request' };
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
  expanded: ReadonlySet<string> = new Set(),
): RenderOutcome {
  try {
    const options = provider
      ? { provider, ...previewScopes(integration), diagnostics: true }
      : { ...previewScopes(integration), diagnostics: true };
    const rendered = renderRequest(integration, payload, options);
    return {
      request: toPreview(rendered.method, rendered.url, rendered.headers, rendered.body, expanded),
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

export function toPreview(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: JsonValue | string | undefined,
  expanded: ReadonlySet<string>,
): PreviewRequest {
  const base = {
    method,
    url,
    headers,
    bodyText: null,
    bodyIsJson: false,
    bodyChars: 0,
    truncated: false,
    shortened: [],
  };
  if (body === undefined) return base;
  if (typeof body === 'string') {
    const long = body.length > MAX_SHOWN_STRING && !expanded.has('');
    return {
      ...base,
      bodyText: long ? shortenedText(body) : body,
      bodyChars: body.length,
      shortened: long ? [{ pointer: '', length: body.length }] : [],
    };
  }
  const { value, shortened } = shortenStrings(body, expanded);
  const text = JSON.stringify(value, null, 2);
  // A last resort for bodies that are large without any long string (huge lists): expand less.
  const truncated = text.length > MAX_BODY_CHARS;
  return {
    ...base,
    bodyText: truncated ? text.slice(0, MAX_BODY_CHARS) : text,
    bodyIsJson: true,
    bodyChars: text.length,
    truncated,
    shortened,
  };
}

export function targetDiagnostics(
  targetId: string | null,
  integration: Pick<Integration, 'body'>,
  body: JsonValue | string | undefined,
  providerId?: string,
): FieldDiagnostic[] {
  if (targetId === null || body === undefined || typeof body === 'string') return [];
  if (integration.body?.mode === 'text') return [];
  const word = (text: string) => (providerId === undefined ? text : hintForProvider(text, providerId));
  try {
    return validateTargetBody(targetId, body).map((d) => {
      const out: FieldDiagnostic = { ...d, message: word(d.message), field: 'body' };
      if (d.suggestion !== undefined) out.suggestion = word(d.suggestion);
      return out;
    });
  } catch {
    return [];
  }
}
