import type { FilterFn } from '../types.js';

/** A filter met a value of the wrong type: the render yields null and a H302 diagnostic. */
export class FilterTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterTypeError';
  }
}

export interface FilterDef {
  fn: FilterFn;
  /** Argument count bounds, checked at compile time. */
  min: number;
  max: number;
  /** How the filter reads in docs and completions, e.g. `truncate: length, ellipsis?`. */
  signature: string;
  description: string;
  /** Called even when the input is unresolved (default, size, optional, required). */
  acceptsMissing?: boolean;
  /** Called when the input is null; otherwise null passes through untouched. */
  acceptsNull?: boolean;
}

export function def(
  fn: FilterFn,
  min: number,
  max: number,
  signature: string,
  description: string,
  flags: Pick<FilterDef, 'acceptsMissing' | 'acceptsNull'> = {},
): FilterDef {
  return { fn, min, max, signature, description, ...flags };
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function expectText(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new FilterTypeError(`${name} expects text, got ${typeName(value)}`);
}

export function expectArray(name: string, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  throw new FilterTypeError(`${name} expects an array, got ${typeName(value)}`);
}

export function expectNumber(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    if (Number.isFinite(n)) return n;
  }
  throw new FilterTypeError(
    `${name} expects a number, got ${typeName(value)}${typeof value === 'string' ? ` "${value.slice(0, 20)}"` : ''}`,
  );
}
