import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const LAUNCHER = resolve(ROOT, 'scripts/hookmap.mjs');
const example = (file: string) => resolve(ROOT, 'examples/osvi-to-hubspot-call', file);

function launch(env: NodeJS.ProcessEnv) {
  const args = [
    'render',
    example('integration.json'),
    example('payload.json'),
    '--secrets',
    resolve(ROOT, 'examples/secrets.json'),
  ];
  return spawnSync(process.execPath, [LAUNCHER, ...args], {
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
}

describe('`pnpm hookmap` launcher (scripts/hookmap.mjs)', () => {
  it('runs the CLI from the TypeScript sources when there is no fresh build, with the same output as the build', () => {
    const fromSources = launch({ HOOKMAP_FROM_SOURCES: '1' });
    expect(fromSources.stderr).not.toMatch(/MODULE_NOT_FOUND|Error:/);
    expect(fromSources.status).toBe(0);
    const built = launch({});
    expect(built.status).toBe(0);
    expect(JSON.parse(fromSources.stdout)).toEqual(JSON.parse(built.stdout));
    expect(JSON.parse(built.stdout).url).toMatch(/^https:\/\/api\.hubapi\.com\//);
  });

  it('passes the exit code of the CLI through', () => {
    const r = spawnSync(process.execPath, [LAUNCHER, 'render', 'no-such-file.json', '-'], {
      env: { PATH: process.env.PATH, HOOKMAP_FROM_SOURCES: '1' },
      encoding: 'utf8',
      input: '{}',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/MODULE_NOT_FOUND/);
  });
});
