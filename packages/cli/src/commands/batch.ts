import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { MissingPolicy } from '@hookmap/core';
import { openBatchSource, type BatchRecord } from '../batch/records.js';
import { createProgress, type Counts } from '../batch/progress.js';
import { CliError, errorMessage } from '../io/errors.js';
import { parseJsonWithLocation } from '../io/json-location.js';
import { BufferedWriter } from '../io/output.js';
import { loadIntegration } from '../lib/integration.js';
import { createBatchRenderer } from '../batch/renderer.js';
import { loadSecrets } from '../lib/secrets.js';
import type { Ui } from '../lib/ui.js';

export interface BatchOptions {
  output?: string;
  provider?: string;
  secrets?: string;
  missing?: MissingPolicy;
}

interface Failure {
  origin: string;
  message: string;
}

/** Failures kept for the final list; the rest are only counted, so memory stays constant. */
const MAX_LISTED_FAILURES = 100;

/**
 * hookmap batch <integration> <payloads.ndjson|dir>: render every payload, one rendered request
 * per output line, streaming both ways. Exit code 1 when any payload failed.
 */
export async function batchCommand(
  integrationSpec: string,
  inputSpec: string,
  options: BatchOptions,
  ui: Ui,
): Promise<number> {
  if (integrationSpec === '-' && inputSpec === '-')
    throw new CliError('only one of the inputs can be read from stdin (-)');
  const loaded = await loadIntegration(integrationSpec, ui);
  const renderer = createBatchRenderer(loaded, {
    providerFlag: options.provider,
    secrets: await loadSecrets(options.secrets, ui.env),
    missing: options.missing,
  });
  const source = await openBatchSource(inputSpec);
  const out = options.output === undefined ? ui.stdout : await openOutput(options.output);
  const writer = new BufferedWriter(out);
  const counts: Counts = { rendered: 0, failed: 0, skipped: 0 };
  const failures: Failure[] = [];
  const progress = createProgress(ui.stderr, source.total, source.unit);
  let consumed = 0;
  // Ctrl-C: put the terminal back (the bar hides the cursor) and say how far we got.
  const interrupt = () => {
    progress.stop();
    ui.err(`interrupted: ${counts.rendered} rendered, ${counts.failed} failed`);
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  try {
    for await (const record of source.records) {
      consumed += record.bytes;
      const line = renderRecord(record, renderer, failures, counts);
      if (line !== undefined) await writer.write(line);
      progress.update(consumed, counts);
    }
    await writer.flush();
  } finally {
    process.off('SIGINT', interrupt);
    progress.stop();
    if (out !== ui.stdout) await closeOutput(out);
  }
  reportFailures(failures, counts, ui);
  const skipped = counts.skipped
    ? `, ${counts.skipped} skipped (left out by the integration's "events" or "when")`
    : '';
  ui.err(`${counts.rendered} rendered${skipped}, ${counts.failed} failed`);
  return counts.failed > 0 ? 1 : 0;
}

function renderRecord(
  record: BatchRecord,
  renderer: ReturnType<typeof createBatchRenderer>,
  failures: Failure[],
  counts: Counts,
): string | undefined {
  try {
    const payload = parseRecord(record);
    const request = renderer.render(payload);
    if (request === null) {
      counts.skipped++;
      return undefined;
    }
    counts.rendered++;
    return JSON.stringify(request) + '\n';
  } catch (error) {
    counts.failed++;
    if (failures.length < MAX_LISTED_FAILURES)
      failures.push({ origin: record.origin, message: errorMessage(error) });
    return undefined;
  }
}

function parseRecord(record: BatchRecord): unknown {
  try {
    return JSON.parse(record.text);
  } catch {
    // Only the failing record pays for the located message.
    const file = record.line === undefined ? record.origin : record.origin.replace(/:\d+$/, '');
    return parseJsonWithLocation(record.text, file, { lineOffset: (record.line ?? 1) - 1 });
  }
}

function reportFailures(failures: Failure[], counts: Counts, ui: Ui): void {
  for (const failure of failures) {
    const message = failure.message.startsWith(failure.origin)
      ? failure.message
      : `${failure.origin}: ${failure.message}`;
    ui.err(`${ui.colors.red('failed')} ${message}`);
  }
  if (counts.failed > failures.length) ui.err(`… and ${counts.failed - failures.length} more failures`);
}

/** Open -o now, so a bad path is one clear line rather than a stream 'error' later. */
async function openOutput(path: string): Promise<Writable> {
  try {
    return (await open(path, 'w')).createWriteStream();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such directory' : code === 'EISDIR' ? 'it is a directory' : errorMessage(error);
    throw new CliError(`cannot write ${path}: ${reason}`, { cause: error });
  }
}

async function closeOutput(out: Writable): Promise<void> {
  out.end();
  await finished(out).catch((error: unknown) => {
    throw new CliError(`cannot write output: ${errorMessage(error)}`, { cause: error });
  });
}
