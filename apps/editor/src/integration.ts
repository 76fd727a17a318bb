/** Converting between the editor's doc and the Integration document core renders (SPEC §6). */
import { Codes, integrationSchema, validateIntegration } from '@hookmap/core';
import type {
  Flow,
  FlowStep,
  HttpMethod,
  Integration,
  IntegrationBody,
  IntegrationDocument,
  JsonValue,
} from '@hookmap/core';
import { currentSteps } from './flow/steps.js';
import type { BodyMode, EditorDoc, HeaderRow, StepDoc } from './store.js';

/** The methods core accepts, from its integration schema (one list, in core). */
export const METHODS = (integrationSchema.properties as { method: { enum: HttpMethod[] } }).method
  .enum as readonly HttpMethod[];

export type IntegrationResult =
  { integration: IntegrationDocument; error: null } | { integration: null; error: string };

/** The body fields of a doc or a step. */
type BodyFields = Pick<
  EditorDoc,
  'bodyMode' | 'sections' | 'templateText' | 'textTemplate' | 'contentType' | 'engine'
>;

export function headersRecord(rows: HeaderRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of rows) if (row.name.trim() !== '') out[row.name.trim()] = row.value;
  return out;
}

export function bodyOf(
  doc: BodyFields,
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

/** Methods that carry no body (SPEC §6): a step with one sends none, so none is written. */
const BODILESS = new Set<HttpMethod>(['GET', 'DELETE']);

function stepOf(step: StepDoc): { step: FlowStep; error: null } | { step: null; error: string } {
  const out = { id: step.id } as FlowStep;
  if (step.name.trim() !== '') out.name = step.name;
  if (step.when.trim() !== '') out.when = step.when.trim();
  out.method = step.method;
  out.url = step.url;
  const headers = headersRecord(step.headers);
  if (Object.keys(headers).length > 0) out.headers = headers;
  if (!BODILESS.has(step.method)) {
    const body = bodyOf(step);
    if (body.error !== null) return { step: null, error: `Step "${step.id}": ${body.error}` };
    out.body = body.body;
  }
  if (step.result.trim() !== '') {
    if (!step.resultJson) out.result = step.result;
    else {
      try {
        out.result = JSON.parse(step.result) as JsonValue;
      } catch (error) {
        return {
          step: null,
          error: `Step "${step.id}": the result is not valid JSON: ${(error as Error).message}`,
        };
      }
    }
  }
  const accept = parseAccept(step.accept);
  if (accept === null)
    return {
      step: null,
      error: `Step "${step.id}": accepted statuses are numbers separated by commas, e.g. "200, 404".`,
    };
  if (accept.length > 0) out.accept = accept;
  return { step: out, error: null };
}

/** "200, 404" → [200, 404]; "" → []; null when it is not a list of statuses. */
export function parseAccept(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const statuses = parts.map(Number);
  return statuses.every((n) => Number.isInteger(n) && n >= 100 && n <= 599) ? statuses : null;
}

function flowOf(doc: EditorDoc): IntegrationResult {
  const steps: FlowStep[] = [];
  for (const step of currentSteps(doc)) {
    const converted = stepOf(step);
    if (converted.error !== null) return { integration: null, error: converted.error };
    steps.push(converted.step);
  }
  const flow: Flow = {
    name: doc.name,
    provider: doc.providerId,
    headers: headersRecord(doc.headers),
    active: doc.active,
    steps,
  };
  if (doc.targetId !== null) flow.target = doc.targetId;
  if (doc.events.length > 0) flow.events = [...doc.events];
  if (doc.when.trim() !== '') flow.when = doc.when.trim();
  const connection = doc.connection?.trim() ?? '';
  if (connection !== '') flow.connection = connection;
  return { integration: flow, error: null };
}

export function docToIntegration(doc: EditorDoc): IntegrationResult {
  if (doc.steps !== null) return flowOf(doc);
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
  const connection = doc.connection?.trim() ?? '';
  if (connection !== '') integration.connection = connection;
  return { integration, error: null };
}

/** The body fields an integration body gives (no body: an empty JSON template); the others keep `base`'s. */
function bodyFields(body: IntegrationBody | undefined, base: BodyFields): BodyFields {
  const kept: BodyFields = {
    bodyMode: base.bodyMode,
    sections: base.sections,
    templateText: base.templateText,
    textTemplate: base.textTemplate,
    contentType: base.contentType,
    engine: base.engine,
  };
  if (!body) return { ...kept, bodyMode: 'template', templateText: '{}' };
  if (body.mode === 'auto') return { ...kept, bodyMode: 'auto', sections: [...body.sections] };
  if (body.mode === 'text') {
    return {
      ...kept,
      bodyMode: 'text',
      textTemplate: body.template,
      contentType: body.contentType ?? '',
      engine: body.engine ?? 'hookmap',
    };
  }
  return { ...kept, bodyMode: 'template' as BodyMode, templateText: JSON.stringify(body.template, null, 2) };
}

function stepToDoc(step: FlowStep, base: EditorDoc): StepDoc {
  const result = step.result;
  return {
    id: step.id,
    name: step.name ?? '',
    when: step.when ?? '',
    result: result === undefined ? '' : typeof result === 'string' ? result : JSON.stringify(result, null, 2),
    resultJson: result !== undefined && typeof result !== 'string',
    accept: (step.accept ?? []).join(', '),
    method: step.method ?? 'POST',
    url: step.url,
    headers: Object.entries(step.headers ?? {}).map(([name, value]) => ({ name, value })),
    ...bodyFields(step.body, base),
  };
}

/** The step a new flow edits first: its last one, the activity (what the mapping panel maps). */
function flowToDoc(flow: Flow, base: EditorDoc): EditorDoc {
  const steps = flow.steps.map((step) => stepToDoc(step, base));
  const active = Math.max(0, steps.length - 1);
  const {
    id: _id,
    name: _name,
    when: _when,
    result: _result,
    resultJson: _json,
    accept: _accept,
    headers: _headers,
    ...request
  } = steps[active] as StepDoc;
  return {
    ...base,
    ...request,
    name: flow.name ?? base.name,
    headers: Object.entries(flow.headers ?? {}).map(([name, value]) => ({ name, value })),
    active: flow.active ?? true,
    events: Array.isArray(flow.events) ? flow.events.filter((e) => typeof e === 'string') : [],
    when: typeof flow.when === 'string' ? flow.when : '',
    connection: typeof flow.connection === 'string' ? flow.connection : '',
    providerId: flow.provider ?? base.providerId,
    targetId: flow.target ?? base.targetId,
    steps,
    activeStep: active,
  };
}

/** The doc an integration document describes; fields it does not set keep their value from `base`. */
export function integrationToDoc(document: IntegrationDocument, base: EditorDoc): EditorDoc {
  if ('steps' in document && Array.isArray(document.steps)) return flowToDoc(document, base);
  const integration = document as Integration;
  const doc: EditorDoc = {
    ...base,
    name: integration.name ?? base.name,
    method: integration.method ?? 'POST',
    url: integration.url ?? '',
    headers: Object.entries(integration.headers ?? {}).map(([name, value]) => ({ name, value })),
    active: integration.active ?? true,
    events: Array.isArray(integration.events) ? integration.events.filter((e) => typeof e === 'string') : [],
    when: typeof integration.when === 'string' ? integration.when : '',
    connection: typeof integration.connection === 'string' ? integration.connection : '',
    providerId: integration.provider ?? base.providerId,
    targetId: integration.target ?? base.targetId,
    steps: null,
    activeStep: 0,
  };
  return { ...doc, ...bodyFields(integration.body, doc) };
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
  steps: null,
  activeStep: 0,
};
