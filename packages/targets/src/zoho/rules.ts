import type { BodyDiagnostic } from '../codes.js';
import type { BodyRule } from '../types.js';
import { child } from '../rules/body.js';
import { instant, timeProblem } from '../rules/time.js';

const RULE = 'zoho.call.completed-start-not-in-future';
const FIX = `Map when the call started: "{{ common.started_at | date: '%Y-%m-%dT%H:%M:%S+00:00', 'UTC' }}"; a planned call is Outbound with "Outbound_Call_Status": "Scheduled"`;

function completed(record: unknown): boolean {
  const type = child(record, 'Call_Type');
  return type === 'Inbound' || (type === 'Outbound' && child(record, 'Outbound_Call_Status') !== 'Scheduled');
}

/** Zoho rejects a completed call whose Call_Start_Time is later than now (Kaizen #38, INVALID_DATA). */
export const completedCallStart: BodyRule = {
  id: RULE,
  description: 'A completed call (Inbound, or Outbound not Scheduled) does not start in the future.',
  source:
    'Zoho CRM Kaizen #38 "Calls API" (error INVALID_DATA: incorrect Call_Start_Time for a completed call)',
  check(body, { now }) {
    const data = child(body, 'data');
    if (!Array.isArray(data)) return [];
    const out: BodyDiagnostic[] = [];
    data.forEach((record: unknown, index) => {
      const value = child(record, 'Call_Start_Time');
      const at = instant(value);
      if (typeof value === 'string' && at !== undefined && at > now && completed(record)) {
        const text = `is in the future (now is ${new Date(now).toISOString()}); Zoho rejects a completed call that starts later`;
        out.push(timeProblem(`/data/${index}/Call_Start_Time`, value, text, RULE, FIX));
      }
    });
    return out;
  },
};
