/**
 * One relay process per data directory: a lock file naming its owner by pid, the process's start time
 * (from /proc, so a pid reused by another process after a crash is seen as stale), host and a random
 * instance id (for people reading the file).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { open, readFile, stat, unlink } from 'node:fs/promises';

interface LockOwner {
  pid: number;
  /** Start time of the process in clock ticks since boot (field 22 of /proc/<pid>/stat), when known. */
  start?: string | null;
  host?: string;
  instance?: string;
}

const heldHere = new Set<string>();
/** Linux reports process start times in USER_HZ, which is 100 on every architecture it supports. */
const TICKS_PER_SECOND = 100;

export async function acquireLock(path: string): Promise<() => Promise<void>> {
  for (let tries = 0; tries < 2; tries++) {
    try {
      const handle = await open(path, 'wx');
      const me: LockOwner = {
        pid: process.pid,
        start: await processStart(process.pid),
        host: hostname(),
        instance: randomBytes(8).toString('hex'),
      };
      await handle.write(JSON.stringify(me) + '\n');
      await handle.close();
      heldHere.add(path);
      return async () => {
        heldHere.delete(path);
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readOwner(path);
      if (owner && (await isLive(owner, path))) {
        throw new Error(
          `data directory is in use by relay process ${owner.pid}${owner.host ? ` on ${owner.host}` : ''} (${path}); ` +
            'the embedded store is single-process — use DATABASE_URL to run several relays',
        );
      }
      await unlink(path).catch(() => undefined); // stale lock left by a crashed process
    }
  }
  throw new Error(
    `could not take the lock ${path}: another process keeps creating it; stop it and start again`,
  );
}

async function readOwner(path: string): Promise<LockOwner | null> {
  const text = (await readFile(path, 'utf8').catch(() => '')).trim();
  if (/^\d+$/.test(text)) return { pid: Number(text) }; // written by an earlier version
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null; // empty or half-written: its writer died before finishing
  }
}

async function isLive(owner: LockOwner, path: string): Promise<boolean> {
  const start = await processStart(owner.pid);
  // Our own pid counts only if this process holds the lock (a restarted container may reuse the pid).
  if (owner.pid === process.pid) return heldHere.has(path);
  if (!isAlive(owner.pid)) return false;
  if (start === null) return true; // no /proc: the pid is all there is to go on
  if (owner.start) return owner.start === start;
  // A lock of an earlier version names only a pid: a process that started after the lock was written
  // cannot be the one that wrote it.
  const written = (await stat(path).catch(() => null))?.mtimeMs;
  const started = await startedAtMs(start);
  return written === undefined || started === null || started <= written + 1000;
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces and parentheses). */
async function processStart(pid: number): Promise<string | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!text) return null;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

async function startedAtMs(ticks: string): Promise<number | null> {
  const btime = /^btime (\d+)$/m.exec(await readFile('/proc/stat', 'utf8').catch(() => ''))?.[1];
  return btime ? Number(btime) * 1000 + (Number(ticks) * 1000) / TICKS_PER_SECOND : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
