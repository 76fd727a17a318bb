import { Codes } from '../codes.js';
import { escapePointer, RequestError } from '../errors.js';
import { validate } from '../template.js';
import type { Diagnostic, Integration, JsonObject } from '../types.js';
import { compileHandlebars } from './handlebars.js';

export const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'] as const;

/** JSON Schema (draft 2020-12) of an integration document (SPEC §6). */
export const integrationSchema: JsonObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://hookmap.dev/schemas/integration.json',
  title: 'hookmap integration',
  type: 'object',
  required: ['url'],
  properties: {
    name: { type: 'string' },
    method: { enum: [...METHODS], default: 'POST' },
    url: { type: 'string', minLength: 1, description: 'May hold {{placeholders}}; unresolved ones are left as written.' },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    body: {
      oneOf: [
        {
          type: 'object',
          required: ['mode', 'sections'],
          properties: { mode: { const: 'auto' }, sections: { type: 'array', items: { type: 'string' } } },
          additionalProperties: false,
        },
        {
          type: 'object',
          required: ['mode', 'template'],
          properties: { mode: { const: 'template' }, template: {} },
          additionalProperties: false,
        },
        {
          type: 'object',
          required: ['mode', 'template'],
          properties: {
            mode: { const: 'text' },
            template: { type: 'string' },
            contentType: { type: 'string' },
            engine: { enum: ['hookmap', 'handlebars'], default: 'hookmap' },
          },
          additionalProperties: false,
        },
      ],
    },
    active: { type: 'boolean', default: true },
    events: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: "Send only for these events of the provider (its common.event); absent or empty: every event.",
    },
    when: {
      type: 'string',
      description: "Send only when this condition holds for the payload, e.g. \"{{ data.new_state == 'ended' }}\".",
    },
    provider: { type: 'string' },
    target: { type: 'string' },
  },
  additionalProperties: true,
};

const BODY_KEYS: Record<string, string[]> = {
  auto: ['mode', 'sections'],
  template: ['mode', 'template'],
  text: ['mode', 'template', 'contentType', 'engine'],
};

/**
 * Checks an integration document — its shape, then every template in it — and returns each
 * problem with the JSON Pointer of the field (from the document root) and what to write.
 */
export function validateIntegration(doc: unknown): Diagnostic[] {
  const problems = validateIntegrationShape(doc);
  return problems.length ? problems : validateTemplates(doc as Integration);
}

/** The shape only (methods, url, headers, body mode): what renderRequest refuses with H401. */
export function validateIntegrationShape(doc: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (path: string, message: string): void => {
    out.push({ severity: 'error', code: Codes.INVALID_INTEGRATION, message, path, start: 0, end: 0 });
  };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    bad('', 'An integration is a JSON object with at least "url" (and usually "method", "headers", "body").');
    return out;
  }
  const d = doc as Record<string, unknown>;
  if (d.name !== undefined && typeof d.name !== 'string') bad('/name', '"name" must be text.');
  if (d.method !== undefined && !METHODS.includes(d.method as never)) {
    bad('/method', `Unknown method ${JSON.stringify(d.method)}: use one of ${METHODS.join(', ')}.`);
  }
  if (typeof d.url !== 'string' || d.url.trim() === '') bad('/url', 'Missing "url": give the endpoint to call, e.g. "https://api.example.com/leads/{{crm_id}}/calls".');
  if (d.active !== undefined && typeof d.active !== 'boolean') bad('/active', '"active" must be true or false.');
  if (d.events !== undefined && (!Array.isArray(d.events) || d.events.some((e) => typeof e !== 'string' || e === ''))) {
    bad('/events', '"events" must be a list of event names of the provider, e.g. ["transcript.update"]; leave it out for every event.');
  }
  if (d.when !== undefined && typeof d.when !== 'string') {
    bad('/when', `"when" must be text: one condition such as "{{ data.new_state == 'ended' }}".`);
  }
  if (d.headers !== undefined) {
    if (typeof d.headers !== 'object' || d.headers === null || Array.isArray(d.headers)) bad('/headers', '"headers" must be an object of header name to text.');
    else {
      for (const [name, value] of Object.entries(d.headers)) {
        const at = `/headers/${escapePointer(name)}`;
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) bad(at, `"${name}" is not a valid header name (letters, digits and -).`);
        if (typeof value !== 'string') bad(at, `Header "${name}" must be text.`);
      }
    }
  }
  if (d.body !== undefined) validateBody(d.body, bad);
  return out;
}

/** Syntax problems of every template in the document, with pointers from the document root. */
function validateTemplates(doc: Integration): Diagnostic[] {
  const found: Diagnostic[] = [];
  const under = (prefix: string, list: Diagnostic[]): void => {
    for (const d of list) found.push({ ...d, path: prefix + d.path });
  };
  under('/url', validate(doc.url));
  if (doc.when !== undefined) under('/when', validate(doc.when));
  for (const [name, value] of Object.entries(doc.headers ?? {})) under(`/headers/${escapePointer(name)}`, validate(value));
  const body = doc.body;
  if (body?.mode === 'template') under('/body/template', validate(body.template));
  if (body?.mode === 'text' && body.engine !== 'handlebars') under('/body/template', validate(body.template));
  if (body?.mode === 'text' && body.engine === 'handlebars') {
    try {
      compileHandlebars(body.template, false);
    } catch (e) {
      if (e instanceof RequestError) found.push(e.toDiagnostic());
      else throw e;
    }
  }
  return found;
}

function validateBody(body: unknown, bad: (path: string, message: string) => void): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    bad('/body', '"body" must be an object: {"mode": "auto" | "template" | "text", ...}.');
    return;
  }
  const b = body as Record<string, unknown>;
  const allowed = BODY_KEYS[b.mode as string];
  if (!allowed) {
    bad('/body/mode', `Unknown body mode ${JSON.stringify(b.mode)}: use "auto" (provider sections), "template" (JSON template) or "text".`);
    return;
  }
  for (const k of Object.keys(b)) if (!allowed.includes(k)) bad(`/body/${k}`, `"${k}" does not belong in a ${b.mode} body; it takes ${allowed.join(', ')}.`);
  if (b.mode === 'auto' && (!Array.isArray(b.sections) || b.sections.some((s) => typeof s !== 'string'))) {
    bad('/body/sections', 'Auto mode needs "sections": a list of section ids, e.g. ["call_info", "call_summary"].');
  }
  if (b.mode === 'template' && !('template' in b)) bad('/body/template', 'Template mode needs "template": the JSON body to render.');
  if (b.mode === 'text') {
    if (typeof b.template !== 'string') bad('/body/template', 'Text mode needs "template": a string.');
    if (b.contentType !== undefined && typeof b.contentType !== 'string') bad('/body/contentType', '"contentType" must be text, e.g. "text/plain".');
    if (b.engine !== undefined && b.engine !== 'hookmap' && b.engine !== 'handlebars') bad('/body/engine', `Unknown engine ${JSON.stringify(b.engine)}: use "hookmap" or "handlebars".`);
  }
}
