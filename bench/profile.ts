import { writeFileSync } from 'node:fs';
import { cases } from './cases/index.js';
import { hookmapContender } from './contenders/hookmap.js';
import { loadExamples } from './cases/examples.js';
import { freshCopy } from './harness/contexts.js';
import { hotSpots, profile } from './harness/cpu-profile.js';
import { sourceFor } from './harness/equivalence.js';
import { requestOp } from './harness/examples.js';
import { settleCallSites } from './harness/slices.js';
import type { Op } from './harness/slices.js';

/**
 * Profiles hookmap (its built dist/) alone on one case: `node --expose-gc --import tsx bench/profile.ts
 * [--case a|b] [--mode render|body|compile] [--contexts fresh|rotate] [--seconds 4]`, or `renderRequest` on
 * one example of case (c): `--case c --example osvi-to-hubspot-call`. Prints self-time hot spots and writes
 * the .cpuprofile (open it in Chrome DevTools > Performance).
 */
function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return (at >= 0 ? process.argv[at + 1] : undefined) ?? fallback;
}

const caseId = option('case', 'a');
const mode = option('mode', 'render');
const seconds = Number(option('seconds', '4'));

interface Subject {
  id: string;
  title: string;
  op: Op;
  contexts: object[];
}

/** Case (c): renderRequest (or renderFlow) of one example, as the bench times it. */
function exampleSubject(): Subject {
  const name = option('example', 'osvi-to-hubspot-call');
  const example = loadExamples().find((entry) => entry.name === name);
  if (!example) throw new Error(`no example ${name}`);
  const contexts = Array.from({ length: 16 }, () => structuredClone(example.payload) as object);
  return { id: `c-${name}`, title: `renderRequest of examples/${name}`, op: requestOp(example), contexts };
}

function caseSubject(): Subject {
  const benchCase = cases.find((entry) => entry.id.startsWith(caseId));
  if (!benchCase) throw new Error(`no case ${caseId}`);
  const source = sourceFor(benchCase, hookmapContender);
  const prepared = hookmapContender.compile(source);
  const compileOp = () => hookmapContender.compile(source);
  const op = mode === 'compile' ? compileOp : mode === 'body' ? prepared.body : prepared.render;
  return { id: benchCase.id, title: benchCase.title, op, contexts: benchCase.contexts(16) };
}

const subject = caseId.startsWith('c') ? exampleSubject() : caseSubject();
const { op, contexts } = subject;

const fresh = option('contexts', 'fresh') === 'fresh';
const sink: unknown[] = new Array(16);
/**
 * No GC between batches here: collection cost is part of what the profile should show. With fresh
 * contexts (default) each op gets a never-seen copy, made in the same loop (freshCopy shows in the profile).
 */
function spin(milliseconds: number): void {
  const end = performance.now() + milliseconds;
  for (let i = 0; performance.now() < end; i++) {
    for (let j = 0; j < 64; j++) {
      const context = contexts[(i + j) & 15] as object;
      sink[j & 15] = op(fresh ? freshCopy(context) : context);
    }
  }
}

await settleCallSites();
spin(300);
const result = await profile(() => spin(seconds * 1000));
const file = `/tmp/hookmap-${subject.id}-${mode}.cpuprofile`;
writeFileSync(file, JSON.stringify(result));
console.log(
  `hookmap ${mode}, ${subject.title}: self time by function, the harness's copying left out (profile: ${file})\n`,
);
for (const spot of hotSpots(result, 25, (where) => where.startsWith('bench/'))) {
  console.log(`${spot.selfPercent.toFixed(1).padStart(5)}%  ${spot.name}  ${spot.where}`);
}
