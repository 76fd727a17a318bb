import { Codes } from '../codes.js';
import { RequestError } from '../errors.js';
import { scan } from '../syntax/scan.js';
import { validate } from '../template.js';
import type { Diagnostic } from '../types.js';
import { compileHandlebars } from './handlebars.js';
import { stepReferenceProblems } from './step-refs.js';
import { integrationTemplates, type IntegrationTemplate } from './templates.js';
import { validateIntegrationShape } from './validate-shape.js';

export { METHODS, validateIntegrationShape } from './validate-shape.js';
export { integrationSchema } from './schema.js';

/**
 * Checks an integration document — a single request or a flow — its shape, then every template in it
 * (and, in a flow, which steps each one reads), and returns each problem with the JSON Pointer of the
 * field (from the document root) and what to write.
 */
export function validateIntegration(doc: unknown): Diagnostic[] {
  const problems = validateIntegrationShape(doc);
  if (problems.length) return problems;
  const found: Diagnostic[] = [];
  for (const t of integrationTemplates(doc)) found.push(...validateIntegrationTemplate(t));
  return found.length ? found : stepReferenceProblems(doc);
}

/**
 * Syntax problems of one template of a document (as `integrationTemplates` yields it), compiled as its
 * kind says, with pointers from the document root. Never throws.
 */
export function validateIntegrationTemplate(t: IntegrationTemplate): Diagnostic[] {
  if (t.kind === 'handlebars') {
    try {
      compileHandlebars(t.template as string, false);
      return [];
    } catch (e) {
      if (!(e instanceof RequestError)) throw e;
      const d = e.toDiagnostic();
      return [{ ...d, path: t.pointer + d.path.replace(/^\/body\/template/, '') }];
    }
  }
  const found = validate(t.template).map((d) => ({ ...d, path: t.pointer + d.path }));
  return found.length ? found : whenProblems(t);
}

/**
 * A step's `when` is one placeholder (SPEC §9), so it reads as a condition, not as text; [] for any
 * other template (and for an integration's own `when`, which predates flows and is only syntax-checked).
 */
export function whenProblems(t: IntegrationTemplate): Diagnostic[] {
  if (t.kind !== 'when' || t.step === undefined) return [];
  const text = t.template as string;
  let segments;
  try {
    segments = scan(text);
  } catch {
    return []; // a syntax error: validate() reports it
  }
  const exprs = segments.filter((s) => s.kind === 'expr');
  const words = segments.filter((s) => s.kind === 'text' && s.value.trim() !== '');
  if (exprs.length === 1 && words.length === 0) return [];
  const extra = exprs[1] ?? exprs[0];
  return [
    {
      severity: 'error',
      code: Codes.INVALID_INTEGRATION,
      message: `"when" is one placeholder, e.g. "{{ steps.find.result == null }}"; combine conditions inside it with && and ||.`,
      path: t.pointer,
      start: exprs.length > 1 && extra ? extra.start : 0,
      end: exprs.length > 1 && extra ? extra.end : text.length,
    },
  ];
}
