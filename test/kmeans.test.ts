import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FunctionDetails } from '../core/catalog/types.js';
import { profileNotes, type ClusterProfile } from '../core/engine/cluster-profile.js';
import type { Plan } from '../core/engine/plan.js';
import { previewResult } from '../core/engine/preview.js';
import { segmentTable } from '../core/engine/segment.js';
import { CATALOG_BY_NAME, invoke } from '../core/index.js';
import {
  bestK,
  FIT_ROWS,
  kmeansCluster,
  LOG_SKEWNESS,
  logScaleDivisors,
  skewness,
  numberClusters,
  restartSeed,
  SILHOUETTE_ROWS,
  standardize,
  strideSample,
} from '../core/methods/kmeans.js';
import { meanSilhouette, pairwiseDistances } from '../core/methods/silhouette.js';
import type { CellInput } from '../playground/engine/sheet-model.js';
import { CUSTOMER_COUNT, CUSTOMER_COLUMNS } from '../playground/sample/sample-workbook.js';
import { generateCustomers, type Customer } from '../playground/sample/customers.js';
import { ProfileTable } from '../panel/ProfileTable.js';
import { col, failure, flat, run } from './helpers.js';

/** A small deterministic generator (LCG), so the data sets are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Rows around the given centres, `sizes[i]` rows for centre i, jittered by less than ±1 in every feature. */
function blobs(
  centres: readonly number[][],
  sizes: readonly number[],
  seed = 7,
): { rows: number[][]; truth: number[] } {
  const random = prng(seed);
  const rows: number[][] = [];
  const truth: number[] = [];
  centres.forEach((centre, c) => {
    for (let i = 0; i < (sizes[c] as number); i++) {
      rows.push(centre.map((x) => x + (random() * 2 - 1)));
      truth.push(c);
    }
  });
  return { rows, truth };
}

function shuffled<T>(items: readonly T[], seed: number): { items: T[]; order: number[] } {
  const random = prng(seed);
  const order = items.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return { items: order.map((i) => items[i] as T), order };
}

function sizesOf(clusters: readonly unknown[]): Map<unknown, number> {
  const sizes = new Map<unknown, number>();
  for (const c of clusters) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  return sizes;
}

const cluster = (rows: readonly unknown[][], k?: number | null, seed?: number | null) =>
  flat(run('KMEANS_CLUSTER', [rows, k ?? null, seed ?? null]));

