import { escapePointer } from '../errors.js';
import type { JsonValue } from '../types.js';

/**
 * What a template is in its document, which says how it is compiled: `url` (placeholders only, see
 * url.ts), `header` and `text` (text templates), `body` and `result` (JSON templates), `when` (one
 * placeholder), `handlebars` (a Handlebars text body).
 */
export type TemplateKind = 'url' | 'header' | 'body' | 'text' | 'handlebars' | 'when' | 'result';

export interface IntegrationTemplate {
  /** JSON Pointer of the template in the document, e.g. `/steps/1/body/template`. */
  pointer: string;
  kind: TemplateKind;
  template: JsonValue;
  /** The index of the flow step it belongs to; absent for the integration's own (top-level) templates. */
  step?: number;
}

/**
 * Every template of an integration document — single request or flow (SPEC §6, §9) — with its pointer
 * and kind, in document order: url, when, headers, body, then each step's when, url, headers, body,
 * result. Tolerant of a document that is not valid: a field of the wrong type is simply not a template.
 */
export function* integrationTemplates(doc: unknown): Generator<IntegrationTemplate> {
  if (!isObject(doc)) return;
  yield* requestTemplates(doc, '', undefined, true);
  if (!Array.isArray(doc.steps)) return;
  for (let i = 0; i < doc.steps.length; i++) {
    const step: unknown = doc.steps[i];
    if (isObject(step)) yield* requestTemplates(step, `/steps/${i}`, i, false);
  }
}

function* requestTemplates(
  d: Record<string, unknown>,
  at: string,
  step: number | undefined,
  top: boolean,
): Generator<IntegrationTemplate> {
  const of = (pointer: string, kind: TemplateKind, template: JsonValue): IntegrationTemplate =>
    step === undefined ? { pointer, kind, template } : { pointer, kind, template, step };
  if (top && typeof d.url === 'string') yield of('/url', 'url', d.url);
  if (typeof d.when === 'string') yield of(`${at}/when`, 'when', d.when);
  if (!top && typeof d.url === 'string') yield of(`${at}/url`, 'url', d.url);
  if (isObject(d.headers)) {
    for (const [name, value] of Object.entries(d.headers)) {
      if (typeof value === 'string') yield of(`${at}/headers/${escapePointer(name)}`, 'header', value);
    }
  }
  const body = d.body;
  if (isObject(body) && body.mode === 'template' && body.template !== undefined)
    yield of(`${at}/body/template`, 'body', body.template as JsonValue);
  if (isObject(body) && body.mode === 'text' && typeof body.template === 'string') {
    yield of(`${at}/body/template`, body.engine === 'handlebars' ? 'handlebars' : 'text', body.template);
  }
  if (!top && d.result !== undefined) yield of(`${at}/result`, 'result', d.result as JsonValue);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
