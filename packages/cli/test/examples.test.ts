import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

/** The worked examples (examples/<provider>-to-<target>/) through the CLI: render equals expected.json, check passes. */
const root = resolve(import.meta.dirname, '../../../examples');
const secrets = JSON.parse(readFileSync(join(root, 'secrets.json'), 'utf8')) as Record<string, string>;
const env = Object.fromEntries(
  Object.entries(secrets).map(([name, value]) => [`HOOKMAP_SECRET_${name}`, value]),
);
const examples = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'expected.json')))
  .map((entry) => entry.name);

describe.concurrent('examples through the CLI', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('%s: render prints expected.json', async (name) => {
    const dir = join(root, name);
    const flow = existsSync(join(dir, 'responses.json')) ? ['--responses', 'responses.json'] : [];
    const rendered = await runCli(['render', 'integration.json', 'payload.json', ...flow], { cwd: dir, env });
    expect(rendered.stderr).not.toMatch(/^error/m);
    expect(rendered.code).toBe(0);
    expect(JSON.parse(rendered.stdout)).toEqual(JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
  });

  // Schema validity of every example is the targets package's test; here, that check picks up the
  // integration's own "target" hint (a template body and a Handlebars text body).
  it.each(['otonistark-to-hubspot-call', 'otter-to-slack-message'])(
    '%s: check --payload passes',
    async (name) => {
      const dir = join(root, name);
      const checked = await runCli(['check', 'integration.json', '--payload', 'payload.json', '--json'], {
        cwd: dir,
        env,
      });
      const problems = JSON.parse(checked.stdout) as Array<{ severity: string }>;
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(checked.code).toBe(0);
    },
  );
});
