import { useMemo, useState, type ReactNode } from 'react';
import { docToIntegration } from '../integration.js';
import { useStore } from '../store.js';
import type { RelayApi } from './api.js';
import type { IntegrationView, PlanAnswer } from './types.js';
import { DiffOps } from './DiffOps.js';
import { formatTime } from './format.js';
import { itemKind, planHeadline, renderError } from './plan-text.js';
import { badge, s } from './styles.js';

interface Props {
  api: RelayApi;
  integration: IntegrationView;
  onPublished: (published: IntegrationView) => void;
}

const KIND_TONE = {
  'newly failing': 'failed',
  fixed: 'succeeded',
  'newly skipped': 'skipped',
  'newly included': 'pending',
  changed: 'replay',
} as const;

/** SPEC §12: what the editor's document would send for the source's recent real events, then Publish. */
export function PlanView({ api, integration, onPublished }: Props) {
  const editorDoc = useStore((st) => st.doc);
  const built = useMemo(() => docToIntegration(editorDoc), [editorDoc]);
  const docText = built.integration ? JSON.stringify(built.integration) : null;
  const [limit, setLimit] = useState(100);
  const [plan, setPlan] = useState<{ answer: PlanAnswer; docText: string; integrationId: string } | null>(
    null,
  );
  const [busy, setBusy] = useState<'plan' | 'publish' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [published, setPublished] = useState<string | null>(null);
  const current = plan !== null && plan.docText === docText && plan.integrationId === integration.id;

  async function runPlan() {
    if (!built.integration) return;
    setBusy('plan');
    setError(null);
    setPublished(null);
    try {
      const answer = await api.plan(integration.id, built.integration, limit);
      setPlan({ answer, docText: JSON.stringify(built.integration), integrationId: integration.id });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function publish() {
    if (!built.integration) return;
    setBusy('publish');
    setError(null);
    try {
      const saved = await api.publish(integration.id, built.integration, message.trim() || undefined);
      setPublished(`Published as version ${saved.version}${message.trim() ? ` (“${message.trim()}”)` : ''}.`);
      setMessage('');
      setPlan(null);
      onPublished(saved);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div style={s.stack} data-testid="plan-view">
      <div style={s.bar}>
        <label style={s.label}>
          Recent events
          <input
            type="number"
            min={1}
            max={5000}
            value={limit}
            onChange={(e) => setLimit(Math.max(1, Math.min(5000, Number(e.target.value) || 100)))}
            style={{ width: 70 }}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy !== null || !built.integration}
          onClick={() => void runPlan()}
          data-testid="plan-run"
        >
          {busy === 'plan' ? 'Planning…' : current ? 'Plan again' : 'Plan'}
        </button>
        <span style={s.muted}>
          Renders the editor's integration and live version {integration.version} over the source's last
          events, without sending anything.
        </span>
      </div>
      {built.error && <div style={s.error}>The editor's integration is not valid yet: {built.error}</div>}
      {error && (
        <div role="alert" style={s.error}>
          {error}
        </div>
      )}
      {published && (
        <div
          role="status"
          style={{ ...s.box, ...badge('succeeded'), fontSize: 13 }}
          data-testid="publish-done"
        >
          {published}
        </div>
      )}
      {plan && (
        <PlanResult
          answer={plan.answer}
          stale={!current}
          publishForm={
            <form
              style={{ ...s.box, ...s.bar }}
              onSubmit={(e) => {
                e.preventDefault();
                void publish();
              }}
            >
              <label style={{ ...s.label, flex: 1 }}>
                Message
                <input
                  value={message}
                  onChange={(e) => setMessage(e.target.value)}
                  placeholder="What changed, and why"
                  style={{ flex: 1, minWidth: 120 }}
                  data-testid="publish-message"
                />
              </label>
              <button
                type="submit"
                className="primary"
                disabled={busy !== null || !current}
                data-testid="publish"
              >
                {busy === 'publish' ? 'Publishing…' : `Publish as version ${integration.version + 1}`}
              </button>
              {!current && (
                <span style={s.muted}>The integration changed since this plan: plan again first.</span>
              )}
            </form>
          }
        />
      )}
    </div>
  );
}

function PlanResult({
  answer,
  stale,
  publishForm,
}: {
  answer: PlanAnswer;
  stale: boolean;
  publishForm: ReactNode;
}) {
  const { summary, problems } = answer;
  return (
    <div style={s.stack} data-stale={stale ? 'true' : undefined}>
      <div style={{ ...s.box, ...s.stack }}>
        <strong style={{ fontSize: 14 }} data-testid="plan-headline">
          {planHeadline(summary)}
        </strong>
        <div style={s.bar} data-testid="plan-counts">
          <span>{summary.changed} changed</span>
          <span style={s.muted}>· {summary.unchanged} unchanged ·</span>
          <span style={summary.newlyFailing ? badge('failed') : s.muted}>
            {summary.newlyFailing} newly failing
          </span>
          <span style={s.muted}>·</span>
          <span style={summary.fixed ? badge('succeeded') : s.muted}>{summary.fixed} fixed</span>
          <span style={s.muted}>
            · {summary.newlySkipped} newly skipped · {summary.newlyIncluded} newly included · against live
            version {answer.version}
          </span>
        </div>
        {problems.appeared.length > 0 && (
          <div style={s.error} data-testid="plan-problems">
            New problems: {problems.appeared.map((p) => `${p.code} ${p.message}`).join('; ')}
          </div>
        )}
        {problems.disappeared.length > 0 && (
          <div style={s.muted}>
            Problems gone: {problems.disappeared.map((p) => `${p.code} ${p.message}`).join('; ')}
          </div>
        )}
      </div>
      {publishForm}
      {answer.items.length > 0 && (
        <h3 style={{ margin: '4px 0 0', fontSize: 13 }}>
          Changed events: what the live version sends, and what yours would
        </h3>
      )}
      {answer.items.map((item) => {
        const kind = itemKind(item);
        return (
          <article
            key={item.eventId}
            style={{ ...s.box, ...s.stack }}
            aria-label={`Event ${item.eventId}`}
            data-testid="plan-item"
          >
            <div style={s.bar}>
              <strong style={s.mono}>{item.eventId}</strong>
              <span style={s.muted}>received {formatTime(item.receivedAt)}</span>
              <span style={badge(KIND_TONE[kind])}>{kind}</span>
              {item.stoppedAt && (
                <span style={s.muted}>
                  flow stops at step {item.stoppedAt.after ?? item.stoppedAt.before} (no recorded response)
                </span>
              )}
            </div>
            <DiffOps ops={item.diff} before={item.before} label={`Changes for event ${item.eventId}`} />
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 8 }}>
              <Side title={`Live (version ${answer.version})`} value={item.before} />
              <Side title="With the editor's integration" value={item.after} />
            </div>
          </article>
        );
      })}
    </div>
  );
}

function Side({ title, value }: { title: string; value: unknown }) {
  const error = renderError(value);
  return (
    <section style={{ minWidth: 0 }} aria-label={title}>
      <div style={{ ...s.muted, fontWeight: 600, marginBottom: 2 }}>{title}</div>
      {value === null ? (
        <div style={s.muted}>Not sent: the integration's events or condition leave this event out.</div>
      ) : error ? (
        <div style={s.error}>Cannot be rendered: {error}</div>
      ) : (
        <pre style={{ ...s.pre, maxHeight: 260 }}>{JSON.stringify(value, null, 2)}</pre>
      )}
    </section>
  );
}
