import { Codes, type Code } from '../codes.js';
import { RenderError } from '../errors.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { Diagnostic, Limits, MissingPolicy } from '../types.js';

/** An unresolved path met while evaluating one placeholder. */
export interface Unresolved {
  reference: string;
  start: number;
  end: number;
  message: string;
  suggestion?: string;
}

/** Everything one render call mutates: counters for the limits, diagnostics, pending misses. */
export class RenderState {
  iterations = 0;
  output = 0;
  /** Pending unresolved references of the placeholder being evaluated, or null when nobody listens. */
  pending: Unresolved[] | null;

  constructor(
    readonly limits: Limits,
    readonly missing: MissingPolicy,
    readonly diagnostics: Diagnostic[] | null,
  ) {
    this.pending = diagnostics || missing === 'error' ? [] : null;
  }

  addOutput(bytes: number): void {
    if ((this.output += bytes) > this.limits.maxOutputBytes) {
      throw limitError(
        Codes.OUTPUT_LIMIT,
        'maxOutputBytes',
        `Output is larger than the limit maxOutputBytes (${this.limits.maxOutputBytes} bytes). ` +
          'Check for loops that repeat large values, or raise the limit.',
      );
    }
  }

  countIteration(): void {
    if (++this.iterations > this.limits.maxIterations) {
      throw limitError(
        Codes.ITERATION_LIMIT,
        'maxIterations',
        `More than the limit maxIterations (${this.limits.maxIterations}) $each iterations in one render. ` +
          'Loop over less data, or raise the limit.',
      );
    }
  }

  /** Adds a value's JSON size to the output count, checking its depth on the way. */
  addValue(value: unknown): void {
    if (typeof value === 'string') this.addOutput(value.length + 2);
    else if (typeof value === 'object' && value !== null) this.addOutput(this.measure(value));
    else this.addOutput(5);
  }

  /**
   * An object on its way into the output: counted, depth-checked, and returned as is when it is
   * plain JSON (the usual case, memoised), else as its JSON form (Dates, Maps, NaN inside...).
   */
  outputObject(value: object): unknown {
    pure = true;
    this.addOutput(this.measure(value));
    return pure ? value : toJsonValue(value);
  }

  /** Approximate JSON size of a value; throws when it nests deeper than maxPayloadDepth. */
  measure(value: object): number {
    return measureValue(value, 0, this.limits.maxPayloadDepth);
  }

  report(d: Diagnostic): void {
    this.diagnostics?.push(d);
  }
}

/**
 * Render states are short-lived, so at a major GC none may be alive; V8 then drops their hidden classes,
 * and every optimised function that used them is deoptimised. One state kept for good (both `pending`
 * kinds) keeps those classes, and the optimised render code, alive across collections.
 */
export const keepAlive = [
  new RenderState(DEFAULT_LIMITS, 'null', null),
  new RenderState(DEFAULT_LIMITS, 'error', null),
];

/**
 * Walks a value once: its approximate JSON size, with the depth bounded by `max` (so a hostile
 * payload can never overflow the stack) and `pure` cleared when it holds anything JSON cannot
 * (class instances, NaN, functions). No memo: payloads are usually fresh objects, and the walk
 * costs what serialising the same value costs anyway.
 */
let pure = true;
const hasOwn = Object.prototype.hasOwnProperty;

/** JSON size of a value that is not an object; clears `pure` for what JSON cannot hold. */
function leafSize(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      if (!Number.isFinite(value)) pure = false;
      return 5;
    case 'boolean':
      return 5;
    default:
      pure = false;
      return 0;
  }
}

/** Strings (most members) are sized inline, objects recursively, so leaves cost no call. */
function memberSize(v: unknown, depth: number, max: number): number {
  if (typeof v === 'string') return v.length + 2;
  if (typeof v === 'object') return v === null ? 4 : measureValue(v, depth, max);
  return leafSize(v);
}

function measureValue(value: object, depth: number, max: number): number {
  if (depth >= max) throw tooDeep(max);
  let size = 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) size += memberSize(value[i], depth + 1, max) + 1;
    return size;
  }
  const record = value as Record<string, unknown>;
  if (record.constructor === Object) {
    // A plain object: for-in yields its own keys (or, if someone made Object.prototype members
    // enumerable, a few more, which only over-counts), so no per-key own check is needed.
    for (const key in record) size += key.length + 4 + memberSize(record[key], depth + 1, max);
    return size;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) pure = false;
  for (const key in record) {
    if (hasOwn.call(record, key)) size += key.length + 4 + memberSize(record[key], depth + 1, max);
  }
  return size;
}

/** The JSON form of any value, as JSON.stringify would write it (undefined when it writes nothing). */
export function toJsonValue(value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'function':
    case 'symbol':
    case 'undefined':
      return undefined;
    case 'object': {
      if (value === null) return null;
      const json = (value as { toJSON?: unknown }).toJSON;
      if (typeof json === 'function') return toJsonValue((json as () => unknown).call(value));
      if (Array.isArray(value)) return value.map((v) => toJsonValue(v) ?? null);
      if (value instanceof Map || value instanceof Set) return {};
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const v = toJsonValue((value as Record<string, unknown>)[key]);
        if (v !== undefined)
          Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      return value;
  }
}

export function limitError(code: Code, limit: string, message: string): RenderError {
  const err = new RenderError(code, message);
  err.limit = limit;
  return err;
}

function tooDeep(max: number): RenderError {
  return limitError(
    Codes.PAYLOAD_TOO_DEEP,
    'maxPayloadDepth',
    `The payload nests deeper than the limit maxPayloadDepth (${max}). It is too deep to render safely.`,
  );
}
