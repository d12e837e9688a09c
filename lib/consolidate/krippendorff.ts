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
  }
  return alphaOfUnits(units, metric, coders.size);
}

/**
 * The same from each unit's values alone (who gave them does not enter the computation, only that they come from
 * different coders): the sparse form, for tens of thousands of units by hundreds of coders. Units with fewer than
 * two values are skipped; `coders` is only reported.
 */
export function alphaOfUnits(allUnits: readonly (readonly number[])[], metric: AlphaMetric = 'ordinal', coders = 0): AlphaResult {
  const index = new Map<number, number>();
  for (const u of allUnits) if (u.length >= 2) for (const v of u) if (!index.has(v)) index.set(v, 0);
  const values = [...index.keys()].sort((a, b) => a - b);
  values.forEach((v, i) => index.set(v, i));
  const tallies = allUnits.map((u) => {
    const t = new Array<number>(values.length).fill(0);
    for (const v of u) t[index.get(v)!]! += 1;
    return t;
  });
  return alphaOfTallies(tallies, values, metric, coders);
}

/**
 * The same from tallies: `tallies[u][i]` coders gave `values[i]` (sorted ascending) to unit u. What a spread of
 * ratings already holds (lib/consolidate/spread.ts counts), so agreement needs no second pass over the ratings.
 */
export function alphaOfTallies(tallies: readonly (readonly number[])[], values: readonly number[], metric: AlphaMetric = 'ordinal', coders = 0): AlphaResult {
  const V = values.length;
  // Coincidence matrix o[c·V + k]: each ordered pair of values from different coders in a unit, weighted 1/(m_u − 1).
  const o = new Float64Array(V * V);
  let pairableUnits = 0;
  for (const t of tallies) {
    let m = 0;
    for (let i = 0; i < V; i++) m += t[i]!;
    if (m < 2) continue;
    pairableUnits++;
    for (let c = 0; c < V; c++) {
      const nc = t[c]!;
      if (!nc) continue;
      for (let k = 0; k < V; k++) {
        const nk = t[k]!;
        if (nk) o[c * V + k]! += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
      }
    }
  }
  const nc: number[] = [];
  let n = 0;
  for (let c = 0; c < V; c++) {
    let row = 0;
    for (let k = 0; k < V; k++) row += o[c * V + k]!;
    nc.push(row);
    n += row;
  }
  const base = { pairable: Math.round(n), units: pairableUnits, coders };
  if (pairableUnits === 0) return { alpha: null, why: 'no-pairable', ...base };
  const delta = distance(metric, values, nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      const d = delta(c, k);
      observed += o[c * V + k]! * d;
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
