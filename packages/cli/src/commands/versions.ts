/** `hookmap versions`, `hookmap rollback`, `hookmap replay`: a relay's integration history and replays (SPEC §12). */
import { CliError } from '../io/errors.js';
import { relayClient, type RelayOptions } from '../net/relay-api.js';
import type { Ui } from '../lib/ui.js';
import type { ReplayResult, VersionList } from '@hookmap/relay/api';

interface JsonOption {
  json?: boolean;
}

const path = (id: string) => `/api/integrations/${encodeURIComponent(id)}`;

export async function versionsCommand(
  integration: string,
  options: RelayOptions & JsonOption,
  ui: Ui,
): Promise<number> {
  const list = await relayClient(options, ui.env).call<VersionList>('GET', `${path(integration)}/versions`);
  if (options.json) {
    ui.out(JSON.stringify(list, null, 2));
    return 0;
  }
  const c = ui.outColors;
  for (const v of [...list.items].reverse()) {
    const mark = v.live ? c.green('● live') : '      ';
    ui.out(
      `${mark} v${v.version}  ${c.dim(v.createdAt)}  ${v.message ?? c.dim('(no message)')}${v.author ? c.dim(` — ${v.author}`) : ''}`,
    );
  }
  return 0;
}

export async function rollbackCommand(
  integration: string,
  version: string,
  options: RelayOptions & JsonOption & { message?: string },
  ui: Ui,
): Promise<number> {
  const n = versionNumber(version);
  const done = await relayClient(options, ui.env).call<{ version: number }>(
    'POST',
    `${path(integration)}/rollback`,
    {
      version: n,
      ...(options.message ? { message: options.message } : {}),
    },
  );
  if (options.json) ui.out(JSON.stringify(done, null, 2));
  else ui.out(`${integration}: version ${n}'s document is live again, as version ${done.version}`);
  return 0;
}

export interface ReplayOptions extends RelayOptions, JsonOption {
  integration?: string;
  throughVersion?: string;
  status?: string;
  source?: string;
  limit?: string;
}

export async function replayCommand(
  eventId: string | undefined,
  options: ReplayOptions,
  ui: Ui,
): Promise<number> {
  const client = relayClient(options, ui.env);
  const version = options.throughVersion === undefined ? undefined : versionNumber(options.throughVersion);
  let answer: ReplayResult;
  if (eventId) {
    if (!options.integration)
      throw new CliError(
        'replay of one event needs --integration <id> (the integration to send it through)',
        { exitCode: 2 },
      );
    answer = await client.call('POST', `/api/events/${encodeURIComponent(eventId)}/replay`, {
      integrationId: options.integration,
      ...(version ? { version } : {}),
    });
  } else {
    const limit = options.limit === undefined ? undefined : Number(options.limit);
    answer = await client.call('POST', '/api/events/replay', {
      ...(options.integration ? { integrationId: options.integration } : {}),
      ...(version ? { version } : {}),
      status: options.status ?? 'failed',
      ...(options.source ? { sourceId: options.source } : {}),
      ...(limit ? { limit } : {}),
    });
  }
  if (options.json) ui.out(JSON.stringify(answer, null, 2));
  else
    ui.out(
      `${answer.count} replay${answer.count === 1 ? '' : 's'} queued${answer.duplicates ? `, ${answer.duplicates} already waiting` : ''}${answer.count ? `: ${answer.replayed.join(', ')}` : ''}`,
    );
  return 0;
}

function versionNumber(text: string): number {
  const n = Number(text.replace(/^v/, ''));
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(
      `"${text}" is not a version number (1, 2, …; hookmap versions <integration> lists them)`,
      { exitCode: 2 },
    );
  return n;
}
