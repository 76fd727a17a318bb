import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Integration } from '@hookmap/core';

/** One directory of examples/: an integration, a payload and the request it must render to. */
export interface Example {
  name: string;
  integration: Integration;
  payload: unknown;
  expected: Record<string, unknown>;
  /** The example's own secrets.json, else examples/secrets.json; without either only the body is compared. */
  secrets: Record<string, string> | null;
}

export const examplesRoot = fileURLToPath(new URL('../../examples/', import.meta.url));

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/**
 * Every complete single-request example under `root`, sorted by name (loaded at run time, never hard-coded).
 * Flow examples (`steps`, SPEC §9) are several requests with assumed responses: this case times one request.
 */
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
    .filter((name) => !('steps' in (readJson(join(root, name, 'integration.json')) as object)))
    .map((name) => {
      const ownSecrets = join(root, name, 'secrets.json');
      const secretsFile = existsSync(ownSecrets) ? ownSecrets : sharedSecrets;
      return {
        name,
        integration: readJson(join(root, name, 'integration.json')) as Integration,
        payload: readJson(join(root, name, 'payload.json')),
        expected: readJson(join(root, name, 'expected.json')) as Record<string, unknown>,
        secrets: existsSync(secretsFile) ? (readJson(secretsFile) as Record<string, string>) : null,
      };
    });
}
