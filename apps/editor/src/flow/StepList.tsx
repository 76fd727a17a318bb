/**
 * A flow edited as a list of steps (SPEC §9): pick the step to edit, add, remove and reorder them with
 * buttons (all reachable by keyboard), and edit the step's id, `when`, `result` and `accept`. The step's
 * request (method, URL, body) is edited below by the same editors as a single request.
 */
import { Headers } from '../settings/Headers.js';
import { getStore, useStore, type StepDoc } from '../store.js';
import { usePreview } from '../worker/client.js';
import {
  addStep,
  currentSteps,
  earlierStepIds,
  MAX_STEPS,
  moveStep,
  removeStep,
  selectStep,
  STEP_ID,
  updateStep,
} from './steps.js';

/** After a move the row is re-rendered elsewhere: keep the keyboard focus on the button that moved it. */
function refocus(selector: string, fallback: string): void {
  requestAnimationFrame(() => {
    const target = document.querySelector<HTMLButtonElement>(selector);
    const button = target && !target.disabled ? target : document.querySelector<HTMLButtonElement>(fallback);
    button?.focus();
  });
}

function StepRow({
  step,
  index,
  count,
  active,
}: {
  step: StepDoc;
  index: number;
  count: number;
  active: boolean;
}) {
  const store = getStore();
  const edit = (next: ReturnType<typeof selectStep>, toast: string) => {
    store.updateDoc(next, 'edit');
    store.updateUi({ toast });
  };
  const preview = usePreview((p) => p.reply?.steps?.[index]);
  const state = preview?.skipped ? 'skipped' : preview && !preview.reached ? 'not reached' : null;
  return (
    <li
      className={`step-row${active ? ' active' : ''}`}
      data-testid={`step-row-${step.id}`}
      aria-current={active ? 'step' : undefined}
    >
      <button
        className="step-pick"
        onClick={() => store.updateDoc(selectStep(store.getState().doc, index), 'edit')}
        aria-label={`Edit step ${index + 1}: ${step.id}${step.name ? ` (${step.name})` : ''}`}
        aria-pressed={active}
        data-testid={`step-pick-${step.id}`}
      >
        <span className="step-number">{index + 1}</span>
        <code className="step-id">{step.id}</code>
        <span className="step-name">{step.name || `${step.method} ${step.url}`}</span>
        {step.when.trim() !== '' && <span className="badge">when</span>}
        {state && <span className="badge muted-badge">{state}</span>}
      </button>
      <button
        className="icon small"
        aria-label={`Move step ${step.id} up`}
        title="Move up"
        disabled={index === 0}
        data-step-move={`${step.id}-up`}
        onClick={() => {
          edit(moveStep(store.getState().doc, index, -1), `Moved step ${step.id} up`);
          refocus(`[data-step-move="${step.id}-up"]`, `[data-step-move="${step.id}-down"]`);
        }}
      >
        ↑
      </button>
      <button
        className="icon small"
        aria-label={`Move step ${step.id} down`}
        title="Move down"
        disabled={index === count - 1}
        data-step-move={`${step.id}-down`}
        onClick={() => {
          edit(moveStep(store.getState().doc, index, 1), `Moved step ${step.id} down`);
          refocus(`[data-step-move="${step.id}-down"]`, `[data-step-move="${step.id}-up"]`);
        }}
      >
        ↓
      </button>
      <button
        className="icon small"
        aria-label={`Remove step ${step.id}`}
        title="Remove step"
        disabled={count <= 1}
        onClick={() => {
          edit(removeStep(store.getState().doc, index), `Removed step ${step.id} (undo with Ctrl+Z)`);
          refocus('.step-row.active .step-pick', '.step-add');
        }}
      >
        ×
      </button>
    </li>
  );
}

/** Problems with a step id: the pattern and uniqueness SPEC §9 asks for. */
function idProblem(id: string, steps: StepDoc[], index: number): string | null {
  if (!STEP_ID.test(id)) return 'An id is lower-case letters, digits and _ , starting with a letter.';
  if (steps.some((s, i) => i !== index && s.id === id)) return `Another step is called "${id}".`;
  return null;
}

