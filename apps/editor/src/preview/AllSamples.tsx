/** The integration rendered against every sample of the provider: failing, with nulls, skipped, ok. */
import { getStore, useStore } from '../store.js';
import type { Verdict } from '../status/problems.js';
import type { SampleRun } from '../worker/protocol.js';

const PILL: Record<Verdict, string> = { failing: 'bad', nulls: 'warn', skipped: 'muted', ok: 'good' };

function label(run: SampleRun): string {
  const n = (count: number, word: string) => `${count} ${word}${count > 1 ? 's' : ''}`;
  switch (run.verdict) {
    case 'failing':
      return n(run.errors.length, 'error');
    case 'nulls':
      return n(run.nulls.length, 'null');
    case 'skipped':
      return 'skipped';
    default:
      return 'ok';
  }
}

function detail(run: SampleRun): string {
  if (run.skipped !== null) return run.skipped;
  const lines = [...run.errors, ...run.nulls.map((n) => `null: ${n}`)];
  return lines.length > 0 ? lines.join('\n') : 'Renders cleanly';
}

export function AllSamples({ runs }: { runs: SampleRun[] }) {
  const sampleId = useStore((s) => s.doc.sampleId);
  const count = (verdict: Verdict) => runs.filter((r) => r.verdict === verdict).length;
  const select = (run: SampleRun) => getStore().updateDoc({ sampleId: run.sampleId }, 'edit');
  return (
    <div className="all-samples" data-testid="all-samples">
      <div className="muted">
        {runs.length} samples · {count('failing')} failing · {count('nulls')} with nulls · {count('skipped')}{' '}
        skipped
      </div>
      <table>
        <caption className="sr-only">Every sample of the provider rendered with this integration</caption>
        <tbody>
          {runs.map((run) => (
            <tr
              key={run.sampleId}
              className={run.sampleId === sampleId ? 'current' : ''}
              tabIndex={0}
              aria-current={run.sampleId === sampleId ? 'true' : undefined}
              onClick={() => select(run)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  select(run);
                }
              }}
              title={detail(run)}
              data-verdict={run.verdict}
            >
              <td className="sample-name">{run.name}</td>
              <td className="muted">{run.event}</td>
              <td>
                <span className={`pill ${PILL[run.verdict]}`}>{label(run)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
