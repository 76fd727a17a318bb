import type { Flow } from '@hookmap/core';
import { attioPersonSteps, attioStepPresets } from '../attio/lookup.js';
import { closePersonSteps, closeStepPresets } from '../close/lookup.js';
import { hubspotPersonSteps, hubspotStepPresets } from '../hubspot/lookup.js';
import { pipedrivePersonSteps, pipedriveStepPresets } from '../pipedrive/lookup.js';
import { salesforcePersonSteps, salesforceStepPresets } from '../salesforce/lookup.js';
import { zohoPersonSteps, zohoStepPresets } from '../zoho/lookup.js';
import { defaultForm, withAuth } from '../auth.js';
import { personExpressions } from './build.js';
import type { LookupOptions, PersonExpressions, BuiltPersonSteps, PersonSteps, StepPreset } from './types.js';

/** Every lookup, create and upsert request, by CRM. */
export const stepPresets: readonly StepPreset[] = Object.freeze(
  [
    ...hubspotStepPresets,
    ...salesforceStepPresets,
    ...pipedriveStepPresets,
    ...zohoStepPresets,
    ...closeStepPresets,
    ...attioStepPresets,
  ].map((p) => Object.freeze(p)),
);

const byId = new Map(stepPresets.map((preset) => [preset.id, preset]));

/** The step preset with this id (e.g. "hubspot.contact.search"), or undefined. */
export function getStepPreset(id: string): StepPreset | undefined {
  return byId.get(id);
}

const BUILDERS: Record<string, (person: PersonExpressions, upsert: boolean) => BuiltPersonSteps> = {
  hubspot: hubspotPersonSteps,
  salesforce: (person) => salesforcePersonSteps(person),
  pipedrive: (person) => pipedrivePersonSteps(person),
  zoho: zohoPersonSteps,
  close: (person) => closePersonSteps(person),
  attio: (person) => attioPersonSteps(person),
};

/** CRM ids that have person lookups (every CRM target but Slack). */
export function lookupCrms(): string[] {
  return Object.keys(BUILDERS);
}

/**
 * The steps that find the person by email or phone, and create them when missing (or upsert them), leaving their
 * record id in `recordId`. `crm` is a CRM id ("hubspot") or a target id ("hubspot.note"). Undefined for a CRM
 * without person records (Slack) or an unknown one.
 */
export function lookupSteps(crm: string, options: LookupOptions): PersonSteps | undefined {
  const id = crm.split('.')[0] ?? '';
  const build = Object.hasOwn(BUILDERS, id) ? BUILDERS[id] : undefined;
  const auth = stepPresets.find((preset) => preset.crm === id)?.auth;
  if (!build || !auth) return undefined;
  const built = build(personExpressions(options), options.upsert === true);
  // The steps as a flow of their own: URLs rebased, and the headers and connection of the chosen form.
  const flow = withAuth<Flow>(
    { steps: built.steps, headers: defaultForm(auth).headers },
    auth,
    options.auth ?? auth.default,
  );
  const steps: PersonSteps = { ...built, steps: flow.steps, headers: flow.headers ?? {} };
  if (flow.connection) steps.connection = flow.connection;
  return steps;
}
