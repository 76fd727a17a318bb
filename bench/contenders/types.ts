import type { EngineId } from '../cases/types.js';

/** A template ready to render, as each engine offers it. */
export interface Prepared {
  /** The JSON value (a Promise when `async`). */
  render(context: object): unknown;
  /** The request body as JSON text (a Promise when `async`). */
  body(context: object): unknown;
}

export interface Contender {
  id: string;
  label: string;
  /** Which of the case's templates this contender compiles; 'hand' takes the case's function. */
  engine: EngineId | 'hand';
  /** False when every output value is a string (types lost); checked against the string projection. */
  keepsTypes: boolean;
  /** True when render/body return Promises; the harness awaits each op. */
  async: boolean;
  /** How compile works for this engine, when it is not a plain eager compile. */
  compileNote?: string;
  compile(source: unknown): Prepared;
}
