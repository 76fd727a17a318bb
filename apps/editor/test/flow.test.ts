/** Flows in the editor (SPEC §9): the step list in the doc, its conversion, and the worker's flow preview. */
import { describe, expect, it } from 'vitest';
import { getProvider } from '@hookmap/providers';
import type { Flow, Provider } from '@hookmap/core';
import { pathCompletions } from '../src/editor/completion.js';
import { editingContext, stepScope } from '../src/flow/scope.js';
import {
  addStep,
  currentSteps,
  earlierStepIds,
  moveStep,
  removeStep,
  selectStep,
  updateStep,
} from '../src/flow/steps.js';
import { starterFor } from '../src/catalog.js';
import { docToIntegration, emptyDoc, integrationToDoc } from '../src/integration.js';
import { defaultUi, type EditorDoc, type ResponseChoice } from '../src/store.js';
import { renderOne } from '../src/worker/job.js';

const otter = getProvider('otter') as unknown as Provider;
const sample = otter.samples[0]!;
const starter = (): EditorDoc => ({
  ...integrationToDoc(starterFor('hubspot.note', 'otter'), {
    ...emptyDoc,
    providerId: 'otter',
    sampleId: sample.id,
  }),
  targetId: 'hubspot.note',
});
const ids = (doc: EditorDoc) => currentSteps(doc).map((s) => s.id);
const flowOf = (doc: EditorDoc) => docToIntegration(doc).integration as Flow;

function render(doc: EditorDoc, responses: Record<string, ResponseChoice> = {}) {
  return renderOne(flowOf(doc), otter, { value: sample.payload, error: null }, doc.targetId, new Set(), {
    activeStep: doc.activeStep,
    responses,
  });
}

describe('a flow in the doc', () => {
  it('loads a flow starter with its last step (the activity) in the request fields, and converts back unchanged', () => {
    const flow = starterFor('hubspot.note', 'otter') as Flow;
    const doc = starter();
    expect(ids(doc)).toEqual(['find', 'create', 'note']);
    expect(doc.activeStep).toBe(2);
    expect(doc.url).toBe(flow.steps[2]!.url);
    expect(JSON.parse(doc.templateText)).toEqual((flow.steps[2]!.body as { template: unknown }).template);
    expect(flowOf(doc)).toEqual({ ...flow, target: 'hubspot.note', active: true });
  });

  it('edits the picked step through the request fields and keeps the others', () => {
    let doc = selectStep(starter(), 0);
    expect(doc.url).toMatch(/contacts\/search$/);
    doc = { ...doc, url: 'https://api.hubapi.com/crm/v3/objects/contacts/search' };
    doc = selectStep(doc, 2);
    expect(doc.url).toMatch(/notes$/);
    expect(flowOf(doc).steps[0]!.url).toBe('https://api.hubapi.com/crm/v3/objects/contacts/search');
  });

  it('reorders, adds and removes steps, keeping the edited one in the request fields', () => {
    let doc = moveStep(selectStep(starter(), 1), 1, -1);
    expect(ids(doc)).toEqual(['create', 'find', 'note']);
    expect(doc.activeStep).toBe(0);
    expect(doc.url).toMatch(/contacts$/);
    expect(moveStep(doc, 0, -1)).toBe(doc);
    doc = addStep(doc, 0);
    expect(ids(doc)).toEqual(['create', 'step4', 'find', 'note']);
    expect(doc.activeStep).toBe(1);
    expect(doc.url).toBe('https://example.com/');
    doc = removeStep(doc, 1);
    expect(ids(doc)).toEqual(['create', 'find', 'note']);
    expect(doc.url).toMatch(/contacts\/search$/);
    doc = updateStep(doc, 1, { id: 'lookup', accept: '200, 404' });
    expect(flowOf(doc).steps[1]).toMatchObject({ id: 'lookup', accept: [200, 404] });
    expect(docToIntegration(updateStep(doc, 1, { accept: 'two hundred' })).error).toMatch(
      /accepted statuses/,
    );
    expect(earlierStepIds(selectStep(doc, 2))).toEqual(['create', 'lookup']);
  });

  it("writes no body for a GET step, a JSON result as JSON, and the step's own headers", () => {
    let doc = selectStep(starter(), 0);
    doc = updateStep({ ...doc, method: 'GET' }, 0, {
      result: '{"id": "{{ response.body.id }}"}',
      resultJson: true,
      headers: [{ name: 'X-Trace', value: '{{ common.id }}' }],
    });
    const step = flowOf(doc).steps[0]!;
    expect(step.body).toBeUndefined();
    expect(step.result).toEqual({ id: '{{ response.body.id }}' });
    expect(step.headers).toEqual({ 'X-Trace': '{{ common.id }}' });
    expect(flowOf(doc).headers).toEqual({ Authorization: 'Bearer {{secrets.HUBSPOT_TOKEN}}' });
  });
});

