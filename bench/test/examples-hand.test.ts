import { getProvider } from '@hookmap/providers';
import { describe, expect, it } from 'vitest';
import { handWrittenExamples } from '../cases/examples-hand.js';
import { loadExamples } from '../cases/examples.js';
import { handOp, requestOp } from '../harness/examples.js';
import { jsonDifference } from '../harness/json-equal.js';
import type { Example } from '../cases/examples.js';

const withHand = loadExamples().filter((example) => handWrittenExamples[example.name]);

/**
 * A builder whose output differs from the template's when the payload lacks the duration: the template's
 * `duration | times: 1000 | integer | string` is null for a missing duration and "" for a null one (the
 * `string` filter turns null into ""), the builder "" for both. The example payload and the provider samples agree.
 */
const missingFieldExceptions = new Set(['otonistark-to-hubspot-call']);

/** The first payload on which the hand-written builder and renderRequest disagree, with the difference. */
function firstDisagreement(example: Example, payloads: unknown[]): string | null {
  const render = requestOp(example);
  const hand = handOp(example)!;
  for (const payload of payloads) {
    const { method, url, headers, body } = render(structuredClone(payload) as object) as Record<
      string,
      unknown
    >;
    const difference = jsonDifference(hand(structuredClone(payload) as object), {
      method,
      url,
      headers,
      body,
    });
    if (difference) return `${difference} for ${JSON.stringify(payload).slice(0, 200)}`;
  }
  return null;
}

/** The payload with each field (at any depth) removed, and each set to null, one at a time. */
function withoutOneField(payload: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const key of Object.keys(node)) {
      for (const remove of Array.isArray(node) ? [false] : [true, false]) {
        const copy = structuredClone(payload);
        const holder = path.reduce((at, k) => (at as Record<string, unknown>)[k], copy as unknown);
        if (remove) delete (holder as Record<string, unknown>)[key];
        else (holder as Record<string, unknown>)[key] = null;
        out.push(copy);
      }
      walk((node as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(payload, []);
  return out;
}

describe('hand-written request builders have the templates’ semantics', () => {
  it.each(withHand.map((example) => [example.name, example] as const))(
    '%s agrees with renderRequest on every sample payload of its provider',
    (_name, example) => {
      const samples = getProvider(example.integration.provider ?? '')?.samples ?? [];
      expect(samples.length).toBeGreaterThan(0);
      expect(
        firstDisagreement(
          example,
          samples.map((sample) => sample.payload),
        ),
      ).toBeNull();
    },
  );

  it.each(
    withHand
      .filter((example) => !missingFieldExceptions.has(example.name))
      .map((example) => [example.name, example] as const),
  )('%s agrees with renderRequest when any one field is missing or null', (_name, example) => {
    expect(firstDisagreement(example, withoutOneField(example.payload))).toBeNull();
  });
});
