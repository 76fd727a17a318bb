import type { Integration, JsonValue } from '@hookmap/core';
import type { StarterContext, TargetDefinition } from '../types.js';

type Preset = Pick<TargetDefinition, 'id' | 'name' | 'method' | 'url' | 'headers'>;

/** A template-mode integration for a target preset. */
export function templateIntegration(
  target: Preset,
  template: JsonValue,
  context: Pick<StarterContext, 'providerId'> & { name?: string; url?: string },
): Integration {
  const integration: Integration = {
    name: context.name ?? target.name,
    method: target.method,
    url: context.url ?? target.url,
    headers: { ...target.headers },
    body: { mode: 'template', template },
    active: true,
    target: target.id,
  };
  if (context.providerId) integration.provider = context.providerId;
  return integration;
}

/** `{{ expr }}` for a record-id expression. */
export function placeholder(expression: string): string {
  return `{{ ${expression} }}`;
}
