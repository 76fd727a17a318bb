import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let counter = 0;
// One getrandom call per 512 ids instead of one per id (ids are minted on the hot path).
const pool = Buffer.alloc(6 * 512);
let poolOffset = pool.length;

function randomHex6(): string {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const hex = pool.toString('hex', poolOffset, poolOffset + 6);
  poolOffset += 6;
  return hex;
}

/** Time-sortable id: `<prefix>_<ms base36><counter><random hex>`; later ids compare greater. */
export function newId(prefix: string): string {
  const now = Date.now();
  counter = now === lastMs ? counter + 1 : 0;
  lastMs = now;
  const time = now.toString(36).padStart(9, '0');
  const seq = counter.toString(36).padStart(4, '0');
  return `${prefix}_${time}${seq}${randomHex6()}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
