import type { CaseReport, ContenderRow, ExampleReport, TargetCheck } from './report-types.js';

function hookmapRow(report: CaseReport | undefined): ContenderRow | undefined {
  return report?.rows.find((row) => row.id === 'hookmap' && row.equivalence === 'ok');
}

function atLeast(name: string, value: number | undefined, goal: number): TargetCheck {
  const measured = value ?? Number.NaN;
  return { name, value: measured, unit: '×', goal: `≥ ${goal}×`, pass: measured >= goal };
}

/**
 * hookmap ÷ fastest peer on case (a), as a ratio of ratios: each peer's ratio to the hand-written
 * function was measured interleaved with that function, so machine drift cancels.
 */
function versusFastestPeer(report: CaseReport | undefined): { value: number; peer: string } {
  const mine = hookmapRow(report)?.render?.ratio ?? Number.NaN;
  const peers = (report?.rows ?? []).filter((row) => row.id !== 'hookmap' && row.render);
  const fastest = peers.reduce<ContenderRow | undefined>(
    (best, row) => ((row.render?.ratio ?? 0) > (best?.render?.ratio ?? 0) ? row : best),
    undefined,
  );
  return { value: mine / (fastest?.render?.ratio ?? Number.NaN), peer: fastest?.label ?? 'none' };
}

/** Issue #13: renderRequest ≥ 0.5× a hand-written request builder on at least three examples (the third best ratio). */
function thirdBestExample(examples: ExampleReport[]): number | undefined {
  const ratios = examples
    .flatMap((e) => (e.handRatio === undefined ? [] : [e.handRatio]))
    .sort((x, y) => y - x);
  return ratios[2];
}

/** The issues' targets; the benchmark reports them, nothing fails on them. */
export function checkTargets(reports: CaseReport[], examples: ExampleReport[] = []): TargetCheck[] {
  const a = reports.find((report) => report.id === 'a-osvi');
  const b = reports.find((report) => report.id === 'b-otter');
  const peer = versusFastestPeer(a);
  const compile = hookmapRow(a)?.compileMicros ?? Number.NaN;
  const checks: TargetCheck[] = [];
  if (a) {
    checks.push(atLeast('(a) render vs hand-written', hookmapRow(a)?.render?.ratio, 0.25));
    checks.push(atLeast(`(a) render vs fastest peer (${peer.peer})`, peer.value, 5));
    checks.push(atLeast('(a) body vs hand-written', hookmapRow(a)?.body?.ratio, 0.8));
    checks.push({ name: '(a) compile', value: compile, unit: 'µs', goal: '≤ 50 µs', pass: compile <= 50 });
  }
  if (b) {
    checks.push(atLeast('(b) render vs hand-written', hookmapRow(b)?.render?.ratio, 0.6));
    checks.push(atLeast('(b) body vs hand-written', hookmapRow(b)?.body?.ratio, 0.8));
  }
  if (examples.some((e) => e.handRatio !== undefined)) {
    checks.push(
      atLeast('(c) renderRequest vs hand-written, 3rd best example', thirdBestExample(examples), 0.5),
    );
  }
  return checks;
}
