import { useEffect, useState } from 'react';
import type { RelayApi } from './api.js';
import type { IntegrationView, ProviderInfo, SourceView, TestResult } from './types.js';
import { AttemptView } from './AttemptView.js';
import { s } from './styles.js';
import { integrationLabel } from './format.js';

interface Props {
  api: RelayApi;
  sources: SourceView[];
  integrations: IntegrationView[];
  providers: ProviderInfo[];
  onSent: () => void;
}

/** The OSVI "Test" button: deliver a provider sample to one integration now and show the attempt. */
export function TestSender({ api, sources, integrations, providers, onSent }: Props) {
  const [integrationId, setIntegrationId] = useState('');
  const [sampleId, setSampleId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const integration = integrations.find((i) => i.id === integrationId) ?? integrations[0];
  const source = sources.find((x) => x.id === integration?.sourceId);
  const samples = providers.find((p) => p.id === source?.provider)?.samples ?? [];

  useEffect(() => setSampleId(''), [integration?.id]);

  async function send() {
    if (!integration) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.sendTest(integration.id, sampleId || undefined));
      onSent();
    } catch (e) {
      setResult(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (integrations.length === 0) return <div style={s.muted}>No integration on this relay yet.</div>;
  return (
    <div style={s.stack}>
      <div style={s.bar}>
        <label style={s.label}>
          Integration
          <select
            style={s.select}
            value={integration?.id ?? ''}
            onChange={(e) => setIntegrationId(e.target.value)}
            data-testid="logs-test-integration"
          >
            {integrations.map((i) => (
              <option key={i.id} value={i.id}>
                {integrationLabel(i)}
                {i.active ? '' : ' (disabled)'}
              </option>
            ))}
          </select>
        </label>
        {samples.length > 0 && (
          <label style={s.label}>
            Sample
            <select style={s.select} value={sampleId} onChange={(e) => setSampleId(e.target.value)}>
              {samples.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          onClick={() => void send()}
          disabled={busy || !integration}
          data-testid="logs-send-test"
        >
          {busy ? 'Sending…' : 'Send test'}
        </button>
      </div>
      {!samples.length && source && (
        <div style={s.muted}>Source “{source.name}” has no provider samples.</div>
      )}
      {error && <div style={s.error}>{error}</div>}
      {result && <AttemptView attempt={result.attempt} />}
    </div>
  );
}
