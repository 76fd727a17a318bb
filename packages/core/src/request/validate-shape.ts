import { Codes } from '../codes.js';
import { escapePointer } from '../errors.js';
import type { Diagnostic } from '../types.js';

export const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'] as const;

/** SPEC §9: a flow has 1 to 10 steps, each with an id like `find_contact`. */
export const MAX_STEPS = 10;
export const STEP_ID = /^[a-z][a-z0-9_]*$/;
/** RFC 9110 token: what a header name may be. */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const STEP_KEYS = ['id', 'name', 'when', 'method', 'url', 'headers', 'body', 'result', 'accept'];

const BODY_KEYS: Record<string, string[]> = {
  auto: ['mode', 'sections'],
  template: ['mode', 'template'],
  text: ['mode', 'template', 'contentType', 'engine'],
};

type Bad = (path: string, message: string) => void;

/**
 * The shape only (methods, url, headers, body mode; a flow's steps): what renderRequest and
 * renderFlow refuse with H401. Each problem has the JSON Pointer of the field and says what to write.
 */
export function validateIntegrationShape(doc: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad: Bad = (path, message) => {
    out.push({ severity: 'error', code: Codes.INVALID_INTEGRATION, message, path, start: 0, end: 0 });
  };
  if (!isObject(doc)) {
    bad(
      '',
      'An integration is a JSON object with at least "url" (and usually "method", "headers", "body"), or "steps" for a flow.',
    );
    return out;
  }
  if (doc.name !== undefined && typeof doc.name !== 'string') bad('/name', '"name" must be text.');
  if (doc.active !== undefined && typeof doc.active !== 'boolean')
    bad('/active', '"active" must be true or false.');
  if (doc.connection !== undefined && (typeof doc.connection !== 'string' || doc.connection === '')) {
    bad('/connection', '"connection" must be the id of a relay connection, e.g. "hubspot-acme".');
  }
  if (
    doc.events !== undefined &&
    (!Array.isArray(doc.events) || doc.events.some((e) => typeof e !== 'string' || e === ''))
  ) {
    bad(
      '/events',
      '"events" must be a list of event names of the provider, e.g. ["transcript.update"]; leave it out for every event.',
    );
  }
  if (doc.when !== undefined && typeof doc.when !== 'string') {
    bad('/when', `"when" must be text: one condition such as "{{ data.new_state == 'ended' }}".`);
  }
  if (doc.steps === undefined) {
    validateRequestShape(doc, '', bad);
    return out;
  }
  validateHeaders(doc.headers, '', bad);
  for (const key of ['url', 'method', 'body'] as const) {
    if (doc[key] !== undefined)
      bad(`/${key}`, `A flow makes its requests in "steps": move "${key}" into a step, or remove "steps".`);
  }
  validateSteps(doc.steps, bad);
  return out;
}

/** A §6 request at `at`: an integration's, or a flow step's (`/steps/<i>`). */
function validateRequestShape(d: Record<string, unknown>, at: string, bad: Bad): void {
  if (d.method !== undefined && !METHODS.includes(d.method as never)) {
    bad(`${at}/method`, `Unknown method ${JSON.stringify(d.method)}: use one of ${METHODS.join(', ')}.`);
  }
  if (typeof d.url !== 'string' || d.url.trim() === '') {
    bad(
      `${at}/url`,
      'Missing "url": give the endpoint to call, e.g. "https://api.example.com/leads/{{crm_id}}/calls".',
    );
  }
  validateHeaders(d.headers, at, bad);
  if (d.body !== undefined) validateBody(d.body, at, bad);
}

function validateHeaders(headers: unknown, at: string, bad: Bad): void {
  if (headers === undefined) return;
  if (!isObject(headers)) {
    bad(`${at}/headers`, '"headers" must be an object of header name to text.');
    return;
  }
  for (const [name, value] of Object.entries(headers)) {
    const pointer = `${at}/headers/${escapePointer(name)}`;
    if (!HEADER_NAME.test(name))
      bad(pointer, `"${name}" is not a valid header name (letters, digits and -).`);
    if (typeof value !== 'string') bad(pointer, `Header "${name}" must be text.`);
  }
}

