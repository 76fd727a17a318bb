import type { Diagnostic, Integration, RenderedRequest } from '@hookmap/core';
import { TargetCodes } from './codes.js';
import { diagnostic } from './diagnostics.js';
import { getTarget, targetIds } from './registry.js';
import { validateTargetRequest } from './request.js';
import { recordIdExpression } from './starters/record-id.js';
import type { JsonSchema } from './types.js';
import { configuredSchema, validateTargetBody, type ValidateOptions } from './validate.js';

export { TargetCodes } from './codes.js';
export type { TargetCode } from './codes.js';
export { flattenSchema } from './fields.js';
export { getTarget, targetIds, targets } from './registry.js';
export { urlPattern } from './request.js';
export { checkBodyTypes, checkIntegrationTypes } from './check/index.js';
export type { StaticCheck, TargetDiagnostic } from './check/index.js';
export { recordIdExpression } from './starters/record-id.js';
export type { PicklistConfig } from './picklists.js';
export type {
  AuthOption,
  BodyRule,
  JsonSchema,
  Picklist,
  RateLimit,
  RuleContext,
  StarterContext,
  Target,
  TargetDefinition,
  TargetField,
} from './types.js';
export type { ValidateOptions } from './validate.js';

function unknownTarget(targetId: string): Diagnostic {
  return diagnostic('error', TargetCodes.UNKNOWN_TARGET, '', `Unknown target "${targetId}". Known targets: ${targetIds().join(', ')}.`);
}

/**
 * Validates a rendered request body against a target's schema and rules. Returns every problem at once (never
 * throws); each diagnostic's `path` is a JSON Pointer into the body and its message says what to fix.
 * `options.now` fixes the time for rules about the present; `options.picklists` gives the account's picklists.
 */
export function validateBody(targetId: string, body: unknown, options?: ValidateOptions): Diagnostic[] {
  const target = getTarget(targetId);
  return target ? validateTargetBody(target, body, options) : [unknownTarget(targetId)];
}

/**
 * The target's body schema as an account configured it: plain JSON Schema (draft 2020-12) with the configured
 * picklists as `enum`s (the static check reads this). Undefined for an unknown target id.
 */
export function targetSchema(targetId: string, options?: Pick<ValidateOptions, 'picklists'>): JsonSchema | undefined {
  const target = getTarget(targetId);
  return target ? configuredSchema(target, options).schema : undefined;
}

/**
 * Validates a whole rendered request: method and URL against the preset (warnings, T014/T015) and the body
 * (as `validateBody`, with paths under `/body`). Paths are JSON Pointers into the request.
 */
export function validateRequest(
  targetId: string,
  request: Pick<RenderedRequest, 'method' | 'url' | 'body'>,
  options?: ValidateOptions,
): Diagnostic[] {
  const target = getTarget(targetId);
  return target ? validateTargetRequest(target, request, options) : [unknownTarget(targetId)];
}

/**
 * A complete integration for a target: the provider's own starter when it has better data than `common`,
 * else the cross-provider starter reading the provider's record-id field. Throws on an unknown target id.
 */
export function starterIntegration(targetId: string, providerId?: string): Integration {
  const target = getTarget(targetId);
  if (!target) throw new Error(unknownTarget(targetId).message);
  const specific = providerId ? target.providerStarters[providerId] : undefined;
  if (specific) return specific();
  const context = providerId ? { providerId, recordId: recordIdExpression(providerId) } : { recordId: recordIdExpression() };
  return target.starter(context);
}

/** Provider ids with a provider-specific starter for this target. */
export function providerStarterIds(targetId: string): string[] {
  return Object.keys(getTarget(targetId)?.providerStarters ?? {});
}
