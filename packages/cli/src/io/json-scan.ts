/**
 * Source positions in JSON text, on top of core's position-tracking scanner (shared with the
 * editor). JSON.parse does the real parsing; this runs only when a position is needed: the
 * first syntax error when V8 does not give one, or where the value at a JSON Pointer sits in
 * the file (to put a caret under a template problem).
 */
import { decodedToTextOffset, scanJson } from '@hookmap/core/tooling';

export { escapePointerSegment } from '@hookmap/core/tooling';

export interface ValueLocation {
  /** Offset of the value's first character (the opening quote for strings). */
  start: number;
  /** Offset just past the value. */
  end: number;
  /** For object members: where the key literal starts and ends (quotes included). */
  keyStart?: number;
  keyEnd?: number;
}

/** Offset of the first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | null {
  return scanJson(text).error;
}

/** Where the value at `pointer` (RFC 6901) is in `text`, or null if absent or the text is not JSON. */
export function locatePointer(text: string, pointer: string): ValueLocation | null {
  const found = scanJson(text).locations.get(pointer);
  if (!found) return null;
  const location: ValueLocation = { start: found.valueStart, end: found.valueEnd };
  if (found.keyStart !== undefined && found.keyEnd !== undefined) {
    location.keyStart = found.keyStart;
    location.keyEnd = found.keyEnd;
  }
  return location;
}

/**
 * Source offset of the character at `index` of the decoded string whose literal starts at
 * `literalStart` (the opening quote). Escapes make the two differ.
 */
export const stringIndexToOffset = decodedToTextOffset;
