/**
 * The payload the editor is looking at (a provider sample or a pasted one) and the expression
 * context built from it, memoised so the tree, completion and hover share one copy.
 */
import type { Provider } from '@hookmap/core';
import { findProvider, findSample } from '../catalog.js';
import { lineColumn, scanJson } from '@hookmap/core/tooling';
import type { EditorState } from '../store.js';

export interface PayloadError {
  message: string;
  line: number;
  column: number;
}

export interface CurrentPayload {
  provider: Provider | undefined;
  payload: unknown;
  error: PayloadError | null;
  /** The expression context (provider.buildContext), or the payload when there is no provider. */
  context: Record<string, unknown>;
  label: string;
  /** A pasted payload the provider does not recognise: read as is, without the provider's names. */
  foreign: boolean;
}

/** Whether a pasted payload is one of the provider's (else the provider's aliases would be made up). */
export function recognisedBy(provider: Provider | undefined, payload: unknown): boolean {
  if (!provider || payload === undefined) return false;
  try {
    return provider.detect(payload);
  } catch {
    return false;
  }
}

export function parsePayloadText(text: string): { value: unknown; error: PayloadError | null } {
  try {
    return { value: JSON.parse(text), error: null };
  } catch (error) {
    const scan = scanJson(text);
    const offset = scan.error?.offset ?? 0;
    const { line, column } = lineColumn(text, offset);
    return {
      value: undefined,
      error: { message: scan.error?.message ?? (error as Error).message, line, column },
    };
  }
}

let memo: { key: unknown[]; value: CurrentPayload } | null = null;

function sameKey(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function buildContextSafe(provider: Provider | undefined, payload: unknown): Record<string, unknown> {
  if (provider && payload !== undefined) {
    try {
      return provider.buildContext(payload);
    } catch {
      // fall through: show the raw payload
    }
  }
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : {};
}

export function currentPayload(state: EditorState): CurrentPayload {
  const { providerId, sampleId } = state.doc;
  const text = sampleId === null ? state.ui.customPayloadText : null;
  const key = [providerId, sampleId, text];
  if (memo && sameKey(memo.key, key)) return memo.value;
  const provider = findProvider(providerId);
  let value: CurrentPayload;
  if (sampleId !== null) {
    const sample = findSample(provider, sampleId);
    const payload = sample?.payload;
    value = {
      provider,
      payload,
      error: null,
      context: buildContextSafe(provider, payload),
      label: sample?.name ?? sampleId,
      foreign: false,
    };
  } else if (text !== null) {
    const parsed = parsePayloadText(text);
    const foreign = parsed.error === null && !recognisedBy(provider, parsed.value);
    value = {
      provider,
      payload: parsed.value,
      error: parsed.error,
      context: buildContextSafe(foreign ? undefined : provider, parsed.value),
      label: state.ui.customPayloadName ?? 'Pasted payload',
      foreign,
    };
  } else {
    value = { provider, payload: undefined, error: null, context: {}, label: 'No payload', foreign: false };
  }
  memo = { key, value };
  return value;
}
