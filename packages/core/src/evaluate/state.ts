import { Codes } from '../codes.js';
import { RenderError } from '../errors.js';
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
    this.addOutput(this.measure(value));
    return impure.has(value) ? toJsonValue(value) : value;
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
 * Approximate JSON sizes of values already measured. Output values are payload values passed by
 * reference, so a payload object is measured once, not on every render.
 */
const sizes = new WeakMap<object, number>();

function measureValue(value: unknown, depth: number, max: number): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null) return 5;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  if (depth >= max) throw tooDeep(max);
  let size = 2;
  let pure = true;
  if (Array.isArray(value)) {
    for (const item of value) {
      size += measureValue(item, depth + 1, max) + 1;
      pure &&= isJsonLeaf(item);
    }
  } else {
    const proto = Object.getPrototypeOf(value);
    pure = proto === Object.prototype || proto === null;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      size += key.length + 4 + measureValue(item, depth + 1, max);
      pure &&= isJsonLeaf(item);
    }
  }
  sizes.set(value, size);
  if (!pure) impure.add(value);
  return size;
}

/** Objects (and objects holding such) that are not plain JSON: class instances, NaN, functions... */
const impure = new WeakSet<object>();

function isJsonLeaf(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v);
    case 'object':
      return v === null || !impure.has(v);
    default:
      return false;
  }
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
        if (v !== undefined) Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      return value;
  }
}

export function limitError(code: string, limit: string, message: string): RenderError {
  const err = new RenderError(code, message);
  err.limit = limit;
  return err;
}

/** Heights of already-checked payload objects, so a payload is walked once, not on every render. */
const heights = new WeakMap<object, number>();

/** SPEC §8 payload depth: throws H306 when the context nests deeper than `max`. */
export function checkPayloadDepth(value: object, max: number): void {
  if (height(value, 0, max) > max) throw tooDeep(max);
}

function height(value: unknown, depth: number, max: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  const known = heights.get(value);
  if (known !== undefined) {
    if (depth + known > max) throw tooDeep(max);
    return known;
  }
  if (depth >= max) throw tooDeep(max);
  let h = 0;
  if (Array.isArray(value)) {
    for (const item of value) h = Math.max(h, height(item, depth + 1, max));
  } else {
    for (const key of Object.keys(value)) h = Math.max(h, height((value as Record<string, unknown>)[key], depth + 1, max));
  }
  heights.set(value, h + 1);
  return h + 1;
}

function tooDeep(max: number): RenderError {
  return limitError(
    Codes.PAYLOAD_TOO_DEEP,
    'maxPayloadDepth',
    `The payload nests deeper than the limit maxPayloadDepth (${max}). It is too deep to render safely.`,
  );
}
