// Krippendorff's alpha, after "Computing Krippendorff's Alpha-Reliability" (K. Krippendorff, 2011): agreement
// among any number of coders, with missing values, for nominal, ordinal and interval data. 1 is perfect agreement,
// 0 is what chance alone would give, below 0 is systematic disagreement. Only values in a unit with at least two
// values are "pairable"; the others cannot show agreement or disagreement and are left out.

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

export interface AlphaResult {
  /** null when alpha cannot be computed; `why` says which. */
  alpha: number | null;
  why?: 'no-pairable' | 'no-variance';
  /** Number of pairable values (n in the paper): what the figure rests on. */
  pairable: number;
  /** Units with at least two values, and coders with at least one pairable value. */
  units: number;
  coders: number;
}

/** A value given by a coder to a unit, or missing. */
export type Cell = number | null | undefined;

/**
 * `data[u][c]` is coder c's value for unit u (missing: null or undefined). Values are numbers: for ordinal data,
 * their order is what counts (ranks, e.g. lib/consolidate/spread.ts ordinalRank).
 * - 'no-pairable': no unit has two values (fewer than two coders on every unit);
 * - 'no-variance': every pairable value is the same, so expected disagreement is 0 and alpha is 0/0 (the paper's
 *   convention would be to leave it undefined: agreement that never had a chance to fail says nothing).
 */
export function krippendorffAlpha(data: readonly (readonly Cell[])[], metric: AlphaMetric = 'ordinal'): AlphaResult {
  const values = new Map<number, number>(); // value → index
  const units: number[][] = [];
  const coders = new Set<number>();
  for (const row of data) {
    const present: number[] = [];
    const who: number[] = [];
    row.forEach((v, c) => {
      if (v === null || v === undefined || Number.isNaN(v)) return;
      present.push(v);
      who.push(c);
    });
    if (present.length < 2) continue;
    units.push(present);
    for (const c of who) coders.add(c);
    for (const v of present) if (!values.has(v)) values.set(v, 0);
  }
  const sorted = [...values.keys()].sort((a, b) => a - b);
  sorted.forEach((v, i) => values.set(v, i));
  const V = sorted.length;
  // Coincidence matrix o[c][k]: each ordered pair of values from different coders in a unit, weighted 1/(m_u − 1).
  const o = Array.from({ length: V }, () => new Float64Array(V));
  for (const u of units) {
    const m = u.length;
    const counts = new Float64Array(V);
    for (const v of u) counts[values.get(v)!] = counts[values.get(v)!]! + 1;
    for (let c = 0; c < V; c++) {
      if (!counts[c]) continue;
      for (let k = 0; k < V; k++) {
        if (!counts[k]) continue;
        const pairs = c === k ? counts[c]! * (counts[c]! - 1) : counts[c]! * counts[k]!;
        o[c]![k]! += pairs / (m - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  const base = { pairable: Math.round(n), units: units.length, coders: coders.size };
  if (units.length === 0) return { alpha: null, why: 'no-pairable', ...base };
  const delta = distance(metric, sorted, nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      const d = delta(c, k);
      observed += o[c]![k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  }
  if (expected === 0) return { alpha: null, why: 'no-variance', ...base };
  return { alpha: 1 - ((n - 1) * observed) / expected, ...base };
}

/** Squared difference function δ²(c, k) on value indices (the paper's metric differences). */
function distance(metric: AlphaMetric, sorted: readonly number[], nc: readonly number[]): (c: number, k: number) => number {
  if (metric === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (metric === 'interval') return (c, k) => (sorted[c]! - sorted[k]!) ** 2;
  // Ordinal: the values' ranks matter, through how many pairable values lie between them.
  const cumulative = [0];
  for (const x of nc) cumulative.push(cumulative[cumulative.length - 1]! + x);
  return (c, k) => {
    if (c === k) return 0;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    const between = cumulative[hi + 1]! - cumulative[lo]!;
    return (between - (nc[lo]! + nc[hi]!) / 2) ** 2;
  };
}
