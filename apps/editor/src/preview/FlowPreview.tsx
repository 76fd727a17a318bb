/**
 * A flow's preview (SPEC §9): every step's request in order, with the response it assumed — the
 * targets' sample ("found" / "not found" for a lookup) or one the user pasted — and its result. Where
 * the flow stopped for want of a response, it says so and offers to paste one.
 */
import { useState } from 'react';
import { selectStep } from '../flow/steps.js';
import { getStore, useStore, type ResponseChoice } from '../store.js';
import type { FlowStop, StepPreview } from '../worker/protocol.js';
import { RequestView } from './RequestView.js';

function setChoice(stepId: string, choice: ResponseChoice): void {
  const store = getStore();
  store.updateUi({ responses: { ...store.getState().ui.responses, [stepId]: choice } });
}

const EXAMPLE = '{\n  "status": 200,\n  "headers": { "content-type": "application/json" },\n  "body": {}\n}';

/** The text a pasted response starts from: the response assumed now, or an example. */
function startText(step: StepPreview): string {
  if (!step.response) return EXAMPLE;
  let body: unknown = step.response.bodyText;
  try {
    body = JSON.parse(step.response.bodyText);
  } catch {
    // a text body stays text
  }
  return JSON.stringify({ status: step.response.status, body }, null, 2);
}

function ResponseEditor({ step, onDone }: { step: StepPreview; onDone: () => void }) {
  const choice = useStore((s) => s.ui.responses[step.id]);
  const [text, setText] = useState(() => (choice?.kind === 'custom' ? choice.text : startText(step)));
  let error: string | null = null;
  try {
    const value = JSON.parse(text) as { status?: unknown };
    if (typeof value !== 'object' || value === null || !Number.isInteger(value.status))
      error = 'Write an object with a numeric "status" and a "body".';
  } catch (e) {
    error = `Not JSON yet: ${(e as Error).message}`;
  }
  return (
    <div className="response-editor" data-testid={`response-editor-${step.id}`}>
      <label>
        Response for step <code>{step.id}</code> (status, headers, body)
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={8}
          spellCheck={false}
          aria-label={`Response JSON for step ${step.id}`}
        />
      </label>
      {error && <div className="error small">{error}</div>}
      <div className="row">
        <button
          className="primary small"
          disabled={error !== null}
          onClick={() => {
            setChoice(step.id, { kind: 'custom', text });
            onDone();
          }}
        >
          Use this response
        </button>
        <button className="small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}

const ASSUMED: Record<ResponseChoice['kind'], string> = {
  found: 'sample: found',
  'not-found': 'sample: not found',
  custom: 'pasted',
};

function ResponseView({ step }: { step: StepPreview }) {
  const [editing, setEditing] = useState(false);
  const choice = useStore((s) => s.ui.responses[step.id]) ?? { kind: 'found' };
  const lookup = step.preset?.kind === 'lookup';
  return (
    <div className="step-response" data-testid={`step-response-${step.id}`}>
      <div className="row response-head">
        <span className="label">Response</span>
        {step.response ? (
          <span
            className={`status ${step.response.accepted ? 'ok' : 'bad-text'}`}
            data-testid={`step-status-${step.id}`}
          >
            {step.response.status}
            {step.response.accepted ? '' : ' (not accepted: the flow stops here)'}
          </span>
        ) : (
          <span className="muted">none</span>
        )}
        {step.assumed && (
          <span className="muted">
            {/* A create or an activity answers the same either way: only a lookup's sample is "found" or "not found". */}
            {lookup || step.assumed === 'custom' ? ASSUMED[step.assumed] : 'sample response'}
          </span>
        )}
        {lookup && (
          <span className="segmented" role="radiogroup" aria-label={`Sample response of step ${step.id}`}>
            {(['found', 'not-found'] as const).map((kind) => (
              <label key={kind} className="radio">
                <input
                  type="radio"
                  name={`response-${step.id}`}
                  checked={choice.kind === kind}
                  onChange={() => setChoice(step.id, { kind })}
                  data-testid={`response-${kind}-${step.id}`}
                />
                {kind === 'found' ? 'found' : 'not found'}
              </label>
            ))}
          </span>
        )}
        <button
          className="link"
          onClick={() => setEditing((e) => !e)}
          data-testid={`response-edit-${step.id}`}
        >
          {editing ? 'close' : 'paste a response'}
        </button>
        {choice.kind === 'custom' && (
          <button className="link" onClick={() => setChoice(step.id, { kind: 'found' })}>
            use the sample
          </button>
        )}
      </div>
      {editing && <ResponseEditor step={step} onDone={() => setEditing(false)} />}
      {step.response && (
        <details>
          <summary>Response body</summary>
          <pre className="body small-body" tabIndex={0} aria-label={`Response body of step ${step.id}`}>
            {step.response.bodyText}
          </pre>
        </details>
      )}
      {step.resultText !== null && (
        <div className="step-result" data-testid={`step-result-${step.id}`}>
          <code>steps.{step.id}.result</code> = <code>{step.resultText}</code>
        </div>
      )}
    </div>
  );
}

function StepCard({
  step,
  index,
  active,
  stale,
  stop,
}: {
  step: StepPreview;
  index: number;
  active: boolean;
  stale: boolean;
  stop: FlowStop | null;
}) {
  const store = getStore();
  const state = step.skipped ? 'skipped' : !step.reached ? 'not reached' : null;
  const stoppedHere = stop?.stepId === step.id;
  return (
    <li
      className={`step-card${active ? ' active' : ''}${state ? ' inactive' : ''}`}
      data-testid={`step-card-${step.id}`}
      data-state={state ?? (stoppedHere ? 'stopped' : 'sent')}
    >
      <div className="step-card-head">
        <span className="step-number">{index + 1}</span>
        <code>{step.id}</code>
        <span className="step-name">{step.name || step.preset?.name || ''}</span>
        {state && (
          <span className="badge muted-badge" data-testid={`step-state-${step.id}`}>
            {state === 'skipped' ? 'skipped: “Runs only when” is false' : 'not reached'}
          </span>
        )}
        {!active && (
          <button
            className="link"
            onClick={() => store.updateDoc(selectStep(store.getState().doc, index), 'edit')}
          >
            edit
          </button>
        )}
      </div>
      {step.request && <RequestView request={step.request} stale={stale} primary={active} />}
      {stoppedHere && stop.reason === 'no-response' && (
        <div className="notice" data-testid="flow-stopped">
          No response for step “{step.id}” — paste one to see the steps after it.
        </div>
      )}
      {step.reached && !step.skipped && <ResponseView step={step} />}
    </li>
  );
}

export function FlowPreview({
  steps,
  stoppedAt,
  stale,
}: {
  steps: StepPreview[];
  stoppedAt: FlowStop | null;
  stale: boolean;
}) {
  const activeStep = useStore((s) => s.doc.activeStep);
  return (
    <ol className="flow-preview" aria-label="Requests of the flow, in order" data-testid="flow-preview">
      {steps.map((step, index) => (
        <StepCard
          key={`${index}-${step.id}`}
          step={step}
          index={index}
          active={index === activeStep}
          stale={stale}
          stop={stoppedAt}
        />
      ))}
    </ol>
  );
}
