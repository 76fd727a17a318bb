import type { Integration, IntegrationDocument, RenderedRequest } from '@hookmap/core';
import type { BodyDiagnostic } from './codes.js';
import { TargetCodes } from './codes.js';
import { diagnostic } from './diagnostics.js';
import { getTarget, targetIds } from './registry.js';
import { validateTargetRequest } from './request.js';
import { withAuth } from './auth.js';
import { starterFlowOf, type StarterFlowOptions, type StarterOptions } from './starters/flow.js';
import { recordIdExpression } from './starters/record-id.js';
import { getStepPreset } from './steps/registry.js';
import type { JsonSchema, RequestPreset, Target } from './types.js';
import { configuredSchema, validateTargetBody, type ValidateOptions } from './validate.js';

export { TargetCodes } from './codes.js';
export type { BodyDiagnostic, TargetCode } from './codes.js';
export { flattenSchema } from './fields.js';
export { getTarget, targetIds, targets } from './registry.js';
export { urlPattern } from './request.js';
export { checkBodyTypes, checkIntegrationTypes } from './check/index.js';
export type { StaticCheck, TargetDiagnostic } from './check/index.js';
export { recordIdExpression } from './starters/record-id.js';
export { findPreset, sampleResponses } from './steps/find.js';
export type { MatchedPreset } from './steps/find.js';
export { getStepPreset, lookupCrms, lookupSteps, stepPresets } from './steps/registry.js';
export type { LookupBy, LookupOptions, PersonSteps, SampleVariant, StepPreset } from './steps/types.js';
export type { StarterFlowOptions, StarterOptions } from './starters/flow.js';
export { authNeeds } from './auth.js';
export type { AuthForm, CrmAuth, StarterAuth } from './auth.js';
export type { PicklistConfig } from './picklists.js';
export type {
  AuthOption,
  BodyRule,
  JsonSchema,
  Picklist,
  RateLimit,
  RequestPreset,
  RuleContext,
  StarterContext,
  Target,
  TargetDefinition,
  TargetField,
} from './types.js';
export type { ValidateOptions } from './validate.js';

function unknownTarget(targetId: string): BodyDiagnostic {
  return diagnostic(
    'error',
    TargetCodes.UNKNOWN_TARGET,
    '',
    `Unknown target "${targetId}". Known targets: ${targetIds().join(', ')}.`,
  );
}

/** A target, or a flow step's preset (lookups, creates, upserts), by id. */
function presetOf(id: string): RequestPreset | undefined {
  return getTarget(id) ?? getStepPreset(id);
}

/**
 * Validates a rendered request body against a target's schema and rules. Returns every problem at once (never
 * throws); each diagnostic's `path` is a JSON Pointer into the body and its message says what to fix.
 * `options.now` fixes the time for rules about the present; `options.picklists` gives the account's picklists.
 */
export function validateBody(targetId: string, body: unknown, options?: ValidateOptions): BodyDiagnostic[] {
  const target = presetOf(targetId);
  return target ? validateTargetBody(target, body, options) : [unknownTarget(targetId)];
}

/**
 * The target's body schema as an account configured it: plain JSON Schema (draft 2020-12) with the configured
 * picklists as `enum`s (the static check reads this). Undefined for an unknown target id.
 */
export function targetSchema(
  targetId: string,
  options?: Pick<ValidateOptions, 'picklists'>,
): JsonSchema | undefined {
  const target = presetOf(targetId);
  return target?.schema ? configuredSchema({ ...target, schema: target.schema }, options).schema : undefined;
}

/**
 * Validates a whole rendered request: method and URL against the preset (warnings, T014/T015) and the body
 * (as `validateBody`, with paths under `/body`). Paths are JSON Pointers into the request.
 */
export function validateRequest(
  targetId: string,
  request: Pick<RenderedRequest, 'method' | 'url' | 'body'>,
  options?: ValidateOptions,
): BodyDiagnostic[] {
  const target = presetOf(targetId);
  return target ? validateTargetRequest(target, request, options) : [unknownTarget(targetId)];
}

/**
 * A complete integration for a target: the provider's own starter when it has better data than `common`,
 * else the cross-provider starter reading the provider's record-id field. It authenticates the CRM's way
 * (`target.auth.default`: the relay connection named after the CRM for Salesforce, Zoho and Pipedrive, secrets
 * for the others) unless `options.auth` says otherwise. Throws on an unknown target id, and on `auth: 'connection'`
 * for a target without one (Slack).
 */
export function starterIntegration(
  targetId: string,
  providerId?: string,
  options: StarterOptions = {},
): Integration {
  const target = getTarget(targetId);
  if (!target) throw new Error(unknownTarget(targetId).message);
  return authenticated(target, defaultStarter(target, providerId), options);
}

/** A starter in the auth form the options ask for (the target's default form otherwise). */
function authenticated<T extends IntegrationDocument>(target: Target, doc: T, options: StarterOptions): T {
  if (!target.auth) {
    if (options.auth === 'connection')
      throw new Error(
        `${target.id} cannot use a relay connection: its URL is the secret (${target.secrets.join(', ')}). Leave "auth" out.`,
      );
    return doc;
  }
  return withAuth(doc, target.auth, options.auth ?? target.auth.default);
}

/** The target's starter for the provider, in the target's default auth form. */
function defaultStarter(target: Target, providerId: string | undefined): Integration {
  const context = providerId
    ? { providerId, recordId: recordIdExpression(providerId) }
    : { recordId: recordIdExpression() };
  const specific =
    providerId !== undefined && Object.hasOwn(target.providerStarters, providerId)
      ? target.providerStarters[providerId]
      : undefined;
  return specific ? specific(context) : target.starter(context);
}

/**
 * The SPEC §9 starter for a target: a flow that finds the person by email (or phone, for the providers that carry
 * phone numbers), creates them when missing, then writes the activity on them, its record id from
 * `steps.<id>.result`. Targets without a person to find (Slack, a HubSpot call update) get `starterIntegration`'s
 * single request. Authenticates as `starterIntegration` does (`options.auth`). Throws on an unknown target id.
 */
export function starterFlow(
  targetId: string,
  providerId?: string,
  options: StarterFlowOptions = {},
): IntegrationDocument {
  const target = getTarget(targetId);
  if (!target) throw new Error(unknownTarget(targetId).message);
  const doc = starterFlowOf(target, providerId, options, () => defaultStarter(target, providerId));
  return authenticated(target, doc, options);
}

/** Provider ids with a provider-specific starter for this target. */
export function providerStarterIds(targetId: string): string[] {
  return Object.keys(getTarget(targetId)?.providerStarters ?? {});
}
