/** Recently used webhook bodies, bounded by their total size (least recently used go first). */
export class BodyCache {
  private readonly items = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): string | undefined {
    const body = this.items.get(key);
    if (body === undefined) return undefined;
    this.items.delete(key);
    this.items.set(key, body);
    return body;
  }

  set(key: string, body: string): void {
    const size = body.length * 2;
    if (size > this.maxBytes) return;
    this.delete(key);
    this.items.set(key, body);
    this.bytes += size;
    for (const [k, v] of this.items) {
      if (this.bytes <= this.maxBytes) break;
      this.items.delete(k);
      this.bytes -= v.length * 2;
    }
  }

  delete(key: string): void {
    const body = this.items.get(key);
    if (body === undefined) return;
    this.items.delete(key);
    this.bytes -= body.length * 2;
  }

  get size(): number {
    return this.bytes;
  }
}
