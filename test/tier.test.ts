import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tierCutoffs, tierOf } from '../core/methods/tier.js';
import { col, failure, flat, row, run } from './helpers.js';

const RANK: Record<string, number> = { Top: 0, Large: 1, Medium: 2, Small: 3, Inactive: 4 };

function expectCells(got: readonly unknown[], expected: readonly unknown[]): void {
  expect(got).toHaveLength(expected.length);
  got.forEach((cell, i) => {
    const want = expected[i];
    if (want instanceof RegExp) expect(String(cell)).toMatch(want);
    else expect(cell).toBe(want);
  });
}

/** The spec's definition, computed the slow way: rank = 1 + the number of strictly larger positive values. */
function naiveTiers(values: readonly number[], shares: readonly number[] = [0.01, 0.05, 0.2]): string[] {
  const positives = values.filter((v) => v > 0);
  const n = positives.length;
  const limits = shares.map((s) => Math.ceil(Math.round(s * n * 1e9) / 1e9));
  return values.map((v) => {
    if (!(v > 0)) return 'Inactive';
    const r = 1 + positives.filter((p) => p > v).length;
    if (r <= limits[0]!) return 'Top';
    if (r <= limits[1]!) return 'Large';
    if (r <= limits[2]!) return 'Medium';
    return 'Small';
  });
}

function tally(answers: readonly unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a as string] = (counts[a as string] ?? 0) + 1;
  return counts;
}

