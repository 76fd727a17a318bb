#!/usr/bin/env node
import { Command, Option } from 'commander';
import { action, exitQuietlyOnBrokenPipe, reportError, type GlobalOptions } from './lib/run.js';

// Commands load on use: `render` never pays for undici, `--help` for none of the libraries.
const commands = {
  render: () => import('./commands/render.js'),
  check: () => import('./commands/check.js'),
  send: () => import('./commands/send.js'),
  batch: () => import('./commands/batch.js'),
  list: () => import('./commands/list.js'),
  serve: () => import('./commands/serve.js'),
  plan: () => import('./commands/plan.js'),
  versions: () => import('./commands/versions.js'),
};

const program = new Command('hookmap')
  .description('Render, check and send hookmap integrations: call/meeting webhooks in, CRM requests out.')
  .version('0.1.0')
  .option('--debug', 'print stack traces of unexpected errors')
  .option('--no-color', 'never colour output (NO_COLOR is respected too)')
  .showHelpAfterError('(add --help for usage)');

const globals = (): GlobalOptions => program.opts<GlobalOptions>();
const missingOption = () =>
  new Option('--missing <policy>', 'unresolved references become').choices(['null', 'omit', 'keep', 'error']);
const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

program
  .command('render')
  .description('print the request an integration makes for one payload (a flow: every step)')
  .argument('<integration>', 'integration JSON file (- for stdin)')
  .argument('<payload>', 'payload JSON file, @file or - for stdin')
  .option('--provider <id>', "provider of the payload (default: the integration's, else detected)")
  .option('--secrets <file>', '.env file with secrets (HOOKMAP_SECRET_<NAME> variables too)')
  .option('--responses <file>', "a flow's assumed responses: step id -> {status, headers?, body}")
  .addOption(missingOption())
  .option('--body', 'print only the body')
  .option('--compact', 'one-line JSON')
  .addHelpText(
    'after',
    examples(
      'hookmap render integration.json payload.json',
      'cat payload.json | hookmap render integration.json - --body',
      'hookmap render flow.json payload.json --responses responses.json',
    ),
  )
  .action(
    action(globals, async (ui, integration: string, payload: string, options) =>
      (await commands.render()).renderCommand(integration, payload, options, ui),
    ),
  );

program
  .command('check')
  .description(
    'report every problem of an integration (exit 1 on errors): templates typed against every event of its provider and the body against its target, without a payload; then the samples (or --payload) rendered',
  )
  .argument('<integration>', 'integration JSON file (- for stdin)')
  .option('--payload <file>', 'render this payload instead of the samples and report what rendering meets')
  .option(
    '--target <id>',
    "target preset the body is checked against (default: the integration's; see hookmap targets)",
  )
  .option(
    '--responses <file>',
    "a flow's assumed responses, to render its steps (with --payload, else the first sample)",
  )
  .option(
    '--provider <id>',
    "provider whose events type the templates (default: the integration's; with --payload, else detected)",
  )
  .option('--secrets <file>', '.env file with secrets')
  .option('--json', 'problems as JSON on stdout')
  .addHelpText(
    'after',
    examples(
      'hookmap check integration.json',
      'hookmap check integration.json --payload call.json --target hubspot.call',
    ),
  )
  .action(
    action(globals, async (ui, integration: string, options) =>
      (await commands.check()).checkCommand(integration, options, ui),
    ),
  );

program
  .command('send')
  .description(
    "render and perform the request (a flow: every step); prints the response (a flow: each step's status)",
  )
  .argument('<integration>', 'integration JSON file')
  .argument('<payload>', 'payload JSON file, @file or - for stdin')
  .option('--provider <id>', 'provider of the payload')
  .option('--secrets <file>', '.env file with secrets')
  .addOption(missingOption())
  .option('--dry-run', 'print the request instead of sending it')
  .option('--responses <file>', "with --dry-run, a flow's assumed responses")
  .option('--json', "a flow's whole result (requests, responses, results) as JSON")
  .option('--timeout <duration>', 'give up after this long (15s, 500ms, 2m)', '15s')
  .option('--allow-private', 'allow loopback, private and link-local destinations')
  .addHelpText(
    'after',
    examples(
      'hookmap send integration.json payload.json --secrets .env',
      'hookmap send integration.json payload.json --dry-run',
      'hookmap send flow.json payload.json --secrets .env',
    ),
  )
  .action(
    action(globals, async (ui, integration: string, payload: string, options) =>
      (await commands.send()).sendCommand(integration, payload, options, ui),
    ),
  );

program
  .command('batch')
  .description('render many payloads (NDJSON file or directory of JSON files), one request per output line')
  .argument('<integration>', 'integration JSON file')
  .argument('<payloads>', 'NDJSON file, directory of *.json files, or - for stdin')
  .option('-o, --output <file>', 'write rendered requests here instead of stdout')
  .option(
    '--provider <id>',
    "provider of the payloads (default: the integration's, else detected per payload)",
  )
  .option('--secrets <file>', '.env file with secrets')
  .addOption(missingOption())
  .addHelpText(
    'after',
    examples(
      'hookmap batch integration.json calls.ndjson -o requests.ndjson',
      'hookmap batch integration.json ./payloads/ > requests.ndjson',
    ),
  )
  .action(
    action(globals, async (ui, integration: string, payloads: string, options) =>
      (await commands.batch()).batchCommand(integration, payloads, options, ui),
    ),
  );

