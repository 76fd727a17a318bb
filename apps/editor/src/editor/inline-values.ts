/**
 * Inline results beside every expression in the template: for a JSON template, each string with a
 * placeholder gets the value the rendered body has at its pointer (so `$each` / `$let` results are
 * the real ones); for a hookmap text body, each placeholder gets its value against the sample.
 */
import { scanJson } from '@hookmap/core/tooling';
import { findPlaceholders } from '../mapper/expressions.js';
import { valueAtPointer } from '../mapper/mapping.js';
import { evaluateExpression } from './evaluate.js';
import { describeValue } from './values.js';

export interface InlineValue {
  /** Text offset the value is shown after. */
  offset: number;
  text: string;
}

const MAX_SHOWN = 300;

export function jsonInlineValues(text: string, body: unknown): InlineValue[] {
  if (body === undefined) return [];
  const scan = scanJson(text);
  if (scan.error) return [];
  const out: InlineValue[] = [];
  for (const [pointer, at] of scan.locations) {
    if (at.kind !== 'string' || out.length >= MAX_SHOWN) continue;
    if (findPlaceholders(text.slice(at.valueStart, at.valueEnd)).length === 0) continue;
    const shown = bodyValueFor(pointer, body);
    if (shown) out.push({ offset: at.valueEnd, text: shown });
  }
  return out;
}

/**
 * The body value a template string produces: at the same pointer, or for a directive's own strings the
 * directive's result (`$each`: the list; its `do`: the first item).
 */
function bodyValueFor(pointer: string, body: unknown): string | null {
  const now = valueAtPointer(body, pointer);
  if (now.found) return describeValue(now.value, 48);
  const cut = pointer.lastIndexOf('/');
  const parent = pointer.slice(0, cut);
  const key = pointer.slice(cut + 1);
  if (key.startsWith('$')) {
    const result = valueAtPointer(body, parent);
    return result.found ? describeValue(result.value, 48) : null;
  }
  if (key === 'do') {
    const first = valueAtPointer(body, `${parent}/0`);
    return first.found ? `first: ${describeValue(first.value, 40)}` : null;
  }
  return null;
}

export function textInlineValues(text: string, context: Record<string, unknown>): InlineValue[] {
  return findPlaceholders(text)
    .slice(0, MAX_SHOWN)
    .map((p) => ({
      offset: p.end,
      text: describeValue(evaluateExpression(p.expression, context).value, 48),
    }));
}
