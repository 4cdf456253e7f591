import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoLeaders, paretoRatio } from '../core/methods/pareto.js';
import { col, failure, flat, row, run, show } from './helpers.js';

const HEADER = ['Item', 'Value', 'Cumulative share'];

/** A table as shown cells, problems as "#VALUE! …" text. */
const table = (name: string, args: readonly unknown[]): unknown[][] => run(name, args).map((r) => r.map(show));

function expectCells(got: readonly unknown[], expected: readonly unknown[]): void {
  expect(got).toHaveLength(expected.length);
  got.forEach((cell, i) => {
    const want = expected[i];
    if (want instanceof RegExp) expect(String(cell)).toMatch(want);
    else if (typeof want === 'number' && typeof cell === 'number') expect(cell).toBeCloseTo(want, 12);
    else expect(cell).toBe(want);
  });
}

function expectTable(got: readonly (readonly unknown[])[], expected: readonly (readonly unknown[])[]): void {
  expect(got).toHaveLength(expected.length);
  got.forEach((r, i) => expectCells(r, expected[i]!));
}

describe('PARETO_LEADERS: the spec', () => {
  it('sums repeated items, sorts by value and lists the smallest leading set reaching the share', () => {
    expect(table('PARETO_LEADERS', [col(['a', 'b', 'a', 'c', 'd']), col([30, 30, 20, 15, 5])])).toEqual([
      HEADER,
      ['a', 50, 0.5],
      ['b', 30, 0.8],
    ]);
  });

  it('works on raw order lines: the ABC example spread over several lines per customer', () => {
    const items = ['C1', 'C2', 'C1', 'C3', 'C4', 'C2', 'C5', 'C6', 'C7', 'C3'];
    const values = [20000, 14000, 7000, 10000, 16000, 10000, 6000, 5000, 4000, 8000];
    // totals C1 27000, C2 24000, C3 18000, C4 16000 …; total 100000: 0.27, 0.51, 0.69, 0.85 ≥ 0.8
    expectTable(table('PARETO_LEADERS', [col(items), col(values)]), [
      HEADER,
      ['C1', 27000, 0.27],
      ['C2', 24000, 0.51],
      ['C3', 18000, 0.69],
      ['C4', 16000, 0.85],
    ]);
  });

  it('takes a block of equal values at the boundary in whole', () => {
    // a 40 (0.4), then b and c at 30: b reaches 0.6, and c, equal to b, goes in too
    expect(table('PARETO_LEADERS', [col(['c', 'a', 'b']), col([30, 40, 30]), 0.6])).toEqual([
      HEADER,
      ['a', 40, 0.4],
      ['b', 30, 0.7],
      ['c', 30, 1],
    ]);
  });

  it('compares the cumulative share with the shared tolerance', () => {
    // a share a hair (within 1e-9) above the running share counts as reached
    expect(paretoLeaders(['x', 'y', 'z'], [1, 2, 3], 0.5 + 1e-12).map((l) => l.item)).toEqual(['z']);
    expect(paretoLeaders(['x', 'y', 'z'], [1, 2, 3], 0.5 + 1e-6).map((l) => l.item)).toEqual(['z', 'y']);
    // 0.7 + 0.2 + 0.1 summed naively is 0.9999999999999999; compensated, the last share is exactly 1
    expect(table('PARETO_LEADERS', [col(['a', 'b', 'c']), col([0.2, 0.1, 0.7]), 1]).at(-1)).toEqual(['b', 0.1, 1]);
  });

  it('takes every positive item at share 1', () => {
    expect(table('PARETO_LEADERS', [col(['a', 'b', 'c']), col([1, 2, 0]), 1]).map((r) => r[0])).toEqual([
      'Item',
      'b',
      'a',
    ]);
  });

  it('treats the number 1001 and the text " 1001 " as one item; identity is case-sensitive', () => {
    expect(table('PARETO_LEADERS', [col([1001, ' 1001 ', 'x', 'X']), col([10, 10, 15, 5]), 0.5])).toEqual([
      HEADER,
      ['1001', 20, 0.5],
    ]);
    expect(table('PARETO_LEADERS', [col(['x', 'X']), col([15, 5]), 1]).map((r) => r[0])).toEqual(['Item', 'x', 'X']);
  });

  it('nets returns against their item; items at 0 or below are never leaders and add nothing', () => {
    expect(table('PARETO_LEADERS', [col(['a', 'b', 'a', 'c']), col([50, 30, -50, -10]), 1])).toEqual([
      HEADER,
      ['b', 30, 1],
    ]);
  });

  it('gives just the header when nothing is positive', () => {
    expect(table('PARETO_LEADERS', [col(['a', 'b']), col([0, -5])])).toEqual([HEADER]);
  });

  it('reports lines left out in one final row that starts with the problem marker', () => {
    expect(table('PARETO_LEADERS', [col(['a', '#N/A', '', 'b', 'c']), col([60, 5, 7, 'x', 40])])).toEqual([
      HEADER,
      ['a', 60, 0.6],
      ['c', 40, 1],
      [
        '#VALUE! 3 line(s) left out: items, row 2 of the range: the cell holds the error #N/A; items, row 3 of the range: the row has a blank in items; values, row 4 of the range: "x" is not a number: type a number such as 1234.5 or 1.234.567 ₫',
        '',
        '',
      ],
    ]);
  });

  it('names only the first three lines left out', () => {
    const got = table('PARETO_LEADERS', [col(['a', 'b', 'c', 'd', 'e']), col(['x', 'x', 'x', 'x', 1])]);
    expect(got.at(-1)![0]).toMatch(
      /^#VALUE! 4 line\(s\) left out: .*row 3 of the range: "x" is not a number: [^;]*; …$/,
    );
  });

  it('takes rows as well as columns', () => {
    expect(table('PARETO_LEADERS', [row(['a', 'b']), row([3, 1]), 0.5])).toEqual([HEADER, ['a', 3, 0.75]]);
  });
});

