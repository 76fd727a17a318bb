import { CliError, errorMessage } from '../io/errors.js';
import { createUi, type Ui } from './ui.js';

export interface GlobalOptions {
  debug?: boolean;
  color?: boolean;
}

/**
 * Wrap a command: build the Ui from the global options, run it, and turn its return value into
 * the exit code. Errors go up to main, which prints them (reportError).
 */
export function action<A extends unknown[]>(
  globals: () => GlobalOptions,
  fn: (ui: Ui, ...args: A) => Promise<number | void> | number | void,
) {
  return async (...args: A): Promise<void> => {
    const code = await fn(createUi({ color: globals().color }), ...args);
    if (typeof code === 'number') process.exitCode = code;
  };
}

/** One clear line plus the frame; the stack only with --debug. */
export function reportError(error: unknown, options: GlobalOptions): void {
  const ui = createUi({ color: options.color });
  ui.err(`${ui.colors.red('error:')} ${errorMessage(error)}`);
  if (error instanceof CliError && error.frame) ui.err(indent(error.frame));
  if (options.debug && error instanceof Error && error.stack) ui.err(ui.colors.dim(causeChain(error)));
  else if (!(error instanceof CliError)) ui.err(ui.colors.dim('(run with --debug for the stack trace)'));
  process.exitCode = error instanceof CliError ? error.exitCode : 1;
}

function causeChain(error: Error): string {
  const parts = [error.stack ?? error.message];
  let cause = error.cause;
  for (let depth = 0; depth < 5 && cause instanceof Error; depth++, cause = cause.cause) {
    parts.push(`caused by: ${cause.stack ?? cause.message}`);
  }
  return parts.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** `hookmap … | head` closes stdout early: that is not an error. */
export function exitQuietlyOnBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
