import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  where: string;
  selfPercent: number;
}

/** Runs `work` under the V8 CPU profiler (the same profile `node --cpu-prof` writes). */
export async function profile(work: () => Promise<void> | void, intervalMicros = 100): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await session.post('Profiler.start');
  await work();
  const { profile: result } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  session.disconnect();
  return result;
}

function shortUrl(url: string): string {
  const at = url.search(/packages\/|bench\/|node_modules\//);
  return at >= 0 ? url.slice(at) : url || '(native)';
}

/** file:line of a frame in the TypeScript source (needs --enable-source-maps; tsx emits inline maps). */
function location(frame: CallFrame): string {
  const map = frame.url.startsWith('file:') ? findSourceMap(frame.url) : undefined;
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as
    { originalLine?: number; originalSource?: string } | undefined;
  if (entry?.originalLine === undefined) return `${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
  // A joined bundle (core's dist/node) maps to many sources: name the original one.
  const source = entry.originalSource ? shortUrl(entry.originalSource) : shortUrl(frame.url);
  return `${source}:${entry.originalLine + 1}`;
}

/**
 * Self time per function (name + file:line), as percentages of all samples, highest first. Frames for
 * which `ignore(where)` holds (the harness's own work) are left out of the total.
 */
export function hotSpots(
  cpu: CpuProfile,
  top = 25,
  ignore: (where: string) => boolean = () => false,
): HotSpot[] {
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const self = new Map<string, { name: string; where: string; time: number }>();
  let total = 0;
  cpu.samples.forEach((id, i) => {
    // The first delta runs from Profiler.start to the first sample: inspector overhead, not the work.
    if (i === 0) return;
    const frame = byId.get(id)?.callFrame;
    const delta = cpu.timeDeltas[i] ?? 0;
    if (!frame) return;
    const where = location(frame);
    if (ignore(where)) return;
    total += delta;
    const key = `${frame.functionName}@${where}`;
    const entry = self.get(key) ?? { name: frame.functionName || '(anonymous)', where, time: 0 };
    entry.time += delta;
    self.set(key, entry);
  });
  return [...self.values()]
    .sort((a, b) => b.time - a.time)
    .slice(0, top)
    .map((entry) => ({ name: entry.name, where: entry.where, selfPercent: (100 * entry.time) / total }));
}
