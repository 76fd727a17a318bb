/** Errors of the embedded store's log, with stable codes. */
export type WalErrorCode = 'WAL_CORRUPT' | 'WAL_WRITE_FAILED' | 'WAL_CLOSED';

export class WalError extends Error {
  constructor(
    readonly code: WalErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WalError';
  }
}

export function corrupt(file: string, offset: number, reason: string): WalError {
  return new WalError(
    'WAL_CORRUPT',
    `the embedded store's log is damaged in ${file} at byte ${offset} (${reason}), before records that are intact: ` +
      'restore the data directory from a backup, or move that file aside to start without the records it holds',
  );
}
