import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { CliError } from '../io/errors.js';
import { STDIN_NAME, fileErrorMessage, inputPath } from '../io/read-input.js';

/** One payload of a batch: its text and where it came from. */
export interface BatchRecord {
  text: string;
  /** "file:line" for NDJSON, the file name for a directory of JSON files. */
  origin: string;
  /** NDJSON line number (1-based), undefined for whole files. */
  line?: number;
  /** Bytes of input this record consumed (for the progress bar). */
  bytes: number;
}

export interface BatchSource {
  name: string;
  /** Total bytes (NDJSON file) or files (directory); undefined for stdin. */
  total: number | undefined;
  unit: 'bytes' | 'files';
  records: AsyncIterable<BatchRecord>;
}

/** A directory is read as one payload per *.json file; anything else as NDJSON, streamed line by line. */
export async function openBatchSource(spec: string, stdin: Readable = process.stdin): Promise<BatchSource> {
  if (spec === '-')
    return { name: STDIN_NAME, total: undefined, unit: 'bytes', records: ndjsonRecords(stdin, STDIN_NAME) };
  const path = inputPath(spec);
  const info = await stat(path).catch((error: unknown) => {
    throw new CliError(fileErrorMessage(path, error), { cause: error });
  });
  if (info.isDirectory()) {
    const files = (await readdir(path)).filter((f) => f.endsWith('.json')).sort();
    return { name: path, total: files.length, unit: 'files', records: directoryRecords(path, files) };
  }
  return {
    name: path,
    total: info.size,
    unit: 'bytes',
    records: ndjsonRecords(createReadStream(path), path),
  };
}

async function* ndjsonRecords(input: Readable, name: string): AsyncGenerator<BatchRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const bytes = Buffer.byteLength(text) + 1;
    if (text.trim() === '') continue;
    yield { text, origin: `${name}:${line}`, line, bytes };
  }
}

async function* directoryRecords(dir: string, files: string[]): AsyncGenerator<BatchRecord> {
  for (const file of files) {
    const path = join(dir, file);
    yield { text: await readFile(path, 'utf8'), origin: path, bytes: 1 };
  }
}
