import type { JsonValue } from '@hookmap/core';

/** Small readers for untyped payloads: each returns the value only when it has the expected type. */

export type JsonRecord = { [key: string]: JsonValue };

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown): JsonRecord | null {
  return isRecord(value) ? value : null;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function finiteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function list(value: unknown): JsonValue[] {
  return Array.isArray(value) ? (value as JsonValue[]) : [];
}

/** Own property of a record, `undefined` when the holder is not a record. */
export function field(holder: unknown, key: string): JsonValue | undefined {
  return isRecord(holder) && Object.hasOwn(holder, key) ? holder[key] : undefined;
}

/** Follows own properties key by key; `undefined` as soon as one is missing. */
export function dig(holder: unknown, ...keys: string[]): JsonValue | undefined {
  let current: unknown = holder;
  for (const key of keys) current = field(current, key);
  return current as JsonValue | undefined;
}

/** True for a record with at least one key, or a non-empty string, array or any other defined value. */
export function hasData(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

/** Copies the listed keys that the payload really has (present and not undefined), keeping their order. */
export function pickPresent(payload: unknown, keys: readonly string[]): JsonRecord {
  const out: JsonRecord = {};
  if (!isRecord(payload)) return out;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = Object.hasOwn(payload, key) ? payload[key] : undefined;
    if (value !== undefined) out[key] = value;
  }
  return out;
}
