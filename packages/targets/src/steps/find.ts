import type { HttpMethod, StepResponse } from '@hookmap/core';
import { targets } from '../registry.js';
import { urlPattern } from '../request.js';
import type { Target } from '../types.js';
import { stepPresets } from './registry.js';
import type { SampleVariant, StepPreset } from './types.js';

/** A preset a request matches: an activity target, or a lookup / create / upsert step. */
export type MatchedPreset = { kind: 'target'; preset: Target } | { kind: 'step'; preset: StepPreset };

/**
 * A URL template as a rendered URL would look: a placeholder opening it stands for a base URL, any other for a
 * path segment. Lets a step be matched before it is rendered (to pick its sample response).
 */
function asRendered(url: string): string {
  return url.replace(/^\{\{[^}]*\}\}/, 'https://placeholder.invalid').replace(/\{\{[^}]*\}\}/g, 'x');
}

/** A URL that is one placeholder (Slack's webhook URL is the secret) matches any URL: only its own template names it. */
const OPEN = /^\{\{[^}]*\}\}$/;

function matches(
  preset: { method: HttpMethod; url: string; urlAlternatives?: string[] },
  method: HttpMethod,
  url: string,
  template: string,
): boolean {
  if (preset.method !== method) return false;
  return [preset.url, ...(preset.urlAlternatives ?? [])].some((pattern) =>
    OPEN.test(pattern) ? pattern === template : urlPattern(pattern).test(url),
  );
}

/**
 * The preset whose method and URL pattern a request matches (rendered, or still a template), step presets first.
 * Undefined when none does. A preset whose URL is only a secret (Slack's webhook) is found by its template alone.
 * The editor and the tests use it to validate each request of a flow.
 */
export function findPreset(request: { method?: HttpMethod; url: string }): MatchedPreset | undefined {
  const method = request.method ?? 'POST';
  const url = request.url.includes('{{') ? asRendered(request.url) : request.url;
  const step = stepPresets.find((preset) => matches(preset, method, url, request.url));
  if (step) return { kind: 'step', preset: step };
  const target = targets.find((preset) => matches(preset, method, url, request.url));
  return target ? { kind: 'target', preset: target } : undefined;
}

/**
 * Sample responses for a flow's steps, by step id, as `renderFlow`'s `responses`: each lookup answers as `variant`
 * says ("found" or "not-found"), creates and activities answer with their created record. Steps whose request
 * matches no preset get none (a preview then stops there and says so).
 */
export function sampleResponses(
  flow: { steps: { id: string; method?: HttpMethod; url: string }[] },
  variant: SampleVariant = 'found',
): Record<string, StepResponse> {
  const out: Record<string, StepResponse> = {};
  for (const step of flow.steps) {
    const match = findPreset(step);
    if (!match) continue;
    out[step.id] = match.kind === 'step' ? match.preset.responses[variant] : match.preset.response;
  }
  return out;
}
