// What a service developer does: pack every package (publishConfig applied, workspace:* resolved), install
// the tarballs with npm into a new project, and use them from ESM, CommonJS and TypeScript.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const PACKAGES = ['core', 'providers', 'targets', 'relay', 'cli'];
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const work = mkdtempSync(join(tmpdir(), 'hookmap-pack-'));
const tarballs = join(work, 'tgz');

/** The environment of a new shell: without the npm_config_* settings pnpm exports to the scripts it runs. */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1', NODE_OPTIONS: '' },
  });
  if (r.error) throw r.error;
  return r;
}

function mustRun(command: string, args: string[], cwd: string): string {
  const r = run(command, args, cwd);
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** pnpm as the test runner was started with (`pnpm test` sets npm_execpath), else the pinned version. */
function pnpm(args: string[], cwd: string): string {
  const execpath = process.env.npm_execpath ?? '';
  return /pnpm/.test(execpath)
    ? mustRun(process.execPath, [execpath, ...args], cwd)
    : mustRun('npx', ['-y', 'pnpm@10.20.0', ...args], cwd);
}

/** A new npm project with the tarballs of `names` installed. Returns its directory and npm's stderr. */
function project(name: string, names: string[]): { dir: string; stderr: string } {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
  const files = readdirSync(tarballs).filter((f) => names.some((n) => f.startsWith(`hookmap-${n}-`)));
  const r = run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', ...files.map((f) => join(tarballs, f))],
    dir,
  );
  if (r.status !== 0) throw new Error(`npm install failed:\n${r.stderr}`);
  return { dir, stderr: r.stderr };
}

let lib: { dir: string; stderr: string };
let all: { dir: string; stderr: string };

