import type { JsonValue } from '@hookmap/core';
import type { HookmapProvider } from '../src/index.js';

export function samplePayload(provider: HookmapProvider, id: string): JsonValue {
  const sample = provider.samples.find((candidate) => candidate.id === id);
  if (!sample) throw new Error(`${provider.id} has no sample ${id}`);
  return sample.payload;
}

/** A deep copy of a sample payload, changed by `edit`, for variants the samples do not cover. */
export function variant(
  provider: HookmapProvider,
  id: string,
  edit: (payload: Record<string, unknown>) => void,
): Record<string, unknown> {
  const copy = structuredClone(samplePayload(provider, id)) as Record<string, unknown>;
  edit(copy);
  return copy;
}

/** Builds the Auto-mode body the way OSVI does: enabled sections in order, empty ones left out. */
export function autoBody(
  provider: HookmapProvider,
  payload: unknown,
  sectionIds: string[],
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const section of provider.sections) {
    if (sectionIds.includes(section.id)) Object.assign(body, section.build(payload) ?? {});
  }
  return body;
}
