/**
 * JSONPath query AST (RFC 9535), plus the few jsonpath-plus extensions hookmap reads (`^`, `~`,
 * type selectors like `@number()`, `@property` and friends in filters). Offsets are in the query text.
 */

export type Selector =
  | { kind: 'name'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start: number | null; end: number | null; step: number | null }
  | { kind: 'filter'; expr: Logical };

export type Segment =
  | { kind: 'child'; selectors: Selector[] }
  | { kind: 'descendant'; selectors: Selector[] }
  /** jsonpath-plus `^`: the parent of each node. */
  | { kind: 'parent' }
  /** jsonpath-plus `~`: the property name (or index) of each node. */
  | { kind: 'property' }
  /** jsonpath-plus `@number()` and the other type selectors: the nodes of that type. */
  | { kind: 'type'; type: string };

/** A query: `$…` (the root), `@…` (the current node) or jsonpath-plus's `@parent…` in filters. */
export interface Query {
  root: '$' | '@' | '@parent';
  segments: Segment[];
  /** Names and indexes only: yields at most one node. */
  singular: boolean;
}

/** The three RFC 9535 function types (§2.4.1). */
export type FnType = 'value' | 'logical' | 'nodes';

export interface Call {
  name: string;
  args: Arg[];
}

/** Something that yields a value: a literal, a singular query, a value-typed function, or a jsonpath-plus name. */
export type Comparable =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'query'; query: Query }
  | { kind: 'call'; call: Call }
  /** jsonpath-plus `@property`, `@parentProperty`, `@path`. */
  | { kind: 'special'; name: 'property' | 'parentProperty' | 'path' };

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Logical =
  | { kind: 'or'; items: Logical[] }
  | { kind: 'and'; items: Logical[] }
  | { kind: 'not'; expr: Logical }
  | { kind: 'compare'; op: CompareOp; left: Comparable; right: Comparable }
  /** A test: the query selects at least one node. */
  | { kind: 'exists'; query: Query }
  /** A test: a logical-typed function is true, or a nodes-typed one selects at least one node. */
  | { kind: 'test'; call: Call }
  /** A test on a jsonpath-plus name (`@property`): JavaScript truthiness. */
  | { kind: 'truthy'; value: Comparable };

/** A function argument, typed as RFC 9535 §2.4.3 requires. */
export type Arg =
  { kind: 'value'; value: Comparable } | { kind: 'nodes'; query: Query } | { kind: 'logical'; expr: Logical };
