import type { Code, Diagnostic } from '@hookmap/core';

/**
 * Stable codes of body-validation diagnostics (T0xx). Codes never change meaning; new ones are appended.
 * Each diagnostic's `path` is a JSON Pointer into the rendered body.
 */
export const TargetCodes = {
  UNKNOWN_TARGET: 'T000',
  REQUIRED: 'T001',
  TYPE: 'T002',
  FORMAT: 'T003',
  ENUM: 'T004',
  PATTERN: 'T005',
  LENGTH: 'T006',
  RANGE: 'T007',
  UNKNOWN_FIELD: 'T008',
  READ_ONLY: 'T009',
  ALTERNATIVES: 'T010',
  NOT_JSON: 'T011',
  SCHEMA: 'T012',
  NO_BODY: 'T013',
  METHOD: 'T014',
  URL: 'T015',
  OPTIONS: 'T016',
  BROADCAST: 'T017',
  UNEXPECTED_BODY: 'T018',
} as const;

export type TargetCode = (typeof TargetCodes)[keyof typeof TargetCodes];

/** A problem of a request or body: its own T0xx codes and core's (the H5xx static checks among them). */
export type BodyDiagnostic = Diagnostic<Code | TargetCode>;
