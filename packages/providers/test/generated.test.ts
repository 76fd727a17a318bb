import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('json.generated.ts modules match the samples and schemas on disk', () => {
  const script = fileURLToPath(new URL('../scripts/gen-samples.mjs', import.meta.url));
  expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
}, 60_000);
