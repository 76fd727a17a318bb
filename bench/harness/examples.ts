import { isFlow, renderFlow, renderRequest } from '@hookmap/core';
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

/**
 * payload -> RenderedRequest through core, with the example's provider and secrets (as a service renders:
 * no diagnostics). A flow renders every step with renderFlow and the example's responses.json.
 */
export function requestOp(example: Example): Op {
  const doc = example.integration;
  const provider = doc.provider ? getProvider(doc.provider) : null;
  const options = { ...(provider ? { provider } : {}), secrets: example.secrets ?? {} };
  if (isFlow(doc)) {
    const flowOptions = { ...options, responses: example.responses ?? {} };
    return (payload) =>
      renderFlow(doc, payload, flowOptions).steps.flatMap((step) => (step.request ? [step.request] : []));
  }
  return (payload) => renderRequest(doc, payload, options);
}

/** The part of a request compared with expected.json: all of it when secrets are known, else the body. */
function comparableRequest(example: Example, request: unknown): unknown {
  const { method, url, headers, body } = request as Record<string, unknown>;
  return example.secrets ? { method, url, headers, body } : { body };
}

/** A flow's expected.json: its requests as a list, or under `requests`, or as `steps[].request`. */
function expectedRequests(expected: unknown): unknown[] | null {
  if (Array.isArray(expected)) return expected;
  const e = expected as { requests?: unknown; steps?: Array<{ request?: unknown }> } | null;
  if (Array.isArray(e?.requests)) return e.requests;
  if (Array.isArray(e?.steps)) return e.steps.flatMap((step) => (step.request ? [step.request] : []));
  return null;
}

function comparable(example: Example, rendered: unknown): unknown {
  if (!Array.isArray(rendered)) return comparableRequest(example, rendered);
  return rendered.map((request) => comparableRequest(example, request));
}

/** Null when `op` renders the example's payload to its expected.json, else the first difference. */
export function exampleDifference(example: Example, op: Op): string | null {
  const expected = isFlow(example.integration) ? expectedRequests(example.expected) : example.expected;
  if (expected === null) return 'expected.json of a flow is not a list of requests';
  try {
    return jsonDifference(comparable(example, op(example.payload as object)), comparable(example, expected));
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
  const payloads = contextSource(
    settings.contextMode,
    copies(example.payload as object, settings.contextCopies),
    settings.freshCap,
  );
  const hand = handOp(example);
  if (hand && !exampleDifference(example, hand)) {
    const pair = await timePair({ op, async: false }, { op: hand, async: false }, payloads, settings);
    return {
      name: example.name,
      equivalence: `yes (${scope})`,
      opsPerSec: pair.opsPerSec,
      handRatio: pair.ratio,
      handCpuRatio: pair.cpuRatio,
    };
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
