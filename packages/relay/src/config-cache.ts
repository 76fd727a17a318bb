/**
 * Sources and integrations change rarely and are read on every webhook and every attempt, so they
 * are cached for a short time. Writes through this process clear the cache at once; changes made by
 * another relay process on the same database are seen within `ttlMs`.
 */
import type { IntegrationRecord, Source, Store } from './store/types.js';

interface Entry<T> {
  value: Promise<T>;
  until: number;
}

export class ConfigCache {
  private readonly entries = new Map<string, Entry<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs: number,
  ) {}

  source(id: string): Promise<Source | null> {
    return this.cached(`s:${id}`, () => this.store.getSource(id));
  }

  integration(id: string): Promise<IntegrationRecord | null> {
    return this.cached(`i:${id}`, () => this.store.getIntegration(id));
  }

  activeIntegrations(sourceId: string): Promise<IntegrationRecord[]> {
    return this.cached(`a:${sourceId}`, async () =>
      (await this.sourceIntegrations(sourceId)).filter((i) => i.active),
    );
  }

  /** Every integration of a source, disabled ones included (their webhooks are recorded as skipped deliveries). */
  sourceIntegrations(sourceId: string): Promise<IntegrationRecord[]> {
    return this.cached(`all:${sourceId}`, () => this.store.listIntegrations(sourceId));
  }

  invalidate(): void {
    this.entries.clear();
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key, { value, until: this.ttlMs > 0 ? now + this.ttlMs : now });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