describe("the worker's flow preview", () => {
  it('shows every step with the response it assumed: found skips the create, not found runs it', () => {
    const found = render(starter());
    expect(found.failure).toBeNull();
    expect(found.steps?.map((s) => [s.id, s.skipped, s.assumed])).toEqual([
      ['find', false, 'found'],
      ['create', true, 'found'],
      ['note', false, 'found'],
    ]);
    expect(found.steps?.[0]?.preset).toMatchObject({ id: 'hubspot.contact.search', kind: 'lookup' });
    expect(found.steps?.[0]?.resultText).toBe('"75161301"');
    expect(found.request?.bodyText).toContain('"75161301"');
    expect(found.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.targetDiagnostics).toEqual([]);

    const missing = render(starter(), { find: { kind: 'not-found' } });
    expect(missing.steps?.map((s) => s.skipped)).toEqual([false, false, false]);
    expect(missing.steps?.[1]?.response).toMatchObject({ status: 201, accepted: true });
    expect(missing.request?.bodyText).toContain('"75161452"');
  });

  it('takes a pasted response, and says what is wrong with one that is not a response', () => {
    const pasted = render(starter(), {
      find: { kind: 'custom', text: '{"status": 200, "body": {"results": [{"id": "42"}]}}' },
    });
    expect(pasted.steps?.[0]?.assumed).toBe('custom');
    expect(pasted.request?.bodyText).toContain('"42"');
    const broken = render(starter(), { find: { kind: 'custom', text: '{"body": {}}' } });
    expect(broken.diagnostics.find((d) => d.step === 'find')?.message).toMatch(/numeric "status"/);
    expect(broken.stoppedAt).toEqual({ stepId: 'find', reason: 'no-response' });
  });

  it("checks every request against its preset; the edited step's problems sit at its body pointers, worded for the provider", () => {
    const lead = render(starter(), {
      find: { kind: 'custom', text: '{"status": 200, "body": {"results": [{"id": "lead_42"}]}}' },
    });
    const problem = lead.targetDiagnostics.find((d) => d.path === '/associations/0/to/id');
    expect(problem).toMatchObject({ field: 'body', code: 'T005', severity: 'error' });
    expect(problem?.message).not.toContain('call_trigger_data');
    const onFind = render(selectStep(starter(), 0), {
      find: { kind: 'custom', text: '{"status": 200, "body": {"results": [{"id": "lead_42"}]}}' },
    });
    expect(onFind.targetDiagnostics.find((d) => (d.code as string) === 'T005')).toMatchObject({
      field: 'request',
      step: 'note',
    });
  });

  it('stops where a step has no response, and the steps after it are not reached', () => {
    const doc = addStep(selectStep(starter(), 0), 0);
    const reply = render(doc);
    expect(reply.stoppedAt).toEqual({ stepId: 'step4', reason: 'no-response' });
    expect(reply.steps?.map((s) => s.reached)).toEqual([true, true, false, false]);
    expect(reply.steps?.[1]?.request?.url).toBe('https://example.com/');
  });

  it("places the edited step's problems like a request's, and names the step of the others", () => {
    let doc = selectStep(starter(), 2);
    doc = {
      ...doc,
      templateText: doc.templateText.replace(
        '"properties": {',
        '"properties": {\n    "hs_note_body_x": "{{ nope.x }}",',
      ),
    };
    const reply = render(doc);
    expect(reply.diagnostics.find((d) => d.code === 'H301' && d.reference === 'nope.x')).toMatchObject({
      field: 'body',
      path: '/properties/hs_note_body_x',
    });
    const moved = render(moveStep(selectStep(starter(), 1), 1, -1));
    const error = moved.diagnostics.find((d) => d.code === 'H409');
    expect(error).toMatchObject({ field: 'request', step: 'create', severity: 'error' });
    expect(moved.failure).not.toBeNull();
  });
});

describe('completion in a flow step', () => {
  it('offers steps.<earlier id> with status, body and result from the preview', () => {
    const doc = starter();
    const reply = render(doc);
    const state = { doc, ui: defaultUi, past: [], future: [] };
    const context = editingContext(state, reply.steps);
    expect(Object.keys(context.steps as object)).toEqual(['find', 'create']);
    const labels = pathCompletions({ base: ['steps', 'find'], partial: '' }, context).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['status', 'body', 'result']));
    expect(stepScope(['find'], reply.steps)).toMatchObject({ find: { status: 200, result: '75161301' } });
    // The first step reads no earlier step.
    expect(editingContext({ ...state, doc: selectStep(doc, 0) }, reply.steps)).not.toHaveProperty('steps');
  });
});