describe('CUSTOMER_TIER: the spec', () => {
  it('builds the 1% / 4% / 15% / 80% pyramid by count', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i + 1) * 10);
    const answers = flat(run('CUSTOMER_TIER', [col(values)]));
    expect(tally(answers)).toEqual({ Top: 1, Large: 4, Medium: 15, Small: 80 });
    expect(answers[99]).toBe('Top'); // 1000, rank 1
    expect(answers[95]).toBe('Large'); // 960, rank 5 = ceil(0.05 · 100)
    expect(answers[80]).toBe('Medium'); // 810, rank 20
    expect(answers[79]).toBe('Small'); // 800, rank 21
  });

  it('classifies the catalog example', () => {
    expect(
      flat(run('CUSTOMER_TIER', [col([900, 500, 300, 200, 120, 100, 80, 60, 40, 0]), null, [[0.1, 0.2, 0.5]]])),
    ).toEqual(['Top', 'Large', 'Medium', 'Medium', 'Medium', 'Small', 'Small', 'Small', 'Small', 'Inactive']);
  });

  it('rounds ceil(share · n) up: with 7 customers, Top and Large both end at rank 1, Medium at rank 2', () => {
    // ceil(0.07) = 1, ceil(0.35) = 1, ceil(1.4) = 2
    expect(flat(run('CUSTOMER_TIER', [col([70, 60, 50, 40, 30, 20, 10])]))).toEqual([
      'Top',
      'Medium',
      'Small',
      'Small',
      'Small',
      'Small',
      'Small',
    ]);
  });

  it('takes ceil(share · n) with the shared tolerance: 0.07 · 100 is 7, not 8', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    const answers = flat(run('CUSTOMER_TIER', [col(values), null, [[0.07, 0.5, 0.9]]]));
    expect(tally(answers).Top).toBe(7);
  });

  it('gives ties the better rank', () => {
    // 100 customers, two tied at the top: both rank 1, so both Top
    const values = [500, 500, ...Array.from({ length: 98 }, (_, i) => i + 1)];
    const answers = flat(run('CUSTOMER_TIER', [col(values)]));
    expect([answers[0], answers[1], answers[99]]).toEqual(['Top', 'Top', 'Large']); // 500, 500, then 98 (rank 3)
    expect(tally(answers).Top).toBe(2);
  });

  it('makes values of 0 or below Inactive and leaves them out of n', () => {
    // n = 3 positives: ceil(0.03) = 1 → Top; ceil(0.15) = 1; ceil(0.6) = 1 → the rest Small
    expect(flat(run('CUSTOMER_TIER', [col([0, -20, 30, 20, 10])]))).toEqual([
      'Inactive',
      'Inactive',
      'Top',
      'Small',
      'Small',
    ]);
  });

  it('speaks Vietnamese', () => {
    expect(flat(run('CUSTOMER_TIER', [col([900, 500, 300, 100, 0]), null, [[0.2, 0.4, 0.6]], 'vi']))).toEqual([
      'Siêu cấp',
      'Lớn',
      'Vừa',
      'Nhỏ',
      'Không hoạt động',
    ]);
  });

  it('answers a row in a row', () => {
    expect(run('CUSTOMER_TIER', [row([900, 500, 300, 100]), null, [[0.25, 0.5, 0.75]]])).toEqual([
      ['Top', 'Large', 'Medium', 'Small'],
    ]);
  });

  it('row by row with a population equals the spill answer (same range object or fresh copies)', () => {
    const values = Array.from({ length: 40 }, (_, i) => ((i * 37) % 41) * 10);
    const population = col(values);
    const spill = flat(run('CUSTOMER_TIER', [population]));
    expect(values.map((v) => flat(run('CUSTOMER_TIER', [[[v]], population]))[0])).toEqual(spill);
    expect(values.map((v) => flat(run('CUSTOMER_TIER', [v, col(values)]))[0])).toEqual(spill);
  });

  it('does not reuse a cached population whose content differs, nor cut-offs of other shares', () => {
    expect(flat(run('CUSTOMER_TIER', [20, col([30, 20, 10])]))).toEqual(['Small']);
    expect(flat(run('CUSTOMER_TIER', [20, col([30, 20, 10]), [[0.1, 0.5, 0.9]]]))).toEqual(['Large']);
    expect(flat(run('CUSTOMER_TIER', [20, col([20, 10, 5])]))).toEqual(['Top']);
  });

  it('computes cut-off values with one sort', () => {
    expect(
      tierCutoffs(
        Float64Array.from({ length: 100 }, (_, i) => 100 - i),
        [0.01, 0.05, 0.2],
      ),
    ).toEqual({
      top: 100,
      large: 96,
      medium: 81,
    });
    expect(tierCutoffs(new Float64Array(0), [0.01, 0.05, 0.2])).toEqual({
      top: Infinity,
      large: Infinity,
      medium: Infinity,
    });
    expect(tierOf(5, { top: Infinity, large: Infinity, medium: Infinity })).toBe('Small');
  });
});

