import type { ContextMode } from './contexts.js';
import type { PairResult } from './paired.js';

export interface ContenderRow {
  id: string;
  label: string;
  /** 'kept' when the output has the template's JSON types; 'strings only' otherwise. */
  types: 'kept' | 'strings only';
  /** 'ok', or why the contender was not timed (its first difference from the hand-written output). */
  equivalence: string;
  render?: PairResult;
  body?: PairResult;
  /** hookmap only: render timed with the other context mode (fresh vs rotating copies), to show identity caches. */
  renderOtherMode?: PairResult & { mode: ContextMode };
  compileMicros?: number;
  memoryBytes?: number;
  note?: string;
}

export interface CaseReport {
  id: string;
  title: string;
  /** How contexts were fed to the ops of the main table. */
  contextMode: ContextMode;
  /** Median ops/s of the hand-written function over all pairs of the case. */
  handRenderOpsPerSec: number;
  handBodyOpsPerSec: number;
  rows: ContenderRow[];
  skipped: { id: string; reason: string }[];
}

export interface ExampleReport {
  name: string;
  equivalence: string;
  /** hookmap renderRequest ops/s (payload -> full request, provider context included). */
  opsPerSec?: number;
  /** Ratio to a hand-written function, only where one exists for the example. */
  handRatio?: number;
  /** The same ratio from process CPU time (less sensitive to other load on the machine). */
  handCpuRatio?: number;
}

export interface TargetCheck {
  name: string;
  value: number;
  unit: '×' | 'µs';
  goal: string;
  pass: boolean;
}
