import type { CaseReport, ContenderRow, ExampleReport, TargetCheck } from './report-types.js';

export function ops(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k`;
  return value.toFixed(0);
}

export function ratio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return `${value.toFixed(value < 0.01 ? 4 : value < 0.1 ? 3 : 2)}×`;
}

function micros(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(value < 10 ? 1 : 0);
}

function kilobytes(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : (value / 1024).toFixed(1);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function contenderLine(entry: ContenderRow): string {
  if (entry.equivalence !== 'ok') {
    return row([
      entry.label,
      entry.types,
      `not timed: ${entry.equivalence.replaceAll('|', '\\|')}`,
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  return row([
    entry.label + (entry.note ? ' ¹' : ''),
    entry.types,
    ops(entry.render?.opsPerSec),
    ratio(entry.render?.ratio),
    ops(entry.body?.opsPerSec),
    ratio(entry.body?.ratio),
    micros(entry.compileMicros),
    kilobytes(entry.memoryBytes),
  ]);
}

function describeMode(mode: string): string {
  return mode === 'fresh'
    ? 'every op gets a payload copy it has never seen (as in production)'
    : 'ops rotate through 16 separate copies (identity caches hit after the first lap)';
}

function otherModeLine(report: CaseReport, entry: ContenderRow): string {
  const other = entry.renderOtherMode;
  return (
    `- ${entry.label} render when ${describeMode(other?.mode ?? '')}: ${ratio(other?.ratio)} hand ` +
    `(vs ${ratio(entry.render?.ratio)} in the table)`
  );
}

/** One case as a Markdown table, hand-written row first. */
export function caseTable(report: CaseReport): string {
  const lines = [
    `### ${report.title}`,
    '',
    row([
      'contender',
      'types',
      'render ops/s',
      '× hand',
      'body ops/s',
      '× hand',
      'compile µs',
      'KB / template',
    ]),
    row(['---', '---', '--:', '--:', '--:', '--:', '--:', '--:']),
    row([
      'hand-written TS (the limit)',
      'kept',
      ops(report.handRenderOpsPerSec),
      '1.00×',
      ops(report.handBodyOpsPerSec),
      '1.00×',
      '–',
      '–',
    ]),
    ...report.rows.map(contenderLine),
  ];
  const notes = report.rows.filter((entry) => entry.note).map((entry) => `¹ ${entry.label}: ${entry.note}`);
  const modes = report.rows
    .filter((entry) => entry.renderOtherMode)
    .map((entry) => otherModeLine(report, entry));
  const skipped = report.skipped.map((entry) => `- ${entry.id} not run: ${entry.reason}`);
  const intro = `Contexts: ${describeMode(report.contextMode)}.`;
  return [lines[0], '', intro, ...lines.slice(1), '', ...notes, ...skipped, ...modes].join('\n').trimEnd();
}

export function examplesTable(examples: ExampleReport[]): string {
  const lines = [
    '### (c) examples/: hookmap renderRequest per example',
    '',
    row(['example', 'matches expected.json', 'renderRequest ops/s', '× hand', '× hand (CPU time)']),
    row(['---', '---', '--:', '--:', '--:']),
    ...examples.map((entry) =>
      row([
        entry.name,
        entry.equivalence,
        ops(entry.opsPerSec),
        ratio(entry.handRatio),
        ratio(entry.handCpuRatio),
      ]),
    ),
  ];
  return lines.join('\n');
}

export function targetsTable(checks: TargetCheck[]): string {
  return [
    '### Targets',
    '',
    row(['target', 'measured', 'goal', '']),
    row(['---', '--:', '---', '---']),
    ...checks.map((check) =>
      row([
        check.name,
        check.unit === 'µs' ? `${micros(check.value)} µs` : ratio(check.value),
        check.goal,
        verdict(check),
      ]),
    ),
  ].join('\n');
}

function verdict(check: TargetCheck): string {
  if (!Number.isFinite(check.value)) return 'not measured';
  return check.pass ? 'met' : 'MISSED';
}
