/** The integration rendered against every sample of the provider, flagging failures and nulls. */
import { getStore, useStore } from '../store.js';
import type { SampleRun } from '../worker/protocol.js';

function status(run: SampleRun): { label: string; className: string } {
  if (run.errors.length > 0)
    return { label: `${run.errors.length} error${run.errors.length > 1 ? 's' : ''}`, className: 'bad' };
  if (run.targetErrors > 0) return { label: `${run.targetErrors} schema`, className: 'bad' };
  if (run.nulls.length > 0)
    return { label: `${run.nulls.length} null${run.nulls.length > 1 ? 's' : ''}`, className: 'warn' };
  return { label: 'ok', className: 'good' };
}

export function AllSamples({ runs }: { runs: SampleRun[] }) {
  const sampleId = useStore((s) => s.doc.sampleId);
  const failing = runs.filter((r) => r.errors.length > 0 || r.targetErrors > 0).length;
  const withNulls = runs.filter((r) => r.nulls.length > 0).length;
  return (
    <div className="all-samples" data-testid="all-samples">
      <div className="muted">
        {runs.length} samples · {failing} failing · {withNulls} with nulls
      </div>
      <table>
        <tbody>
          {runs.map((run) => {
            const s = status(run);
            const detail = [...run.errors, ...run.nulls.map((n) => `null: ${n}`)].join('\n');
            return (
              <tr
                key={run.sampleId}
                className={run.sampleId === sampleId ? 'current' : ''}
                onClick={() => getStore().updateDoc({ sampleId: run.sampleId }, 'edit')}
                title={detail || 'Renders cleanly'}
              >
                <td className="sample-name">{run.name}</td>
                <td className="muted">{run.event}</td>
                <td>
                  <span className={`pill ${s.className}`}>{s.label}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
