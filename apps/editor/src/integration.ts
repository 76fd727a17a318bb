/** Converting between the editor's doc and the Integration document core renders (SPEC §6). */
import { Codes, integrationSchema, validateIntegration } from '@hookmap/core';
import type { HttpMethod, Integration, IntegrationBody, JsonValue } from '@hookmap/core';
import type { EditorDoc, HeaderRow } from './store.js';

/** The methods core accepts, from its integration schema (one list, in core). */
export const METHODS = ((integrationSchema.properties as { method: { enum: HttpMethod[] } }).method.enum) as readonly HttpMethod[];

export type IntegrationResult =
  { integration: Integration; error: null } | { integration: null; error: string };

export function headersRecord(rows: HeaderRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of rows) if (row.name.trim() !== '') out[row.name.trim()] = row.value;
  return out;
}

export function bodyOf(
  doc: EditorDoc,
): { body: IntegrationBody; error: null } | { body: null; error: string } {
  if (doc.bodyMode === 'auto') return { body: { mode: 'auto', sections: doc.sections }, error: null };
  if (doc.bodyMode === 'text') {
    const body: IntegrationBody = { mode: 'text', template: doc.textTemplate, engine: doc.engine };
    if (doc.contentType.trim() !== '') body.contentType = doc.contentType.trim();
    return { body, error: null };
  }
  try {
    return { body: { mode: 'template', template: JSON.parse(doc.templateText) as JsonValue }, error: null };
  } catch (error) {
    return { body: null, error: `The template is not valid JSON: ${(error as Error).message}` };
  }
}

export function docToIntegration(doc: EditorDoc): IntegrationResult {
  const body = bodyOf(doc);
  if (body.error !== null) return { integration: null, error: body.error };
  const integration: Integration = {
    name: doc.name,
    method: doc.method,
    url: doc.url,
    headers: headersRecord(doc.headers),
    body: body.body,
    active: doc.active,
    provider: doc.providerId,
  };
  if (doc.targetId !== null) integration.target = doc.targetId;
  if (doc.events.length > 0) integration.events = [...doc.events];
  if (doc.when.trim() !== '') integration.when = doc.when.trim();
  return { integration, error: null };
}

/** The doc an integration document describes; fields it does not set keep their value from `base`. */
export function integrationToDoc(integration: Integration, base: EditorDoc): EditorDoc {
  const doc: EditorDoc = {
    ...base,
    name: integration.name ?? base.name,
    method: integration.method ?? 'POST',
    url: integration.url ?? '',
    headers: Object.entries(integration.headers ?? {}).map(([name, value]) => ({ name, value })),
    active: integration.active ?? true,
    events: Array.isArray(integration.events) ? integration.events.filter((e) => typeof e === 'string') : [],
    when: typeof integration.when === 'string' ? integration.when : '',
    providerId: integration.provider ?? base.providerId,
    targetId: integration.target ?? base.targetId,
  };
  const body = integration.body;
  if (!body) return { ...doc, bodyMode: 'template', templateText: '{}' };
  if (body.mode === 'auto') return { ...doc, bodyMode: 'auto', sections: [...body.sections] };
  if (body.mode === 'text') {
    return {
      ...doc,
      bodyMode: 'text',
      textTemplate: body.template,
      contentType: body.contentType ?? '',
      engine: body.engine ?? 'hookmap',
    };
  }
  return { ...doc, bodyMode: 'template', templateText: JSON.stringify(body.template, null, 2) };
}

/**
 * Checks an imported document has the shape of an integration (core's own check, SPEC §6); returns
 * the first problem's message, or null. Template problems do not block an import: the editor shows them.
 */
export function checkIntegrationShape(value: unknown): string | null {
  const shape = validateIntegration(value).filter((d) => d.code === Codes.INVALID_INTEGRATION);
  const first = shape[0];
  return first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : null;
}

export const emptyDoc: EditorDoc = {
  name: 'My integration',
  method: 'POST',
  url: 'https://example.com/webhook',
  headers: [],
  bodyMode: 'template',
  sections: [],
  templateText: '{\n  \n}',
  textTemplate: '',
  contentType: 'text/plain',
  engine: 'hookmap',
  active: true,
  events: [],
  when: '',
  providerId: 'osvi',
  sampleId: null,
  targetId: null,
};
