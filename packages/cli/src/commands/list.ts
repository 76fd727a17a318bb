import { CliError } from '../io/errors.js';
import { formatJson } from '../io/output.js';
import { listProviders, providerById } from '../lib/catalog.js';
import type { Ui } from '../lib/ui.js';

/** hookmap providers: the built-in providers, their events and samples. */
export function providersCommand(options: { json?: boolean }, ui: Ui): void {
  const rows = listProviders().map((p) => ({
    id: p.id,
    name: p.name,
    events: p.events,
    samples: p.samples.length,
  }));
  if (options.json) return ui.out(formatJson(rows));
  ui.out(
    table(
      rows.map((r) => [r.id, r.name, `${r.samples} samples`, r.events.join(', ')]),
      ui,
    ),
  );
}

/** hookmap samples <provider> [--id sample]: list a provider's samples, or print one payload. */
export function samplesCommand(providerId: string, options: { id?: string; json?: boolean }, ui: Ui): void {
  const provider = providerById(providerId);
  if (options.id !== undefined) {
    const sample = provider.samples.find((s) => s.id === options.id);
    if (!sample) {
      throw new CliError(
        `no sample "${options.id}" in ${provider.id} (known: ${provider.samples.map((s) => s.id).join(', ')})`,
      );
    }
    return ui.out(formatJson(sample.payload));
  }
  const rows = provider.samples.map((s) => ({
    id: s.id,
    name: s.name,
    event: s.event,
    inferred: s.inferred === true,
  }));
  if (options.json) return ui.out(formatJson(rows));
  ui.out(
    table(
      rows.map((r) => [r.id, r.event, r.name + (r.inferred ? ' (inferred)' : '')]),
      ui,
    ),
  );
}

/** hookmap targets: the destination presets. */
export async function targetsCommand(options: { json?: boolean }, ui: Ui): Promise<void> {
  const { listTargets } = await import('../lib/targets.js');
  const rows = listTargets().map((t) => ({
    id: t.id,
    name: t.name,
    method: t.method,
    url: t.url,
    secrets: t.secrets,
    /** The relay connection the presets read (`connection.*`), or null when they read secrets. */
    connection: t.auth?.default === 'connection' ? t.auth.connection : null,
  }));
  if (options.json) return ui.out(formatJson(rows));
  ui.out(
    table(
      rows.map((r) => [r.id, r.name, `${r.method} ${r.url}`]),
      ui,
    ),
  );
}

function table(rows: string[][], ui: Ui): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === 0
            ? ui.outColors.bold(cell.padEnd(widths[i] ?? 0))
            : i === row.length - 1
              ? cell
              : cell.padEnd(widths[i] ?? 0),
        )
        .join('  '),
    )
    .join('\n');
}
