import { Codes } from '../codes.js';
import { escapePointer } from '../errors.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { didYouMean } from '../suggest.js';
import { exprChildren, type ExprNode } from '../syntax/ast.js';
import { parseExpression } from '../syntax/parser.js';
import { scan } from '../syntax/scan.js';
import type { Diagnostic, JsonValue } from '../types.js';
import { parseHandlebars } from './handlebars-check.js';
import { integrationTemplates, type IntegrationTemplate } from './templates.js';

/** A `steps.<id>` read found in a template: the id and where it is written. */
interface StepRead {
  id: string;
  pointer: string;
  start: number;
  end: number;
  key: boolean;
}

/**
 * SPEC §9: a template of a flow may read `steps.<id>` only for a step before its own. Every read of a
 * step that does not exist, comes later, is the step itself, or is read where no step has run yet (the
 * flow's own headers and `when`) is an H409 error with the pointer and offsets of the culprit.
 */
export function stepReferenceProblems(doc: unknown): Diagnostic[] {
  const steps = (doc as { steps?: unknown }).steps;
  if (!Array.isArray(steps)) return [];
  const ids = steps.map((s: unknown) =>
    typeof s === 'object' && s !== null ? (s as { id?: unknown }).id : undefined,
  );
  const known = ids.filter((id): id is string => typeof id === 'string');
  const out: Diagnostic[] = [];
  for (const t of integrationTemplates(doc)) {
    for (const read of stepReads(t)) {
      const index = ids.indexOf(read.id);
      if (t.step !== undefined && index >= 0 && index < t.step) continue;
      out.push(problem(read, t, index, known));
    }
  }
  return out;
}

function problem(read: StepRead, t: IntegrationTemplate, index: number, known: string[]): Diagnostic {
  let message: string;
  if (index < 0) {
    const near = didYouMean(read.id, known);
    message = `steps.${read.id} names no step of this flow (${known.join(', ')}).${near ? ` Did you mean steps.${near}?` : ''}`;
  } else if (t.step === undefined) {
    message = `steps.${read.id} cannot be read here: the flow's own "when" and headers apply before any step has run. Move it into the steps that need it.`;
  } else if (index === t.step) {
    message = `steps.${read.id} is this step: read its response as "response" in "result", and its result from a later step.`;
  } else {
    message = `steps.${read.id} runs after this step (step ${index} of the flow): a step reads only the steps before it. Reorder the steps.`;
  }
  const d: Diagnostic = {
    severity: 'error',
    code: Codes.STEP_REFERENCE,
    message,
    path: read.pointer,
    start: read.start,
    end: read.end,
    reference: `steps.${read.id}`,
  };
  if (read.key) d.key = true;
  return d;
}

function stepReads(t: IntegrationTemplate): StepRead[] {
  const out: StepRead[] = [];
  if (t.kind === 'handlebars') handlebarsReads(t.template as string, t.pointer, out);
  else jsonReads(t.template, t.pointer, new Set(), out);
  return out;
}

/** Walks a JSON template's strings and keys; names bound by `$each`'s `as` and `$let` shadow `steps`. */
function jsonReads(value: JsonValue, pointer: string, bound: Set<string>, out: StepRead[]): void {
  if (typeof value === 'string') {
    stringReads(value, pointer, false, bound, out);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => jsonReads(v, `${pointer}/${i}`, bound, out));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const inner = innerBindings(value, bound);
  for (const [key, v] of Object.entries(value)) {
    const at = `${pointer}/${escapePointer(key)}`;
    stringReads(key, at, true, bound, out);
    const scoped = (key === 'do' && '$each' in value) || (key === 'in' && '$let' in value);
    jsonReads(v, at, scoped ? inner : bound, out);
  }
}

function innerBindings(obj: { [key: string]: JsonValue }, bound: Set<string>): Set<string> {
  if ('$each' in obj) return new Set([...bound, typeof obj.as === 'string' ? obj.as : 'item', 'loop']);
  const names = obj.$let;
  if ('$let' in obj && typeof names === 'object' && names !== null && !Array.isArray(names))
    return new Set([...bound, ...Object.keys(names)]);
  return bound;
}

function stringReads(text: string, pointer: string, key: boolean, bound: Set<string>, out: StepRead[]): void {
  if (bound.has('steps') || !text.includes('steps')) return;
  let segments;
  try {
    segments = scan(text);
  } catch {
    return; // a syntax error: validate() reports it
  }
  for (const seg of segments) {
    if (seg.kind !== 'expr') continue;
    try {
      exprReads(parseExpression(seg.source, seg.exprStart), (id, start, end) =>
        out.push({ id, pointer, start, end, key }),
      );
    } catch {
      // a syntax error: validate() reports it
    }
  }
}

type Found = (id: string, start: number, end: number) => void;

/** `$.steps.find`, `$['steps']["find"]`: the id a singular JSONPath query reads under `steps`. */
const JSONPATH_STEP =
  /^\$\s*(?:\.\s*steps|\[\s*(['"])steps\1\s*\])\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*(['"])([^'"\\]*)\3\s*\])/;

function exprReads(node: ExprNode, found: Found): void {
  switch (node.type) {
    case 'path':
      if (node.root === 'steps' && typeof node.segments[0] === 'string')
        found(node.segments[0], node.start, node.end);
      return;
    case 'jsonpath': {
      const m = JSONPATH_STEP.exec(node.query);
      const id = m?.[2] ?? m?.[4];
      if (id !== undefined) found(id, node.start, node.end);
      return;
    }
    default:
      for (const child of exprChildren(node)) exprReads(child, found);
  }
}

/** Handlebars bodies: every `steps.<id>…` path read from the root scope (not `../`, not `@data`). */
function handlebarsReads(source: string, pointer: string, out: StepRead[]): void {
  if (!source.includes('steps')) return;
  let program: unknown;
  try {
    program = parseHandlebars(source, DEFAULT_LIMITS);
  } catch {
    return; // validateHandlebars reports it
  }
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; parts?: unknown[]; depth?: number; data?: boolean; loc?: HbsLoc };
    if (
      n.type === 'PathExpression' &&
      !n.data &&
      n.depth === 0 &&
      n.parts?.[0] === 'steps' &&
      typeof n.parts[1] === 'string'
    ) {
      const { start, end } = spanOf(source, n.loc);
      out.push({ id: n.parts[1], pointer, start, end, key: false });
      return;
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc') visit(v);
  };
  visit(program);
}

interface HbsLoc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

function spanOf(source: string, loc: HbsLoc | undefined): { start: number; end: number } {
  if (!loc) return { start: 0, end: 0 };
  return {
    start: offsetAt(source, loc.start.line, loc.start.column),
    end: offsetAt(source, loc.end.line, loc.end.column),
  };
}

/** Offset of a 1-based line and 0-based column (Handlebars' `loc`). */
function offsetAt(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  return Math.min(source.length, offset + column);
}