beforeAll(() => {
  mkdirSync(tarballs);
  pnpm(['-r', '--filter', './packages/**', 'run', 'build'], ROOT);
  for (const p of PACKAGES) pnpm(['pack', '--pack-destination', tarballs], join(ROOT, 'packages', p));
  lib = project('service', ['core', 'providers', 'targets']);
  all = project('everything', PACKAGES);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('published package.json', () => {
  it.each(PACKAGES)(
    '%s: no source condition, main/types, engines, sideEffects, ./package.json export',
    (p) => {
      const manifest = JSON.parse(
        readFileSync(join(all.dir, 'node_modules/@hookmap', p, 'package.json'), 'utf8'),
      );
      expect(JSON.stringify(manifest.exports)).not.toContain('@hookmap/source');
      expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain('workspace:');
      expect(manifest.main).toBe('./dist/index.js');
      expect(manifest.types).toBe('./dist/index.d.ts');
      expect(manifest.engines.node).toBe('>=20.19');
      expect(manifest.sideEffects === false || Array.isArray(manifest.sideEffects)).toBe(true);
      expect(manifest.exports['./package.json']).toBe('./package.json');
    },
  );

  it('installs the libraries a service needs without a warning', () => {
    expect(lib.stderr.trim()).toBe('');
  });
});

const ESM = `
import { compile, renderRequest } from '@hookmap/core';
import { lineColumn } from '@hookmap/core/tooling';
import { getProvider } from '@hookmap/providers';
import { validateBody, starterIntegration } from '@hookmap/targets';
import pkg from '@hookmap/core/package.json' with { type: 'json' };
const osvi = getProvider('osvi');
const payload = osvi.samples[0].payload;
const request = renderRequest(starterIntegration('hubspot.call', 'osvi'), payload, { provider: osvi, secrets: { HUBSPOT_TOKEN: 't' } });
console.log(JSON.stringify({
  value: compile('{{ a | upper }}').render({ a: 'x' }),
  line: lineColumn('a\\nb', 2).line,
  method: request.method,
  problems: validateBody('hubspot.call', request.body).filter((d) => d.severity === 'error').length,
  version: pkg.version,
}));
`;

const CJS = `
const { compile } = require('@hookmap/core');
const { providers } = require('@hookmap/providers');
console.log(JSON.stringify({ value: compile('{{ a }}').render({ a: 2 }), providers: providers.length }));
`;

const TS = `
import { compile, renderRequest, TemplateError, type Diagnostic, type Integration } from '@hookmap/core';
import { expressionToPath, pathToExpression } from '@hookmap/core/tooling';
import { getProvider } from '@hookmap/providers';
import { validateBody, type BodyDiagnostic } from '@hookmap/targets';

declare const integration: Integration;
declare const payload: unknown;
// The root README's snippet, as written there.
const request = renderRequest(integration, payload, { provider: getProvider('osvi'), secrets: { HUBSPOT_TOKEN: '…' } });
const problems: BodyDiagnostic[] = validateBody('hubspot.call', request.body);
const coreOnly: Diagnostic[] = problems.filter((p): p is Diagnostic => p.code.startsWith('H'));
try {
  compile('{{ a | nope }}');
} catch (e) {
  if (e instanceof TemplateError) {
    const code: 'H201' | string = e.code;
    console.log(code, problems.length, coreOnly.length, pathToExpression(expressionToPath('a.b') ?? []));
  }
}
`;

describe('consumers', () => {
  it('ESM: the libraries work from an installed tarball', () => {
    writeFileSync(join(lib.dir, 'esm.mjs'), ESM);
    const r = run(process.execPath, ['esm.mjs'], lib.dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      value: 'X',
      line: 2,
      method: 'POST',
      problems: expect.any(Number),
      version: '0.1.0',
    });
  });

  it('CommonJS: require() of the ESM packages works on Node ≥ 20.19 without a warning', () => {
    writeFileSync(join(lib.dir, 'cjs.cjs'), CJS);
    const r = run(process.execPath, ['cjs.cjs'], lib.dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ value: 2, providers: 5 });
  });

  it("Node loads core's joined build (the node condition); import and require give the same module", () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const esm = await import('@hookmap/core');
      console.log(JSON.stringify({
        core: import.meta.resolve('@hookmap/core').replace(/^.*@hookmap\\/core\\//, ''),
        tooling: import.meta.resolve('@hookmap/core/tooling').replace(/^.*@hookmap\\/core\\//, ''),
        same: require('@hookmap/core') === esm,
        render: esm.compile({ a: '{{ x | upper }}' }).render({ x: 'b' }),
      }));`;
    writeFileSync(join(lib.dir, 'joined.mjs'), script);
    const r = run(process.execPath, ['joined.mjs'], lib.dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      core: 'dist/node/index.js',
      tooling: 'dist/node/tooling.js',
      same: true,
      render: { a: 'B' },
    });
  });

  it.each(['nodenext', 'bundler'])(
    'TypeScript (%s, strict, skipLibCheck false) type-checks against the declarations',
    (resolution) => {
      const dir = join(lib.dir, `ts-${resolution}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'index.ts'), TS);
      const module = resolution === 'nodenext' ? 'nodenext' : 'esnext';
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            skipLibCheck: false,
            noEmit: true,
            module,
            moduleResolution: resolution,
            target: 'es2022',
            types: [],
          },
          files: ['index.ts'],
        }),
      );
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      const r = run(process.execPath, [TSC, '-p', 'tsconfig.json'], dir);
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
  );

  it('the CLI and the relay install and start', () => {
    const help = run(join(all.dir, 'node_modules/.bin/hookmap'), ['--help'], all.dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('render');
    const relay = run(
      process.execPath,
      ['--input-type=module', '-e', "import('@hookmap/relay').then((m) => console.log(typeof m.startRelay))"],
      all.dir,
    );
    expect(relay.stdout.trim()).toBe('function');
  });
});

describe('sideEffects: false lets a bundler keep only what is imported', () => {
  async function bundled(code: string): Promise<number> {
    const out = await build({
      stdin: { contents: code, resolveDir: lib.dir, loader: 'js' },
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    return out.outputFiles[0]?.contents.length ?? 0;
  }

  it('one constant or one tooling helper costs a few KB, not the engine', async () => {
    const whole = await bundled(
      "import { compile } from '@hookmap/core'; console.log(compile('{{a}}').render({ a: 1 }));",
    );
    const codes = await bundled("import { Codes } from '@hookmap/core'; console.log(Codes.UNKNOWN_FILTER);");
    const lines = await bundled(
      "import { lineColumn } from '@hookmap/core/tooling'; console.log(lineColumn('a', 0));",
    );
    expect(codes).toBeLessThan(4_000);
    expect(lines).toBeLessThan(4_000);
    expect(whole).toBeGreaterThan(20 * codes);
  });
});
