import { attioNote } from './attio/index.js';
import { closeCall, closeNote } from './close/index.js';
import { flattenSchema } from './fields.js';
import { hubspotCall, hubspotCallUpdate, hubspotNote } from './hubspot/index.js';
import { pipedriveActivity, pipedriveNote } from './pipedrive/index.js';
import { salesforceEvent, salesforceTask, salesforceTasks } from './salesforce/index.js';
import { slackMessage } from './slack/index.js';
import type { Target, TargetDefinition } from './types.js';
import { zohoCall, zohoNote } from './zoho/index.js';

const definitions: TargetDefinition[] = [
  hubspotNote,
  hubspotCall,
  hubspotCallUpdate,
  salesforceTask,
  salesforceTasks,
  salesforceEvent,
  pipedriveActivity,
  pipedriveNote,
  zohoNote,
  zohoCall,
  closeCall,
  closeNote,
  attioNote,
  slackMessage,
];

/** Every destination preset, in display order. */
export const targets: readonly Target[] = Object.freeze(
  definitions.map((definition) => Object.freeze({ ...definition, fields: flattenSchema(definition.schema) })),
);

const byId = new Map(targets.map((target) => [target.id, target]));

/** The preset with this id, or undefined. */
export function getTarget(id: string): Target | undefined {
  return byId.get(id);
}

/** Target ids, for "did you mean" messages. */
export function targetIds(): string[] {
  return targets.map((target) => target.id);
}
