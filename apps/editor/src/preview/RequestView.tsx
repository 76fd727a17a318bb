/** One rendered request as the preview shows it: method, URL, headers, body (long strings shortened, each expandable). */
import { getStore, useStore } from '../store.js';
import type { PreviewRequest } from '../worker/protocol.js';
import type { Shortened } from '../worker/shorten.js';

/** Long strings shortened in the body, each with its own "show all". */
function ShortenedList({ items }: { items: Shortened[] }) {
  const expanded = useStore((s) => s.ui.expanded);
  if (items.length === 0) return null;
  return (
    <ul className="shortened" data-testid="shortened">
      {items.map((item) => (
        <li key={item.pointer}>
          <code>{item.pointer || 'body'}</code> is {item.length.toLocaleString('en')} characters, shortened
          here{' '}
          <button
            className="link"
            onClick={() => getStore().updateUi({ expanded: [...expanded, item.pointer] })}
          >
            show all
          </button>
        </li>
      ))}
    </ul>
  );
}

function RequestDetails({ request, primary }: { request: PreviewRequest; primary: boolean }) {
  return (
    <>
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
          {primary && <ShortenedList items={request.shortened} />}
          <pre
            className="body"
            data-testid={primary ? 'preview-body' : 'step-body'}
            tabIndex={0}
            aria-label="Request body"
          >
            {request.bodyText}
            {request.truncated &&
              `\n… ${(request.bodyChars / 1e6).toFixed(1)} M characters in all: the rest is not shown`}
          </pre>
        </>
      )}
    </>
  );
}

/** One request: method, URL, headers and body; `primary` marks the one the editor edits (the step being edited). */
export function RequestView({
  request,
  stale,
  primary,
}: {
  request: PreviewRequest;
  stale: boolean;
  primary: boolean;
}) {
  return (
    <div className={`request${stale ? ' stale' : ''}`} data-testid={primary ? 'request' : 'step-request'}>
      <div className="request-line">
        <span className={`method m-${request.method}`}>{request.method}</span>
        <span className="url" data-testid={primary ? 'preview-url' : 'step-url'}>
          {request.url}
        </span>
      </div>
      {primary ? (
        <RequestDetails request={request} primary />
      ) : (
        <details>
          <summary>Headers and body</summary>
          <RequestDetails request={request} primary={false} />
        </details>
      )}
    </div>
  );
}
