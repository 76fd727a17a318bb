import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers/run-cli.js';

interface JsonProblem {
  severity: string;
  code: string;
  pointer: string;
  line?: number;
  column?: number;
  scope?: string;
}

describe.concurrent('hookmap check', () => {
  it('passes a good integration', async () => {
    const result = await runCli(['check', 'integration.json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('ok integration.json: no problems\n');
  });

  it('reports every template problem with file, pointer, line/column and a caret (exit 1)', async () => {
    const result = await runCli(['check', 'bad-templates.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error H101 bad-templates\.json:4:\d+ \/url: /m);
    expect(result.stderr).toMatch(/^error H201 bad-templates\.json:6:\d+ \/headers\/X-Name: .*upper/m);
    expect(result.stderr).toMatch(/^error H102 bad-templates\.json:12:\d+ \/body\/template\/empty: /m);
    expect(result.stderr).toContain('> 6 |     "X-Name": "{{ data_capture.customer_name | uper }}"');
    expect(result.stderr).toMatch(/bad-templates\.json: 3 errors, 0 warnings/);
  });

  it('puts the caret under the offending text', async () => {
    const result = await runCli(['check', 'bad-templates.json']);
    const lines = result.stderr.split('\n');
    const at = lines.findIndex((l) => l.includes('> 6 |'));
    const source = lines[at]!;
    const caret = lines[at + 1]!;
    expect(source.slice(caret.indexOf('^'), caret.lastIndexOf('^') + 1)).toBe('uper');
  });

  it('prints problems as JSON with --json', async () => {
    const result = await runCli(['check', 'bad-templates.json', '--json']);
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout) as JsonProblem[];
    expect(problems.map((p) => [p.code, p.pointer, p.line])).toEqual(
      expect.arrayContaining([
        ['H101', '/url', 4],
        ['H201', '/headers/X-Name', 6],
        ['H102', '/body/template/empty', 12],
      ]),
    );
  });

  it("walks a flow's steps: template problems point into the step, with line and column", async () => {
    const result = await runCli(['check', 'flow-bad-templates.json', '--json']);
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout) as JsonProblem[];
    expect(problems.map((p) => [p.code, p.pointer, p.line])).toEqual([
      ['H201', '/steps/1/headers/X-Who', 8],
      ['H101', '/steps/1/body/template/to', 9],
    ]);
  });

  it('reports a step reading a later step (H409) with a caret under the path', async () => {
    const result = await runCli(['check', 'flow-bad-reference.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error H409 flow-bad-reference\.json:4:\d+ \/steps\/0\/url: steps\.note runs after this step/m,
    );
    const lines = result.stderr.split('\n');
    const at = lines.findIndex((l) => l.includes('> 4 |'));
    const caret = lines[at + 1]!;
    expect(lines[at]!.slice(caret.indexOf('^'), caret.lastIndexOf('^') + 1)).toBe('steps.note.result');
  });

  it('reports document problems of an invalid integration', async () => {
    const result = await runCli(['check', 'invalid-integration.json', '--json']);
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout) as JsonProblem[];
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('with --payload, reports unresolved references as warnings (exit 0)', async () => {
    const result = await runCli(['check', 'integration.json', '--payload', 'osvi-payload.json', '--json']);
    expect(result.code).toBe(0);
    const problems = JSON.parse(result.stdout) as JsonProblem[];
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'H301', pointer: '/body/template/missing' }),
    );
  });

  it('with --target, reports schema problems of the rendered body (exit 1)', async () => {
    const result = await runCli([
      'check',
      'integration.json',
      '--payload',
      'osvi-payload.json',
      '--target',
      'hubspot.call',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error \S+ integration\.json rendered body \//m);
  });

  it("uses the integration's own target hint when a payload is given", async () => {
    const result = await runCli(['check', '-', '--payload', 'osvi-payload.json', '--json'], {
      input: readFileSync(fixture('integration.json'), 'utf8').replace(
        '"provider": "osvi",',
        '"provider": "osvi", "target": "hubspot.call",',
      ),
    });
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout) as JsonProblem[];
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', scope: 'rendered-body', pointer: '/properties' }),
    );
  });

  it('rejects an unknown target', async () => {
    const result = await runCli([
      'check',
      'integration.json',
      '--payload',
      'osvi-payload.json',
      '--target',
      'nope',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: unknown target "nope" \(known: .*hubspot/);
  });
});
