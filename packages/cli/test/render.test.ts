import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers/run-cli.js';

const payload = JSON.parse(readFileSync(fixture('osvi-payload.json'), 'utf8')) as { call_summary: string };

describe.concurrent('hookmap render', () => {
  it('prints the rendered request as JSON, warnings on stderr', async () => {
    const result = await runCli([
      'render',
      'integration.json',
      'osvi-payload.json',
      '--secrets',
      'secrets.env',
    ]);
    expect(result.code).toBe(0);
    const request = JSON.parse(result.stdout);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://crm.example.com/leads/lead_42/calls');
    expect(request.headers.Authorization).toBe('Bearer tok-from-file');
    expect(request.headers['X-Campaign']).toBe('june-renewals');
    expect(request.body).toEqual({
      name: 'JOHN DOE',
      phone: '+919876543210',
      summary: payload.call_summary.slice(0, 37) + '...',
      confirmed: true,
      missing: null,
    });
    expect(request.diagnostics).toBeUndefined();
    expect(result.stderr).toMatch(/warning H301 integration\.json:\d+:\d+ \/body\/template\/missing/);
  });

  it('reads the payload from stdin (-) and from @file', async () => {
    const text = readFileSync(fixture('osvi-payload.json'), 'utf8');
    const fromStdin = await runCli(['render', 'integration.json', '-', '--body'], { input: text });
    const fromAt = await runCli(['render', 'integration.json', '@osvi-payload.json', '--body']);
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout).name).toBe('JOHN DOE');
    expect(fromAt.stdout).toBe(fromStdin.stdout);
  });

  it('detects the provider when neither --provider nor the integration names one', async () => {
    // Auto mode needs a provider; with all five OSVI sections the OSVI payload comes back exactly (SPEC §6).
    const result = await runCli(['render', 'auto-sections.json', 'osvi-payload.json', '--body']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(payload);
    const unknown = await runCli(['render', 'auto-sections.json', '-'], { input: '{"hello": "world"}' });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: H407 /);
  });

  it('takes secrets from HOOKMAP_SECRET_<NAME> variables', async () => {
    const result = await runCli(['render', 'integration.json', 'osvi-payload.json'], {
      env: { HOOKMAP_SECRET_CRM_TOKEN: 'env-tok' },
    });
    expect(JSON.parse(result.stdout).headers.Authorization).toBe('Bearer env-tok');
  });

  it('prints a text body raw with --body', async () => {
    const result = await runCli(['render', 'text-body.json', 'osvi-payload.json', '--body']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Call with John Doe: picked\n');
  });

  it('applies --missing omit and --missing error', async () => {
    const omit = await runCli([
      'render',
      'integration.json',
      'osvi-payload.json',
      '--missing',
      'omit',
      '--body',
    ]);
    expect(Object.keys(JSON.parse(omit.stdout))).not.toContain('missing');
    const error = await runCli(['render', 'integration.json', 'osvi-payload.json', '--missing', 'error']);
    expect(error.code).toBe(1);
    expect(error.stdout).toBe('');
    expect(error.stderr).toMatch(/^error: .*data_capture\.nope/);
    expect(error.stderr).not.toMatch(/^\s+at /m);
    const invalid = await runCli([
      'render',
      'integration.json',
      'osvi-payload.json',
      '--missing',
      'sometimes',
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('Allowed choices are null, omit, keep, error');
  });

  it('reports bad JSON with line, column and a caret frame, no stack trace', async () => {
    const result = await runCli(['render', 'integration.json', 'bad-payload.json']);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: bad-payload\.json:3:19: invalid JSON: /);
    expect(result.stderr).toContain('> 3 |   "phone_number": +91');
    const caret = lines.at(-1) ?? '';
    expect(caret.indexOf('^') - caret.indexOf('|')).toBe(
      lines.find((l) => l.includes('> 3 |'))!.indexOf('+') -
        lines.find((l) => l.includes('> 3 |'))!.indexOf('|'),
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('reports bad JSON from stdin as <stdin>', async () => {
    const result = await runCli(['render', 'integration.json', '-'], { input: '{"a": [1, 2,]}' });
    expect(result.stderr).toMatch(/^error: <stdin>:1:13: invalid JSON/);
  });

  it('names a missing file in one line', async () => {
    const result = await runCli(['render', 'integration.json', 'nope.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: cannot read nope.json: no such file\n');
  });

  it('shows the stack only with --debug', async () => {
    const result = await runCli(['--debug', 'render', 'integration.json', 'nope.json']);
    expect(result.stderr).toMatch(/^\s+at /m);
  });

  it('stops on an invalid integration with its first problem', async () => {
    const result = await runCli(['render', 'invalid-integration.json', 'osvi-payload.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: invalid integration: H401 invalid-integration\.json/);
    expect(result.stderr).toContain('run hookmap check invalid-integration.json');
  });

  it('rejects an unknown provider, listing the known ones', async () => {
    const result = await runCli(['render', 'integration.json', 'osvi-payload.json', '--provider', 'zoom']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: unknown provider "zoom" \(known: .*osvi/);
  });
});
