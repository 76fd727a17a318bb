/**
 * What names mean at a place in a template, from the current sample: inside a JSON template's
 * `$each` (`item`, `loop`) and `$let`, or a Handlebars `{{#each}}` / `{{#with}}` block (`this`, block
 * params). Completion offers the item's fields there; the Handlebars check reads values the same way.
 */
import { scanJson } from '@hookmap/core/tooling';
import { findPlaceholders } from '../mapper/expressions.js';
import { evaluateExpression } from './evaluate.js';

type Scope = Record<string, unknown>;

/** The first element of a list (a sample of "each item"), the first value of an object. */
function firstItem(value: unknown): unknown {
  if (Array.isArray(value)) return value[0];
  if (value !== null && typeof value === 'object') return Object.values(value)[0];
  return value ?? undefined;
}

function valueOfTemplateString(text: unknown, scope: Scope): unknown {
  if (typeof text !== 'string') return text;
  const [only] = findPlaceholders(text);
  return only && only.start === 0 && only.end === text.length
    ? evaluateExpression(only.expression, scope).value
    : text;
}

/** The template pointer of the innermost JSON value holding `offset`. */
function pointerAt(text: string, offset: number): string | null {
  const scan = scanJson(text);
  if (scan.error) return null;
  let best: { pointer: string; size: number } | null = null;
  for (const [pointer, at] of scan.locations) {
    if (offset < at.valueStart || offset > at.valueEnd) continue;
    const size = at.valueEnd - at.valueStart;
    if (!best || size < best.size) best = { pointer, size };
  }
  return best?.pointer ?? null;
}

function segmentsOf(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The context at `offset` of a JSON template: the sample's, plus `$each` items and `$let` names around it. */
export function jsonScopeAt(text: string, offset: number, context: Scope): Scope {
  const pointer = pointerAt(text, offset);
  if (pointer === null) return context;
  let node: unknown;
  try {
    node = JSON.parse(text);
  } catch {
    return context;
  }
  let scope: Scope = context;
  for (const segment of segmentsOf(pointer)) {
    if (node === null || typeof node !== 'object') break;
    const obj = node as Record<string, unknown>;
    if (!Array.isArray(node) && Object.hasOwn(obj, '$each') && segment === 'do') {
      const list = valueOfTemplateString(obj.$each, scope);
      const name = typeof obj.as === 'string' ? obj.as : 'item';
      const length = Array.isArray(list) ? list.length : list == null ? 0 : 1;
      scope = {
        ...scope,
        [name]: firstItem(list),
        loop: { index: 0, first: true, last: length <= 1, length },
      };
    }
    if (!Array.isArray(node) && Object.hasOwn(obj, '$let') && segment === 'in') {
      const lets = obj.$let;
      if (lets !== null && typeof lets === 'object' && !Array.isArray(lets)) {
        const bound: Scope = { ...scope };
        for (const [name, value] of Object.entries(lets)) bound[name] = valueOfTemplateString(value, scope);
        scope = bound;
      }
    }
    node = Array.isArray(node) ? node[Number(segment)] : obj[segment];
  }
  return scope;
}

interface HbsFrame {
  value: unknown;
  locals: Scope;
  parent: HbsFrame | null;
}

const BLOCK_TAG =
  /\{\{~?\s*(#|\/)\s*(each|with|if|unless)\b\s*([^}~]*?)\s*(?:as\s*\|\s*([^|]*)\|)?\s*~?\}\}/g;

/** A Handlebars path read in a frame: `this`, `this.a`, `a.b`, `../a`, `@root.a`, block params. */
export function handlebarsValue(path: string, frame: HbsFrame, root: unknown): unknown {
  let f = frame;
  let rest = path.trim();
  if (rest.startsWith('@root')) return walk(root, rest.slice(5));
  while (rest.startsWith('../')) {
    f = f.parent ?? f;
    rest = rest.slice(3);
  }
  if (rest === 'this' || rest === '.') return f.value;
  if (rest.startsWith('this.')) return walk(f.value, rest.slice(4));
  const head = rest.split('.')[0] as string;
  for (let g: HbsFrame | null = f; g; g = g.parent) {
    if (Object.hasOwn(g.locals, head)) return walk(g.locals[head], rest.slice(head.length));
  }
  return walk(f.value, `.${rest}`);
}

function walk(value: unknown, dotted: string): unknown {
  let current = value;
  for (const key of dotted.split('.').filter(Boolean)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Scope)[key];
  }
  return current;
}

/** The Handlebars frame at `offset`: the blocks opened before it and not yet closed. */
export function handlebarsFrameAt(text: string, offset: number, context: Scope): HbsFrame {
  let frame: HbsFrame = { value: context, locals: {}, parent: null };
  const stack: HbsFrame[] = [];
  for (const match of text.slice(0, offset).matchAll(BLOCK_TAG)) {
    const [, kind, name, arg = '', params = ''] = match;
    if (kind === '/') {
      frame = stack.pop() ?? frame;
      continue;
    }
    stack.push(frame);
    if (name === 'if' || name === 'unless') continue; // they keep the context
    const value = handlebarsValue(arg, frame, context);
    const current = name === 'each' ? firstItem(value) : value;
    const names = params.trim().split(/\s+/).filter(Boolean);
    const locals: Scope = {};
    if (names[0]) locals[names[0]] = current;
    if (names[1]) locals[names[1]] = name === 'each' ? 0 : undefined;
    frame = { value: current, locals, parent: frame };
  }
  return frame;
}

/** What a bare name can be at `offset` of a Handlebars text: block params, then the frame's fields. */
export function handlebarsScopeAt(text: string, offset: number, context: Scope): Scope {
  const frame = handlebarsFrameAt(text, offset, context);
  const own =
    frame.value !== null && typeof frame.value === 'object' && !Array.isArray(frame.value)
      ? (frame.value as Scope)
      : {};
  const locals: Scope = {};
  for (let g: HbsFrame | null = frame; g; g = g.parent)
    for (const [k, v] of Object.entries(g.locals)) if (!(k in locals)) locals[k] = v;
  return { ...own, ...locals, this: frame.value };
}
