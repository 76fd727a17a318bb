import { parseEnvFile, secretsFromEnv } from '../io/env-file.js';
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
  return Object.assign(fromEnv, parseEnvFile(input.text, input.name));
}
