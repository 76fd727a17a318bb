/** Messages between the editor and its render worker. */
import type { Diagnostic, IntegrationDocument } from '@hookmap/core';
import type { StepPresetInfo } from '../catalog.js';
import type { ResponseChoice } from '../store.js';
import type { Verdict } from '../status/problems.js';
import type { Shortened } from './shorten.js';

export type PayloadSource =
  { kind: 'sample'; providerId: string; sampleId: string } | { kind: 'custom'; key: string };

export interface SetPayloadMessage {
  type: 'payload';
  key: string;
  text: string;
}

export interface RenderJob {
  type: 'render';
  id: number;
  integration: IntegrationDocument;
  providerId: string;
  payload: PayloadSource;
  targetId: string | null;
  allSamples: boolean;
  /** Body pointers of long strings the user expanded (shown whole). */
  expanded: string[];
  /** A flow: the step being edited and the response each step is assumed to get. */
  flow?: FlowJob;
}

export interface FlowJob {
  activeStep: number;
  responses: Record<string, ResponseChoice>;
}

export type WorkerRequest = SetPayloadMessage | RenderJob;

export interface PreviewRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Pretty JSON (or the text body), long strings shortened; null when there is no body. */
  bodyText: string | null;
  bodyIsJson: boolean;
  bodyChars: number;
  /** Only for bodies huge without any long string: the text was cut (a last resort). */
  truncated: boolean;
  /** Long strings shown shortened, each expandable on its own. */
  shortened: Shortened[];
}

export interface SampleRun {
  sampleId: string;
  name: string;
  event: string;
  /** From the same status model as the preview (src/status/problems.ts). */
  verdict: Verdict;
  /** Error messages (template, render and target schema). */
  errors: string[];
  /** References that resolved to nothing. */
  nulls: string[];
  /** Why the integration's filters leave this sample out, or null. */
  skipped: string | null;
}

/** Which part of the integration a diagnostic belongs to. */
export type DiagnosticField = 'body' | 'url' | 'headers' | 'request' | 'when';

export interface FieldDiagnostic extends Diagnostic {
  field: DiagnosticField;
  /** Header name, for `field: 'headers'`. */
  header?: string;
  /** The flow step it belongs to, when it is not the step being edited (whose problems are placed like a request's). */
  step?: string;
}

/** One step of a flow as the preview shows it: the request it sends and the response it assumed. */
export interface StepPreview {
  id: string;
  name: string;
  /** The step's `when` was falsy: it is not sent. */
  skipped: boolean;
  /** False for the steps after the one the flow stopped at. */
  reached: boolean;
  request: PreviewRequest | null;
  response: { status: number; bodyText: string; accepted: boolean } | null;
  /** The step's rendered `result` as JSON (a string quoted), or null when it has none. */
  resultText: string | null;
  /** The targets' preset its request matches (which says whether it is a lookup), or null. */
  preset: StepPresetInfo | null;
  /** Which response the preview assumed: a targets' sample, a pasted one, or none. */
  assumed: ResponseChoice['kind'] | null;
}

export interface FlowStop {
  stepId: string;
  reason: 'no-response' | 'not-accepted';
}

export interface RenderReply {
  type: 'result';
  id: number;
  ms: number;
  request: PreviewRequest | null;
  /** A failure that stopped rendering (e.g. the payload is not JSON). */
  failure: string | null;
  /** Syntax problems (validate) and render problems (unresolved references...). */
  diagnostics: FieldDiagnostic[];
  /** The rendered body checked against the target's schema; paths point into the body. */
  targetDiagnostics: FieldDiagnostic[];
  runs: SampleRun[] | null;
  /** Why the integration's `events` leave this payload out (the relay would not send it), or null. */
  skipped: string | null;
  /** A flow's steps in order (null for a single request); `request` is then the edited step's. */
  steps: StepPreview[] | null;
  stoppedAt: FlowStop | null;
}
