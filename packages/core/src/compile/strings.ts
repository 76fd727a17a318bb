import { Codes } from '../codes.js';
import { RenderError, TemplateError } from '../errors.js';
import { toJsonValue, type RenderState } from '../evaluate/state.js';
import type { Diagnostic } from '../types.js';
import { toText } from '../evaluate/text.js';
import { mayContainPlaceholder, scan, type ExprSegment, type Segment } from '../syntax/scan.js';
import { parseExpression } from '../syntax/parser.js';
import { compileExpr } from './expression.js';
import { OMIT, type CompileEnv, type Evaluator, type RenderNode, type Scope } from './env.js';

/** A compiled placeholder: its evaluator plus what is needed to report on it. */
interface Placeholder {
  evaluate: Evaluator;
  segment: ExprSegment;
}

/**
 * Compiles one template string (value or key). SPEC §3: exactly one placeholder is a whole
 * value and keeps its type; otherwise placeholders are interpolated as text.
 */
export function compileString(text: string, env: CompileEnv): RenderNode {
  const compiled = compileText(text, env);
  return typeof compiled === 'string' ? () => compiled : compiled;
}

/** Like compileString, but a string without placeholders comes back as its literal text. */
export function compileText(text: string, env: CompileEnv): string | RenderNode {
  if (!mayContainPlaceholder(text, env.mode)) return text;
  const segments = scanOrRecord(text, env);
  if (!segments) return text;
  const parts = segments.map((seg) => (seg.kind === 'text' ? seg.value : compilePlaceholder(seg, { ...env, source: text })));
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined && typeof only !== 'string' && !env.key) return wholeValue(only, env.pointer);
  if (parts.every((p) => typeof p === 'string')) return (parts as string[]).join('');
  return interpolation(parts as (string | Placeholder)[], env.pointer, env.key);
}

/**
 * Compiles a string that must be a single expression (the `$if` / `$each` operand), giving
 * its raw value with no missing policy: unresolved stays `undefined`.
 */
export function compileOperand(text: string, env: CompileEnv, strict: boolean): Evaluator | null {
  if (!mayContainPlaceholder(text, env.mode)) return null;
  const segments = scanOrRecord(text, env);
  if (!segments || segments.length !== 1 || segments[0]?.kind !== 'expr') return null;
  const p = compilePlaceholder(segments[0], { ...env, source: text });
  const pointer = env.pointer;
  return (s, st) => (st.pending === null ? p.evaluate(s, st) : run(p, pointer, s, st, false, strict));
}

function scanOrRecord(text: string, env: CompileEnv): Segment[] | null {
  try {
    return scan(text, env.mode);
  } catch (e) {
    if (env.errors && e instanceof TemplateError) {
      env.errors.push(locate(e, env).toDiagnostic());
      return null;
    }
    throw e instanceof TemplateError ? locate(e, env) : e;
  }
}

function compilePlaceholder(segment: ExprSegment, env: CompileEnv): Placeholder {
  try {
    const ast = parseExpression(segment.source, segment.exprStart, env.limits.maxDepth);
    return { evaluate: compileExpr(ast, env), segment };
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    locate(e, env);
    if (!env.errors) throw e;
    env.errors.push(e.toDiagnostic());
    return { evaluate: () => undefined, segment };
  }
}

function locate(e: TemplateError, env: CompileEnv): TemplateError {
  e.path = env.pointer;
  if (env.key) e.key = true;
  return e;
}

/** Runs a placeholder and turns its pending misses into diagnostics (or an error). */
function run(p: Placeholder, pointer: string, s: Scope, st: RenderState, key = false, strict = true): unknown {
  if (st.pending === null) return p.evaluate(s, st);
  st.pending.length = 0;
  const value = p.evaluate(s, st);
  if (value !== undefined && st.pending.length === 0) return value;
  const before = st.diagnostics?.length ?? 0;
  flush(p, pointer, value, st, strict);
  if (key && st.diagnostics) for (let i = before; i < st.diagnostics.length; i++) (st.diagnostics[i] as Diagnostic).key = true;
  return value;
}

