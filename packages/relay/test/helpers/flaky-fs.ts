/** A disk for the write-ahead log that can be made to fail: ENOSPC on every write, or one short write first. */
import { nodeFs } from '../../src/store/embedded/wal-fs.js';
import type { WalFs } from '../../src/store/embedded/wal-fs.js';

/** `once`: the next write fails, later ones succeed. */
export type Failure = 'none' | 'enospc' | 'short' | 'fsync' | 'once';

export interface FlakyFs extends WalFs {
  fail: Failure;
}

function enospc(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

export function flakyFs(): FlakyFs {
  const disk: FlakyFs = {
    fail: 'none',
    async open(path, flags) {
      const h = await nodeFs.open(path, flags);
      return {
        write: async (buffer, offset, length, position) => {
          if (disk.fail === 'enospc') throw enospc();
          if (disk.fail === 'once') {
            disk.fail = 'none';
            throw enospc();
          }
          if (disk.fail === 'short') {
            // part of the data reaches the file, then the disk is full
            disk.fail = 'enospc';
            return h.write(buffer, offset, Math.max(1, Math.floor(length / 2)), position);
          }
          return h.write(buffer, offset, length, position);
        },
        read: (buffer, offset, length, position) => h.read(buffer, offset, length, position),
        datasync: async () => {
          if (disk.fail === 'fsync')
            throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
          await h.datasync();
        },
        truncate: (length) => h.truncate(length),
        stat: () => h.stat(),
        close: () => h.close(),
      };
    },
  };
  return disk;
}
