/** Structured log lines (JSON on stderr by default). Callers pass ids and statuses, never secrets. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogSink = (
  line: { level: LogLevel; msg: string; time: string } & Record<string, unknown>,
) => void;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export const stderrSink: LogSink = (line) => process.stderr.write(JSON.stringify(line) + '\n');

export function createLogger(sink: LogSink = stderrSink, minLevel: LogLevel = 'info'): Logger {
  const emit =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (order[level] < order[minLevel]) return;
      sink({ level, msg, time: new Date().toISOString(), ...fields });
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
