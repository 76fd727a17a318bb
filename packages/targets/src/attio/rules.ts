import type { BodyRule } from '../types.js';
import { child } from '../rules/body.js';
import { EPOCH, instant, timeProblem } from '../rules/time.js';

const RULE = 'attio.note.created-at-range';
const FIX =
  'Map when the meeting happened, e.g. "{{ (common.ended_at ?? common.started_at) | iso | optional }}", or leave created_at out (Attio uses the time of the request)';

/** Attio rejects a note whose created_at lies in the future or before 1970. "Now" is validateBody's `now` option. */
export const createdAtRange: BodyRule = {
  id: RULE,
  description: 'data.created_at is not in the future and not before 1970-01-01T00:00:00Z.',
  source: 'Attio REST API "Create a note" (created_at) and issue #16, read 2026-12',
  check(body, { now }) {
    const value = child(child(body, 'data'), 'created_at');
    const at = instant(value);
    if (at === undefined || typeof value !== 'string') return [];
    if (at > now)
      return [
        timeProblem(
          '/data/created_at',
          value,
          `is in the future (now is ${new Date(now).toISOString()}); Attio rejects it`,
          RULE,
          FIX,
        ),
      ];
    if (at < EPOCH)
      return [timeProblem('/data/created_at', value, 'is before 1970; Attio rejects it', RULE, FIX)];
    return [];
  },
};
