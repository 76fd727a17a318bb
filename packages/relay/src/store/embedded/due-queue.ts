/**
 * Pending deliveries ordered by when they are due (a binary min-heap), so claiming work does not
 * scan deliveries that wait for a later retry. Entries go stale when a delivery is rescheduled;
 * the caller checks each popped id against the current record.
 */
interface Entry {
  at: number;
  id: string;
}

export class DueQueue {
  private readonly heap: Entry[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(id: string, at: number): void {
    const heap = this.heap;
    heap.push({ at, id });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  /** Remove and return every id due at `now`. */
  popDue(now: number): string[] {
    const out: string[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at <= now) out.push(this.pop().id);
    return out;
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < heap.length && heap[l]!.at < heap[min]!.at) min = l;
        if (r < heap.length && heap[r]!.at < heap[min]!.at) min = r;
        if (min === i) break;
        [heap[min], heap[i]] = [heap[i]!, heap[min]!];
        i = min;
      }
    }
    return top;
  }
}
