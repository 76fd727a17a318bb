import type { CrmId, SimActivity, SimPerson } from './types.js';

/** One CRM's records, kept in memory for the life of the simulator. */
export interface CrmStore {
  people: SimPerson[];
  activities: SimActivity[];
  counter: number;
}

export function emptyStores(ids: readonly CrmId[]): Record<CrmId, CrmStore> {
  return Object.fromEntries(
    ids.map((id): [CrmId, CrmStore] => [id, { people: [], activities: [], counter: 0 }]),
  ) as Record<CrmId, CrmStore>;
}

/** Digits of a phone number, so "+1 (234) 567-8900" and "+12345678900" are the same number. */
export function phoneKey(phone: unknown): string | null {
  return typeof phone === 'string' && /\d/.test(phone) ? phone.replace(/\D/g, '') : null;
}

export function sameEmail(a: string | null, b: unknown): boolean {
  return a !== null && typeof b === 'string' && a.toLowerCase() === b.trim().toLowerCase();
}

export function samePhone(a: string | null, b: unknown): boolean {
  const key = phoneKey(a);
  return key !== null && key === phoneKey(b);
}

/** "John Doe" from first/last parts, or null. */
export function fullName(...parts: unknown[]): string | null {
  const text = parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .join(' ')
    .trim();
  return text === '' ? null : text;
}
