import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** What the figures were measured on. */
export function machine() {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const info = {
    date: new Date().toISOString(),
    node: process.version,
    cpu,
    cores: cpus().length,
    loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
    commit: gitCommit(),
  };
  return {
    ...info,
    summary: `node ${info.node}, ${info.cores} × ${cpu}, load ${info.loadAverage.join(' ')}, commit ${info.commit ?? '?'}`,
  };
}
