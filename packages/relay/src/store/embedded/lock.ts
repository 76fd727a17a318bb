/** One relay process per data directory: a lock file holding the owner's pid. */
import { open, readFile, unlink } from 'node:fs/promises';

const heldHere = new Set<string>();

export async function acquireLock(path: string): Promise<() => Promise<void>> {
  for (let tries = 0; tries < 2; tries++) {
    try {
      const handle = await open(path, 'wx');
      await handle.write(String(process.pid));
      await handle.close();
      heldHere.add(path);
      return async () => {
        heldHere.delete(path);
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      // Our own pid counts only if this process holds the lock (a restarted container may reuse the pid).
      const live = owner === process.pid ? heldHere.has(path) : owner > 0 && isAlive(owner);
      if (live) {
        throw new Error(
          `data directory is in use by relay process ${owner} (${path}); the embedded store is single-process — use DATABASE_URL to run several relays`,
        );
      }
      await unlink(path).catch(() => undefined); // stale lock left by a crashed process
    }
  }
  throw new Error(`could not take the lock ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
