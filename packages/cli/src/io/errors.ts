/**
 * The one error type commands throw for things the user can fix: a clear one-line message,
 * optionally a code frame, and the exit code. main.ts prints it without a stack trace.
 */
export class CliError extends Error {
  readonly frame: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: { frame?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.frame = options.frame;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** Message of anything thrown, without assuming it is an Error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