describe('KMEANS_CLUSTER: the spec', () => {
  it('follows the catalog example', () => {
    const spec = CATALOG_BY_NAME.get('KMEANS_CLUSTER');
    expect(spec?.example.result).toBe('1; 1; 1; 2; 2; 3');
    expect(spec?.summary.en).toContain('silhouette is computed on at most 2,000 rows');
    expect(spec?.summary.vi).toContain('tối đa 2.000 dòng');
    expect(cluster([[1], [2], [3], [20], [21], [50]])).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it('finds three well-separated blobs with k blank, numbered by size, in any row order', () => {
    const { rows, truth } = blobs(
      [
        [0, 0],
        [20, 0],
        [0, 20],
      ],
      [30, 20, 10],
    );
    const clusters = cluster(rows);
    expect(clusters).toEqual(truth.map((t) => t + 1));
    const { items, order } = shuffled(rows, 3);
    expect(cluster(items)).toEqual(order.map((i) => (truth[i] as number) + 1));
  });

  it('gives k clusters when k is given, and the same answer as the chosen k', () => {
    const { rows } = blobs(
      [
        [0, 0, 0],
        [10, 10, 0],
        [0, 10, 10],
        [10, 0, 10],
      ],
      [12, 12, 9, 7],
    );
    const chosen = kmeansCluster(Float64Array.from(rows.flat()), 3, { seed: 1 });
    expect(chosen.k).toBe(4);
    expect(Array.from(chosen.clusters)).toEqual(cluster(rows));
    expect(cluster(rows, 4)).toEqual(cluster(rows));
    const two = cluster(rows, 2);
    expect(new Set(two)).toEqual(new Set([1, 2]));
    expect(sizesOf(two).get(1)).toBeGreaterThanOrEqual(sizesOf(two).get(2) as number);
  });

  it('numbers equal-sized clusters by their first member in canonical (sorted) order', () => {
    expect(cluster([[50], [51], [1], [2]])).toEqual([2, 2, 1, 1]);
    expect(cluster([[-1], [-2], [-50], [-51]])).toEqual([2, 2, 1, 1]);
    expect(
      cluster([
        [5, 9],
        [5, 8],
        [1, 100],
        [1, 101],
      ]),
    ).toEqual([2, 2, 1, 1]);
  });

  it('lets a constant column contribute nothing', () => {
    const rows = [[1], [2], [3], [20], [21], [50]];
    expect(cluster(rows.map((r) => [7, ...r, 7]))).toEqual(cluster(rows));
    // equal within the shared relative tolerance counts as constant (0.1 + 0.2 is not 0.3 in floating point)
    expect(cluster(rows.map((r, i) => [...r, i % 2 ? 0.1 + 0.2 : 0.3]))).toEqual(cluster(rows));
  });

  it('z-scores the columns, so a column in large units does not outweigh the others', () => {
    // revenue in dong spans 1e6 within each group; orders separate the groups
    const rows = [
      [1, 5_000_000],
      [2, 6_000_000],
      [1, 4_000_000],
      [30, 5_500_000],
      [31, 4_500_000],
      [29, 6_000_000],
    ];
    expect(cluster(rows, 2)).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('gives identical rows the same cluster', () => {
    expect(cluster([[9], [1], [1], [10], [9], [1]], 2)).toEqual([2, 1, 1, 2, 2, 1]);
  });

  it('changes answers only through the seed, deterministically', () => {
    const { rows } = blobs(
      [
        [0, 0],
        [3, 0],
        [0, 3],
      ],
      [40, 40, 40],
      11,
    );
    const runs = [1, 1, 1].map(() => cluster(rows, 5, 42));
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    expect(cluster(rows, 5, -42)).toHaveLength(120);
    expect(cluster(rows, 5, 1e15)).toHaveLength(120);
  });
});

describe('silhouette', () => {
  it('matches the hand-computed value for two pairs on a line', () => {
    // a = 1 everywhere; b = 10.5, 9.5, 9.5, 10.5 → s = 1 − 1/b; mean = (9.5/10.5 + 8.5/9.5) / 2
    const d = pairwiseDistances(Float64Array.of(0, 1, 10, 11), 1);
    expect(Array.from(d)).toEqual([1, 10, 11, 9, 10, 1]);
    expect(meanSilhouette(d, [0, 0, 1, 1], 2)).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 12);
    expect(meanSilhouette(d, [0, 0, 1, 1], 2)).toBeCloseTo(0.8997493734335839, 12); // scikit-learn's silhouette_score
  });

  it('gives a point alone in its cluster 0, and ignores empty clusters', () => {
    // 0: a = 1, b = 5 → 0.8; 1: a = 1, b = 4 → 0.75; 5: alone → 0
    const d = pairwiseDistances(Float64Array.of(0, 1, 5), 1);
    expect(meanSilhouette(d, [0, 0, 2], 3)).toBeCloseTo((0.8 + 0.75) / 3, 12);
  });

  it('is 0 with one cluster or all points equal', () => {
    expect(meanSilhouette(pairwiseDistances(Float64Array.of(0, 1, 5), 1), [0, 0, 0], 1)).toBe(0);
    expect(meanSilhouette(pairwiseDistances(Float64Array.of(2, 2, 2, 2), 2), [0, 1], 2)).toBe(0);
  });

  it('measures Euclidean distance over every feature', () => {
    expect(Array.from(pairwiseDistances(Float64Array.of(0, 0, 3, 4), 2))).toEqual([5]);
  });

  it('chooses the k with the best silhouette: 2 for two pairs (0.8997 beats 0.4472 for 3)', () => {
    const result = kmeansCluster(Float64Array.of(0, 1, 10, 11), 1, { seed: 1 });
    expect(result.k).toBe(2);
    expect(result.silhouette).toBeCloseTo(0.8997493734335839, 12); // z-scoring one column scales every distance alike
    expect(Array.from(result.clusters)).toEqual([1, 1, 2, 2]);
  });

  it('gives ties between k to the smaller k (within the shared relative tolerance)', () => {
    expect(
      bestK([
        { k: 3, score: 0.5 },
        { k: 2, score: 0.5 },
      ]),
    ).toBe(2);
    expect(
      bestK([
        { k: 2, score: 0.5 },
        { k: 3, score: 0.5 + 1e-12 },
      ]),
    ).toBe(2);
    expect(
      bestK([
        { k: 2, score: 0.5 },
        { k: 3, score: 0.6 },
        { k: 4, score: 0.6 },
      ]),
    ).toBe(3);
  });
});

describe('k-means building blocks', () => {
  it('z-scores with the population standard deviation; a constant column is 0', () => {
    const z = standardize(Float64Array.of(1, 5, 2, 5, 3, 5), 2);
    const s = Math.sqrt(2 / 3);
    expect(Array.from(z).map((v) => Number(v.toFixed(12)))).toEqual(
      [-1 / s, 0, 0, 0, 1 / s, 0].map((v) => Number(v.toFixed(12))),
    );
  });

  it('keeps huge and tiny values finite', () => {
    const z = standardize(Float64Array.of(-1e300, 1e-300, 1e300, 3e-300), 2);
    [-1, -1, 1, 1].forEach((want, i) => expect(z[i]).toBeCloseTo(want, 12));
  });

  it('samples by stride and numbers clusters by size, then first member', () => {
    expect(Array.from(strideSample(10, 4))).toEqual([0, 2, 5, 7]);
    expect(Array.from(strideSample(3, 4))).toEqual([0, 1, 2]);
    expect(FIT_ROWS).toBeGreaterThanOrEqual(SILHOUETTE_ROWS);
    const { numbers, count } = numberClusters(Int32Array.of(2, 0, 0, 2, 1, 1, 1), 4);
    expect(count).toBe(3);
    expect(Array.from(numbers)).toEqual([3, 1, 2, 0]); // label 1 has 3 members; labels 2 and 0 have 2, 2 comes first
  });

  it('derives distinct 32-bit restart seeds from any whole number', () => {
    const seeds = new Set<number>();
    for (const seed of [0, 1, -1, 2 ** 40, -(2 ** 40)])
      for (let k = 2; k <= 8; k++) for (let r = 0; r < 10; r++) seeds.add(restartSeed(seed, k, r));
    expect(seeds.size).toBe(5 * 7 * 10);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});

describe('KMEANS_CLUSTER: bad input, one expected answer per row', () => {
  const base = [
    [1, 1],
    [1, 2],
    [2, 1],
    [50, 50],
    [50, 51],
    [51, 50],
  ];
  const baseAnswer = [1, 1, 1, 2, 2, 2];
  it.each<[string, unknown[], unknown[] | RegExp]>([
    [
      'blank as null (Excel on the web): a wholly blank row is blank, a partly blank row is clustered on the rest',
      [[...base, [null, null], [3, null]]],
      [...baseAnswer, '', 1],
    ],
    [
      'blank as "" (Sheets), also as a missing cell in a row',
      [[...base, ['', ''], ['', 50]]],
      [2, 2, 2, 1, 1, 1, '', 1], // the kept row joins the 50s, which become the larger cluster
    ],
    ['blank as 0 (some Excel builds): the row is clustered as zeros', [[...base, [0, 0]]], [...baseAnswer, 1]],
    [
      'numbers typed as text',
      [
        [
          ['1', ' 1 '],
          ['1.0', '2 ₫'],
          ['$2', '1,0'],
          ['50', '50'],
          ['50', '51'],
          ['5.1e1', '50.0'],
        ],
      ],
      [1, 1, 1, 2, 2, 2],
    ],
    [
      'ambiguous "1.234" is a per-row problem naming the column and row',
      [[...base, [1, '1.234']]],
      [...baseAnswer, /^#VALUE! features, column 2, row 7 of the range: "1.234" could be 1.234 or 1234/],
    ],
    [
      'booleans are a per-row problem',
      [[[true, 1], ...base]],
      [/^#VALUE! features, column 1, row 1 of the range: TRUE is a logical value/, ...baseAnswer],
    ],
    [
      'error values, as text and as host errors',
      [[...base, ['#N/A', 1], [1, { code: '#N/A' }]]],
      [
        ...baseAnswer,
        /column 1, row 7 of the range: the cell holds the error #N\/A/,
        /column 2, row 8 of the range: the cell holds the error #N\/A/,
      ],
    ],
    [
      'NaN is a per-row problem',
      [[...base, [NaN, 1]]],
      [...baseAnswer, /column 1, row 7 of the range: NaN is not a finite number/],
    ],
    [
      'the first unreadable cell is reported before a blank',
      [[...base, [null, 'abc']]],
      [...baseAnswer, /column 2, row 7 of the range: "abc" is not a number/],
    ],
    ['negatives are numbers like any other', [base.map((r) => r.map((x) => -x))], [2, 2, 2, 1, 1, 1]],
    [
      'all-equal rows are one cluster',
      [
        [
          [4, 2],
          [4, 2],
          [4, 2],
          [4, 2],
        ],
      ],
      [1, 1, 1, 1],
    ],
    ['all-equal rows with k given are still one cluster', [[[4], [4], [4], [4]], 3], [1, 1, 1, 1]],
    ['fewer distinct rows than k: each distinct row is a cluster', [[[4], [4], [9], [4], [1]], 4], [1, 1, 3, 1, 2]],
    ['k = n puts every distinct row alone', [[[1], [2], [3]], 3], [1, 2, 3]],
    ['one column works', [[[1], [2], [50], [51]]], [1, 1, 2, 2]],
    ['one row is too few', [[[1, 2]]], /features needs at least 3 readable rows; it has 1/],
    ['one row is too few with k given', [[[1, 2]], 2], /features needs at least 2 readable rows; it has 1/],
    [
      'rows with problems do not count as readable',
      [[[1], ['x'], [2], [null]]],
      /features needs at least 3 readable rows; it has 2/,
    ],
    ['k too large', [base, 7], /k must be a whole number from 2 to 6 \(the readable rows of features\); it is 7/],
    ['k of 1', [base, 1], /k must be at least 2; it is 1/],
    ['k not whole', [base, 2.5], /k must be a whole number; it is 2.5/],
    ['k not a number', [base, 'three'], /k must be a number; it is "three"/],
    ['seed not whole', [base, null, 1.5], /seed must be a whole number; it is 1.5/],
    [
      'a ragged JS array',
      [[[1, 2], [3, 4], [5]]],
      /features must have the same number of cells in every row: the first row has 2, row 3 of the range has 1/,
    ],
    ['an empty array', [[]], /features must be a range of 1 or more columns; it has 0/],
  ])('%s', (_name, args, expected) => {
    if (expected instanceof RegExp) {
      expect(failure('KMEANS_CLUSTER', args)).toMatch(expected);
      return;
    }
    const got = flat(run('KMEANS_CLUSTER', args));
    expect(got).toHaveLength(expected.length);
    got.forEach((cell, i) => {
      const want = expected[i];
      if (want instanceof RegExp) expect(String(cell)).toMatch(want);
      else expect(cell).toBe(want);
    });
  });
  // Performance-sized: kmeans.scale.test.ts.
});

describe('KMEANS_CLUSTER: relationships', () => {
  /** Small matrices of small integers: many ties and duplicate rows, the hard cases for order invariance. */
  const matrices = fc.integer({ min: 1, max: 3 }).chain((p) =>
    fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: p, maxLength: p }), {
      minLength: 3,
      maxLength: 9,
    }),
  );
  const kFor = (choice: number | null, n: number): number | null => (choice === null ? null : 2 + (choice % (n - 1)));
  const kChoice = fc.option(fc.nat({ max: 20 }));
  const seeds = fc.integer({ min: -1000, max: 1000 });

  /** Lexicographic order of raw rows: the canonical order for integer data (z-scoring keeps each column's order). */
  const lexCompare = (a: readonly number[], b: readonly number[]): number => {
    for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return (a[j] as number) - (b[j] as number);
    return 0;
  };

  it('the same seed gives the same clusters in any row order, on every call', () => {
    fc.assert(
      fc.property(matrices, kChoice, seeds, fc.infiniteStream(fc.nat()), (rows, choice, seed, stream) => {
        const k = kFor(choice, rows.length);
        const keys = [...stream.take(rows.length)];
        const order = rows.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        const before = cluster(rows, k, seed);
        const after = cluster(
          order.map((i) => rows[i] as number[]),
          k,
          seed,
        );
        expect(after).toEqual(order.map((i) => before[i]));
        expect(cluster(rows, k, seed)).toEqual(before);
      }),
      { numRuns: 1000 },
    );
  });

  it('numbers clusters 1..K with 1 the largest, ties by first member in canonical order; equal rows together', () => {
    fc.assert(
      fc.property(matrices, kChoice, seeds, (rows, choice, seed) => {
        const k = kFor(choice, rows.length);
        const clusters = cluster(rows, k, seed) as number[];
        const count = Math.max(...clusters);
        expect(count).toBeLessThanOrEqual(k ?? 8);
        const sizes = Array.from({ length: count }, (_, c) => clusters.filter((x) => x === c + 1).length);
        sizes.forEach((size) => expect(size).toBeGreaterThan(0));
        const canonical = rows.map((_, i) => i).sort((a, b) => lexCompare(rows[a]!, rows[b]!) || a - b);
        const first = sizes.map((_, c) => canonical.findIndex((i) => clusters[i] === c + 1));
        for (let c = 1; c < count; c++) {
          expect(sizes[c - 1]).toBeGreaterThanOrEqual(sizes[c] as number);
          if (sizes[c - 1] === sizes[c]) expect(first[c - 1]).toBeLessThan(first[c] as number);
        }
        rows.forEach((a, i) =>
          rows.forEach((b, j) => {
            if (lexCompare(a, b) === 0) expect(clusters[i]).toBe(clusters[j]);
          }),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('a constant column, or scaling a column by a power of two, changes nothing', () => {
    fc.assert(
      fc.property(
        matrices,
        kChoice,
        fc.integer({ min: -1000, max: 1000 }),
        fc.constantFrom(0.25, 2, 1024),
        (rows, choice, constant, factor) => {
          const k = kFor(choice, rows.length);
          const before = cluster(rows, k);
          expect(cluster(rows.map((r) => [...r, constant]))).toEqual(cluster(rows));
          expect(
            cluster(
              rows.map((r) => [r[0]! * factor, ...r.slice(1)]),
              k,
            ),
          ).toEqual(before);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a chosen k gives the same clusters as asking for that k', () => {
    fc.assert(
      fc.property(matrices, seeds, (rows, seed) => {
        const p = (rows[0] as number[]).length;
        const chosen = kmeansCluster(Float64Array.from(rows.flat()), p, { seed });
        const given = kmeansCluster(Float64Array.from(rows.flat()), p, { seed, k: chosen.k });
        expect(Array.from(given.clusters)).toEqual(Array.from(chosen.clusters));
      }),
      { numRuns: 1000 },
    );
  });
});

/** The playground sample's Customers sheet: Orders, Revenue 2025 (₫) and Growth as the sheet computes it. */
function sampleCustomers(): { table: CellInput[][]; features: number[] } {
  const customers = generateCustomers(CUSTOMER_COUNT);
  const headers = CUSTOMER_COLUMNS.map((c) => c.header);
  const growth = (c: Customer): number | string =>
    c.revenueLastYear > 0 ? c.revenueThisYear / c.revenueLastYear - 1 : '';
  const table = [
    headers,
    ...customers.map((c) =>
      CUSTOMER_COLUMNS.map((column) => {
        if (column.header === 'Growth') return growth(c);
        return column.value?.(c) ?? null;
      }),
    ),
  ];
  const features = ['Orders', 'Revenue 2025 (₫)', 'Growth'].map((h) => headers.indexOf(h));
  return { table, features };
}

function kmeansDetails(rows: unknown[][], extra: unknown[] = []) {
  const details: FunctionDetails[] = [];
  const result = invoke('KMEANS_CLUSTER', [rows, ...extra], (d) => details.push(d));
  if (!result.ok) throw result.error;
  const found = details.find((d) => d.kind === 'kmeans');
  if (found?.kind !== 'kmeans') throw new Error('no k-means details');
  return { answers: flat(result.grid), details: found };
}

describe('KMEANS_CLUSTER on skewed money data: the playground sample', () => {
  const { table, features } = sampleCustomers();
  const rows = table.slice(1).map((r) => features.map((j) => r[j] ?? null));
  const n = rows.length;

  it('reproduces the report without the new rules: k = 2 on the raw numbers puts 1,541 customers against 1', () => {
    // What the panel did before: rows with a blank growth rejected, no log scale; k = 2 was the best silhouette.
    const complete = rows.filter((r) => r.every((x) => typeof x === 'number')) as number[][];
    expect(complete).toHaveLength(1542);
    const raw = kmeansCluster(Float64Array.from(complete.flat()), 3, { k: 2, seed: 1, logScale: false });
    expect(raw.profile.map((c) => c.size)).toEqual([1541, 1]);
  });

  it('gives clusters of at least 2 % of the rows by default, every row with a number kept', () => {
    const { answers, details } = kmeansDetails(rows);
    expect(answers.every((a) => typeof a === 'number')).toBe(true);
    expect(details.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(n);
    for (const c of details.clusters) expect(c.size).toBeGreaterThanOrEqual(0.02 * n);
    expect(details.chosenBySilhouette).toBe(true);
    expect(details.clusters.length).toBe(details.k);
  });

  it('log-scales Orders and Revenue (non-negative, skewness above 2), not Growth (negative values)', () => {
    const { details } = kmeansDetails(rows);
    expect(details.logScaled).toEqual([true, true, false]);
    const revenue = Float64Array.from(rows.map((r) => r[1] as number)).sort();
    expect(skewness(revenue)).toBeGreaterThan(LOG_SKEWNESS);
  });

  it('counts the blank growths (new customers and prospects) and keeps those rows', () => {
    const blanks = rows.filter((r) => r[2] === '').length;
    expect(blanks).toBe(458);
    const { answers, details } = kmeansDetails(rows);
    expect(details.blanks).toEqual([0, 0, 458]);
    rows.forEach((r, i) => {
      if (r[2] === '') expect(typeof answers[i]).toBe('number');
    });
  });

  it('profiles each cluster in the features’ own units: sizes, and means that match the members', () => {
    const { answers, details } = kmeansDetails(rows);
    details.clusters.forEach((c, index) => {
      const members = rows.filter((_, i) => answers[i] === index + 1);
      expect(members).toHaveLength(c.size);
      [0, 1, 2].forEach((j) => {
        const present = members.map((m) => m[j]).filter((x): x is number => typeof x === 'number');
        const mean = present.reduce((s, x) => s + x, 0) / present.length;
        expect(c.means[j]).toBeCloseTo(mean, 6);
      });
    });
    const sizes = details.clusters.map((c) => c.size);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('carries the profile into the segmentation and the preview, named by headers and labelled in Vietnamese', () => {
    const plan: Plan = {
      sheetName: 'Customers',
      table: { row: 0, col: 0, rows: table.length, cols: table[0]!.length },
      method: 'kmeans',
      columns: { features },
      options: {},
      lang: 'vi',
      colorRows: false,
    };
    const segmentation = segmentTable(plan, table);
    expect(segmentation.problems).toEqual([]);
    const preview = previewResult(plan, segmentation);
    const profile = preview.profile;
    expect(profile?.features).toEqual(['Orders', 'Revenue 2025 (₫)', 'Growth']);
    expect(profile?.logScaled).toEqual([true, true, false]);
    expect(profile?.blanks).toEqual([0, 0, 458]);
    expect(profile?.clusters.map((c) => c.label)).toEqual(segmentation.counts.map((c) => c.label));
    expect(profile?.clusters[0]?.label).toBe('Cụm 1');
    expect(segmentation.labels.every((l) => /^Cụm \d$/.test(l))).toBe(true);
    expect(profileNotes(profile!, 'vi')).toEqual([
      'Orders và Revenue 2025 (₫) được phân cụm theo thang log, để vài giá trị rất lớn không tự thành một cụm riêng.',
      'Growth: 458 dòng trống, được đặt ở mức trung bình của cột và vẫn được phân cụm.',
    ]);
    expect(profileNotes(profile!, 'en')[0]).toBe(
      'Orders and Revenue 2025 (₫) clustered on a log scale, so a few very large values do not make a cluster of their own.',
    );
  });

  it('gives the same clusters and profile in any row order', () => {
    const { items, order } = shuffled(rows, 5);
    const before = kmeansDetails(rows);
    const after = kmeansDetails(items);
    expect(after.answers).toEqual(order.map((i) => before.answers[i]));
    expect(after.details.clusters.map((c) => c.size)).toEqual(before.details.clusters.map((c) => c.size));
    after.details.clusters.forEach((c, i) =>
      c.means.forEach((m, j) => expect(m).toBe(before.details.clusters[i]!.means[j])),
    );
  });
});

describe('KMEANS_CLUSTER: blanks, log scale and small clusters', () => {
  it('places a blank at its column’s mean, left out of that column’s mean and deviation', () => {
    // Column 2 of the kept rows is 0, 0, 10, 10 (mean 5): the blank row sits at z = 0 there and joins by column 1.
    const z = standardize(Float64Array.of(1, 0, 2, 0, NaN, 10, 9, 10, 3, NaN), 2);
    expect(Array.from(z.filter((_, i) => i % 2 === 1))).toEqual([-1, -1, 1, 1, 0]);
    expect(
      cluster(
        [
          [1, 0],
          [2, 0],
          [50, 10],
          [51, 10],
          [1.5, null],
        ],
        2,
      ),
    ).toEqual([1, 1, 2, 2, 1]);
  });

  it('keeps a row blank in one feature, blanks a wholly blank row, and still reports text as a problem', () => {
    const { answers, details } = kmeansDetails([
      [1, 1],
      [2, ''],
      [null, null],
      [50, 50],
      ['many', 51],
      [51, 50],
      [1, 2],
    ]);
    expect(answers.slice(0, 4)).toEqual([1, 1, '', 2]);
    expect(String(answers[4])).toMatch(/^#VALUE! features, column 1, row 5.*"many" is not a number/);
    expect(answers.slice(5)).toEqual([2, 1]);
    expect(details.blanks).toEqual([0, 1]);
  });

  it('log-scales a skewed column by log(1 + x / median), whatever its unit', () => {
    // 30 customers: most buy about 1–3 million, three buy 40–90 million (skewness above 2).
    const revenue = [...Array.from({ length: 27 }, (_, i) => 1e6 + (i % 9) * 250_000), 40e6, 65e6, 90e6];
    const sorted = Float64Array.from(revenue).sort();
    expect(skewness(sorted)).toBeGreaterThan(2);
    expect(logScaleDivisors(Float64Array.from(revenue), 1)).toEqual([2_125_000]); // median of 30: (2.0 + 2.25) / 2 million
    const inDong = kmeansDetails(col(revenue));
    const inMillions = kmeansDetails(col(revenue.map((x) => x / 1e6)));
    expect(inDong.details.logScaled).toEqual([true]);
    expect(inMillions.answers).toEqual(inDong.answers);
    expect(inDong.details.clusters[0]?.means[0]).toBeGreaterThan(1e6);
  });

  it('leaves a column with negative values, or a symmetric one, as it is', () => {
    expect(logScaleDivisors(Float64Array.of(-1, 0, 0, 0, 0, 0, 0, 0, 0, 40), 1)).toEqual([0]);
    expect(logScaleDivisors(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 1)).toEqual([0]);
    expect(logScaleDivisors(Float64Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 40), 1)).toEqual([40]);
  });

  it('switches the log scale off with log_scale 0, and checks it is 0 or 1', () => {
    const revenue = [...Array.from({ length: 27 }, (_, i) => 1e6 + (i % 9) * 250_000), 40e6, 65e6, 90e6];
    expect(kmeansDetails(col(revenue), [null, null, 0]).details.logScaled).toEqual([false]);
    expect(failure('KMEANS_CLUSTER', [col(revenue), null, null, 2])).toMatch(/log_scale/);
  });

  it('prefers the best k whose clusters all hold 2 % of the rows over a best silhouette with an outlier alone', () => {
    // Two groups of 60 and one far outlier: alone, the outlier makes k = 3 the best silhouette.
    const { rows } = blobs(
      [
        [0, 0],
        [10, 10],
      ],
      [60, 60],
    );
    const withOutlier = [...rows, [-1000, 5]];
    const raw = kmeansCluster(Float64Array.from(withOutlier.flat()), 2, { seed: 1, logScale: false });
    expect(raw.count).toBe(2);
    expect(Math.min(...raw.profile.map((c) => c.size))).toBeGreaterThanOrEqual(0.02 * withOutlier.length);
    // Under 50 rows, 2 % is less than one row: the rule never applies and the outlier keeps its own cluster.
    expect(cluster([[1], [2], [3], [20], [21], [50]])).toEqual([1, 1, 1, 2, 2, 3]);
  });
});

describe('ProfileTable: the preview’s profile of the clusters', () => {
  const profile: ClusterProfile = {
    features: ['Số đơn', 'Doanh thu (₫)', 'Tăng trưởng'],
    logScaled: [true, true, false],
    blanks: [0, 0, 12],
    clusters: [
      { label: 'Cụm 1', size: 1234, means: [4.5, 76_737_000, 0.125] },
      { label: 'Cụm 2', size: 66, means: [31.25, 1_250_000_000, NaN] },
    ],
  };

  it('says what a cluster is and shows sizes, shares and means in Vietnamese number format', () => {
    const html = renderToStaticMarkup(createElement(ProfileTable, { profile, lang: 'vi' }));
    expect(html).toContain('Mỗi cụm là một nhóm khách hàng giống nhau trên các cột này');
    // One column per cluster, one row per feature (it fits a narrow pane however many features there are).
    expect(html).toMatch(/<th scope="col"[^>]*>Cụm 1<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*>Số khách hàng<\/th>/);
    for (const shown of ['1.234 (94,9%)', '66 (5,1%)', '4,5', '76.737.000', '0,125', '31,25', '1.250.000.000', '—'])
      expect(html).toContain(`>${shown}</td>`);
    expect(html).toContain('Số đơn và Doanh thu (₫) được phân cụm theo thang log');
    expect(html).toContain('Tăng trưởng: 12 dòng trống');
    expect(html).not.toMatch(/Cluster|Customers|clustered|blank rows/);
  });

  it('reads the same in English, with English number format', () => {
    const html = renderToStaticMarkup(createElement(ProfileTable, { profile, lang: 'en' }));
    expect(html).toContain('A cluster is a group of customers who look alike on these columns.');
    for (const shown of ['1,234 (94.9%)', '76,737,000']) expect(html).toContain(`>${shown}</td>`);
    expect(html).toContain('Số đơn and Doanh thu (₫) clustered on a log scale');
    expect(html).toContain('Tăng trưởng: 12 blank rows');
  });
});

describe('KMEANS_CLUSTER with blanks: relationships', () => {
  /** Small matrices of small integers with blanks (never a wholly blank row), skewed columns included. */
  const matrices = fc.integer({ min: 1, max: 3 }).chain((p) =>
    fc.array(
      fc
        .array(fc.option(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(400)), { freq: 4, nil: null }), {
          minLength: p,
          maxLength: p,
        })
        .filter((r) => r.some((x) => x !== null)),
      { minLength: 3, maxLength: 12 },
    ),
  );

  it('the same seed gives the same clusters and profile in any row order', () => {
    fc.assert(
      fc.property(matrices, fc.integer({ min: -50, max: 50 }), fc.infiniteStream(fc.nat()), (rows, seed, stream) => {
        const keys = [...stream.take(rows.length)];
        const order = rows.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        const before = kmeansDetails(rows, [null, seed]);
        const after = kmeansDetails(
          order.map((i) => rows[i] as unknown[]),
          [null, seed],
        );
        expect(after.answers).toEqual(order.map((i) => before.answers[i]));
        expect(after.details).toEqual(before.details);
        expect(before.answers.every((a) => typeof a === 'number')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
