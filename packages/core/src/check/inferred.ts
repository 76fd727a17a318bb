import type { Type } from './type.js';

/** Where a value of the rendered body comes from in the integration document. */
export interface Origin {
  /** JSON Pointer of the template string (or structure) in the integration document. */
  path: string;
  /** Offsets inside that string: the placeholder, or 0/0 for a structure or a literal. */
  start: number;
  end: number;
  /** The offsets are in the object key at `path`, not in its value. */
  key?: boolean;
}

/**
 * The inferred shape of one template node, with its origin: what the targets check walks beside the
 * target's schema. Structures keep their members (so each problem points at the member that causes it);
 * every node also carries the `type` of the whole value.
 */
export interface InferredValue {
  type: Type;
  origin: Origin;
  /** May be left out of its object or array (`optional`, `$if` without `else`, `missing: 'omit'`). */
  omittable: boolean;
  /** Offsets of an `optional` filter that makes this value omittable. */
  optional: Origin | null;
  /** An object template: its members (a templated key has `key: null`). */
  members?: InferredMember[];
  /** An array template: its elements in order. */
  elements?: InferredValue[];
  /** A `$each`: the value rendered for every element. */
  each?: InferredValue;
  /** A `$if` whose test is not known: each branch that may be taken. */
  branches?: InferredValue[];
}

export interface InferredMember {
  key: string | null;
  value: InferredValue;
}
