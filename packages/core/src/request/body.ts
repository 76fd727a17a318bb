import { Codes } from '../codes.js';
import { RequestError } from '../errors.js';
import { setOwn } from '../evaluate/paths.js';
import { toText } from '../evaluate/text.js';
import { compile } from '../template.js';
import type {
  CompiledTemplate,
  Diagnostic,
  IntegrationBody,
  JsonValue,
  Provider,
  RenderOptions,
} from '../types.js';
import { compileHandlebars, type HandlebarsRender } from './handlebars.js';

export interface PreparedBody {
  contentType: string;
  /** `diagnostics` null: nobody listens, so the template takes its fast path. */
  render(
    payload: unknown,
    context: Record<string, unknown>,
    options: RenderOptions,
    diagnostics: Diagnostic[] | null,
  ): JsonValue | string;
}

const JSON_TYPE = 'application/json';

/**
 * Prepares a body once per integration: compiled templates are reused across renders. `at` is the
 * pointer of the request in its document ('' for an integration, `/steps/2` for a flow step).
 */
export function prepareBody(
  body: IntegrationBody | undefined,
  provider: Provider | undefined,
  at = '',
): PreparedBody | null {
  if (!body) return null;
  const pointer = `${at}/body/template`;
  switch (body.mode) {
    case 'auto':
      return prepareAuto(body.sections, provider, at);
    case 'template': {
      const compiled = withPointer(() => compile(body.template), pointer);
      // A JSON body that renders to a bare string is sent as that string's JSON text.
      const asJson = (v: JsonValue): JsonValue | string => (typeof v === 'string' ? JSON.stringify(v) : v);
      return {
        contentType: JSON_TYPE,
        render: (_p, ctx, opts, diags) => asJson(renderTemplate(compiled, ctx, opts, diags, pointer)),
      };
    }
    case 'text': {
      const contentType = body.contentType ?? 'text/plain; charset=utf-8';
      if (body.engine === 'handlebars') {
        const hb: HandlebarsRender = withPointer(
          () => compileHandlebars(body.template, /\b(html|xml)\b/i.test(contentType)),
          pointer,
          '/body/template',
        );
        return { contentType, render: (_p, ctx) => withPointer(() => hb(ctx), pointer, '/body/template') };
      }
      const compiled = withPointer(() => compile(body.template), pointer);
      return {
        contentType,
        render: (_p, ctx, opts, diags) => toText(renderTemplate(compiled, ctx, opts, diags, pointer)),
      };
    }
  }
}

/**
 * Runs fn; a template error it throws gets `prefix` before its path. Handlebars errors already carry
 * `/body/template` (`own`), which is replaced by the prefix of a flow step's body.
 */
export function withPointer<T>(fn: () => T, prefix: string, own?: string): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof Error) || !('path' in e)) throw e;
    const path = (e as { path: string }).path;
    if (own !== undefined) {
      if (path.startsWith(own)) (e as { path: string }).path = prefix + path.slice(own.length);
      else if (path === '') (e as { path: string }).path = prefix;
      throw e;
    }
    if (e instanceof RequestError) throw e;
    (e as { path: string }).path = prefix + path;
    throw e;
  }
}

function renderTemplate(
  compiled: CompiledTemplate,
  ctx: Record<string, unknown>,
  opts: RenderOptions,
  diags: Diagnostic[] | null,
  pointer: string,
): JsonValue {
  try {
    if (!diags) return compiled.render(ctx, opts);
    const { value, diagnostics } = compiled.renderWithDiagnostics(ctx, opts);
    for (const d of diagnostics) diags.push({ ...d, path: pointer + d.path });
    return value;
  } catch (e) {
    // A render error (missing: 'error', `required`, a limit) gets the body's pointer before its own.
    if (e instanceof Error && 'path' in e && !(e instanceof RequestError))
      (e as { path: string }).path = pointer + (e as { path: string }).path;
    throw e;
  }
}

/** Auto mode: one flat object from the enabled sections, in the provider's order; empty sections are left out. */
function prepareAuto(sections: string[], provider: Provider | undefined, at: string): PreparedBody {
  if (!provider) {
    throw new RequestError(
      Codes.NO_PROVIDER,
      'Auto body mode needs a provider (to know its sections): pass { provider } or use a template body.',
      { path: `${at}/body` },
    );
  }
  const known = new Set(provider.sections.map((s) => s.id));
  sections.forEach((id, i) => {
    if (!known.has(id)) {
      throw new RequestError(
        Codes.UNKNOWN_SECTION,
        `Unknown section "${id}" for ${provider.name}: use ${[...known].join(', ')}.`,
        { path: `${at}/body/sections/${i}` },
      );
    }
  });
  const enabled = provider.sections.filter((s) => sections.includes(s.id));
  return {
    contentType: JSON_TYPE,
    render(payload) {
      const out: Record<string, JsonValue> = {};
      for (const section of enabled) {
        const fields = section.build(payload);
        if (!fields) continue;
        for (const k of Object.keys(fields)) setOwn(out, k, fields[k]);
      }
      return out;
    },
  };
}
