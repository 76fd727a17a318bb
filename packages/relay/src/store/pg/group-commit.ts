/**
 * Group commit: calls that arrive while earlier ones are being written wait and are written together,
 * by one statement on one connection. A caller resolves only when the statement holding its item has
 * committed. With `parallel` statements in flight at once, a lone call is written at once.
 */
interface Waiting<In, Out> {
  item: In;
  size: number;
  resolve(result: Out): void;
  reject(error: unknown): void;
}

export interface GroupOptions<In> {
  /** Most items in one statement. */
  maxItems: number;
  /** Most bytes in one statement (a large item goes alone). */
  maxBytes?: number;
  sizeOf?: (item: In) => number;
  /** Statements in flight at once. */
  parallel: number;
}

export class GroupCommit<In, Out> {
  private readonly queue: Waiting<In, Out>[] = [];
  private running = 0;

  /** `write` returns one result per item, in order, or throws to fail them all. */
  constructor(
    private readonly write: (items: In[]) => Promise<Out[]>,
    private readonly o: GroupOptions<In>,
  ) {}

  add(item: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, size: this.o.sizeOf?.(item) ?? 0, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.o.parallel && this.queue.length > 0) {
      const batch = this.take();
      this.running++;
      void this.flush(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private take(): Waiting<In, Out>[] {
    const maxBytes = this.o.maxBytes ?? Number.POSITIVE_INFINITY;
    let bytes = 0;
    let n = 0;
    while (n < this.queue.length && n < this.o.maxItems) {
      bytes += this.queue[n]!.size;
      if (n > 0 && bytes > maxBytes) break;
      n++;
    }
    return this.queue.splice(0, n);
  }

  private async flush(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const results = await this.write(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}
