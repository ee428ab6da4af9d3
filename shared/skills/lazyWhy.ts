/**
 * A row's "Why?" texts, written the first time they are read. The lens recomputes on every edit, and the
 * view shows one role's rows and opens a Why? now and then: writing every text of a 5,000-step workspace up
 * front cost more than all the figures together. An own enumerable getter, so spreading, JSON and
 * structured clone still see (and then compute) the texts.
 */
export function withLazyWhy<R extends object, W>(row: R, write: () => W): R & { readonly why: W } {
  let written: W | undefined;
  Object.defineProperty(row, 'why', {
    enumerable: true,
    configurable: true,
    get: () => (written ??= write()),
  });
  return row as R & { readonly why: W };
}
