import { describe, expect, it } from 'vitest';
import { EventHeap } from '../../../shared/simulation/heap';
import { Random } from '../../../shared/simulation/random';

describe('EventHeap', () => {
  it('pops events in time order, growing past its initial capacity', () => {
    const heap = new EventHeap(16);
    const rng = new Random(5);
    const times: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.next() * 1000); // many equal times
      times.push(t);
      heap.push(t, i);
    }
    expect(heap.size).toBe(5000);
    const popped: number[] = [];
    const items = new Set<number>();
    while (heap.size > 0) {
      popped.push(heap.minTime());
      const item = heap.pop();
      expect(times[item]).toBe(popped[popped.length - 1]);
      items.add(item);
    }
    expect(popped).toEqual([...times].sort((a, b) => a - b));
    expect(items.size).toBe(5000);
    expect(heap.minTime()).toBe(Infinity);
  });

  it('interleaves pushes and pops like a priority queue', () => {
    const heap = new EventHeap();
    const reference: number[] = [];
    const rng = new Random(9);
    for (let i = 0; i < 5000; i++) {
      if (reference.length === 0 || rng.next() < 0.55) {
        const t = rng.next() * 100 + i * 0.01;
        heap.push(t, i);
        reference.push(t);
      } else {
        reference.sort((a, b) => a - b);
        expect(heap.minTime()).toBe(reference.shift());
        heap.pop();
      }
    }
    expect(heap.size).toBe(reference.length);
    heap.clear();
    expect(heap.size).toBe(0);
  });
});
