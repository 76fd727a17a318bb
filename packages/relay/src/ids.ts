import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/** Time-sortable id: `<prefix>_<ms base36><counter><random hex>`; later ids compare greater. */
export function newId(prefix: string): string {
  const now = Date.now();
  counter = now === lastMs ? counter + 1 : 0;
  lastMs = now;
  const time = now.toString(36).padStart(9, '0');
  const seq = counter.toString(36).padStart(4, '0');
  return `${prefix}_${time}${seq}${randomBytes(6).toString('hex')}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
