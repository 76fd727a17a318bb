import type { PathSegment } from '../syntax/ast.js';
import { missing, never, union, unknown, type Type } from './type.js';

export interface Member {
  type: Type;
  /**
   * Set when the key is none of the documented keys of any object this value can be (and no other
   * kind of value could resolve it): the keys that were documented, for a did-you-mean.
   */
  undeclared: string[] | null;
}

const INDEX = /^-?\d+$/;

/**
 * One step of a path, as `evaluate/paths.ts` takes it: own keys of objects, integer indexes of arrays
 * (negative from the end); anything else is unresolved.
 */
export function member(t: Type, key: PathSegment): Member {
  let type = never();
  let declaredSomewhere = false;
  let couldResolve = t.unknown;
  const keys: string[] = [];
  if (t.missing || t.null || t.true || t.false || t.number || t.string) type = missing();
  if (t.unknown) type = union(type, union(unknown(), missing()));
  if (t.array) {
    const index = typeof key === 'number' ? key : INDEX.test(key) ? Number(key) : null;
    if (index === null) type = union(type, missing());
    else {
      couldResolve = true;
      // An index may be out of range, unless the array is known to hold an element there.
      const sure = t.array.nonEmpty && (index === 0 || index === -1);
      type = union(type, sure ? t.array.items : union(t.array.items, missing()));
    }
  }
  if (t.object) {
    const name = String(key);
    const facet = t.object;
    const prop = facet.props.get(name);
    if (prop) {
      declaredSomewhere = true;
      type = union(type, prop.required ? prop.type : union(prop.type, missing()));
    } else {
      keys.push(...facet.props.keys());
      if (facet.rest) {
        type = union(type, union(facet.rest, missing()));
        if (!facet.documented) couldResolve = true;
      } else type = union(type, missing());
    }
  }
  const undeclared = t.object && !declaredSomewhere && !couldResolve ? keys : null;
  return { type, undeclared };
}

/** The type at a dotted path inside a value (`map: "a.b"`, `where`, `sort_by`), unresolved as null. */
export function memberPath(t: Type, segments: readonly PathSegment[]): Type {
  let current = t;
  for (const segment of segments) current = member(current, segment).type;
  return current;
}
