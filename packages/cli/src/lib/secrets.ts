import { parseEnvFile, secretsFromEnv } from '../io/env-file.js';
import { CliError } from '../io/errors.js';
import { parseJsonWithLocation } from '../io/json-location.js';
import { readTextInput } from '../io/read-input.js';

/**
 * Secrets for `{{secrets.NAME}}`: `HOOKMAP_SECRET_<NAME>` environment variables, then the
 * --secrets file. The file is what the user named on this command line, so it wins.
 */
export async function loadSecrets(
  file: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Record<string, string>> {
  const fromEnv = secretsFromEnv(env);
  if (file === undefined) return fromEnv;
  const input = await readTextInput(file);
  return Object.assign(fromEnv, parseSecretsFile(input.text, input.name));
}

/** A `.env` file, or a JSON object of names to strings (as `examples/secrets.json`). */
export function parseSecretsFile(text: string, name: string): Record<string, string> {
  if (!text.trimStart().startsWith('{')) return parseEnvFile(text, name);
  const value = parseJsonWithLocation(text, name);
  const secrets: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, secret] of Object.entries(value as Record<string, unknown>)) {
    if (typeof secret !== 'string')
      throw new CliError(`${name}: secret "${key}" must be text, got ${typeof secret}`);
    secrets[key] = secret;
  }
  return secrets;
}
