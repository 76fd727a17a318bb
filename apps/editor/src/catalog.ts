/**
 * The one place the editor touches @hookmap/providers and @hookmap/targets, so API changes
 * there are absorbed here.
 */
import type {
  Diagnostic,
  HttpMethod,
  IntegrationDocument,
  JsonValue,
  Provider,
  ProviderSample,
  RenderedRequest,
  StepResponse,
} from '@hookmap/core';
import { detectProvider, getProvider, providers } from '@hookmap/providers';
import {
  findPreset,
  flattenSchema,
  getTarget,
  recordIdExpression,
  sampleResponses,
  authNeeds,
  starterFlow,
  targets,
  validateBody,
  validateRequest,
} from '@hookmap/targets';
import type { CrmAuth, SampleVariant, StarterAuth } from '@hookmap/targets';
import type { TargetFieldInfo } from './mapper/mapping.js';

export interface TargetInfo {
  id: string;
  crm: string;
  name: string;
  fields: (TargetFieldInfo & { name?: string; hint?: string })[];
  schema: object;
  secrets: string[];
  /** The CRM's two ways to authenticate (secrets or a relay connection); absent when it has one (Slack). */
  auth?: CrmAuth;
}

const providerArray: Provider[] = [...providers];

export function providerList(): Provider[] {
  return providerArray;
}

export function findProvider(id: string): Provider | undefined {
  return (getProvider(id) as Provider | undefined) ?? undefined;
}

export function findSample(
  provider: Provider | undefined,
  sampleId: string | null,
): ProviderSample | undefined {
  if (!provider || sampleId === null) return undefined;
  return provider.samples.find((s) => s.id === sampleId);
}

export function detect(payload: unknown): Provider | null {
  const found = detectProvider(payload) as Provider | string | null | undefined;
  if (!found) return null;
  return typeof found === 'string' ? (findProvider(found) ?? null) : found;
}

export function targetList(): TargetInfo[] {
  return targets as unknown as TargetInfo[];
}

export function findTarget(id: string | null): TargetInfo | undefined {
  if (id === null) return undefined;
  return (getTarget(id) as unknown as TargetInfo | undefined) ?? undefined;
}

/**
 * The starter a target gives for a provider: SPEC §9's flow (the person found by email or phone, created
 * if missing, then the activity on them) for CRMs whose activity needs a record id; a single request
 * for the others (Slack, a HubSpot call update). `auth` picks how it signs in (secrets or the relay
 * connection named after the CRM); left out, the target's `auth.default`.
 */
export function starterFor(targetId: string, providerId: string, auth?: StarterAuth): IntegrationDocument {
  return starterFlow(targetId, providerId, auth ? { auth } : {});
}

export type { CrmAuth, SampleVariant, StarterAuth };

/** What an auth form needs set, in words ("the secrets HUBSPOT_TOKEN", "a relay connection …"). */
export { authNeeds };

/** What a flow step's request matches among the targets' presets (lookups, creates, activities). */
export interface StepPresetInfo {
  id: string;
  name: string;
  /** `lookup` answers "found" or "not found"; the others answer with the record they wrote. */
  kind: 'lookup' | 'create' | 'upsert' | 'activity';
}

export function stepPresetOf(step: { method?: HttpMethod; url: string }): StepPresetInfo | null {
  const match = findPreset(step);
  if (!match) return null;
  const { id, name } = match.preset;
  return { id, name, kind: match.kind === 'step' ? match.preset.kind : 'activity' };
}

/** The targets' sample responses of a flow's steps, by step id, for one variant. */
export function sampleResponsesOf(
  steps: { id: string; method?: HttpMethod; url: string }[],
  variant: SampleVariant,
): Record<string, StepResponse> {
  return sampleResponses({ steps }, variant);
}

/** A rendered step request against the preset it matches (paths under `/body` for the body); [] when none matches. */
export function validateStepRequest(request: Pick<RenderedRequest, 'method' | 'url' | 'body'>): {
  presetId: string | null;
  diagnostics: Diagnostic[];
} {
  const match = findPreset(request);
  if (!match) return { presetId: null, diagnostics: [] };
  return {
    presetId: match.preset.id,
    diagnostics: validateRequest(match.preset.id, request) as Diagnostic[],
  };
}

/** The fields of a step preset's body (a lookup's or a create's), as the mapping panel lists them. */
export function stepPresetTarget(step: { method?: HttpMethod; url: string }): TargetInfo | undefined {
  const match = findPreset(step);
  if (!match) return undefined;
  if (match.kind === 'target') return match.preset as unknown as TargetInfo;
  const preset = match.preset;
  if (!preset.schema) return undefined;
  return {
    id: preset.id,
    crm: preset.crm,
    name: preset.name,
    fields: flattenSchema(preset.schema) as TargetInfo['fields'],
    schema: preset.schema,
    secrets: preset.secrets,
  };
}

export function validateTargetBody(targetId: string, body: JsonValue | string | undefined): Diagnostic[] {
  if (body === undefined) return [];
  return validateBody(targetId, body as JsonValue) as Diagnostic[];
}

/**
 * The fields the mapping panel lists: the target's, or for a flow the preset its edited step's request
 * matches (a lookup's or a create's body, or the activity target's).
 */
export function editedTarget(doc: {
  steps: unknown[] | null;
  targetId: string | null;
  method: HttpMethod;
  url: string;
}): TargetInfo | undefined {
  if (doc.steps === null) return findTarget(doc.targetId);
  return stepPresetTarget(doc);
}

/** The default target: HubSpot's call preset when there is one. */
export function defaultTargetId(): string | null {
  const list = targetList();
  const hubspotCall = list.find((t) => t.crm === 'hubspot' && /call/i.test(`${t.id} ${t.name}`));
  return (hubspotCall ?? list[0])?.id ?? null;
}

/**
 * A target hint (`x-hint`) worded for the current provider: the targets write their examples with one
 * provider's record-id path (OSVI's `call_trigger_data.crm_id`); the editor shows the current
 * provider's instead, so a hint never suggests a path this provider's payloads do not have.
 */
export function hintForProvider(hint: string, providerId: string): string {
  const own = recordIdExpression(providerId);
  let out = hint;
  for (const other of new Set(providerArray.map((p) => recordIdExpression(p.id)))) {
    if (other !== own) out = out.split(other).join(own);
  }
  return out;
}
