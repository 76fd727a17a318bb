import type { FlowStep, JsonValue, StepResponse } from '@hookmap/core';
import type {
  LookupBy,
  LookupOptions,
  PersonExpressions,
  BuiltPersonSteps,
  SampleVariant,
  StepPreset,
} from './types.js';

/** The payload expressions a lookup reads when the caller names none (the cross-provider `common` view). */
export function personExpressions(options: LookupOptions): PersonExpressions {
  const value =
    options.value ?? (options.by === 'email' ? 'common.participants[0].email' : 'common.phone | e164');
  const name = options.name === undefined ? 'common.participants[0].name' : options.name;
  return { by: options.by, value, name };
}

export interface StepParts {
  when?: string;
  /** Query string of a GET lookup (placeholders in it are percent-encoded by core). */
  query?: string;
  body?: JsonValue;
  result: string;
  accept?: number[];
}

/**
 * A flow step making the preset's request. It carries no auth header: the flow's `headers` (the CRM's, as the
 * starters set them) are sent by every step.
 */
export function presetStep(id: string, preset: StepPreset, parts: StepParts): FlowStep {
  return {
    id,
    name: preset.name,
    ...(parts.when === undefined ? {} : { when: parts.when }),
    method: preset.method,
    url: parts.query ? `${preset.url}?${parts.query}` : preset.url,
    ...(parts.body === undefined ? {} : { body: { mode: 'template' as const, template: parts.body } }),
    result: parts.result,
    ...(parts.accept ? { accept: parts.accept } : {}),
  };
}

/** `{{ … }}` around an expression. */
export function braces(expression: string): string {
  return `{{ ${expression} }}`;
}

/**
 * A create body with the person's name in scope: `name` (null when the payload has none) and `label` (the name,
 * else the email or phone, for CRMs that require a name).
 */
export function withName(person: PersonExpressions, body: JsonValue): JsonValue {
  const label = person.name ? `${person.name} ?? (${person.value})` : person.value;
  return { $let: { name: person.name ? braces(person.name) : null, label: braces(label) }, in: body };
}

const TWO_WORDS = "name && (name | split: ' ' | size) > 1";
/** First word of a name of two words or more; left out otherwise. */
export const FIRST_NAME = `{{ ${TWO_WORDS} ? (name | split: ' ' | first) : null | optional }}`;
/** The rest of a name of two words or more, a one-word name as it is; left out without a name. */
export const LAST_NAME = `{{ ${TWO_WORDS} ? (name | split: ' ' | slice: 1, 100 | join: ' ') : name | optional }}`;
/** As LAST_NAME, but the email or phone when there is no name (for CRMs that require a last name). */
export const LAST_NAME_OR_LABEL = `{{ ${TWO_WORDS} ? (name | split: ' ' | slice: 1, 100 | join: ' ') : label }}`;

/** Responses by step id for both variants: each step's preset answer for that variant. */
export function sampleResponsesOf(
  pairs: [string, StepPreset][],
): Record<SampleVariant, Record<string, StepResponse>> {
  const found: Record<string, StepResponse> = {};
  const notFound: Record<string, StepResponse> = {};
  for (const [id, preset] of pairs) {
    found[id] = preset.responses.found;
    notFound[id] = preset.responses['not-found'];
  }
  return { found, 'not-found': notFound };
}

/** The usual person steps: `find`, then `create` when `find` found nobody; the record id is whichever answered. */
export function findThenCreate(
  crm: string,
  by: LookupBy,
  record: string,
  find: [StepPreset, StepParts],
  create: [StepPreset, Omit<StepParts, 'when'>],
): BuiltPersonSteps {
  const steps = [
    presetStep('find', ...find),
    presetStep('create', create[0], { ...create[1], when: '{{ steps.find.result == null }}' }),
  ];
  return {
    crm,
    by,
    steps,
    recordId: 'steps.find.result ?? steps.create.result',
    record,
    responses: sampleResponsesOf([
      ['find', find[0]],
      ['create', create[0]],
    ]),
  };
}
