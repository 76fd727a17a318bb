/** The full outgoing request, re-rendered off the main thread on every keystroke. */
import { findTarget } from '../catalog.js';
import { getStore, useStore } from '../store.js';
import { usePreview } from '../worker/client.js';
import type { Shortened } from '../worker/shorten.js';
import { AllSamples } from './AllSamples.js';
import { Problems } from './Problems.js';

/** Long strings shortened in the body, each with its own "show all". */
function ShortenedList({ items }: { items: Shortened[] }) {
  const expanded = useStore((s) => s.ui.expanded);
  if (items.length === 0) return null;
  return (
    <ul className="shortened" data-testid="shortened">
      {items.map((item) => (
        <li key={item.pointer}>
          <code>{item.pointer || 'body'}</code> is {item.length.toLocaleString('en')} characters, shortened here{' '}
          <button className="link" onClick={() => getStore().updateUi({ expanded: [...expanded, item.pointer] })}>
            show all
          </button>
        </li>
      ))}
    </ul>
  );
}

export function PreviewPanel() {
  const reply = usePreview((p) => p.reply);
  const lastGood = usePreview((p) => p.lastGood);
  const localError = usePreview((p) => p.localError);
  const busy = usePreview((p) => p.busy);
  const replyDoc = usePreview((p) => p.doc);
  const allSamples = useStore((s) => s.ui.allSamples);
  const request = reply?.request ?? lastGood;
  const stale = reply?.request == null || localError !== null;
  const failure = localError ?? reply?.failure ?? null;
  const targetId = useStore((s) => s.doc.targetId);
  const valid =
    targetId !== null &&
    failure === null &&
    reply?.request != null &&
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
          ✓ Valid {findTarget(targetId)?.name ?? targetId} request for this sample
        </div>
      )}
      {allSamples && reply?.runs && <AllSamples runs={reply.runs} />}
      {replyDoc && (
        <Problems diagnostics={reply?.diagnostics ?? []} target={reply?.targetDiagnostics ?? []} doc={replyDoc} />
      )}
      {request && (
        <div className={`request${stale ? ' stale' : ''}`} data-testid="request">
          <div className="request-line">
            <span className={`method m-${request.method}`}>{request.method}</span>
            <span className="url" data-testid="preview-url">
              {request.url}
            </span>
          </div>
          <table className="headers-table">
            <tbody>
              {Object.entries(request.headers).map(([name, value]) => (
                <tr key={name}>
                  <th>{name}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {request.bodyText === null ? (
            <div className="muted">No body ({request.method} requests carry none).</div>
          ) : (
            <>
              <ShortenedList items={request.shortened} />
              <pre className="body" data-testid="preview-body" tabIndex={0} aria-label="Request body">
                {request.bodyText}
                {request.truncated &&
                  `\n… ${(request.bodyChars / 1e6).toFixed(1)} M characters in all: the rest is not shown`}
              </pre>
            </>
          )}
        </div>
      )}
    </div>
  );
}