function flush(p: Placeholder, pointer: string, value: unknown, st: RenderState, strict: boolean): void {
  const misses = st.pending ?? [];
  const unresolved = value === undefined && strict;
  if (unresolved && st.missing === 'error') {
    const first = misses[0];
    const ref = first?.reference ?? p.segment.source.trim();
    const err = new RenderError(
      Codes.UNRESOLVED,
      `${ref} did not resolve${first?.message ? ` (${first.message})` : ''}` + (pointer ? ` at ${pointer}` : '') + '.',
      { path: pointer, start: first?.start ?? p.segment.start, end: first?.end ?? p.segment.end },
    );
    err.reference = ref;
    throw err;
  }
  if (!st.diagnostics) return;
  if (unresolved && misses.length === 0) {
    st.report({ severity: 'warning', code: Codes.UNRESOLVED, message: `${p.segment.source.trim()} produced no value.`, path: pointer, start: p.segment.start, end: p.segment.end, reference: p.segment.source.trim() });
  }
  for (const m of misses) {
    st.report({
      severity: unresolved ? 'warning' : 'info',
      code: Codes.UNRESOLVED,
      message: `${m.reference} did not resolve${m.message ? `: ${m.message}` : ''}` + (unresolved ? '' : value === undefined ? ' (treated as false)' : ' (a fallback was used)'),
      path: pointer,
      start: m.start,
      end: m.end,
      reference: m.reference,
      ...(m.suggestion ? { suggestion: m.suggestion } : {}),
    });
  }
}

function wholeValue(p: Placeholder, pointer: string): RenderNode {
  const raw = p.segment.raw;
  const evaluate = p.evaluate;
  return (s, st) => {
    let v = st.pending === null ? evaluate(s, st) : run(p, pointer, s, st);
    if (typeof v === 'string') {
      st.addOutput(v.length + 2);
      return v;
    }
    if (typeof v === 'object' && v !== null) return st.outputObject(v);
    if (typeof v === 'boolean' || v === OMIT) {
      st.output += 5;
      return v;
    }
    if (typeof v === 'number') {
      st.output += 5;
      return Number.isFinite(v) ? v : null;
    }
    if (v !== undefined) v = toJsonValue(v);
    if (v === undefined) {
      if (st.missing === 'omit') return OMIT;
      v = st.missing === 'keep' ? raw : null;
    }
    st.addValue(v);
    return v;
  };
}

/**
 * Text around placeholders: `texts[i]` comes before placeholder i, and the last text after them all.
 * The usual render (nobody collecting diagnostics) runs the evaluators directly.
 */
function interpolation(parts: (string | Placeholder)[], pointer: string, key: boolean): RenderNode {
  const texts: string[] = [''];
  const placeholders: Placeholder[] = [];
  for (const part of parts) {
    if (typeof part === 'string') texts[texts.length - 1] += part;
    else {
      placeholders.push(part);
      texts.push('');
    }
  }
  const evaluators = placeholders.map((p) => p.evaluate);
  const n = placeholders.length;
  return (s, st) => {
    let out = texts[0] as string;
    for (let i = 0; i < n; i++) {
      const v = st.pending === null ? (evaluators[i] as Evaluator)(s, st) : run(placeholders[i] as Placeholder, pointer, s, st, key);
      if (typeof v === 'string') out += v;
      else if (v === undefined) {
        if (st.missing === 'omit') return OMIT;
        if (st.missing === 'keep') out += (placeholders[i] as Placeholder).segment.raw;
      } else if (v === OMIT) return OMIT;
      else {
        if (typeof v === 'object' && v !== null) st.measure(v);
        out += toText(v);
      }
      out += texts[i + 1] as string;
    }
    st.addOutput(out.length + 2);
    return out;
  };
}
