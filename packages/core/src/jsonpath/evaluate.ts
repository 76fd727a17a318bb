import { Codes } from '../codes.js';
import { limitError } from '../evaluate/state.js';
import type { Query, Segment, Selector } from './ast.js';
import { test } from './filter.js';

/**
 * Evaluates a parsed query (RFC 9535 §2.3–2.5). Members are enumerated with Object.keys (own,
 * enumerable), and named members are own properties, enumerable or not: a value the caller hid
 * from enumeration (secrets on the context root) is found by name and never by `*` or `..`.
 */
export interface JsonNode {
  value: unknown;
  /** The member name or index under which the parent holds this node; null for the root. */
  key: string | number | null;
  parent: JsonNode | null;
}

export interface Run {
  root: JsonNode;
  /** SPEC §8 maxPayloadDepth: how deep `..` may walk. */
  maxDepth: number;
}

const hasOwn = Object.prototype.hasOwnProperty;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The nodes a query selects, starting from `start` (the root, or the current node of a filter). */
export function select(query: Query, start: JsonNode, run: Run): JsonNode[] {
  let nodes = [start];
  for (const segment of query.segments) {
    if (nodes.length === 0) break;
    nodes = applySegment(segment, nodes, run);
  }
  return nodes;
}

/** A singular query's one value, or undefined (Nothing): no node objects on the way. */
export function singularValue(query: Query, start: unknown): unknown {
  let v = start;
  for (const segment of query.segments) {
    const s = (segment as { selectors: Selector[] }).selectors[0] as Selector;
    if (s.kind === 'name') v = isObject(v) && hasOwn.call(v, s.name) ? v[s.name] : undefined;
    else if (Array.isArray(v))
      v =
        v[
          (s as { index: number }).index < 0
            ? v.length + (s as { index: number }).index
            : (s as { index: number }).index
        ];
    else v = undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

function applySegment(segment: Segment, nodes: JsonNode[], run: Run): JsonNode[] {
  const out: JsonNode[] = [];
  switch (segment.kind) {
    case 'child':
      for (const node of nodes) for (const s of segment.selectors) applySelector(s, node, out, run);
      return out;
    case 'descendant':
      for (const node of nodes) descend(node, segment.selectors, out, run, 0);
      return out;
    case 'parent':
      for (const node of nodes) if (node.parent) out.push(node.parent);
      return out;
    case 'property':
      for (const node of nodes)
        if (node.key !== null) out.push({ value: node.key, key: node.key, parent: node.parent });
      return out;
    case 'type':
      return nodes.filter((n) => hasType(n.value, segment.type));
  }
}

/** The node, then its descendants, each visited before its own children (§2.5.2.2). */
function descend(node: JsonNode, selectors: Selector[], out: JsonNode[], run: Run, depth: number): void {
  if (depth >= run.maxDepth) {
    throw limitError(
      Codes.PAYLOAD_TOO_DEEP,
      'maxPayloadDepth',
      `A JSONPath .. query walks deeper than the limit maxPayloadDepth (${run.maxDepth}).`,
    );
  }
  for (const s of selectors) applySelector(s, node, out, run);
  const v = node.value;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++)
      if (typeof v[i] === 'object' && v[i] !== null)
        descend({ value: v[i], key: i, parent: node }, selectors, out, run, depth + 1);
  } else if (isObject(v)) {
    for (const k of Object.keys(v))
      if (typeof v[k] === 'object' && v[k] !== null)
        descend({ value: v[k], key: k, parent: node }, selectors, out, run, depth + 1);
  }
}

function applySelector(s: Selector, node: JsonNode, out: JsonNode[], run: Run): void {
  const v = node.value;
  switch (s.kind) {
    case 'name':
      if (isObject(v) && hasOwn.call(v, s.name)) out.push({ value: v[s.name], key: s.name, parent: node });
      return;
    case 'index':
      if (Array.isArray(v)) {
        const i = s.index < 0 ? v.length + s.index : s.index;
        if (i >= 0 && i < v.length) out.push({ value: v[i], key: i, parent: node });
      }
      return;
    case 'wildcard':
      children(node, (child) => out.push(child));
      return;
    case 'slice':
      if (Array.isArray(v))
        for (const i of sliceIndexes(v.length, s.start, s.end, s.step))
          out.push({ value: v[i], key: i, parent: node });
      return;
    case 'filter':
      children(node, (child) => {
        if (test(s.expr, child, run)) out.push(child);
      });
      return;
  }
}

/** Array elements in order, object members in Object.keys order. */
function children(node: JsonNode, each: (child: JsonNode) => void): void {
  const v = node.value;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) each({ value: v[i], key: i, parent: node });
  else if (isObject(v)) for (const k of Object.keys(v)) each({ value: v[k], key: k, parent: node });
}

/** §2.3.4.2.2: the indexes a slice selects, in order. */
export function sliceIndexes(
  n: number,
  start: number | null,
  end: number | null,
  step: number | null,
): number[] {
  const st = step ?? 1;
  const out: number[] = [];
  if (st === 0) return out;
  const norm = (i: number): number => (i >= 0 ? i : n + i);
  if (st > 0) {
    const lower = Math.min(Math.max(norm(start ?? 0), 0), n);
    const upper = Math.min(Math.max(norm(end ?? n), 0), n);
    for (let i = lower; i < upper; i += st) out.push(i);
  } else {
    const upper = Math.min(Math.max(norm(start ?? n - 1), -1), n - 1);
    const lower = end === null ? -1 : Math.min(Math.max(norm(end), -1), n - 1);
    for (let i = upper; lower < i; i += st) out.push(i);
  }
  return out;
}

/** jsonpath-plus's type selectors, with its definitions (`@object()` includes arrays, `@number()` is finite). */
function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return v === null;
    case 'boolean':
    case 'string':
      return typeof v === type;
    case 'number':
      return Number.isFinite(v);
    case 'integer':
      return Number.isInteger(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null;
    default:
      // scalar
      return typeof v !== 'object' || v === null;
  }
}

/** The normalized path of a node (§2.7), e.g. `$['store']['book'][0]` (jsonpath-plus's `@path`). */
export function normalizedPath(node: JsonNode): string {
  const parts: string[] = [];
  for (let n: JsonNode | null = node; n && n.key !== null; n = n.parent) {
    parts.push(typeof n.key === 'number' ? `[${n.key}]` : `['${escapeName(n.key)}']`);
  }
  return '$' + parts.reverse().join('');
}

function escapeName(name: string): string {
  let out = '';
  for (const c of name) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === "'") out += '\\' + c;
    else if (code >= 0x20) out += c;
    else out += NAMED_ESCAPES[c] ?? `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}

const NAMED_ESCAPES: Record<string, string> = {
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