program
  .command('providers')
  .description('list the built-in providers')
  .option('--json', 'as JSON')
  .addHelpText('after', examples('hookmap providers', 'hookmap providers --json'))
  .action(action(globals, async (ui, options) => (await commands.list()).providersCommand(options, ui)));

program
  .command('samples')
  .description("list a provider's sample payloads, or print one")
  .argument('<provider>', 'provider id (see hookmap providers)')
  .option('--id <sample>', "print this sample's payload")
  .option('--json', 'the list as JSON')
  .addHelpText(
    'after',
    examples('hookmap samples osvi', 'hookmap samples osvi --id doc-example > payload.json'),
  )
  .action(
    action(globals, async (ui, provider: string, options) =>
      (await commands.list()).samplesCommand(provider, options, ui),
    ),
  );

program
  .command('targets')
  .description('list the destination presets')
  .option('--json', 'as JSON')
  .addHelpText('after', examples('hookmap targets'))
  .action(action(globals, async (ui, options) => (await commands.list()).targetsCommand(options, ui)));

program
  .command('serve')
  .description('start the relay (receives webhooks, delivers the integrations)')
  .option('--port <port>', 'port to listen on, 0 picks a free one (default: $HOOKMAP_PORT or 8787)')
  .option('--host <host>', 'interface to bind (default: $HOOKMAP_HOST or 127.0.0.1)')
  .option('--data <dir>', 'data directory of the embedded store (default: $HOOKMAP_DATA_DIR or ./.hookmap)')
  .option('--database-url <url>', 'PostgreSQL URL instead of the data directory (default: $DATABASE_URL)')
  .option('--admin-token <token>', 'bearer token for the admin API (default: $HOOKMAP_ADMIN_TOKEN)')
  .addHelpText(
    'after',
    examples('hookmap serve --port 8787', 'hookmap serve --host 0.0.0.0 --data /var/lib/hookmap'),
  )
  .action(action(globals, async (ui, options) => (await commands.serve()).serveCommand(options, ui)));

const relayOptions = (command: Command) =>
  command
    .option('--relay <url>', 'the relay (default: $HOOKMAP_RELAY_URL or http://127.0.0.1:8787)')
    .option('--token <token>', "the relay's admin token (default: $HOOKMAP_ADMIN_TOKEN)")
    .option('--json', 'the answer as JSON');

relayOptions(
  program
    .command('plan')
    .description(
      "show what a changed integration would send for the relay's recent real events, before publishing it",
    )
    .argument('<integration>', "the changed document (or the relay's { id, doc } view of it), - for stdin")
    .option('--integration <id>', 'the relay integration it changes (default: the file\'s "id")')
    .option('--limit <n>', 'how many recent events (default 100)'),
)
  .addHelpText(
    'after',
    examples('hookmap plan integration.json --integration int_123 --relay http://127.0.0.1:8787'),
  )
  .action(
    action(globals, async (ui, file: string, options) =>
      (await commands.plan()).planCommand(file, options, ui),
    ),
  );

relayOptions(
  program
    .command('versions')
    .description("list a relay integration's versions, newest first")
    .argument('<integration>', 'integration id'),
)
  .addHelpText('after', examples('hookmap versions int_123'))
  .action(
    action(globals, async (ui, id: string, options) =>
      (await commands.versions()).versionsCommand(id, options, ui),
    ),
  );

relayOptions(
  program
    .command('rollback')
    .description("make an earlier version's document live again (as a new version)")
    .argument('<integration>', 'integration id')
    .argument('<version>', 'the version to go back to')
    .option('--message <text>', 'why (default: "rollback to version N")'),
)
  .addHelpText('after', examples('hookmap rollback int_123 4'))
  .action(
    action(globals, async (ui, id: string, version: string, options) =>
      (await commands.versions()).rollbackCommand(id, version, options, ui),
    ),
  );

relayOptions(
  program
    .command('replay')
    .description(
      'send stored events again as new deliveries (marked as replays): one event, or in bulk by delivery status',
    )
    .argument('[event]', 'event id (omit for bulk)')
    .option('--integration <id>', 'the integration to send through (bulk: only its deliveries)')
    .option(
      '--through-version <n>',
      "send through this version instead of the live one (--version is the CLI's own)",
    )
    .option('--status <status>', 'bulk: deliveries in this status (default failed)')
    .option('--source <id>', 'bulk: only this source')
    .option('--limit <n>', 'bulk: at most this many events (default 1000)'),
)
  .addHelpText(
    'after',
    examples(
      'hookmap replay evt_123 --integration int_123',
      'hookmap replay --integration int_123 --status failed --through-version 3',
    ),
  )
  .action(
    action(globals, async (ui, event: string | undefined, options) =>
      (await commands.versions()).replayCommand(event, options, ui),
    ),
  );

exitQuietlyOnBrokenPipe();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportError(error, globals());
}
