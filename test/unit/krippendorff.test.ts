import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha, type Cell } from '../../lib/consolidate/krippendorff';

// The worked example of "Computing Krippendorff's Alpha-Reliability" (Krippendorff, 2011, section C): four
// observers, twelve units, values 1–5 with missing data. Rows here are units, columns observers A–D.
const _ = null;
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3];
const C = [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _];
const PAPER: Cell[][] = A.map((_, u) => [A[u], B[u], C[u], D[u]]);

describe('krippendorffAlpha', () => {
  it('gives the published values of the worked example (nominal 0.743, ordinal 0.815, interval 0.849)', () => {
    const nominal = krippendorffAlpha(PAPER, 'nominal');
    expect(nominal.alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(PAPER, 'ordinal').alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(PAPER, 'interval').alpha).toBeCloseTo(0.849, 3);
    // Unit 12 has a single value: not pairable. n = 40 pairable values in 11 units.
    expect(nominal).toMatchObject({ pairable: 40, units: 11, coders: 4 });
  });

  it('is 1 for perfect agreement with some variance', () => {
    const r = krippendorffAlpha([[0, 0, 0], [2, 2, null], [1, 1, 1]], 'ordinal');
    expect(r.alpha).toBe(1);
    expect(r.pairable).toBe(8);
  });

  it('is below 0 for systematic disagreement', () => {
    // Two coders who always give opposite ends of the scale.
    const r = krippendorffAlpha([[0, 2], [2, 0], [0, 2], [2, 0]], 'ordinal');
    expect(r.alpha).not.toBeNull();
    expect(r.alpha!).toBeLessThan(0);
    expect(krippendorffAlpha([[0, 2], [2, 0], [0, 2], [2, 0]], 'nominal').alpha!).toBeLessThan(0);
  });

  it('says why it cannot be computed: nothing pairable, or no variance', () => {
    expect(krippendorffAlpha([[1, null], [null, 2]], 'ordinal')).toEqual({ alpha: null, why: 'no-pairable', pairable: 0, units: 0, coders: 0 });
    expect(krippendorffAlpha([], 'ordinal')).toMatchObject({ alpha: null, why: 'no-pairable' });
    expect(krippendorffAlpha([[2, 2], [2, 2, 2]], 'ordinal')).toMatchObject({ alpha: null, why: 'no-variance', pairable: 5, units: 2 });
  });

  it('ordinal differs from interval when the values are unevenly spread (ranks, not distances)', () => {
    const data = [[0, 1], [1, 1], [0, 0], [10, 10], [1, 10]];
    const ord = krippendorffAlpha(data, 'ordinal').alpha!;
    const int = krippendorffAlpha(data, 'interval').alpha!;
    expect(ord).not.toBeCloseTo(int, 2);
    // Ordinal alpha reads only the order: any increasing recoding gives the same figure.
    expect(krippendorffAlpha(data.map((u) => u.map((v) => v * v + 3)), 'ordinal').alpha!).toBeCloseTo(ord, 10);
  });

  const matrix = fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 2, max: 6 }))
    .chain(([units, coders]) => fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }), { minLength: coders, maxLength: coders }), { minLength: units, maxLength: units }));

  it('property: alpha ≤ 1, and the same whatever the order of coders and units', () => {
    fc.assert(
      fc.property(matrix, fc.integer(), fc.constantFrom('nominal', 'ordinal', 'interval' as const), (data, seed, metric) => {
        const r = krippendorffAlpha(data, metric);
        if (r.alpha === null) return;
        expect(r.alpha).toBeLessThanOrEqual(1 + 1e-12);
        const shuffle = <T>(xs: readonly T[], s: number) => xs.map((x, i) => ({ x, k: Math.imul(i + 1, 2654435761 ^ s) >>> 0 })).sort((a, b) => a.k - b.k).map((y) => y.x);
        const coderOrder = shuffle(data[0]!.map((_, i) => i), seed);
        const permuted = shuffle(data, seed ^ 0x5bd1e995).map((row) => coderOrder.map((c) => row[c]));
        const p = krippendorffAlpha(permuted, metric);
        expect(p.alpha).toBeCloseTo(r.alpha, 10);
        expect(p.pairable).toBe(r.pairable);
      }),
      { numRuns: 300 },
    );
  });
});
