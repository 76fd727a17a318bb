import type { Flow, FlowStep, Integration, IntegrationDocument } from '@hookmap/core';
import type { StarterAuth } from '../auth.js';
import { lookupSteps } from '../steps/registry.js';
import type { LookupBy } from '../steps/types.js';
import type { StarterContext, Target } from '../types.js';
import { presence, providerPerson } from './person.js';

/** Options of `starterIntegration`. */
export interface StarterOptions {
  /**
   * Where the credentials come from (default: the CRM's, `target.auth.default`): `secrets.*`, or the relay
   * connection named after the CRM (`connection.access_token`, `connection.instance_url`, ...).
   */
  auth?: StarterAuth;
}

/** Options of `starterFlow`. */
export interface StarterFlowOptions extends StarterOptions {
  /** Find the person by email or phone (default: what the provider carries, see the README). */
  by?: LookupBy;
  /** Use the CRM's upsert by email where it has one instead of find-then-create. */
  upsert?: boolean;
}

/** What an activity needs of a payload besides the person: a list of Tasks needs action items. */
const TARGET_WHEN: Record<string, string> = { 'salesforce.tasks': 'common.action_items[0] != null' };

/** Targets that are not an activity on a person: the single-request starter stays. */
const SINGLE_REQUEST = new Set(['hubspot.call.update']);

function activityStep(target: Target, activity: Integration): FlowStep {
  const step: FlowStep = {
    id: target.id.split('.').slice(1).join('_'),
    name: activity.name ?? target.name,
    method: activity.method ?? target.method,
    url: activity.url,
  };
  if (activity.body) step.body = activity.body;
  return step;
}

/**
 * SPEC §9 starter: "activity on the person found by email (or phone), created if missing". The person steps of the
 * target's CRM, then the activity (the provider's own starter where it has one) with its record id from
 * `steps.<id>.result`. The flow applies only to payloads that name the person (its `when`), and for Attendee only to
 * the finished recording. Returns `single()` for targets without a person (Slack, a HubSpot call update).
 */
export function starterFlowOf(
  target: Target,
  providerId: string | undefined,
  options: StarterFlowOptions,
  single: () => Integration,
): IntegrationDocument {
  const person = providerPerson(providerId);
  const by = options.by ?? person.by;
  const value = by === 'email' ? person.email : person.phone;
  const lookup = SINGLE_REQUEST.has(target.id)
    ? undefined
    : lookupSteps(target.crm, { by, value, name: person.name, upsert: options.upsert === true });
  if (!lookup) return single();
  const context: StarterContext = {
    recordId: lookup.recordId,
    record: lookup.record,
    ...(providerId ? { providerId } : {}),
  };
  const specific =
    providerId !== undefined && Object.hasOwn(target.providerStarters, providerId)
      ? target.providerStarters[providerId]
      : undefined;
  const activity = specific ? specific(context) : target.starter(context);
  const conditions = [person.when, presence(value), TARGET_WHEN[target.id]].filter(
    (c): c is string => c !== undefined,
  );
  const flow = {
    name: `${activity.name ?? target.name}, on the person found by ${by} (created if missing)`,
  } as Flow;
  if (providerId) flow.provider = providerId;
  flow.target = target.id;
  if (providerId && person.events) flow.events = [...person.events];
  flow.when = `{{ ${conditions.map((c) => `(${c})`).join(' && ')} }}`;
  flow.headers = { ...target.headers };
  flow.steps = [...lookup.steps, activityStep(target, activity)];
  flow.active = true;
  return flow;
}
