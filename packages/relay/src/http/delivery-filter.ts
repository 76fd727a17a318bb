/** Delivery filters shared by bulk retry and bulk replay (the same query fields). */
import type { DeliveryFilter, DeliveryStatus } from '../store/types.js';
import { badRequest } from './errors.js';

const STATUSES: DeliveryStatus[] = ['pending', 'succeeded', 'failed', 'cancelled', 'skipped'];

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: T[],
  name: string,
): T | undefined {
  if (!value) return undefined;
  if (!allowed.includes(value as T)) throw badRequest(`"${name}" must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function deliveryFilter(q: Record<string, unknown>): DeliveryFilter {
  const str = (k: string) => (typeof q[k] === 'string' && q[k] ? (q[k] as string) : undefined);
  const ids = Array.isArray(q.ids) ? q.ids.filter((x): x is string => typeof x === 'string') : undefined;
  return {
    status: oneOf(str('status'), STATUSES, 'status'),
    sourceId: str('sourceId'),
    integrationId: str('integrationId'),
    eventId: str('eventId'),
    ids,
  };
}
