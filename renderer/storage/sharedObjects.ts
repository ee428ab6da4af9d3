/**
 * Sends lists of objects to a worker without cloning the ones it already has. Edits share every step and
 * connection they do not change, so consecutive saves of a 5,000-step workflow differ by a few objects;
 * posting the whole workflow would clone megabytes on the UI thread each time (as writing it to IndexedDB
 * there would). Each object gets a numeric handle the first time it is sent; later messages send the handle.
 *
 * Both sides keep the same table with the same bookkeeping: a message fills a named slot (a workflow, a
 * history) and holds the handles it used; a handle that no slot holds any more is forgotten on both sides.
 * Messages arrive in order (postMessage is FIFO), so the two tables never disagree.
 */

/** An object the receiver already has (its handle), or a new one with the handle it will be known by. */
export type WireItem<T> = number | { handle: number; value: T };

/** Which slot holds which handles, counted, so that a handle is forgotten when the last slot lets go. */
class SlotHandles {
  private slots = new Map<string, number[]>();
  private counts = new Map<number, number>();

  /** Records that `slot` now holds `handles` (and no longer what it held); returns the handles now unheld. */
  hold(slot: string, handles: number[]): number[] {
    for (const handle of handles) this.counts.set(handle, (this.counts.get(handle) ?? 0) + 1);
    const freed = this.drop(this.slots.get(slot) ?? []);
    this.slots.set(slot, handles);
    return freed;
  }

  release(slot: string): number[] {
    const held = this.slots.get(slot);
    if (!held) return [];
    this.slots.delete(slot);
    return this.drop(held);
  }

  private drop(handles: readonly number[]): number[] {
    const freed: number[] = [];
    for (const handle of handles) {
      const left = (this.counts.get(handle) ?? 0) - 1;
      if (left > 0) this.counts.set(handle, left);
      else {
        this.counts.delete(handle);
        freed.push(handle);
      }
    }
    return freed;
  }
}

/**
 * One message being encoded or decoded: the lists it carries, and the handles they use. Commit it once all
 * its lists are done.
 */
export interface SlotMessage {
  readonly slot: string;
  readonly handles: number[];
}

export class ObjectSender {
  private handleOf = new Map<object, number>();
  private objectOf = new Map<number, object>();
  private nextHandle = 1;
  private slots = new SlotHandles();

  message(slot: string): SlotMessage {
    return { slot, handles: [] };
  }

  encode<T extends object>(message: SlotMessage, items: readonly T[]): WireItem<T>[] {
    return items.map((value) => {
      const known = this.handleOf.get(value);
      if (known !== undefined) {
        message.handles.push(known);
        return known;
      }
      const handle = this.nextHandle++;
      this.handleOf.set(value, handle);
      this.objectOf.set(handle, value);
      message.handles.push(handle);
      return { handle, value };
    });
  }

  commit(message: SlotMessage): void {
    this.forget(this.slots.hold(message.slot, message.handles));
  }

  /** The slot's objects are no longer needed (its workflow was deleted); the receiver must release it too. */
  release(slot: string): void {
    this.forget(this.slots.release(slot));
  }

  /** How many objects the receiver holds (for tests and diagnostics). */
  get size(): number {
    return this.objectOf.size;
  }

  private forget(handles: readonly number[]): void {
    for (const handle of handles) {
      const value = this.objectOf.get(handle);
      this.objectOf.delete(handle);
      if (value) this.handleOf.delete(value);
    }
  }
}

export class ObjectReceiver {
  private objectOf = new Map<number, unknown>();
  private slots = new SlotHandles();

  message(slot: string): SlotMessage {
    return { slot, handles: [] };
  }

  /** Throws when a handle is unknown: the two tables disagree, and nothing decoded may be written. */
  decode<T>(message: SlotMessage, items: readonly WireItem<T>[]): T[] {
    return items.map((item) => {
      if (typeof item === 'number') {
        if (!this.objectOf.has(item)) throw new Error(`Unknown object handle ${item} in ${message.slot}`);
        message.handles.push(item);
        return this.objectOf.get(item) as T;
      }
      this.objectOf.set(item.handle, item.value);
      message.handles.push(item.handle);
      return item.value;
    });
  }

  commit(message: SlotMessage): void {
    for (const handle of this.slots.hold(message.slot, message.handles)) this.objectOf.delete(handle);
  }

  release(slot: string): void {
    for (const handle of this.slots.release(slot)) this.objectOf.delete(handle);
  }

  get size(): number {
    return this.objectOf.size;
  }
}
