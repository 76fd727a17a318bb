import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cases } from './cases/index.js';
import { contenders } from './contenders/index.js';
import { parseArgs, usage, wanted } from './harness/args.js';
import { runExamples } from './harness/examples.js';
import { caseTable, examplesTable, targetsTable } from './harness/format.js';
import { gcAvailable } from './harness/gc.js';
import { machine } from './harness/machine.js';
import { runCase } from './harness/run-case.js';
import { settleCallSites } from './harness/slices.js';
import { checkTargets } from './harness/targets.js';
import type { CaseReport, ExampleReport } from './harness/report-types.js';

/** The README with the text between the results markers replaced. */
function withResults(readme: string, results: string): string {
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return readme;
  return `${readme.slice(0, from + start.length)}\n${results}\n${readme.slice(to)}`;
}

const began = performance.now();
const log = (line: string) =>
  process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(1)} s] ${line}\n`);

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    log(usage);
    return;
  }
  const args = parseArgs(process.argv.slice(2), fileURLToPath(new URL('./results.json', import.meta.url)));
  if (!gcAvailable) log('warning: run node with --expose-gc; slices will not start from a collected heap');
  await settleCallSites();
  const started = performance.now();
  const reports: CaseReport[] = [];
  const list = contenders.filter((contender) => wanted(args.only, contender.id));
  for (const benchCase of cases.filter((entry) => wanted(args.cases, entry.id))) {
    log(`${benchCase.title}`);
    reports.push(await runCase(benchCase, list, args.settings, log));
  }
  let examples: ExampleReport[] = [];
  if (wanted(args.cases, 'c-examples')) examples = await runExamples(args.settings, log);
  const targets = checkTargets(reports, examples);
  const tables = [
    ...reports.map(caseTable),
    ...(examples.length ? [examplesTable(examples)] : []),
    targetsTable(targets),
  ];
  const seconds = (performance.now() - started) / 1000;
  const footer = `${machine().summary}, ${args.quick ? 'quick' : 'full'} run, ${seconds.toFixed(0)} s`;
  console.log(`\n${tables.join('\n\n')}\n\n${footer}`);
  if (process.argv.includes('--readme')) {
    const readme = fileURLToPath(new URL('./README.md', import.meta.url));
    writeFileSync(readme, withResults(readFileSync(readme, 'utf8'), `${tables.join('\n\n')}\n\n${footer}`));
    log(`updated ${readme}`);
  }
  if (args.out) {
    const results = {
      machine: machine(),
      quick: args.quick,
      settings: args.settings,
      seconds,
      cases: reports,
      examples,
      targets,
    };
    writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${args.out}`);
  }
}

await main();
