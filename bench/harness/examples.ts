import { renderRequest } from '@hookmap/core';
import { getProvider } from '@hookmap/providers';
import { handWrittenExamples } from '../cases/examples-hand.js';
import { copies } from '../cases/types.js';
import { loadExamples } from '../cases/examples.js';
import { contextSource } from './contexts.js';
import { jsonDifference } from './json-equal.js';
import { timePair, timeSolo } from './paired.js';
import type { Example } from '../cases/examples.js';
import type { Op } from './slices.js';
import type { ExampleReport } from './report-types.js';
import type { Settings } from './settings.js';

/** payload -> RenderedRequest through core, with the example's provider and secrets. */
export function requestOp(example: Example): Op {
  const provider = example.integration.provider ? getProvider(example.integration.provider) : null;
  const options = { ...(provider ? { provider } : {}), secrets: example.secrets ?? {} };
  return (payload) => renderRequest(example.integration, payload, options);
}

/** The part of a request compared with expected.json: all of it when secrets are known, else the body. */
function comparable(example: Example, request: unknown): unknown {
  const { method, url, headers, body } = request as Record<string, unknown>;
  return example.secrets ? { method, url, headers, body } : { body };
}

/** Null when `op` renders the example's payload to its expected.json, else the first difference. */
export function exampleDifference(example: Example, op: Op): string | null {
  try {
    return jsonDifference(comparable(example, op(example.payload as object)), comparable(example, example.expected));
  } catch (error) {
    return `threw ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function handOp(example: Example): Op | null {
  const hand = handWrittenExamples[example.name];
  return hand ? (payload) => hand(payload, example.secrets ?? {}) : null;
}

async function runExample(example: Example, settings: Settings): Promise<ExampleReport> {
  const op = requestOp(example);
  const scope = example.secrets ? 'whole request' : 'body only, no secrets.json';
  const difference = exampleDifference(example, op);
  if (difference) return { name: example.name, equivalence: `no: ${difference}` };
  const payloads = contextSource(settings.contextMode, copies(example.payload as object, settings.contextCopies), settings.freshCap);
  const hand = handOp(example);
  if (hand && !exampleDifference(example, hand)) {
    const pair = await timePair({ op, async: false }, { op: hand, async: false }, payloads, settings);
    return { name: example.name, equivalence: `yes (${scope})`, opsPerSec: pair.opsPerSec, handRatio: pair.ratio };
  }
  const opsPerSec = await timeSolo({ op, async: false }, payloads, settings);
  return { name: example.name, equivalence: `yes (${scope})`, opsPerSec };
}

/** Case (c): every example in examples/, loaded at run time. */
export async function runExamples(settings: Settings, log: (line: string) => void): Promise<ExampleReport[]> {
  const reports: ExampleReport[] = [];
  for (const example of loadExamples()) {
    log(`(c) ${example.name}`);
    reports.push(await runExample(example, settings));
  }
  return reports;
}
