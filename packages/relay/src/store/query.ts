/** In-memory filtering and paging shared by the embedded store (the SQL store does the same in SQL). */
import type { Attempt, AttemptQuery, Delivery, DeliveryFilter, Page } from './types.js';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;

export function pageLimit(limit: number | undefined): number {
  if (!limit || !Number.isFinite(limit) || limit < 1) return DEFAULT_PAGE;
  return Math.min(Math.floor(limit), MAX_PAGE);
}

/** Newest first, `before` as an exclusive id cursor. */
export function paginate<T extends { id: string }>(
  items: Iterable<T>,
  query: { limit?: number; before?: string },
  keep: (item: T) => boolean,
): Page<T> {
  const limit = pageLimit(query.limit);
  const sorted = [...items].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const out: T[] = [];
  for (const item of sorted) {
    if (query.before && item.id >= query.before) continue;
    if (!keep(item)) continue;
    if (out.length === limit) return { items: out, next: out[out.length - 1]?.id ?? null };
    out.push(item);
  }
  return { items: out, next: null };
}

export function matchesDelivery(d: Delivery, f: DeliveryFilter): boolean {
  return (
    (!f.status || d.status === f.status) &&
    (!f.sourceId || d.sourceId === f.sourceId) &&
    (!f.integrationId || d.integrationId === f.integrationId) &&
    (!f.eventId || d.eventId === f.eventId) &&
    (!f.ids || f.ids.includes(d.id))
  );
}

export function matchesAttempt(a: Attempt, q: AttemptQuery): boolean {
  return (
    (!q.deliveryId || a.deliveryId === q.deliveryId) &&
    (!q.integrationId || a.integrationId === q.integrationId) &&
    (!q.eventId || a.eventId === q.eventId) &&
    (!q.outcome || a.outcome === q.outcome)
  );
}
