/**
 * Pure completion logic: what is being typed inside an open placeholder, and which paths or
 * filters fit, each with the current value (paths) or signature (filters).
 */
import { expressionToPath, type PathSegment } from '../mapper/expressions.js';
import { describeValue } from './values.js';

export type CompletionRequest =
  { kind: 'path'; base: PathSegment[]; partial: string } | { kind: 'filter'; partial: string; input: string };

export interface CompletionItem {
  label: string;
  kind: 'object' | 'array' | 'value' | 'filter' | 'schema';
  detail: string;
  insertText: string;
}

/**
 * Inspects the text before the cursor (the current line is enough: placeholders never span
 * lines in JSON strings). Null when the cursor is not inside an open placeholder.
 */
export function completionRequestAt(textBefore: string): CompletionRequest | null {
  const open = lastOpenPlaceholder(textBefore);
  if (open < 0) return null;
  const expression = textBefore.slice(open + 2);
  const pipe = lastTopLevelPipe(expression);
  if (pipe >= 0) {
    const afterPipe = expression.slice(pipe + 1);
    const name = /^\s*([A-Za-z_]*)$/.exec(afterPipe);
    if (name) return { kind: 'filter', partial: name[1] as string, input: expression.slice(0, pipe).trim() };
  }
  if (insideStringLiteral(expression)) return null;
  const pathText = TRAILING_PATH.exec(expression)?.[0] ?? '';
  const lastDot = pathText.lastIndexOf('.');
  const baseText = lastDot >= 0 ? pathText.slice(0, lastDot) : '';
  const partial = lastDot >= 0 ? pathText.slice(lastDot + 1) : pathText;
  if (!/^[A-Za-z0-9_$]*$/.test(partial)) return null;
  const base = baseText === '' ? [] : expressionToPath(baseText);
  if (base === null) return null;
  return { kind: 'path', base, partial };
}

const TRAILING_PATH = /(?:[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z0-9_$]*|\[-?\d+\]|\["[^"]*"\]|\['[^']*'\])*)?$/;

function insideStringLiteral(expression: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
  }
  return quote !== null;
}

function lastOpenPlaceholder(text: string): number {
  const braces = text.lastIndexOf('{{');
  const angles = text.lastIndexOf('<<');
  const open = Math.max(braces, angles);
  if (open < 0) return -1;
  const close = text.startsWith('{{', open) ? '}}' : '>>';
  if (text.indexOf(close, open + 2) >= 0) return -1;
  if (open > 0 && text[open - 1] === '\\') return -1;
  return open;
}

function lastTopLevelPipe(expression: string): number {
  let quote: string | null = null;
  let found = -1;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '|' && expression[i + 1] !== '|' && expression[i - 1] !== '|') found = i;
  }
  return found;
}

/** Own-property walk of a plain value; undefined when a step does not resolve. */
export function resolvePath(root: unknown, path: PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') {
      current = current[segment < 0 ? current.length + segment : segment];
    } else if (
      current !== null &&
      typeof current === 'object' &&
      typeof segment === 'string' &&
      Object.hasOwn(current, segment)
    ) {
      current = (current as Record<string, unknown>)[segment];
    } else return undefined;
  }
  return current;
}

type Schema = { [key: string]: unknown };

/** Subschema for a path, following properties/items and local $refs, merging anyOf/oneOf/allOf. */
export function schemaAt(root: Schema | undefined, path: PathSegment[]): Schema[] {
  if (!root) return [];
  let current: Schema[] = [root];
  for (const segment of path) {
    const next: Schema[] = [];
    for (const schema of current.flatMap((s) => expandSchema(root, s))) {
      if (typeof segment === 'number' && isSchema(schema.items)) next.push(schema.items);
      const props = schema.properties;
      if (typeof segment === 'string' && isSchema(props) && isSchema(props[segment]))
        next.push(props[segment]);
    }
    current = next;
    if (current.length === 0) return [];
  }
  return current.flatMap((s) => expandSchema(root, s));
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function expandSchema(root: Schema, schema: Schema, depth = 0): Schema[] {
  if (depth > 8) return [schema];
  const out: Schema[] = [schema];
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = isSchema(target) ? target[part] : undefined;
    if (isSchema(target)) out.push(...expandSchema(root, target, depth + 1));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const list = schema[key];
    if (Array.isArray(list))
      for (const s of list) if (isSchema(s)) out.push(...expandSchema(root, s, depth + 1));
  }
  return out;
}

export function pathCompletions(
  request: { base: PathSegment[]; partial: string },
  context: unknown,
  schema?: Schema,
): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  const value = resolvePath(context, request.base);
  if (Array.isArray(value)) {
    value.slice(0, 20).forEach((element, index) => {
      const label = `[${index}]`;
      items.set(label, { label, kind: kindOf(element), detail: describeValue(element), insertText: label });
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      items.set(key, { label: key, kind: kindOf(child), detail: describeValue(child), insertText: key });
    }
  }
  for (const sub of schemaAt(schema, request.base)) {
    const props = sub.properties;
    if (!isSchema(props)) continue;
    for (const [key, propSchema] of Object.entries(props)) {
      if (items.has(key)) continue;
      const type = isSchema(propSchema) && propSchema.type !== undefined ? String(propSchema.type) : 'any';
      items.set(key, { label: key, kind: 'schema', detail: `not in this sample · ${type}`, insertText: key });
    }
  }
  const partial = request.partial.toLowerCase();
  return [...items.values()].filter((item) => item.label.toLowerCase().includes(partial));
}

function kindOf(value: unknown): CompletionItem['kind'] {
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') return 'object';
  return 'value';
}

export function filterCompletions(
  partial: string,
  names: string[],
  signatures: Record<string, string>,
): CompletionItem[] {
  const lower = partial.toLowerCase();
  return names
    .filter((name) => name.toLowerCase().startsWith(lower))
    .sort()
    .map((name) => ({
      label: name,
      kind: 'filter',
      detail: signatures[name] ?? `${name}`,
      insertText: name,
    }));
}
