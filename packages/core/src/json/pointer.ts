/** JSON Pointer (RFC 6901): the one implementation every hookmap package uses. */

/** Escapes one reference token: `~` → `~0`, `/` → `~1`. */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The reverse of `escapePointerSegment` (`~1` first, so `~01` stays `~1`). */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The decoded reference tokens of a pointer: `/a~1b/0` → `["a/b", "0"]`; `""` (the root) → `[]`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapePointerSegment);
}

/** `base` extended by one token: `joinPointer('/headers', 'a/b')` → `/headers/a~1b`. */
export function joinPointer(base: string, segment: string | number): string {
  return `${base}/${escapePointerSegment(String(segment))}`;
}

/** A pointer made of decoded tokens: `["a/b", 0]` → `/a~1b/0`. */
export function toPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out = joinPointer(out, s);
  return out;
}

/** The last decoded token of a pointer (`""` for the root). */
export function lastPointerSegment(pointer: string): string {
  return unescapePointerSegment(pointer.slice(pointer.lastIndexOf('/') + 1));
}
