/**
 * The one place the editor touches @hookmap/providers and @hookmap/targets, so API changes
 * there are absorbed here.
 */
import type { Diagnostic, Integration, JsonValue, Provider, ProviderSample } from '@hookmap/core';
import { detectProvider, getProvider, providers } from '@hookmap/providers';
import { getTarget, recordIdExpression, starterIntegration, targets, validateBody } from '@hookmap/targets';
import type { TargetFieldInfo } from './mapper/mapping.js';

export interface TargetInfo {
  id: string;
  crm: string;
  name: string;
  fields: (TargetFieldInfo & { name?: string; hint?: string })[];
  schema: object;
  secrets: string[];
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

export function starterFor(targetId: string, providerId: string): Integration {
  return starterIntegration(targetId, providerId);
}

export function validateTargetBody(targetId: string, body: JsonValue | string | undefined): Diagnostic[] {
  if (body === undefined) return [];
  return validateBody(targetId, body as JsonValue) as Diagnostic[];
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