describe('CUSTOMER_TIER: bad input, one expected answer per row', () => {
  it.each<[string, unknown[], unknown[] | RegExp]>([
    ['blank as 0 (some Excel builds): Inactive', [col([30, 0, 10])], ['Top', 'Inactive', 'Small']],
    ['blank as null (Excel on the web)', [col([30, null, 10])], ['Top', '', 'Small']],
    ['blank as "" (Sheets)', [col([30, '', 10])], ['Top', '', 'Small']],
    [
      'numbers typed as text',
      [col(['1,234.50', '1.234.567 ₫', ' 12 ']), null, [[0.3, 0.6, 0.9]]],
      ['Large', 'Top', 'Medium'],
    ],
    [
      'ambiguous text is a per-row problem',
      [col([30, '1.234', 10])],
      ['Top', /^#VALUE! values, row 2 of the range: "1.234"/, 'Small'],
    ],
    [
      'booleans are a per-row problem',
      [col([true, 10])],
      [/values, row 1 of the range: TRUE is a logical value/, 'Top'],
    ],
    [
      'error values are a per-row problem',
      [col(['#N/A', { code: '#N/A' }, 10])],
      [/the cell holds the error #N\/A/, /the cell holds the error #N\/A/, 'Top'],
    ],
    ['NaN is a per-row problem', [col([NaN, 10])], [/NaN is not a finite number/, 'Top']],
    ['negatives are Inactive', [col([-5, 10, -1])], ['Inactive', 'Top', 'Inactive']],
    ['all zeros are Inactive', [col([0, 0, 0])], ['Inactive', 'Inactive', 'Inactive']],
    ['one row is Top', [col([42])], ['Top']],
    [
      'a 2-D range is a whole-call problem',
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
      /values must be one column or one row; it has 2 rows and 2 columns/,
    ],
    [
      'a 2-D population is a whole-call problem',
      [
        5,
        [
          [1, 2],
          [3, 4],
        ],
      ],
      /population must be one column or one row/,
    ],
    ['shares not ascending', [col([1]), null, [[0.05, 0.01, 0.2]]], /shares must be strictly ascending/],
    ['shares of the wrong length', [col([1]), null, [[0.05, 0.2]]], /shares must have 3 values; it has 2/],
    ['a share above 1', [col([1]), null, [[0.05, 0.2, 1.5]]], /shares must be between 0 and 1; it is 1.5/],
    ['an unknown language', [col([1]), null, null, 'fr'], /lang must be "en" or "vi"/],
  ])('%s', (_name, args, expected) => {
    if (expected instanceof RegExp) {
      expect(failure('CUSTOMER_TIER', args)).toMatch(expected);
      return;
    }
    expectCells(flat(run('CUSTOMER_TIER', args)), expected);
  });

  it('ranges of different lengths are allowed (values and population may differ in length)', () => {
    expect(flat(run('CUSTOMER_TIER', [col([30, 5]), col([30, 20, 10])]))).toEqual(['Top', 'Small']);
  });
  // Performance-sized: tier.scale.test.ts.
});

describe('CUSTOMER_TIER: relationships', () => {
  const numbers = fc.array(fc.integer({ min: -100, max: 10_000 }), { minLength: 1, maxLength: 120 });

  it('equals the spec’s rank definition computed the slow way', () => {
    fc.assert(
      fc.property(numbers, (xs) => {
        expect(flat(run('CUSTOMER_TIER', [col(xs)]))).toEqual(naiveTiers(xs));
      }),
      { numRuns: 1000 },
    );
  });

  it('reordering rows reorders the answers and nothing else', () => {
    const cells = fc.array(fc.oneof(fc.integer({ min: -100, max: 10_000 }), fc.constant(''), fc.constant('x')), {
      minLength: 1,
      maxLength: 120,
    });
    fc.assert(
      fc.property(cells, fc.infiniteStream(fc.nat()), (xs, stream) => {
        const keys = [...stream.take(xs.length)];
        const order = xs.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        const answer = (v: unknown[]): unknown[] =>
          flat(run('CUSTOMER_TIER', [col(v)])).map((c) => (typeof c === 'string' ? c.replace(/row \d+/, 'row') : c));
        const before = answer(xs);
        expect(answer(order.map((i) => xs[i]))).toEqual(order.map((i) => before[i]));
      }),
      { numRuns: 1000 },
    );
  });

  it('a higher value never gets a worse tier', () => {
    fc.assert(
      fc.property(numbers, (xs) => {
        const tiers = flat(run('CUSTOMER_TIER', [col(xs)]));
        const breaches: string[] = [];
        xs.forEach((x, i) =>
          xs.forEach((y, j) => {
            if (x > y && RANK[tiers[i] as string]! > RANK[tiers[j] as string]!) breaches.push(`${x} below ${y}`);
          }),
        );
        expect(breaches).toEqual([]);
        expect(tiers.filter((c) => RANK[c as string] === undefined)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('multiplying every value by a positive constant changes no tier', () => {
    fc.assert(
      fc.property(numbers, fc.constantFrom(0.001, 0.37, 3, 12.5, 1_000_000), (xs, factor) => {
        expect(flat(run('CUSTOMER_TIER', [col(xs.map((x) => x * factor))]))).toEqual(
          flat(run('CUSTOMER_TIER', [col(xs)])),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
