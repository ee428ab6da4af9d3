/**
 * Linear solvers for the visit equations (I − Q)ᵀ v = b of an absorbing Markov chain.
 *
 * - `solveDense`: Gaussian elimination with partial pivoting on a dense matrix, O(n³). Used for small
 *   strongly connected components and as the reference in tests.
 * - `solveSparse`: row-wise (Doolittle, "IKJ") Gaussian elimination on a sparse matrix, in the given row
 *   order, with fill-in tracked in hash maps. Its cost is O(n · w²) where w is the number of columns that are
 *   "open" at once (roughly the number of loops spanning a step), so a long loop with nested local loops
 *   costs about as much as a chain.
 *
 * Why `solveSparse` needs no pivoting: the matrices here are A = I − Qᵀ restricted to a strongly connected
 * component, with Q sub-stochastic (rows sum to at most 1) and at least one row leaking probability out of
 * the component. Column i of A has 1 − Qᵢᵢ on the diagonal and −Qᵢⱼ off it, with Σⱼ≠ᵢ Qᵢⱼ ≤ 1 − Qᵢᵢ: A is a
 * column diagonally dominant, irreducible, non-singular M-matrix. Elimination preserves column diagonal
 * dominance, so partial pivoting would never swap rows (the diagonal is always a largest entry of its
 * column) and every pivot stays positive (Wilkinson 1961; Golub & Van Loan, "Matrix Computations", §3.4.10).
 *
 * Parallel splits make Q's rows add up to more than 1 (a token goes down every branch), but for well-nested
 * blocks Q = D⁻¹Q'D with D diagonal and Q' sub-stochastic (see chain.ts), so A = D(I − Q'ᵀ)D⁻¹. Elimination
 * without pivoting on A meets exactly the pivots of I − Q'ᵀ (its L and U are D L' D⁻¹ and D U' D⁻¹), so the
 * argument above carries over.
 */

/** A sparse row: column index → value. */
export type SparseRow = Map<number, number>;

/**
 * Solves A x = b by Gaussian elimination with partial pivoting. `a` is n×n, row-major; it and `b` are not
 * modified. Returns null if the matrix is singular to working precision.
 */
export function solveDense(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = b.length;
  const m = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) m[r * n + c] = a[r]![c]!;
  const x = solveDenseInPlace(m, Float64Array.from(b), n);
  return x && Array.from(x);
}

/**
 * Gaussian elimination with partial pivoting on a flat row-major n×n matrix `m` (overwritten) and right-hand
 * side `rhs` (overwritten); returns the solution (a new array) or null if singular to working precision.
 */
export function solveDenseInPlace(m: Float64Array, rhs: Float64Array, n: number): Float64Array | null {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    let best = Math.abs(m[col * n + col]!);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(m[r * n + col]!);
      if (v > best) {
        best = v;
        pivot = r;
      }
    }
    if (!(best > 1e-300)) return null;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const t = m[col * n + c]!;
        m[col * n + c] = m[pivot * n + c]!;
        m[pivot * n + c] = t;
      }
      const t = rhs[col]!;
      rhs[col] = rhs[pivot]!;
      rhs[pivot] = t;
    }
    const p = m[col * n + col]!;
    for (let r = col + 1; r < n; r++) {
      const f = m[r * n + col]! / p;
      if (f === 0) continue;
      m[r * n + col] = 0;
      for (let c = col + 1; c < n; c++) m[r * n + c] = m[r * n + c]! - f * m[col * n + c]!;
      rhs[r] = rhs[r]! - f * rhs[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = rhs[r]!;
    for (let c = r + 1; c < n; c++) s -= m[r * n + c]! * x[c]!;
    x[r] = s / m[r * n + r]!;
  }
  return x;
}

/**
 * Solves A x = b for a sparse A given as rows (column → value) by Gaussian elimination without pivoting, in
 * row order. Only for matrices that need no pivoting (see the module comment). Rows are not modified.
 * Returns null if a pivot vanishes (the matrix is singular to working precision).
 */
export function solveSparse(rows: readonly SparseRow[], b: readonly number[]): number[] | null {
  const n = rows.length;
  // U is stored row by row: its diagonal, and the strictly upper part as parallel arrays.
  const diag = new Float64Array(n);
  const upperCols: number[][] = new Array<number[]>(n);
  const upperVals: number[][] = new Array<number[]>(n);
  const y = new Float64Array(n);
  const heap = new MinHeap();
  for (let r = 0; r < n; r++) {
    const row = new Map(rows[r]);
    let rhs = b[r]!;
    for (const c of row.keys()) if (c < r) heap.push(c);
    while (heap.size > 0) {
      const c = heap.pop();
      const v = row.get(c);
      if (v === undefined) continue; // a column pushed twice
      row.delete(c);
      if (v === 0) continue;
      const f = v / diag[c]!;
      const cols = upperCols[c]!;
      const vals = upperVals[c]!;
      for (let k = 0; k < cols.length; k++) {
        const cc = cols[k]!;
        const old = row.get(cc);
        if (old === undefined) {
          row.set(cc, -f * vals[k]!);
          if (cc < r) heap.push(cc);
        } else row.set(cc, old - f * vals[k]!);
      }
      rhs -= f * y[c]!;
    }
    const d = row.get(r) ?? 0;
    if (!(Math.abs(d) > 1e-300)) return null;
    diag[r] = d;
    const cols: number[] = [];
    const vals: number[] = [];
    for (const [c, v] of row) {
      if (c > r && v !== 0) {
        cols.push(c);
        vals.push(v);
      }
    }
    upperCols[r] = cols;
    upperVals[r] = vals;
    y[r] = rhs;
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = y[r]!;
    const cols = upperCols[r]!;
    const vals = upperVals[r]!;
    for (let k = 0; k < cols.length; k++) s -= vals[k]! * x[cols[k]!]!;
    x[r] = s / diag[r]!;
  }
  return x;
}

/** A binary min-heap of integers (column indices still to eliminate, smallest first). */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= value) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = value;
  }

  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      const n = a.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const child = r < n && a[r]! < a[l]! ? r : l;
        if (a[child]! >= last) break;
        a[i] = a[child]!;
        i = child;
      }
      a[i] = last;
    }
    return top;
  }
}
