/**
 * A flow's steps in the doc (SPEC §9). The step being edited keeps its request in the doc's own request
 * fields (method, url, body…), so the URL field, the mapping panel, the template editor, its markers and
 * completion edit it exactly as they edit a single request; the other steps wait in `doc.steps`.
 */
import type { EditorDoc, StepDoc } from '../store.js';

/** The request fields a step shares with the doc (its `headers` stay the step's own). */
const REQUEST_FIELDS = [
  'method',
  'url',
  'bodyMode',
  'sections',
  'templateText',
  'textTemplate',
  'contentType',
  'engine',
] as const;

type RequestFields = Pick<StepDoc, (typeof REQUEST_FIELDS)[number]>;

function requestOf(source: RequestFields): RequestFields {
  const out = {} as Record<string, unknown>;
  for (const key of REQUEST_FIELDS) out[key] = source[key];
  return out as unknown as RequestFields;
}

/** Every step with the active one's request taken from the doc (what is saved, shared and rendered). */
export function currentSteps(doc: EditorDoc): StepDoc[] {
  if (doc.steps === null) return [];
  return doc.steps.map((step, i) => (i === doc.activeStep ? { ...step, ...requestOf(doc) } : step));
}

/** The doc with step `index` loaded into the request fields (the one edited before written back). */
export function selectStep(doc: EditorDoc, index: number): EditorDoc {
  const steps = currentSteps(doc);
  const step = steps[index];
  if (!step) return doc;
  return { ...doc, ...requestOf(step), steps, activeStep: index };
}

/** The doc with its steps replaced, `active` (an index into `steps`) loaded for editing. */
function withSteps(doc: EditorDoc, steps: StepDoc[], active: number): EditorDoc {
  const index = Math.max(0, Math.min(active, steps.length - 1));
  const step = steps[index] as StepDoc;
  return { ...doc, ...requestOf(step), steps, activeStep: index };
}

/** Moves step `index` by `delta` (-1 up, +1 down); it stays the one edited. */
export function moveStep(doc: EditorDoc, index: number, delta: number): EditorDoc {
  const steps = currentSteps(doc);
  const to = index + delta;
  if (to < 0 || to >= steps.length || !steps[index]) return doc;
  const [moved] = steps.splice(index, 1);
  steps.splice(to, 0, moved as StepDoc);
  return withSteps(doc, steps, to);
}

/** Removes step `index` (a flow keeps at least one step). */
export function removeStep(doc: EditorDoc, index: number): EditorDoc {
  const steps = currentSteps(doc);
  if (steps.length <= 1 || !steps[index]) return doc;
  steps.splice(index, 1);
  const active = doc.activeStep > index ? doc.activeStep - 1 : Math.min(doc.activeStep, steps.length - 1);
  return withSteps(doc, steps, index === doc.activeStep ? Math.min(index, steps.length - 1) : active);
}

/** SPEC §9: step ids are `[a-z][a-z0-9_]*`, unique in the flow. */
export const STEP_ID = /^[a-z][a-z0-9_]*$/;

/** A fresh id not used by `steps`: step2, step3… */
export function freshStepId(steps: StepDoc[]): string {
  const used = new Set(steps.map((s) => s.id));
  for (let n = steps.length + 1; ; n++) if (!used.has(`step${n}`)) return `step${n}`;
}

/** SPEC §9 allows at most 10 steps. */
export const MAX_STEPS = 10;

/** Adds an empty POST step after `index`, and edits it. */
export function addStep(doc: EditorDoc, index: number): EditorDoc {
  const steps = currentSteps(doc);
  if (steps.length >= MAX_STEPS) return doc;
  const step: StepDoc = {
    id: freshStepId(steps),
    name: '',
    when: '',
    result: '',
    resultJson: false,
    accept: '',
    method: 'POST',
    url: 'https://example.com/',
    headers: [],
    bodyMode: 'template',
    sections: [],
    templateText: '{\n  \n}',
    textTemplate: '',
    contentType: 'text/plain',
    engine: 'hookmap',
  };
  steps.splice(index + 1, 0, step);
  return withSteps(doc, steps, index + 1);
}

/** Changes the step fields that are not its request (id, name, when, result, accept). */
export function updateStep(
  doc: EditorDoc,
  index: number,
  patch: Partial<Omit<StepDoc, keyof RequestFields>>,
): EditorDoc {
  const steps = currentSteps(doc);
  const step = steps[index];
  if (!step) return doc;
  steps[index] = { ...step, ...patch };
  return { ...doc, steps };
}

/** Step ids before `index`: what step `index` may read as `steps.<id>`. */
export function earlierStepIds(doc: EditorDoc, index = doc.activeStep): string[] {
  return (doc.steps ?? []).slice(0, Math.max(0, index)).map((s) => s.id);
}