function validateBody(body: unknown, at: string, bad: Bad): void {
  if (!isObject(body)) {
    bad(`${at}/body`, '"body" must be an object: {"mode": "auto" | "template" | "text", ...}.');
    return;
  }
  const allowed = BODY_KEYS[body.mode as string];
  if (!allowed) {
    bad(
      `${at}/body/mode`,
      `Unknown body mode ${JSON.stringify(body.mode)}: use "auto" (provider sections), "template" (JSON template) or "text".`,
    );
    return;
  }
  for (const k of Object.keys(body)) {
    if (!allowed.includes(k))
      bad(
        `${at}/body/${escapePointer(k)}`,
        `"${k}" does not belong in a ${body.mode} body; it takes ${allowed.join(', ')}.`,
      );
  }
  if (
    body.mode === 'auto' &&
    (!Array.isArray(body.sections) || body.sections.some((s) => typeof s !== 'string'))
  ) {
    bad(
      `${at}/body/sections`,
      'Auto mode needs "sections": a list of section ids, e.g. ["call_info", "call_summary"].',
    );
  }
  if (body.mode === 'template' && !('template' in body))
    bad(`${at}/body/template`, 'Template mode needs "template": the JSON body to render.');
  if (body.mode === 'text') {
    if (typeof body.template !== 'string')
      bad(`${at}/body/template`, 'Text mode needs "template": a string.');
    if (body.contentType !== undefined && typeof body.contentType !== 'string')
      bad(`${at}/body/contentType`, '"contentType" must be text, e.g. "text/plain".');
    if (body.engine !== undefined && body.engine !== 'hookmap' && body.engine !== 'handlebars') {
      bad(
        `${at}/body/engine`,
        `Unknown engine ${JSON.stringify(body.engine)}: use "hookmap" or "handlebars".`,
      );
    }
  }
}

function validateSteps(steps: unknown, bad: Bad): void {
  if (!Array.isArray(steps) || steps.length === 0 || steps.length > MAX_STEPS) {
    bad('/steps', `"steps" must be a list of 1 to ${MAX_STEPS} requests, each with an "id" and a "url".`);
    if (!Array.isArray(steps)) return;
  }
  const seen = new Map<string, number>();
  steps.forEach((step: unknown, i) => {
    const at = `/steps/${i}`;
    if (!isObject(step)) {
      bad(at, 'A step is an object: {"id": "find", "url": "https://…", …}.');
      return;
    }
    validateStepId(step.id, at, i, seen, bad);
    for (const k of Object.keys(step)) {
      if (!STEP_KEYS.includes(k))
        bad(
          `${at}/${escapePointer(k)}`,
          `"${k}" does not belong in a step; it takes ${STEP_KEYS.join(', ')}.`,
        );
    }
    if (step.name !== undefined && typeof step.name !== 'string') bad(`${at}/name`, '"name" must be text.');
    if (step.when !== undefined && typeof step.when !== 'string') {
      bad(`${at}/when`, '"when" must be text: one condition such as "{{ steps.find.result == null }}".');
    }
    if ('result' in step && step.result === undefined)
      bad(`${at}/result`, '"result" must be a template, e.g. "{{ response.body.id }}".');
    if (step.accept !== undefined && !validAccept(step.accept)) {
      bad(
        `${at}/accept`,
        '"accept" must be a list of HTTP status codes (100–599) that count as success, e.g. [200, 404].',
      );
    }
    validateRequestShape(step, at, bad);
  });
}

function validateStepId(id: unknown, at: string, index: number, seen: Map<string, number>, bad: Bad): void {
  if (typeof id !== 'string' || !STEP_ID.test(id)) {
    bad(
      `${at}/id`,
      `Step ${index} needs an "id" of lower-case letters, digits and _, starting with a letter, e.g. "find_contact".`,
    );
    return;
  }
  const first = seen.get(id);
  if (first !== undefined)
    bad(`${at}/id`, `Step id "${id}" is already used by step ${first}: ids must be unique.`);
  else seen.set(id, index);
}

function validAccept(accept: unknown): boolean {
  return (
    Array.isArray(accept) &&
    accept.length > 0 &&
    accept.every((s) => Number.isInteger(s) && (s as number) >= 100 && (s as number) <= 599)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
