import type { Diagnostic } from '@hookmap/core';
import type { Colors } from '../io/colors.js';
import { CliError } from '../io/errors.js';
import { codeFrame, offsetToLineColumn, stringFrame } from '../io/code-frame.js';
import { locatePointer, stringIndexToOffset } from '../io/json-scan.js';
import { pointerSegments } from '@hookmap/core/tooling';

/** A diagnostic placed in a file: what `check --json` prints and what the text report shows. */
export interface Problem {
  severity: Diagnostic<string>['severity'];
  code: string;
  message: string;
  file: string;
  /** JSON Pointer into the file's document. */
  pointer: string;
  line?: number;
  column?: number;
  suggestion?: string;
  frame?: string;
  /** Set when the pointer is into the rendered body (target schema problems), not into the file. */
  scope?: 'rendered-body';
}

export interface SourceDocument {
  file: string;
  text: string;
  value: unknown;
}

/**
 * Place a diagnostic whose `path` is relative to the template at `basePointer` in the file:
 * find that string literal by a position-tracking JSON walk, map the offsets through escapes and
 * frame it. When the literal cannot be found, frame the string value itself.
 */
export function placeDiagnostic(
  diagnostic: Diagnostic<string>,
  source: SourceDocument,
  basePointer: string,
  colors: Colors,
): Problem {
  const pointer = basePointer + diagnostic.path;
  const problem: Problem = {
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    file: source.file,
    pointer,
  };
  if (diagnostic.suggestion !== undefined) problem.suggestion = diagnostic.suggestion;
  const range = sourceRange(diagnostic, source.text, pointer);
  if (range) {
    Object.assign(problem, offsetToLineColumn(source.text, range.start));
    problem.frame = codeFrame(source.text, range.start, range.end, { mark: colors.red });
    return problem;
  }
  const value = valueAtPointer(source.value, pointer);
  if (typeof value === 'string')
    problem.frame = stringFrame(value, diagnostic.start, diagnostic.end, { mark: colors.red });
  return problem;
}

function sourceRange(
  diagnostic: Diagnostic<string>,
  text: string,
  pointer: string,
): { start: number; end: number } | null {
  const location = locatePointer(text, pointer);
  if (!location) return nearestAncestor(text, pointer);
  const literalStart = diagnostic.key ? location.keyStart : location.start;
  if (literalStart === undefined) return null;
  // No offsets (document-level problems): underline the whole value, or its first line.
  if (diagnostic.end <= diagnostic.start || text[literalStart] !== '"') {
    return {
      start: literalStart,
      end: Math.max(literalStart + 1, firstLineEnd(text, literalStart, location.end)),
    };
  }
  const start = stringIndexToOffset(text, literalStart, diagnostic.start);
  const end = stringIndexToOffset(text, literalStart, diagnostic.end);
  return { start, end: Math.max(end, start + 1) };
}

/** A missing member ("Missing url"): point at the closest object that should hold it. */
function nearestAncestor(text: string, pointer: string): { start: number; end: number } | null {
  for (let p = parentPointer(pointer); p !== null; p = parentPointer(p)) {
    const location = locatePointer(text, p);
    if (location) {
      const start = location.keyStart ?? location.start;
      return { start, end: start + 1 };
    }
  }
  return null;
}

function parentPointer(pointer: string): string | null {
  if (pointer === '') return null;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function firstLineEnd(text: string, start: number, end: number): number {
  const newline = text.indexOf('\n', start);
  return newline === -1 || newline > end ? end : newline;
}

export function valueAtPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** "error H201 file:5:23 /body/template/name: message (did you mean x?)" plus the frame. */
export function formatProblem(problem: Problem, colors: Colors): string {
  const label =
    problem.severity === 'error'
      ? colors.red('error')
      : problem.severity === 'warning'
        ? colors.yellow('warning')
        : colors.cyan('info');
  const head = `${label} ${problemHeading(problem, colors)}`;
  return problem.frame ? `${head}\n${indent(problem.frame)}` : head;
}

/** The problem as a thrown error: its heading is the one-line message, its frame goes under it. */
export function problemError(problem: Problem, colors: Colors, prefix = '', cause?: unknown): CliError {
  return new CliError(prefix + problemHeading(problem, colors), {
    ...(problem.frame ? { frame: problem.frame } : {}),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** "H201 file:5:23 /pointer: message (did you mean x?)", without the severity. */
function problemHeading(problem: Problem, colors: Colors): string {
  const where =
    problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column}`;
  const pointer =
    problem.scope === 'rendered-body'
      ? ` ${colors.dim(`rendered body ${problem.pointer || '/'}`)}`
      : problem.pointer === ''
        ? ''
        : ` ${colors.dim(problem.pointer)}`;
  const hint =
    problem.suggestion !== undefined && !problem.message.includes(problem.suggestion)
      ? ` (did you mean "${problem.suggestion}"?)`
      : '';
  return `${colors.bold(problem.code)} ${where}${pointer}: ${problem.message}${hint}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

export function summarize(problems: Problem[]): { errors: number; warnings: number } {
  return {
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}
