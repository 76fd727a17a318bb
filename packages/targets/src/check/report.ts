import type { Code, Origin } from '@hookmap/core';
import type { BodyDiagnostic, TargetCode } from '../codes.js';
import type { Target } from '../types.js';

/** A static problem of the body: where it is in the integration (path, offsets) and in the body. */
export interface TargetDiagnostic extends BodyDiagnostic {
  /** JSON Pointer into the rendered body; `*` stands for any element of an array. */
  bodyPath: string;
}

/** Collects the problems of one walk, with the target's hints. */
export class Report {
  readonly diagnostics: TargetDiagnostic[] = [];
  private readonly hints = new Map<string, string>();

  constructor(readonly target: Target) {
    for (const field of target.fields) if (field.hint) this.hints.set(field.pointer, field.hint);
  }

  add(
    severity: BodyDiagnostic['severity'],
    code: Code | TargetCode,
    origin: Origin,
    bodyPath: string,
    message: string,
  ): void {
    const hint = this.hints.get(bodyPath.replace(/\/(\*|\d+)(?=\/|$)/g, '/0'));
    const text = hint && !message.includes(hint) ? `${message} ${hint}.` : message;
    const diagnostic: TargetDiagnostic = {
      severity,
      code,
      message: text,
      path: origin.path,
      start: origin.start,
      end: origin.end,
      bodyPath,
    };
    if (origin.key) diagnostic.key = true;
    this.diagnostics.push(diagnostic);
  }
}

/** "/properties/hs_call_body", or "the body" for the root. */
export function fieldName(bodyPath: string): string {
  return bodyPath === '' ? 'the body' : bodyPath;
}
