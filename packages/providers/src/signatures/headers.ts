import type { HeaderBag } from '@hookmap/core';

/** Headers as a plain bag (Node's `req.headers`) or a Fetch `Headers` object. */
export type HeaderSource = HeaderBag | Headers;

/** Every value of a header, looked up case-insensitively; arrays of repeated headers are flattened. */
export function headerValues(headers: HeaderSource | undefined, name: string): string[] {
  if (!headers) return [];
  const wanted = name.toLowerCase();
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    const value = headers.get(wanted);
    return value === null ? [] : [value];
  }
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers as HeaderBag)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    values.push(...(Array.isArray(value) ? value : [value]));
  }
  return values;
}

export function firstHeader(headers: HeaderSource | undefined, name: string): string | null {
  return headerValues(headers, name)[0] ?? null;
}
