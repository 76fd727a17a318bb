/** JSON Pointer helpers (RFC 6901). */

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, segment: string | number): string {
  return `${base}/${escapeSegment(String(segment))}`;
}

export function lastSegment(pointer: string): string {
  const index = pointer.lastIndexOf('/');
  return pointer.slice(index + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Reads `#/a/b` style schema paths from a root schema; undefined when the path leaves it. */
export function resolveSchemaPath(root: unknown, schemaPath: string): unknown {
  const segments = schemaPath.replace(/^#\/?/, '').split('/').filter((s) => s !== '');
  let node: unknown = root;
  for (const raw of segments) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
