import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openBatchSource, type BatchRecord } from '../src/batch/records.js';

const dir = mkdtempSync(join(tmpdir(), 'hookmap-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(records: AsyncIterable<BatchRecord>): Promise<BatchRecord[]> {
  const out: BatchRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

describe('openBatchSource', () => {
  it('streams NDJSON lines with their line numbers, CRLF and blank lines handled', async () => {
    const file = join(dir, 'in.ndjson');
    writeFileSync(file, '{"a":1}\r\n\r\n  \n{"b":"é"}\n{"c":3}');
    const source = await openBatchSource(file);
    expect(source).toMatchObject({
      name: file,
      unit: 'bytes',
      total: Buffer.byteLength('{"a":1}\r\n\r\n  \n{"b":"é"}\n{"c":3}'),
    });
    const records = await collect(source.records);
    expect(records.map((r) => [r.text, r.origin, r.line])).toEqual([
      ['{"a":1}', `${file}:1`, 1],
      ['{"b":"é"}', `${file}:4`, 4],
      ['{"c":3}', `${file}:5`, 5],
    ]);
  });

  it('reads a directory as one record per *.json file in name order', async () => {
    const payloads = join(dir, 'payloads');
    mkdirSync(payloads);
    writeFileSync(join(payloads, 'b.json'), '{"n":2}');
    writeFileSync(join(payloads, 'a.json'), '{\n"n":1}');
    writeFileSync(join(payloads, 'readme.md'), '#');
    const source = await openBatchSource(payloads);
    expect(source).toMatchObject({ unit: 'files', total: 2 });
    expect((await collect(source.records)).map((r) => [r.origin, r.text, r.line])).toEqual([
      [join(payloads, 'a.json'), '{\n"n":1}', undefined],
      [join(payloads, 'b.json'), '{"n":2}', undefined],
    ]);
  });

  it('reads stdin when given -', async () => {
    const source = await openBatchSource('-', Readable.from(['{"x":1}\n{"x"', ':2}\n']));
    expect(source.total).toBeUndefined();
    expect((await collect(source.records)).map((r) => r.text)).toEqual(['{"x":1}', '{"x":2}']);
  });

  it('fails with a clear message for a missing path', async () => {
    await expect(openBatchSource(join(dir, 'nope.ndjson'))).rejects.toThrow(
      `cannot read ${join(dir, 'nope.ndjson')}: no such file`,
    );
  });
});
