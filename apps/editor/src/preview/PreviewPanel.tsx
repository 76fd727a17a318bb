/** The full outgoing request, re-rendered off the main thread on every keystroke. */
import { findTarget } from '../catalog.js';
import { getStore, useStore } from '../store.js';
import { usePreview } from '../worker/client.js';
import { FlowPreview } from './FlowPreview.js';
import { RequestView } from './RequestView.js';
import { AllSamples } from './AllSamples.js';
import { Problems } from './Problems.js';

export function PreviewPanel() {
  const reply = usePreview((p) => p.reply);
  const lastGood = usePreview((p) => p.lastGood);
  const localError = usePreview((p) => p.localError);
  const busy = usePreview((p) => p.busy);
  const replyDoc = usePreview((p) => p.doc);
  const allSamples = useStore((s) => s.ui.allSamples);
  const request = reply?.request ?? lastGood;
  const stale = (reply?.steps ? false : reply?.request == null) || localError !== null;
  const failure = localError ?? reply?.failure ?? null;
  const targetId = useStore((s) => s.doc.targetId);
  const valid =
    targetId !== null &&
    failure === null &&
    reply != null &&
    // A payload the filters leave out is not sent: nothing to call valid.
    reply.skipped === null &&
    (reply.request != null || (reply.steps !== null && reply.stoppedAt === null && reply.skipped === null)) &&
    reply.targetDiagnostics.length === 0 &&
    !reply.diagnostics.some((d) => d.severity === 'error');

  return (
    <div className="preview" data-testid="preview">
      <div className="preview-status">
        <label className="check" title="Render against every sample of this provider at once">
          <input
            type="checkbox"
            checked={allSamples}
            onChange={(e) => getStore().updateUi({ allSamples: e.target.checked })}
            data-testid="all-samples-toggle"
          />
          All samples
        </label>
        <span className="muted">
          {busy ? 'rendering…' : reply ? `rendered in ${reply.ms.toFixed(1)} ms` : ''}
        </span>
      </div>
      {failure && (
        <div className="error" data-testid="preview-error">
          {failure}
        </div>
      )}
      {reply?.skipped && (
        <div className="notice" data-testid="preview-skipped">
          {reply.skipped}
        </div>
      )}
      {valid && (
        <div className="valid" data-testid="valid-request">
          {reply?.steps
            ? `✓ Every request of the flow is valid for this sample`
            : `✓ Valid ${findTarget(targetId)?.name ?? targetId} request for this sample`}
        </div>
      )}
      {allSamples && reply?.runs && <AllSamples runs={reply.runs} />}
      {replyDoc && (
        <Problems
          diagnostics={reply?.diagnostics ?? []}
          target={reply?.targetDiagnostics ?? []}
          doc={replyDoc}
        />
      )}
      {reply?.steps ? (
        <FlowPreview steps={reply.steps} stoppedAt={reply.stoppedAt} stale={stale} />
      ) : (
        request && <RequestView request={request} stale={stale} primary />
      )}
    </div>
  );
}
