/**
 * Static types in the template editor (SPEC §11): the inferred type of the placeholder under the cursor,
 * and of a completed path, from the provider's event schemas — known without a sample that has the field.
 */
import {
  isFlow,
  typeAt,
  type CheckProvider,
  type Integration,
  type IntegrationDocument,
  type TypeInfo,
} from '@hookmap/core';
import { pathToExpression, scanJson } from '@hookmap/core/tooling';
import type { PathSegment } from '@hookmap/core/tooling';

/** A provider that carries event schemas (the providers package's do); others type nothing. */
export function checkProviderOf(provider: unknown): CheckProvider | undefined {
  return provider !== null && typeof provider === 'object' && 'contextSchemas' in provider
    ? (provider as CheckProvider)
    : undefined;
}

/**
 * The type of the innermost placeholder expression at `offset` of the editor's text: the body's JSON
 * template (`json`) or its text template. Null when no placeholder is there, or the JSON does not parse.
 */
export function templateTypeAt(
  integration: IntegrationDocument | null,
  text: string,
  offset: number,
  json: boolean,
  provider: CheckProvider | undefined,
  /** For a flow: the step whose template is in the editor. */
  step = -1,
): TypeInfo | null {
  if (!integration || !provider) return null;
  const flow = isFlow(integration) ? integration : null;
  const request = (flow ? flow.steps[step] : integration) as Integration | undefined;
  if (!request?.body) return null;
  const prefix = flow ? `/steps/${step}/body/template` : '/body/template';
  const withTemplate = (template: unknown): IntegrationDocument => {
    const edited = { ...request, body: { ...request.body, template } } as Integration;
    return flow
      ? { ...flow, steps: flow.steps.map((s, i) => (i === step ? { ...s, body: edited.body } : s)) }
      : edited;
  };
  if (!json) return safeTypeAt(withTemplate(text), prefix, offset, provider);
  let template: unknown;
  try {
    template = JSON.parse(text);
  } catch {
    return null;
  }
  const location = innermostString(text, offset);
  if (!location) return null;
  return safeTypeAt(
    withTemplate(template),
    `${prefix}${location.pointer}`,
    decodedOffset(text, location.valueStart, offset),
    provider,
  );
}

/** The type a path has at the top level of the context, e.g. for a completion item. */
export function pathType(path: PathSegment[], provider: CheckProvider | undefined): TypeInfo | null {
  if (!provider || path.length === 0) return null;
  const expression = pathToExpression(path);
  const template = `{{ ${expression} }}`;
  const doc = { url: 'https://type.invalid/', body: { mode: 'template', template } } as Integration;
  return safeTypeAt(doc, '/body/template', 3, provider);
}

function safeTypeAt(
  doc: IntegrationDocument,
  pointer: string,
  offset: number,
  provider: CheckProvider,
): TypeInfo | null {
  try {
    return typeAt(doc, pointer, offset, { provider });
  } catch {
    return null; // a type is a hint: never an error of its own
  }
}

function innermostString(text: string, offset: number) {
  let best: { pointer: string; valueStart: number; valueEnd: number } | null = null;
  for (const location of scanJson(text).locations.values()) {
    if (location.kind !== 'string' || offset <= location.valueStart || offset >= location.valueEnd) continue;
    if (!best || location.valueEnd - location.valueStart < best.valueEnd - best.valueStart) best = location;
  }
  return best;
}

/** The offset in the decoded string of the text offset `offset` inside the string token at `tokenStart`. */
function decodedOffset(text: string, tokenStart: number, offset: number): number {
  let pos = tokenStart + 1;
  let decoded = 0;
  while (pos < offset && pos < text.length && text[pos] !== '"') {
    pos += text[pos] === '\\' ? (text[pos + 1] === 'u' ? 6 : 2) : 1;
    decoded++;
  }
  return decoded;
}
