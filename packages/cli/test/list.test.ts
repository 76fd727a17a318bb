import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe.concurrent('hookmap providers / samples / targets', () => {
  it('lists the five providers', async () => {
    const result = await runCli(['providers', '--json']);
    expect(result.code).toBe(0);
    const ids = (JSON.parse(result.stdout) as Array<{ id: string }>).map((p) => p.id);
    expect(ids.sort()).toEqual(['attendee', 'osvi', 'otonistark', 'otter', 'quil']);
    const table = await runCli(['providers']);
    expect(table.stdout).toMatch(/^osvi\s+/m);
  });

  it('lists samples and prints one payload verbatim', async () => {
    const list = await runCli(['samples', 'osvi', '--json']);
    const ids = (JSON.parse(list.stdout) as Array<{ id: string }>).map((s) => s.id);
    expect(ids).toContain('doc-example');
    const one = await runCli(['samples', 'osvi', '--id', 'doc-example']);
    expect(one.code).toBe(0);
    const file = resolve(import.meta.dirname, '../../providers/src/osvi/samples/doc-example.json');
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('names unknown providers and samples', async () => {
    expect((await runCli(['samples', 'zoom'])).stderr).toMatch(/^error: unknown provider "zoom"/);
    const missing = await runCli(['samples', 'osvi', '--id', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: no sample "nope" in osvi \(known: .*doc-example/);
  });

  it('lists the targets', async () => {
    const result = await runCli(['targets', '--json']);
    const rows = JSON.parse(result.stdout) as Array<{
      id: string;
      secrets: string[];
      connection: string | null;
    }>;
    expect(rows.map((t) => t.id)).toEqual(expect.arrayContaining(['hubspot.call']));
    // OAuth CRMs read a relay connection, the others name their secrets.
    const note = rows.find((t) => t.id === 'zoho.note');
    expect(note).toMatchObject({ secrets: [], connection: 'zoho' });
    expect(rows.find((t) => t.id === 'hubspot.call')).toMatchObject({
      secrets: ['HUBSPOT_TOKEN'],
      connection: null,
    });
    expect((await runCli(['targets'])).stdout).toMatch(/^hubspot\.call\s+/m);
  });
});

describe.concurrent('help and colours', () => {
  it.each(['render', 'check', 'send', 'batch', 'providers', 'samples', 'targets', 'serve'])(
    '%s --help shows an example',
    async (command) => {
      const result = await runCli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Examples:\n\s+\$ hookmap /);
    },
  );

  it('colours errors only when asked for (FORCE_COLOR) and never with NO_COLOR', async () => {
    const forced = await runCli(['render', 'x.json', 'y.json'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(forced.stderr).toContain('\u001b[31merror:');
    const plain = await runCli(['render', 'x.json', 'y.json'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(plain.stderr).not.toContain('\u001b[');
  });

  it('fails on unknown commands and missing arguments with exit 1', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(1);
    const missing = await runCli(['render', 'integration.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("missing required argument 'payload'");
  });
});
