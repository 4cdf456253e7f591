import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcClass, abcCutoffs } from '../core/methods/abc.js';
import { col, failure, flat, row, run } from './helpers.js';

const RANK = { A: 0, B: 1, C: 2 } as Record<string, number>;

describe('ABC_CLASS: the spec', () => {
  it('classifies the spec example', () => {
    expect(flat(run('ABC_CLASS', [col([27000, 24000, 18000, 16000, 6000, 5000, 4000])]))).toEqual([
      'A',
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
    ]);
  });
  it('puts 15 of [50,30,15,5] in B at b_share 0.95 (sum first, divide once, tolerance)', () => {
    expect(flat(run('ABC_CLASS', [col([50, 30, 15, 5])]))).toEqual(['A', 'A', 'B', 'C']);
  });
  it('judges a block of ties by its end', () => {
    // 40 + 40 = 80% → both A; with 41 first, 41+40+40 = 121/141 > 0.8 → both 40s fall to B together.
    expect(flat(run('ABC_CLASS', [col([40, 40, 20])]))).toEqual(['A', 'A', 'C']);
    expect(flat(run('ABC_CLASS', [col([41, 40, 40, 20])]))).toEqual(['A', 'B', 'B', 'C']);
  });
  it('makes one dominant customer B, or C over 95%', () => {
    expect(flat(run('ABC_CLASS', [col([85, 10, 5])]))).toEqual(['B', 'B', 'C']);
    expect(flat(run('ABC_CLASS', [col([96, 4])]))).toEqual(['C', 'C']);
  });
  it('gives zero and negative values C and leaves them out of the total', () => {
    expect(flat(run('ABC_CLASS', [col([60, 30, 0, -50, 10])]))).toEqual(['A', 'B', 'C', 'C', 'C']);
  });
  it('takes custom shares and Vietnamese labels', () => {
    expect(flat(run('ABC_CLASS', [col([50, 30, 15, 5]), null, 0.5, 0.9, 'vi']))).toEqual(['A', 'B', 'C', 'C']);
  });
  it('answers a row in a row', () => {
    expect(run('ABC_CLASS', [row([27000, 24000, 18000, 16000, 6000, 5000, 4000])])).toEqual([
      ['A', 'A', 'A', 'B', 'B', 'C', 'C'],
    ]);
  });
  it('row by row with a population equals the spill answer', () => {
    const values = [27000, 24000, 18000, 16000, 6000, 5000, 4000];
    const population = col(values);
    const spill = flat(run('ABC_CLASS', [population]));
    const rowByRow = values.map((v) => flat(run('ABC_CLASS', [[[v]], population]))[0]);
    const freshCopies = values.map((v) => flat(run('ABC_CLASS', [v, col(values)]))[0]);
    expect(rowByRow).toEqual(spill);
    expect(freshCopies).toEqual(spill);
  });
  it('does not reuse a cached population whose content differs', () => {
    expect(flat(run('ABC_CLASS', [15, col([50, 30, 15, 5])]))).toEqual(['B']);
    expect(flat(run('ABC_CLASS', [15, col([50, 30, 15, 500])]))).toEqual(['C']);
  });
  it('computes cut-offs once from the population', () => {
    expect(abcCutoffs(Float64Array.of(27000, 24000, 18000, 16000, 6000, 5000, 4000), 0.8, 0.95)).toEqual({
      aMin: 18000,
      bMin: 6000,
    });
    expect(abcClass(0, { aMin: 0, bMin: 0 })).toBe('C');
  });
});

