/** Schema paths (`#/a/b`) read with core's one JSON Pointer module. */
import { pointerSegments } from '@hookmap/core/tooling';

export { joinPointer, lastPointerSegment as lastSegment } from '@hookmap/core/tooling';

/** Reads `#/a/b` style schema paths from a root schema; undefined when the path leaves it. */
export function resolveSchemaPath(root: unknown, schemaPath: string): unknown {
  const pointer = schemaPath.replace(/^#/, '');
  let node: unknown = root;
  for (const key of pointerSegments(pointer === '/' ? '' : pointer)) {
    if (key === '') continue;
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
