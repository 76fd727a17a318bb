import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers/run-cli.js';

const payload = JSON.parse(readFileSync(fixture('osvi-payload.json'), 'utf8')) as {
  call_trigger_data: { crm_id: string };
  data_capture: { customer_name: string };
};
const LINES = 100_000;
let dir: string;

function variant(i: number): string {
  return JSON.stringify({
    ...payload,
    call_trigger_data: { ...payload.call_trigger_data, crm_id: `lead_${i}` },
    data_capture: { ...payload.data_capture, customer_name: `Customer ${i}` },
  });
}

async function countLines(path: string): Promise<{ count: number; first?: string; last?: string }> {
  let count = 0;
  let first: string | undefined;
  let last: string | undefined;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    count++;
    first ??= line;
    last = line;
  }
  return { count, first, last };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hookmap-batch-'));
  const out = createWriteStream(join(dir, 'big.ndjson'));
  for (let i = 1; i <= LINES; i++) {
    if (!out.write(variant(i) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('hookmap batch', () => {
  it(`renders a ${LINES}-line NDJSON file, one output line per input`, async () => {
    const output = join(dir, 'out.ndjson');
    const result = await runCli([
      'batch',
      fixture('integration.json'),
      join(dir, 'big.ndjson'),
      '-o',
      output,
    ]);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(`${LINES} rendered, 0 failed`);
    expect(result.code).toBe(0);
    const lines = await countLines(output);
    expect(lines.count).toBe(LINES);
    expect(JSON.parse(lines.first!)).toMatchObject({
      url: 'https://crm.example.com/leads/lead_1/calls',
      body: { name: 'CUSTOMER 1' },
    });
    expect(JSON.parse(lines.last!)).toMatchObject({
      url: `https://crm.example.com/leads/lead_${LINES}/calls`,
    });
  }, 120_000);

  it('lists failures with the line they came from, skips blank lines, exits 1', async () => {
    const input = join(dir, 'mixed.ndjson');
    writeFileSync(input, [variant(1), '', '{"call_log_id": oops}', variant(2), '[1,2'].join('\n') + '\n');
    const result = await runCli(['batch', fixture('integration.json'), input]);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(result.stderr).toContain(`failed ${input}:3:17: invalid JSON`);
    expect(result.stderr).toContain(`failed ${input}:5:5: invalid JSON`);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('2 rendered, 2 failed');
  });

  it('reads a directory of JSON files and stdin', async () => {
    const payloads = join(dir, 'payloads');
    mkdirSync(payloads);
    for (const i of [1, 2, 3]) writeFileSync(join(payloads, `p${i}.json`), variant(i));
    writeFileSync(join(payloads, 'notes.txt'), 'ignored');
    const fromDir = await runCli(['batch', fixture('integration.json'), payloads]);
    expect(fromDir.code).toBe(0);
    expect(
      fromDir.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).url),
    ).toEqual([1, 2, 3].map((i) => `https://crm.example.com/leads/lead_${i}/calls`));
    const fromStdin = await runCli(['batch', fixture('integration.json'), '-'], {
      input: `${variant(7)}\n${variant(8)}`,
    });
    expect(fromStdin.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(fromStdin.stderr).toContain('2 rendered, 0 failed');
  });

  it('reports an output path it cannot write in one line', async () => {
    const bad = join(dir, 'no-such-dir', 'out.ndjson');
    const result = await runCli(['batch', fixture('integration.json'), '-', '-o', bad], {
      input: variant(1),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: cannot write ${bad}: no such directory\n`);
  });

  it('reports a missing input in one line', async () => {
    const result = await runCli(['batch', fixture('integration.json'), join(dir, 'absent.ndjson')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: cannot read ${join(dir, 'absent.ndjson')}: no such file\n`);
  });
});