describe('ABC_CLASS: bad input, one expected answer per row', () => {
  it.each<[string, unknown[], unknown[] | RegExp]>([
    ['blank as null (Excel on the web)', [col([50, null, 30, 20])], ['A', '', 'A', 'C']],
    ['blank as "" (Sheets)', [col([50, '', 30, 20])], ['A', '', 'A', 'C']],
    ['blank as 0 (some Excel builds): counts as 0, so C', [col([50, 0, 30, 20])], ['A', 'C', 'A', 'C']],
    ['numbers typed as text', [col(['6.000.000 ₫', '3,000,000.00', ' 1000000 '])], ['A', 'B', 'C']],
    [
      'ambiguous text is a per-row problem',
      [col([60, '1.234', 30, 10])],
      ['A', /^#VALUE! values, row 2 of the range: "1.234" could be/, 'B', 'C'],
    ],
    ['booleans are a per-row problem', [col([60, true, 30, 10])], ['A', /TRUE is a logical value/, 'B', 'C']],
    [
      'error values are a per-row problem',
      [col([50, '#N/A', { code: '#DIV/0!' }])],
      ['C', /error #N\/A/, /error #DIV\/0!/],
    ],
    ['NaN is a per-row problem', [col([50, NaN])], ['C', /NaN is not a finite number/]],
    ['negatives are C', [col([-5, 10, -1])], ['C', 'C', 'C']],
    ['all zeros are C', [col([0, 0, 0])], ['C', 'C', 'C']],
    ['one row holding everything is C (over 95%)', [col([42])], ['C']],
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
    [
      'a_share ≥ b_share is a whole-call problem',
      [col([1, 2]), null, 0.95, 0.8],
      /b_share \(0.8\) must be greater than a_share \(0.95\)/,
    ],
    ['a share above 1 is a whole-call problem', [col([1, 2]), null, 1.5], /a_share must be between 0 and 1; it is 1.5/],
    ['an unknown language is a whole-call problem', [col([1]), null, null, null, 'fr'], /lang must be "en" or "vi"/],
  ])('%s', (_name, args, expected) => {
    if (expected instanceof RegExp) {
      expect(failure('ABC_CLASS', args)).toMatch(expected);
      return;
    }
    const got = flat(run('ABC_CLASS', args));
    expect(got).toHaveLength(expected.length);
    got.forEach((cell, i) => {
      const want = expected[i];
      if (want instanceof RegExp) expect(String(cell)).toMatch(want);
      else expect(cell).toBe(want);
    });
  });

  it('ranges of different lengths cannot occur for ABC (values and population may differ in length)', () => {
    expect(flat(run('ABC_CLASS', [col([15, 5]), col([50, 30, 15, 5])]))).toEqual(['B', 'C']);
  });
  // Performance-sized: abc.scale.test.ts.
});

describe('ABC_CLASS: relationships', () => {
  const values = fc.array(fc.oneof(fc.integer({ min: -100, max: 10_000 }), fc.constant('')), {
    minLength: 1,
    maxLength: 60,
  });

  it('reordering rows reorders the answers and nothing else', () => {
    fc.assert(
      fc.property(values, fc.infiniteStream(fc.nat()), (xs, stream) => {
        const order = xs.map((_, i) => i);
        const keys = [...stream.take(xs.length)];
        order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        const before = flat(run('ABC_CLASS', [col(xs)]));
        const after = flat(run('ABC_CLASS', [col(order.map((i) => xs[i]))]));
        expect(after).toEqual(order.map((i) => before[i]));
      }),
      { numRuns: 1000 },
    );
  });

  it('a higher value never gets a worse class', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 10_000 }), { minLength: 2, maxLength: 60 }), (xs) => {
        const classes = flat(run('ABC_CLASS', [col(xs)]));
        const breaches: string[] = [];
        xs.forEach((x, i) =>
          xs.forEach((y, j) => {
            if (x > y && RANK[classes[i] as string]! > RANK[classes[j] as string]!) breaches.push(`${x} below ${y}`);
          }),
        );
        expect(breaches).toEqual([]);
        expect(classes.filter((c) => RANK[c as string] === undefined)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('multiplying every value by a positive constant changes no class', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 10_000 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(0.001, 0.37, 3, 12.5, 1_000_000),
        (xs, factor) => {
          expect(flat(run('ABC_CLASS', [col(xs.map((x) => x * factor))]))).toEqual(flat(run('ABC_CLASS', [col(xs)])));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
