/**
 * What a step's templates can read besides the payload (SPEC §9): `steps.<id>` = `{ status, headers, body,
 * result, skipped }` for every earlier step, with the values of the latest preview (the responses it
 * assumed). Completion, hover and the mapping panel read the context through here.
 */
import { currentPayload } from '../samples/current.js';
import type { EditorState } from '../store.js';
import type { StepPreview } from '../worker/protocol.js';
import { earlierStepIds } from './steps.js';

function parsed(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function stepScope(
  ids: string[],
  previews: StepPreview[] | null | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const id of ids) {
    const step = previews?.find((s) => s.id === id);
    out[id] = {
      status: step?.response?.status ?? null,
      headers: {},
      body: parsed(step?.response?.bodyText),
      result: parsed(step?.resultText),
      skipped: step?.skipped ?? false,
    };
  }
  return out;
}

let cache: { context: unknown; steps: unknown; ids: string; value: Record<string, unknown> } | null = null;

/** The payload's context, plus `steps` when a flow step after others is edited (values from the preview's `steps`). */
export function editingContext(state: EditorState, steps: StepPreview[] | null): Record<string, unknown> {
  const context = currentPayload(state).context;
  const ids = state.doc.steps === null ? [] : earlierStepIds(state.doc);
  if (ids.length === 0) return context;
  const key = ids.join(',');
  if (cache && cache.context === context && cache.steps === steps && cache.ids === key) return cache.value;
  const value = { ...context, steps: stepScope(ids, steps) };
  cache = { context, steps, ids: key, value };
  return value;
}
