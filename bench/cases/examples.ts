import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IntegrationDocument, StepResponse } from '@hookmap/core';

/** One directory of examples/: an integration, a payload and the request it must render to. */
export interface Example {
  name: string;
  /** A single request, or a flow (SPEC §9) rendered with the example's responses.json. */
  integration: IntegrationDocument;
  payload: unknown;
  /** The request; for a flow, the list of its requests (or `{ requests }` / `{ steps: [{ request }] }`). */
  expected: unknown;
  /** A flow example's responses.json: the response each step assumes, by step id. */
  responses: Record<string, StepResponse> | null;
  /** The example's own secrets.json, else examples/secrets.json; without either only the body is compared. */
  secrets: Record<string, string> | null;
}

export const examplesRoot = fileURLToPath(new URL('../../examples/', import.meta.url));

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** Every complete example under `root`, sorted by name (loaded at run time, never hard-coded). */
export function loadExamples(root = examplesRoot): Example[] {
  if (!existsSync(root)) return [];
  const names = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const files = ['integration.json', 'payload.json', 'expected.json'];
  const sharedSecrets = join(root, 'secrets.json');
  return names
    .filter((name) => files.every((file) => existsSync(join(root, name, file))))
    .map((name) => {
      const ownSecrets = join(root, name, 'secrets.json');
      const secretsFile = existsSync(ownSecrets) ? ownSecrets : sharedSecrets;
      const responsesFile = join(root, name, 'responses.json');
      return {
        name,
        integration: readJson(join(root, name, 'integration.json')) as IntegrationDocument,
        payload: readJson(join(root, name, 'payload.json')),
        expected: readJson(join(root, name, 'expected.json')),
        responses: existsSync(responsesFile)
          ? (readJson(responsesFile) as Record<string, StepResponse>)
          : null,
        secrets: existsSync(secretsFile) ? (readJson(secretsFile) as Record<string, string>) : null,
      };
    });
}
