/// <reference lib="webworker" />
/**
 * Renders previews off the main thread so typing never waits for a large payload. Only the
 * latest job matters: jobs that arrive while one runs replace each other.
 */
import type { Provider } from '@hookmap/core';
import { findProvider, findSample } from '../catalog.js';
import type { PayloadSource, RenderJob, RenderReply, WorkerRequest } from './protocol.js';
import { renderAllOrOne } from './job.js';
import { recognisedBy } from '../samples/current.js';

const customPayloads = new Map<string, { value: unknown; error: string | null }>();
let pending: RenderJob | null = null;
let scheduled = false;

function payloadFor(
  source: PayloadSource,
  provider: Provider | undefined,
): { value: unknown; error: string | null } {
  if (source.kind === 'custom')
    return customPayloads.get(source.key) ?? { value: null, error: 'The pasted payload is not loaded yet.' };
  const sample = findSample(provider ?? findProvider(source.providerId), source.sampleId);
  return sample
    ? { value: sample.payload, error: null }
    : { value: null, error: `Unknown sample ${source.sampleId}` };
}

function runPending(): void {
  scheduled = false;
  const job = pending;
  pending = null;
  if (!job) return;
  const started = performance.now();
  const provider = findProvider(job.providerId);
  const payload = payloadFor(job.payload, provider);
  // A pasted payload the provider does not recognise is rendered as is, as the tree shows it.
  const foreign =
    job.payload.kind === 'custom' && payload.error === null && !recognisedBy(provider, payload.value);
  const reply: RenderReply = renderAllOrOne(job, foreign ? undefined : provider, payload);
  reply.ms = performance.now() - started;
  postMessage(reply);
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'payload') {
    customPayloads.clear();
    try {
      customPayloads.set(message.key, { value: JSON.parse(message.text), error: null });
    } catch (error) {
      customPayloads.set(message.key, { value: null, error: (error as Error).message });
    }
    return;
  }
  pending = message;
  if (!scheduled) {
    scheduled = true;
    // Let queued messages arrive first so only the newest job renders.
    setTimeout(runPending, 0);
  }
};
