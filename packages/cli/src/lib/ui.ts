import { colorsEnabled, createColors, type Colors } from '../io/colors.js';

/** Where commands write: results to stdout, messages to stderr, each with its own colour decision. */
export interface Ui {
  out(text: string): void;
  err(text: string): void;
  /** Colours for stderr messages. */
  colors: Colors;
  /** Colours for stdout (off when piped). */
  outColors: Colors;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

export function createUi(options: { color?: boolean } = {}): Ui {
  const disabled = options.color === false;
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    colors: createColors(colorsEnabled(process.stderr, process.env, disabled)),
    outColors: createColors(colorsEnabled(process.stdout, process.env, disabled)),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
}
