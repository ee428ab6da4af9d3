/**
 * The event queue of the simulation: a binary min-heap of (time, item) pairs kept in two parallel typed
 * arrays, so pushing and popping allocate nothing (the arrays only grow, by doubling, when full). An item is
 * a small integer chosen by the caller (in the simulation: a case index, or −1 for "next arrival").
 *
 * Equal times come out in an unspecified but deterministic order (the same pushes give the same pops).
 */
export class EventHeap {
  private times: Float64Array;
  private items: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity | 0);
    this.times = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  /** Time of the earliest event; Infinity when empty. */
  minTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  /** Item of the earliest event (undefined behaviour when empty: check size first). */
  minItem(): number {
    return this.items[0]!;
  }

  push(time: number, item: number): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const items = this.items;
    // Sift up with a hole: move parents down until the new key fits.
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt <= time) break;
      times[i] = pt;
      items[i] = items[parent]!;
      i = parent;
    }
    times[i] = time;
    items[i] = item;
  }

  /** Removes the earliest event and returns its item (read minTime() first for its time). */
  pop(): number {
    const times = this.times;
    const items = this.items;
    const top = items[0]!;
    const n = --this.count;
    if (n > 0) {
      const time = times[n]!;
      const item = items[n]!;
      // Sift down with a hole from the root.
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let child = 2 * i + 1;
        let ct = times[child]!;
        const right = child + 1;
        if (right < n) {
          const rt = times[right]!;
          if (rt < ct) {
            child = right;
            ct = rt;
          }
        }
        if (ct >= time) break;
        times[i] = ct;
        items[i] = items[child]!;
        i = child;
      }
      times[i] = time;
      items[i] = item;
    }
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.times = times;
    this.items = items;
  }
}
