/** Completion and hover for placeholders, fed by the current sample's context and the provider schema. */
import { filterRegistry, type TypeInfo } from '@hookmap/core';
import type { PathSegment } from '@hookmap/core/tooling';
import { evaluateExpression } from '../editor/evaluate.js';
import type { languages, editor, Position, IRange } from 'monaco-editor/esm/vs/editor/editor.api.js';
import {
  completionRequestAt,
  filterCompletions,
  pathCompletions,
  type CompletionItem,
} from '../editor/completion.js';
import { previewValue } from '../editor/values.js';
import { handlebarsScopeAt, jsonScopeAt } from '../editor/scopes.js';
import { findPlaceholders } from '../mapper/expressions.js';
import type { Monaco } from './env.js';
import { JSON_LANGUAGE, TEXT_LANGUAGE } from './language.js';

export interface IntelligenceSource {
  context(): Record<string, unknown>;
  schema(): object | undefined;
  /** The text body's engine (names inside `{{#each}}` differ from the top level). */
  engine(): 'hookmap' | 'handlebars';
  /** The inferred type (SPEC §11) of the placeholder at `offset` of the editor's text, when known. */
  typeAt?(text: string, offset: number, json: boolean): TypeInfo | null;
  /** The inferred type of a top-level path, from the provider's event schemas. */
  pathType?(path: PathSegment[]): TypeInfo | null;
}

/** The names in scope at a position: inside `$each` / `{{#each}}` the item's fields, not the top level. */
function scopeAt(
  source: IntelligenceSource,
  model: editor.ITextModel,
  position: Position,
): Record<string, unknown> {
  const context = source.context();
  const offset = model.getOffsetAt(position);
  if (model.getLanguageId() === JSON_LANGUAGE) return jsonScopeAt(model.getValue(), offset, context);
  return source.engine() === 'handlebars' ? handlebarsScopeAt(model.getValue(), offset, context) : context;
}

/** JSON-escaped text of a template string line, read as the template language sees it. */
function unescapeJsonLine(text: string, languageId: string): string {
  return languageId === JSON_LANGUAGE ? text.replace(/\\"/g, '"').replace(/\\\\/g, '\\') : text;
}

function kindOf(monaco: Monaco, item: CompletionItem): languages.CompletionItemKind {
  const kinds = monaco.languages.CompletionItemKind;
  switch (item.kind) {
    case 'object':
      return kinds.Module;
    case 'array':
      return kinds.Enum;
    case 'filter':
      return kinds.Function;
    case 'schema':
      return kinds.Property;
    default:
      return kinds.Field;
  }
}

export { evaluateExpression } from '../editor/evaluate.js';

function provideCompletions(
  monaco: Monaco,
  source: IntelligenceSource,
  model: editor.ITextModel,
  position: Position,
) {
  const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
  const request = completionRequestAt(unescapeJsonLine(before, model.getLanguageId()));
  if (!request) return { suggestions: [] };
  const word = model.getWordUntilPosition(position);
  const range: IRange = {
    startLineNumber: position.lineNumber,
    endLineNumber: position.lineNumber,
    startColumn: word.startColumn,
    endColumn: word.endColumn,
  };
  const context = scopeAt(source, model, position);
  // The provider schema describes the top level only; inside a scope it would offer the wrong names.
  const schema =
    context === source.context() ? (source.schema() as Record<string, unknown> | undefined) : undefined;
  const items =
    request.kind === 'filter'
      ? filterCompletions(request.partial, Object.keys(filterRegistry), filterSignatures())
      : withTypes(pathCompletions(request, context, schema), request, source, schema !== undefined);
  return {
    suggestions: items.map((item, index) => ({
      label: { label: item.label, description: item.detail },
      kind: kindOf(monaco, item),
      detail: item.detail,
      insertText: item.insertText,
      sortText: String(index).padStart(4, '0'),
      range,
    })),
  };
}

function provideHover(
  source: IntelligenceSource,
  model: editor.ITextModel,
  position: Position,
): languages.Hover | null {
  const line = model.getLineContent(position.lineNumber);
  const offset = position.column - 1;
  const placeholder = findPlaceholders(line).find((p) => offset >= p.start && offset <= p.end);
  if (!placeholder) return null;
  const expression = unescapeJsonLine(placeholder.expression, model.getLanguageId());
  const { value, note } = evaluateExpression(expression, scopeAt(source, model, position));
  const typed =
    source.typeAt?.(model.getValue(), model.getOffsetAt(position), model.getLanguageId() === JSON_LANGUAGE) ??
    null;
  const contents = [
    ...(typed && typed.text !== 'unknown' ? [{ value: `Type: \`${typed.detail}\`` }] : []),
    { value: `**\`${expression}\`** now is:` },
    { value: '```json\n' + previewValue(value) + '\n```' },
  ];
  if (note) contents.push({ value: `_${note}_` });
  return {
    range: {
      startLineNumber: position.lineNumber,
      endLineNumber: position.lineNumber,
      startColumn: placeholder.start + 1,
      endColumn: placeholder.end + 1,
    },
    contents,
  };
}

/** Completion details say the path's inferred type (`string | null — Otter: data.title`) at the top level. */
function withTypes(
  items: CompletionItem[],
  request: { base: PathSegment[] },
  source: IntelligenceSource,
  topLevel: boolean,
): CompletionItem[] {
  if (!topLevel || !source.pathType) return items;
  return items.map((item) => {
    const segment: PathSegment = /^\[\d+\]$/.test(item.label) ? Number(item.label.slice(1, -1)) : item.label;
    const typed = source.pathType!([...request.base, segment]);
    // `unknown` says nothing a user can use: the sample's value stays the whole detail then.
    return typed && typed.text !== 'unknown' ? { ...item, detail: `${typed.text} · ${item.detail}` } : item;
  });
}

let signatures: Record<string, string> | null = null;

function filterSignatures(): Record<string, string> {
  signatures ??= Object.fromEntries(
    Object.entries(filterRegistry).map(([name, d]) => [name, `${d.signature} — ${d.description}`]),
  );
  return signatures;
}

let registered = false;

export function registerIntelligence(monaco: Monaco, source: IntelligenceSource): void {
  if (registered) return;
  registered = true;
  for (const language of [JSON_LANGUAGE, TEXT_LANGUAGE]) {
    monaco.languages.registerCompletionItemProvider(language, {
      triggerCharacters: ['{', '<', '.', '|', ' ', '['],
      provideCompletionItems: (model, position) => provideCompletions(monaco, source, model, position),
    });
    monaco.languages.registerHoverProvider(language, {
      provideHover: (model, position) => provideHover(source, model, position),
    });
  }
}