describe('PARETO_LEADERS: bad input, one expected table per row', () => {
  it.each<[string, unknown[], unknown[][] | RegExp]>([
    ['blank value as 0 (some Excel builds): adds nothing', [col(['a', 'b']), col([10, 0])], [HEADER, ['a', 10, 1]]],
    ['blank value as null: adds nothing', [col(['a', 'b']), col([10, null])], [HEADER, ['a', 10, 1]]],
    ['blank line as "": skipped', [col(['a', '']), col([10, ''])], [HEADER, ['a', 10, 1]]],
    [
      'numbers typed as text',
      [col(['a', 'b', 'c']), col(['1,234.50', '1.234.567 ₫', ' 12 ']), 0.5],
      [HEADER, ['b', 1234567, 1234567 / (1234567 + 1234.5 + 12)]],
    ],
    [
      'ambiguous text: the line is left out and reported',
      [col(['a', 'b']), col([10, '1.234'])],
      [HEADER, ['a', 10, 1], [/^#VALUE! 1 line\(s\) left out: values, row 2 of the range: "1.234" could be/, '', '']],
    ],
    [
      'booleans: left out and reported',
      [col(['a', 'b']), col([10, false])],
      [HEADER, ['a', 10, 1], [/values, row 2 of the range: FALSE is a logical value/, '', '']],
    ],
    [
      'error values: left out and reported',
      [col(['a', { code: '#N/A' }, 'c']), col([10, 5, '#N/A'])],
      [
        HEADER,
        ['a', 10, 1],
        [/2 line\(s\) left out: items, row 2 of the range: .*#N\/A; values, row 3 of the range: .*#N\/A/, '', ''],
      ],
    ],
    [
      'NaN: left out and reported',
      [col(['a', 'b']), col([10, NaN])],
      [HEADER, ['a', 10, 1], [/NaN is not a finite/, '', '']],
    ],
    ['negatives: netted, never leaders', [col(['a', 'b']), col([-10, 5])], [HEADER, ['b', 5, 1]]],
    ['all zeros: just the header', [col(['a', 'b']), col([0, 0])], [HEADER]],
    ['one row', [col(['a']), col([7])], [HEADER, ['a', 7, 1]]],
    [
      'a 2-D range is a whole-call problem',
      [
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        col([1, 2]),
      ],
      /items must be one column or one row; it has 2 rows and 2 columns/,
    ],
    ['ranges of different lengths', [col(['a', 'b']), col([1])], /values has 1 cells but items has 2/],
    ['a share of 0', [col(['a']), col([1]), 0], /share must be more than 0 and at most 1; it is 0/],
    ['a share above 1', [col(['a']), col([1]), 1.5], /share must be more than 0 and at most 1; it is 1.5/],
  ])('%s', (_name, args, expected) => {
    if (expected instanceof RegExp) {
      expect(failure('PARETO_LEADERS', args)).toMatch(expected);
      return;
    }
    expectTable(table('PARETO_LEADERS', args), expected);
  });
  // Performance-sized: pareto.scale.test.ts.
});

describe('PARETO_RATIO: the spec', () => {
  it('divides the top’s average by the rest’s', () => {
    expect(run('PARETO_RATIO', [col([100, 10, 10, 10, 10])])).toEqual([[10]]);
    // 10 customers, top 20% = 2: (100 + 90) / 2 = 95 over the rest's 10 → 9.5
    expect(run('PARETO_RATIO', [col([10, 100, 10, 10, 90, 10, 10, 10, 10, 10])])).toEqual([[9.5]]);
  });

  it('rounds the top count up: 7 customers at 20% is a top of 2', () => {
    // top {70, 60}: 65; rest {50, 40, 30, 20, 10}: 30 → 65 / 30
    expect(run('PARETO_RATIO', [col([10, 20, 30, 40, 50, 60, 70])])[0]![0]).toBeCloseTo(65 / 30, 12);
    expect(paretoRatio([10, 20, 30, 40, 50, 60, 70], 0.2)).toMatchObject({ kind: 'ratio', top: 2 });
  });

  it('takes ceil(top_share · n) with the shared tolerance: 0.07 · 100 is 7', () => {
    expect(
      paretoRatio(
        Array.from({ length: 100 }, (_, i) => i + 1),
        0.07,
      ),
    ).toMatchObject({ top: 7 });
  });

  it('takes a custom top_share, a row, and text numbers', () => {
    expect(run('PARETO_RATIO', [row([40, 10, 30, 20]), 0.5])).toEqual([[35 / 15]]);
  });

  it('leaves blanks out and counts zeros', () => {
    expect(run('PARETO_RATIO', [col([100, '', null, 10, 10, 10, 10])])).toEqual([[10]]);
    expect(run('PARETO_RATIO', [col([100, 20, 0, 0, 0])])).toEqual([[20]]); // top 100 over the rest's 5
  });

  it('answers with the reason instead of a number when the ratio is undefined', () => {
    expect(flat(run('PARETO_RATIO', [col([100, 0, 0])]))).toEqual([
      '#VALUE! the rest of the values average 0: the ratio needs a rest whose average is above 0',
    ]);
    expect(flat(run('PARETO_RATIO', [col([42])]))).toEqual(['#VALUE! values needs at least 2 readable rows; it has 1']);
    expect(flat(run('PARETO_RATIO', [col([2, 1]), 0.6]))).toEqual([
      '#VALUE! the top 2 of 2 values leave no rest to compare with: give more values or a smaller top_share',
    ]);
  });
});

describe('PARETO_RATIO: bad input, one expected answer per row', () => {
  it.each<[string, unknown[], number | RegExp | { error: RegExp }]>([
    ['blank as 0 (some Excel builds): a customer with 0', [col([100, 10, 0, 10, 10])], 100 / 7.5],
    ['blank as null: left out', [col([100, 10, null, 10, 10])], 10],
    ['blank as "": left out', [col([100, 10, '', 10, 10])], 10],
    ['numbers typed as text', [col(['1,234.50', '1.234.567 ₫', ' 12 ']), 0.3], 1234567 / ((1234.5 + 12) / 2)],
    [
      'ambiguous text: the answer names it',
      [col([100, '1.234', 10])],
      /^#VALUE! values, row 2 of the range: "1.234" could be/,
    ],
    [
      'booleans: the answer names them',
      [col([100, true, 10])],
      /^#VALUE! values, row 2 of the range: TRUE is a logical value/,
    ],
    [
      'error text: the answer names it',
      [col(['#N/A', 10, 10])],
      /^#VALUE! values, row 1 of the range: the cell holds the error #N\/A/,
    ],
    [
      'error objects: the answer names them',
      [col([10, { code: '#N/A' }])],
      /^#VALUE! values, row 2 of the range: .*#N\/A/,
    ],
    [
      'NaN: the answer names it',
      [col([10, 20, NaN])],
      /^#VALUE! values, row 3 of the range: NaN is not a finite number/,
    ],
    ['a negative rest: no ratio', [col([100, -10, 5])], /^#VALUE! the rest of the values average -2.5/],
    ['negatives in a positive rest count as they are', [col([100, -10, 30])], 100 / 10],
    ['all zeros: no ratio', [col([0, 0, 0])], /average 0: the ratio needs/],
    ['one row: too few', [col([7])], /^#VALUE! values needs at least 2 readable rows; it has 1$/],
    [
      'a 2-D range is a whole-call problem',
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
      { error: /values must be one column or one row; it has 2 rows and 2 columns/ },
    ],
    [
      'a top_share of 0 is a whole-call problem',
      [col([1, 2]), 0],
      { error: /top_share must be more than 0 and less than 1; it is 0/ },
    ],
    [
      'a top_share of 1 is a whole-call problem',
      [col([1, 2]), 1],
      { error: /top_share must be more than 0 and less than 1; it is 1/ },
    ],
    ['a top_share that is not a number', [col([1, 2]), 'most'], { error: /top_share must be a number/ }],
  ])('%s', (_name, args, expected) => {
    if (typeof expected === 'object' && 'error' in expected) {
      expect(failure('PARETO_RATIO', args)).toMatch(expected.error);
      return;
    }
    const grid = run('PARETO_RATIO', args);
    expect(grid).toHaveLength(1);
    expect(grid[0]).toHaveLength(1);
    const answer = flat(grid)[0];
    if (expected instanceof RegExp) expect(String(answer)).toMatch(expected);
    else expect(answer).toBeCloseTo(expected, 12);
  });

  it('ranges of different lengths cannot occur (one range)', () => {
    expect(run('PARETO_RATIO', [col([3, 1])])).toEqual([[3]]);
  });
  // Performance-sized: pareto.scale.test.ts.
});

describe('Pareto: relationships', () => {
  const lines = fc.array(
    fc.tuple(
      fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', ' a', 1001, '1001'),
      fc.integer({ min: -20, max: 200 }),
    ),
    { minLength: 1, maxLength: 60 },
  );

  it('PARETO_LEADERS: reordering lines changes nothing (the table is ordered by value, then item)', () => {
    fc.assert(
      fc.property(lines, fc.infiniteStream(fc.nat()), fc.constantFrom(0.3, 0.5, 0.8, 1), (xs, stream, share) => {
        const keys = [...stream.take(xs.length)];
        const order = xs.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        const leaders = (ls: (readonly [unknown, number])[]): unknown =>
          run('PARETO_LEADERS', [col(ls.map((l) => l[0])), col(ls.map((l) => l[1])), share]);
        expect(leaders(order.map((i) => xs[i]!))).toEqual(leaders(xs));
      }),
      { numRuns: 1000 },
    );
  });

  it('PARETO_LEADERS: the cumulative share of the last leader reaches the share; without it, it does not', () => {
    fc.assert(
      fc.property(lines, fc.double({ min: 0.01, max: 1, noNaN: true }), (xs, share) => {
        const got = run('PARETO_LEADERS', [col(xs.map((l) => l[0])), col(xs.map((l) => l[1])), share]).slice(1);
        if (got.length === 0) return;
        expect(got.at(-1)![2] as number).toBeGreaterThanOrEqual(share - 1e-9);
        const boundary = got.at(-1)![1];
        const beforeBlock = got.filter((r) => r[1] !== boundary).at(-1);
        if (beforeBlock) expect(beforeBlock[2] as number).toBeLessThan(share + 1e-9);
      }),
      { numRuns: 1000 },
    );
  });

  it('PARETO_RATIO: reordering values and scaling them by a positive constant change nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10, max: 1000 }), { minLength: 2, maxLength: 60 }),
        fc.infiniteStream(fc.nat()),
        fc.constantFrom(0.001, 0.37, 3, 12.5, 1_000_000),
        (xs, stream, factor) => {
          const keys = [...stream.take(xs.length)];
          const order = xs.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
          const base = run('PARETO_RATIO', [col(xs)])[0]![0];
          const shuffled = run('PARETO_RATIO', [col(order.map((i) => xs[i]))])[0]![0];
          const scaled = run('PARETO_RATIO', [col(xs.map((x) => x * factor))])[0]![0];
          if (typeof base === 'number') {
            expect(shuffled).toBe(base);
            expect(scaled as number).toBeCloseTo(base, 6);
          } else {
            expect(show(shuffled!)).toBe(show(base!));
            expect(typeof scaled).not.toBe('number');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
