/**
 * The mapping view is derived from the template text, never stored: each target field shows
 * what the template puts at its pointer. Writing a mapping edits the template text in place.
 */
import { escapePointerSegment, pointerSegments, scanJson } from '@hookmap/core/tooling';
import { findPlaceholders, pathsRead } from './expressions.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface TargetFieldInfo {
  pointer: string;
  type?: string | string[];
  required?: boolean;
  description?: string;
  /** How to fill the field (the target schema's `x-hint`). */
  hint?: string;
}

export type MappingState = 'mapped' | 'literal' | 'unmapped';

export interface FieldMapping {
  field: TargetFieldInfo;
  state: MappingState;
  /** Expressions the template uses at this pointer (from its placeholders). */
  expressions: string[];
  /** The template value at the pointer, shown for literals. */
  value?: Json;
  /** Required by the target and not set in the template. */
  missingRequired: boolean;
}

export function valueAtPointer(root: unknown, pointer: string): { found: boolean; value?: unknown } {
  let current: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(current)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= current.length) return { found: false };
      current = current[index];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/** Expressions used anywhere inside a template value (strings and keys, recursively). */
export function expressionsIn(value: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') for (const p of findPlaceholders(node)) out.push(p.expression);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        visit(key);
        visit(child);
      }
    }
  };
  visit(value);
  return out;
}

const DIRECTIVES = ['$if', '$each', '$let', '$merge'];

/**
 * A short, readable line for what a template value at a field does: the expression when the value is
 * one placeholder; else what kind of value it is (text, a directive, a block) and the paths it reads.
 */
export function mappingSummary(value: unknown, max = 3): string {
  if (typeof value === 'string') {
    const found = findPlaceholders(value);
    if (found.length === 1 && found[0]!.start === 0 && found[0]!.end === value.length)
      return found[0]!.expression;
  }
  const paths = [...new Set(expressionsIn(value).flatMap(pathsRead))];
  const directive =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? DIRECTIVES.find((d) => Object.hasOwn(value, d))
      : undefined;
  const kind =
    typeof value === 'string' ? 'text' : directive ? directive : Array.isArray(value) ? 'list' : 'block';
  const shown = paths.slice(0, max).join(', ');
  const more = paths.length > max ? ` +${paths.length - max}` : '';
  return paths.length === 0 ? kind : `${kind} reading ${shown}${more}`;
}

export function deriveMapping(fields: TargetFieldInfo[], template: unknown): FieldMapping[] {
  return fields.map((field) => {
    const at = valueAtPointer(template, field.pointer);
    const required = field.required === true;
    if (!at.found || at.value === '' || at.value === null) {
      return { field, state: 'unmapped', expressions: [], missingRequired: required };
    }
    const expressions = expressionsIn(at.value);
    return {
      field,
      state: expressions.length > 0 ? 'mapped' : 'literal',
      expressions,
      value: at.value as Json,
      missingRequired: false,
    };
  });
}

/**
 * Template pointers the template sets that the target does not describe (so the mapping view
 * can list "extra" properties too). Only leaves under objects are reported.
 */
export function extraPointers(fields: TargetFieldInfo[], template: unknown): string[] {
  const known = new Set(fields.map((f) => f.pointer));
  const out: string[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, child] of Object.entries(node))
        visit(child, `${pointer}/${escapePointerSegment(key)}`);
      return;
    }
    const covered = [...known].some((k) => k.startsWith(`${pointer}/`) || pointer.startsWith(`${k}/`));
    if (pointer !== '' && !known.has(pointer) && !covered && !pointer.includes('/$')) {
      out.push(pointer);
    }
  };
  visit(template, '');
  return out;
}

/** A copy of `root` with `value` at `pointer`, creating objects (or arrays for numeric segments). */
export function setAtPointer(root: unknown, pointer: string, value: Json): Json {
  const segments = pointerSegments(pointer);
  const write = (node: unknown, depth: number): Json => {
    if (depth === segments.length) return value;
    const segment = segments[depth] as string;
    const nextIsIndex = /^\d+$/.test(segments[depth + 1] ?? '');
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const copy = [...(node as Json[])];
      const index = Number(segment);
      while (copy.length < index) copy.push(null);
      copy[index] = write(copy[index] ?? (nextIsIndex ? [] : {}), depth + 1);
      return copy;
    }
    const base =
      node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, Json>) : {};
    const child = Object.hasOwn(base, segment) ? base[segment] : nextIsIndex ? [] : {};
    return { ...base, [segment]: write(child, depth + 1) };
  };
  return write(root, 0);
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The smallest text edit that puts `value` at `pointer` in the template text: the existing value
 * is replaced in place; otherwise the whole document is rewritten. Null when the text is not JSON.
 */
export function mappingEdit(text: string, pointer: string, value: Json): TextEdit | null {
  const scan = scanJson(text);
  if (scan.error) return null;
  const location = scan.locations.get(pointer);
  if (location) return { start: location.valueStart, end: location.valueEnd, text: JSON.stringify(value) };
  const parsed: unknown = JSON.parse(text);
  const updated = setAtPointer(parsed, pointer, value);
  return { start: 0, end: text.length, text: JSON.stringify(updated, null, 2) };
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** The placeholder text a payload path becomes in a template. */
export function placeholderFor(expression: string): string {
  return `{{${expression}}}`;
}

/** The template text without the value at `pointer` (property deleted or array element removed), re-serialised. */
export function removalEdit(text: string, pointer: string): TextEdit | null {
  const segments = pointerSegments(pointer);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return null;
  }
  if (segments.length === 0 || !valueAtPointer(root, pointer).found) return null;
  const parentPointer = pointer.slice(0, pointer.lastIndexOf('/'));
  const parent = valueAtPointer(root, parentPointer).value;
  const last = segments[segments.length - 1] as string;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Record<string, unknown>)[last];
  return { start: 0, end: text.length, text: JSON.stringify(root, null, 2) };
}
