import { handContender } from '../contenders/index.js';
import { compileMicros, memoryPerTemplate } from './compile-cost.js';
import { checkEquivalence, sourceFor, whyNot } from './equivalence.js';
import { contextSource } from './contexts.js';
import { timePair } from './paired.js';
import { readyToSend } from './ready-body.js';
import { median } from './stats.js';
import type { BenchCase } from '../cases/types.js';
import type { Contender } from '../contenders/types.js';
import type { CaseReport, ContenderRow } from './report-types.js';
import type { Timed } from './slices.js';
import type { Settings } from './settings.js';

type Log = (line: string) => void;

/** Everything measured for one contender on one case, each timing paired with the hand-written function. */
async function measure(
  benchCase: BenchCase,
  contender: Contender,
  contexts: object[],
  hand: { render: Timed; body: Timed },
  settings: Settings,
): Promise<ContenderRow> {
  const source = sourceFor(benchCase, contender);
  const prepared = contender.compile(source);
  const renderOp = { op: prepared.render, async: contender.async };
  const main = contextSource(settings.contextMode, contexts, settings.freshCap);
  const render = await timePair(renderOp, hand.render, main, settings);
  const body = await timePair(readyToSend(prepared.body, contender.async), hand.body, main, settings);
  const other = contextSource(
    settings.contextMode === 'fresh' ? 'rotate' : 'fresh',
    contexts,
    settings.freshCap,
  );
  const otherMode =
    contender.id === 'hookmap' ? await timePair(renderOp, hand.render, other, settings) : undefined;
  return {
    ...(otherMode ? { renderOtherMode: { mode: other.mode, ...otherMode } } : {}),
    id: contender.id,
    label: contender.label,
    types: contender.keepsTypes ? 'kept' : 'strings only',
    equivalence: 'ok',
    render,
    body,
    compileMicros: await compileMicros(contender, source, settings),
    memoryBytes: memoryPerTemplate(contender, source, settings),
    ...(contender.compileNote ? { note: contender.compileNote } : {}),
  };
}

function rejected(contender: Contender, difference: string): ContenderRow {
  const types = contender.keepsTypes ? 'kept' : 'strings only';
  return { id: contender.id, label: contender.label, types, equivalence: difference };
}

/** Verifies then times every contender of `list` on `benchCase`. */
export async function runCase(
  benchCase: BenchCase,
  list: Contender[],
  settings: Settings,
  log: Log,
): Promise<CaseReport> {
  const contexts = benchCase.contexts(settings.contextCopies);
  const handPrepared = handContender.compile(benchCase.handWritten);
  const hand = {
    render: { op: handPrepared.render, async: false },
    body: readyToSend(handPrepared.body, false),
  };
  const rows: ContenderRow[] = [];
  const skipped: CaseReport['skipped'] = [];
  for (const contender of list) {
    const reason = whyNot(benchCase, contender);
    if (reason) {
      skipped.push({ id: contender.id, reason });
      continue;
    }
    const difference = await checkEquivalence(benchCase, contender, contexts);
    if (difference) {
      log(`  ${contender.id}: NOT TIMED, disagrees with hand-written: ${difference}`);
      rows.push(rejected(contender, difference));
      continue;
    }
    log(`  ${contender.id}: equivalent; timing`);
    rows.push(await measure(benchCase, contender, contexts, hand, settings));
  }
  const timed = rows.filter((row) => row.render && row.body);
  return {
    id: benchCase.id,
    title: benchCase.title,
    contextMode: settings.contextMode,
    handRenderOpsPerSec: median(timed.map((row) => row.render?.baselineOpsPerSec ?? Number.NaN)),
    handBodyOpsPerSec: median(timed.map((row) => row.body?.baselineOpsPerSec ?? Number.NaN)),
    rows,
    skipped,
  };
}
