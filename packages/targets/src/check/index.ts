import {
  checkIntegration,
  Codes,
  typeFromSchema,
  type CheckProvider,
  type InferredBody,
  type IntegrationCheck,
} from '@hookmap/core';
import { getTarget } from '../registry.js';
import type { Target } from '../types.js';
import { configuredSchema, type ValidateOptions } from '../validate.js';
import { Report, type TargetDiagnostic } from './report.js';
import { walk } from './walk.js';

export type { TargetDiagnostic } from './report.js';

/**
 * SPEC §11, the target half: the body an integration renders, as inferred without a payload, against the
 * target's JSON Schema. Each diagnostic points into the integration (path and offsets of the template
 * string that causes it) and names the body field (`bodyPath`).
 */
export function checkBodyTypes(
  body: InferredBody | null,
  target: Target,
  schema: object = target.schema,
): TargetDiagnostic[] {
  const report = new Report(target);
  const root = { path: '/body', start: 0, end: 0 };
  if (body === null) {
    if (target.method !== 'GET' && target.method !== 'DELETE') {
      report.add(
        'error',
        Codes.TARGET_REQUIRED,
        root,
        '',
        `${target.name} needs a JSON body; this integration sends none (check its method and body).`,
      );
    }
    return report.diagnostics;
  }
  if (body.kind === 'unchecked') {
    report.add(
      'info',
      Codes.NOT_CHECKED,
      root,
      '',
      `The body is not checked against ${target.name}: ${body.reason}.`,
    );
    return report.diagnostics;
  }
  if (body.kind === 'text') {
    report.add(
      'info',
      Codes.NOT_CHECKED,
      body.value.origin,
      '',
      `A text body is not checked against ${target.name}'s fields; use a template body to have them checked.`,
    );
    return report.diagnostics;
  }
  walk(body.value, typeFromSchema(schema), '', report);
  return report.diagnostics;
}

export interface StaticCheck extends Omit<IntegrationCheck, 'diagnostics'> {
  /** Every static problem: the templates' (H501, H502, H510) and the body's against the target. */
  diagnostics: (IntegrationCheck['diagnostics'][number] | TargetDiagnostic)[];
}

/**
 * The whole static check of an integration document (pure, synchronous): templates against the
 * provider's event contexts, then — when there is a target — the inferred body against its schema (with
 * the account's `picklists` as enums, as `targetSchema` gives it). `target` may be a preset or its id; an
 * unknown id is ignored (the caller reports it).
 */
export function checkIntegrationTypes(
  doc: unknown,
  options: { provider?: CheckProvider; target?: Target | string } & Pick<ValidateOptions, 'picklists'> = {},
): StaticCheck {
  const checked = checkIntegration(doc, options.provider ? { provider: options.provider } : {});
  const target = typeof options.target === 'string' ? getTarget(options.target) : options.target;
  // The account's picklists, when given, are enums: a literal outside one is then an error (H504).
  const schema =
    target && options.picklists
      ? configuredSchema(target, { picklists: options.picklists }).schema
      : target?.schema;
  const body = target && schema ? checkBodyTypes(checked.body, target, schema) : [];
  return { ...checked, diagnostics: [...checked.diagnostics, ...body] };
}