function StepFields({ steps, index }: { steps: StepDoc[]; index: number }) {
  const store = getStore();
  const step = steps[index] as StepDoc;
  const doc = useStore((s) => s.doc);
  const set = (patch: Parameters<typeof updateStep>[2], kind: string) =>
    store.updateDoc(updateStep(store.getState().doc, index, patch), kind);
  const problem = idProblem(step.id, steps, index);
  const earlier = earlierStepIds(doc, index);
  const rename = (id: string) => {
    const { ui } = store.getState();
    set({ id }, `step-id-${index}`);
    // The sample response chosen for the step follows it.
    const choice = ui.responses[step.id];
    if (choice) {
      const { [step.id]: _old, ...rest } = ui.responses;
      store.updateUi({ responses: { ...rest, [id]: choice } });
    }
  };
  return (
    <div className="step-fields" role="group" aria-label={`Step ${step.id}`} data-testid="step-fields">
      <div className="row">
        <label>
          Step id
          <input
            value={step.id}
            onChange={(e) => rename(e.target.value)}
            spellCheck={false}
            data-testid="step-id"
            aria-invalid={problem !== null}
          />
        </label>
        <label className="grow">
          Runs only when
          <input
            value={step.when}
            placeholder={
              earlier[0] ? `e.g. {{ steps.${earlier[0]}.result == null }} — empty: always` : 'empty: always'
            }
            onChange={(e) => set({ when: e.target.value }, `step-when-${index}`)}
            spellCheck={false}
            data-testid="step-when"
          />
        </label>
      </div>
      {problem && <div className="error small">{problem}</div>}
      <details className="step-headers">
        <summary>Headers of this step only ({step.headers.length})</summary>
        <Headers
          rows={step.headers}
          onChange={(headers, kind) => set({ headers }, kind ?? 'edit')}
          showErrors={false}
        />
      </details>
      <div className="row">
        <label className="grow">
          <span
            title={`What later steps read as steps.${step.id}.result, rendered from this step's response`}
          >
            Result → <code>steps.{step.id}.result</code>
          </span>
          <input
            value={step.result}
            placeholder="e.g. {{ response.body.id }}"
            onChange={(e) => set({ result: e.target.value }, `step-result-${index}`)}
            spellCheck={false}
            data-testid="step-result"
          />
        </label>
        <label>
          Accepted statuses
          <input
            value={step.accept}
            placeholder="200–299"
            onChange={(e) => set({ accept: e.target.value }, `step-accept-${index}`)}
            className="accept"
            data-testid="step-accept"
          />
        </label>
      </div>
    </div>
  );
}

export function StepList() {
  const doc = useStore((s) => s.doc);
  if (doc.steps === null) return null;
  const steps = currentSteps(doc);
  const store = getStore();
  return (
    <section className="steps" aria-label="Flow steps" data-testid="steps">
      <div className="steps-head">
        <span className="label">Steps</span>
        <span className="muted">run in order; each reads the earlier ones as steps.&lt;id&gt;</span>
      </div>
      <ol className="step-list">
        {steps.map((step, index) => (
          <StepRow
            key={`${index}-${step.id}`}
            step={step}
            index={index}
            count={steps.length}
            active={index === doc.activeStep}
          />
        ))}
      </ol>
      <button
        className="link step-add"
        disabled={steps.length >= MAX_STEPS}
        onClick={() => {
          store.updateDoc(addStep(store.getState().doc, doc.activeStep), 'edit');
          store.updateUi({ toast: 'Added a step after the one you were editing' });
          refocus('.step-row.active .step-pick', '.step-add');
        }}
        data-testid="step-add"
      >
        + add a step after “{steps[doc.activeStep]?.id}”
      </button>
      <StepFields steps={steps} index={doc.activeStep} />
    </section>
  );
}
