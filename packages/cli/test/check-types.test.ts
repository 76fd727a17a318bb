import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers/run-cli.js';

interface JsonProblem {
  severity: string;
  code: string;
  message: string;
  pointer: string;
  line?: number;
  column?: number;
  suggestion?: string;
  scope?: string;
}

const json = (stdout: string): JsonProblem[] => JSON.parse(stdout) as JsonProblem[];

describe.concurrent('hookmap check: types without a payload (SPEC §11)', () => {
  it('warns about a typo in a path, with a did-you-mean and its line and column (issue #15)', async () => {
    const result = await runCli(['check', 'static-typo.json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning H501 static-typo\.json:11:40 \/body\/template\/properties\/hs_call_title: .*Did you mean "data_capture"\?/m,
    );
    const lines = result.stderr.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  > 11 |'));
    const caret = lines[at + 1]!;
    expect(lines[at]!.slice(caret.indexOf('^'), caret.lastIndexOf('^') + 1)).toBe(
      'data_captur.customer_name',
    );
  });

  it('is an error to put an object into a HubSpot text property, before anything is sent (issue #15)', async () => {
    const result = await runCli(['check', 'static-object-into-text.json', '--json']);
    expect(result.code).toBe(1);
    expect(json(result.stdout)).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'H503',
        pointer: '/body/template/properties/hs_call_body',
        line: 11,
        column: 26,
      }),
    );
  });

  it('takes the provider and target from --provider and --target when the integration names none', async () => {
    const without = await runCli(['check', 'static-no-hints.json', '--json']);
    expect(without.code).toBe(0);
    expect(json(without.stdout).map((p) => p.code)).not.toContain('H503');
    const withFlags = await runCli([
      'check',
      'static-no-hints.json',
      '--provider',
      'osvi',
      '--target',
      'hubspot.call',
      '--json',
    ]);
    expect(withFlags.code).toBe(1);
    expect(json(withFlags.stdout)).toContainEqual(expect.objectContaining({ code: 'H503', line: 9 }));
  });

  it('checks only the events the integration is sent for', async () => {
    const filtered = await runCli(['check', 'static-attendee-events.json', '--json']);
    expect(json(filtered.stdout)).toContainEqual(
      expect.objectContaining({ code: 'H501', pointer: '/body/template/text' }),
    );
    const all = await runCli(['check', '-', '--json'], {
      input: readFileSync(fixture('static-attendee-events.json'), 'utf8').replace(
        '"events": ["bot.state_change"],',
        '',
      ),
    });
    expect(json(all.stdout).map((p) => p.code)).not.toContain('H501');
  });

  it('renders the samples when no payload is given, and reports what their bodies break (as warnings)', async () => {
    const result = await runCli(['check', 'static-object-into-text.json', '--json']);
    const fromSamples = json(result.stdout).filter((p) => p.scope === 'rendered-body');
    expect(fromSamples).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'T002',
        pointer: '/properties/hs_call_body',
        message: expect.stringMatching(/\(samples doc-example/),
      }),
    );
  });
});

const examples = resolve(import.meta.dirname, '../../../examples');
const names = readdirSync(examples, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(examples, e.name, 'integration.json')))
  .map((e) => e.name);

describe.concurrent('hookmap check on every shipped example, without a payload', () => {
  it.each(names)('%s: no error', async (name) => {
    const result = await runCli(['check', 'integration.json', '--secrets', '../secrets.json', '--json'], {
      cwd: join(examples, name),
    });
    expect(json(result.stdout).filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
  });
});
