import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isoToSerial, serialToIso, type OutCell, type OutGrid } from '../core/index.js';
import { toVector } from '../core/args.js';
import { groupOrders } from '../core/methods/orders.js';
import { DEFAULT_RULES, matchRule, quantileCutPoints, rfmScore, scoreDigits } from '../core/methods/rfm.js';
import { readOrderLines } from '../core/order-lines.js';
import { col, failure, flat, row, run } from './helpers.js';
import { RFM_TABLE_HEADER } from './cases/rfm.js';

const serial = (iso: string): number => isoToSerial(iso) as number;
const THRESHOLDS = [
  [115, 181, 297, 482],
  [4, 5, 6, 8],
  [256, 382, 506, 666],
];

/** Checks a flat answer list against expectations, where a RegExp expects a per-row problem's text. */
function expectAnswers(got: readonly unknown[], expected: readonly unknown[]): void {
  expect(got).toHaveLength(expected.length);
  got.forEach((cell, i) => {
    const want = expected[i];
    if (want instanceof RegExp) expect(String(cell), `answer ${i + 1}`).toMatch(want);
    else expect(cell, `answer ${i + 1}`).toBe(want);
  });
}

/** R, F and M digits of a score. */
const digits = (score: unknown): [number, number, number] => {
  const s = score as number;
  return [Math.floor(s / 100), Math.floor(s / 10) % 10, s % 10];
};

describe('RFM_SCORE: the spec', () => {
  it('scores the 545 example: days 0..40, orders and revenue ranked by hand', () => {
    // Days 0,10,20,30,40 → quintile cut points 8,16,24,32 → R 5,4,3,2,1. Orders and revenue {1..5}, {10..50}:
    // cut points 1.8, 2.6, 3.4, 4.2 (×10) → the rank itself.
    const dates = ['2024-06-30', '2024-06-20', '2024-06-10', '2024-05-31', '2024-05-21'];
    const got = flat(run('RFM_SCORE', [col(dates), col([4, 5, 3, 2, 1]), col([50, 40, 30, 20, 10])]));
    expect(got).toEqual([545, 454, 333, 222, 111]);
  });

  it('computes PERCENTILE.INC cut points (checked by hand)', () => {
    // Sorted 3,5,7,8,12,14,21 (n = 7), h = 6p: p=.2 → 5 + .2·(7−5) = 5.4; p=.4 → 7 + .4·1 = 7.4;
    // p=.6 → 8 + .6·4 = 10.4; p=.8 → 12 + .8·2 = 13.6.
    const cuts = Array.from(quantileCutPoints([3, 7, 8, 5, 12, 14, 21], 5));
    [5.4, 7.4, 10.4, 13.6].forEach((want, k) => expect(cuts[k]).toBeCloseTo(want, 12));
    // Quartiles of 1..5 (h = 4p) are exactly 2, 3, 4.
    expect(Array.from(quantileCutPoints([5, 4, 3, 2, 1], 4))).toEqual([2, 3, 4]);
    // F = 1 + cut points strictly below: 3→1, 7→2, 8→3, 12→4, 14→5, 21→5, 5→1.
    const orders = [3, 7, 8, 5, 12, 14, 21];
    const scores = flat(run('RFM_SCORE', [col(orders.map(() => '2024-01-01')), col(orders), col(orders)]));
    expect(scores.map((s) => digits(s)[1])).toEqual([1, 2, 3, 1, 4, 5, 5]);
    expect(scores.map((s) => digits(s)[2])).toEqual([1, 2, 3, 1, 4, 5, 5]);
    expect(scores.map((s) => digits(s)[0])).toEqual([5, 5, 5, 5, 5, 5, 5]);
  });

  it('closes bins on the right: a value on a cut point stays below it, a day count on it gets the higher R', () => {
    // Quartile cut points of 1..5 are 2, 3, 4: F of 1..5 is 1,1,2,3,4; R of days 1..5 is 4,4,3,2,1.
    const days = [1, 2, 3, 4, 5];
    const asOf = serial('2024-06-30');
    const got = flat(run('RFM_SCORE', [col(days.map((d) => asOf - d)), col(days), col(days), asOf, 4]));
    expect(got.map((s) => digits(s)[1])).toEqual([1, 1, 2, 3, 4]);
    expect(got.map((s) => digits(s)[2])).toEqual([1, 1, 2, 3, 4]);
    expect(got.map((s) => digits(s)[0])).toEqual([4, 4, 3, 2, 1]);
  });

  it('gives equal values equal scores', () => {
    const got = flat(
      run('RFM_SCORE', [col(Array(6).fill('2024-01-01')), col([1, 1, 1, 2, 2, 9]), col([5, 5, 5, 5, 5, 5])]),
    );
    expect(new Set(got.slice(0, 3)).size).toBe(1);
    expect(new Set(got.slice(3, 5)).size).toBe(1);
  });

  it('threshold mode: {115,181,297,482;4,5,6,8;256,382,506,666}, R = 5 below 115 days, lower bounds ≤ value', () => {
    const asOf = serial('2024-06-30');
    const days = [0, 114, 115, 181, 296, 297, 482, 1000];
    const got = flat(
      run('RFM_SCORE', [
        col(days.map((d) => asOf - d)),
        col(days.map(() => 4)),
        col(days.map(() => 256)),
        asOf,
        null,
        THRESHOLDS,
      ]),
    );
    expect(got.map((s) => digits(s)[0])).toEqual([5, 5, 4, 3, 3, 2, 1, 1]);
    const orders = [0, 3, 4, 5, 6, 7, 8, 100];
    const f = flat(
      run('RFM_SCORE', [col(orders.map(() => asOf)), col(orders), col(orders.map(() => 1)), asOf, null, THRESHOLDS]),
    );
    expect(f.map((s) => digits(s)[1])).toEqual([1, 1, 2, 3, 4, 4, 5, 5]);
    const revenue = [-5, 255, 256, 381.99, 382, 506, 665, 666];
    const m = flat(
      run('RFM_SCORE', [col(revenue.map(() => asOf)), col(revenue.map(() => 1)), col(revenue), asOf, null, THRESHOLDS]),
    );
    expect(m.map((s) => digits(s)[2])).toEqual([1, 1, 2, 2, 3, 4, 4, 5]);
  });

  it('threshold mode works row by row (one cell each, as_of given)', () => {
    // 2024-03-01 → 2024-06-30 is 121 days (R 4: 115 ≤ 121), 6 orders (F 4: 4, 5, 6 ≤ 6), 400 (M 3: 256, 382 ≤ 400).
    expect(flat(run('RFM_SCORE', ['2024-03-01', 6, 400, '2024-06-30', null, THRESHOLDS]))).toEqual([443]);
    expect(flat(run('RFM_SCORE', [[['2024-03-01']], [[6]], [[400]], '2024-06-30', 5, THRESHOLDS]))).toEqual([443]);
  });

  it('compares with bounds using the shared tolerance (0.1 + 0.2 reaches a bound of 0.3)', () => {
    const t = [[1], [1], [0.3]];
    expect(flat(run('RFM_SCORE', ['2024-01-01', 1, 0.1 + 0.2, null, null, t]))).toEqual([222]);
    const t2 = [[1], [1], [0.1 + 0.2]];
    expect(flat(run('RFM_SCORE', ['2024-01-01', 1, 0.3, null, null, t2]))).toEqual([222]);
  });

  it('takes bins from 2 to 9', () => {
    const n = 20;
    const days = Array.from({ length: n }, (_, i) => serial('2024-01-01') - i * 7);
    const orders = Array.from({ length: n }, (_, i) => i + 1);
    for (const bins of [2, 3, 9]) {
      const got = flat(run('RFM_SCORE', [col(days), col(orders), col(orders), null, bins]));
      const all = got.flatMap((s) => digits(s));
      expect(Math.max(...all)).toBe(bins);
      expect(Math.min(...all)).toBe(1);
    }
  });

  it('as_of defaults to the latest date of the readable rows, not today', () => {
    const dates = ['2020-01-10', '2020-01-01', 'bad date', '2030-01-01'];
    // Row 4 has blank revenue, so it is not in the population and does not move as_of.
    const got = flat(run('RFM_SCORE', [col(dates), col([1, 2, 3, 4]), col([10, 20, 30, ''])]));
    expect(got[3]).toBe('');
    expect(got[2]).toMatch(/last_purchase, row 3 of the range: "bad date" is not a date/);
    const explicit = flat(run('RFM_SCORE', [col(dates.slice(0, 2)), col([1, 2]), col([10, 20]), '2020-01-10']));
    expect(got.slice(0, 2)).toEqual(explicit);
  });

  it('a last purchase after as_of is a per-row problem', () => {
    const got = flat(run('RFM_SCORE', [col(['2024-01-01', '2024-07-01']), col([1, 2]), col([1, 2]), '2024-06-30']));
    expect(got[0]).toBe(511);
    expect(got[1]).toMatch(/last_purchase, row 2 of the range: the date 2024-07-01 is after as_of \(2024-06-30\)/);
  });

  it('a row with any blank input gives a blank answer', () => {
    const got = flat(
      run('RFM_SCORE', [col(['2024-01-01', '', '2024-01-01', '2024-01-02']), col([1, 2, null, 3]), col([1, 2, 3, 4])]),
    );
    expect(got.slice(0, 3)).toEqual([expect.any(Number), '', '']);
  });

  it('answers a row in a row', () => {
    const got = run('RFM_SCORE', [
      row(['2024-06-30', '2024-06-20', '2024-06-10']),
      row([3, 2, 1]),
      row([300, 200, 100]),
    ]);
    expect(got).toEqual([[555, 333, 111]]);
  });

  it.each<[string, unknown[], RegExp]>([
    ['bins below 2', [col(['2024-01-01']), col([1]), col([1]), null, 1], /bins must be between 2 and 9; it is 1/],
    ['bins above 9', [col(['2024-01-01']), col([1]), col([1]), null, 10], /bins must be between 2 and 9; it is 10/],
    ['bins not whole', [col(['2024-01-01']), col([1]), col([1]), null, 2.5], /bins must be a whole number/],
    ['as_of not a date', [col(['2024-01-01']), col([1]), col([1]), 'soon'], /as_of must be a date/],
    [
      'thresholds not ascending',
      [
        col(['2024-01-01']),
        col([1]),
        col([1]),
        null,
        null,
        [
          [1, 2],
          [3, 3],
          [5, 6],
        ],
      ],
      /thresholds must be strictly ascending; it is \{3,3\}/,
    ],
    [
      'thresholds of 2 rows',
      [
        col(['2024-01-01']),
        col([1]),
        col([1]),
        null,
        null,
        [
          [1, 2],
          [3, 4],
        ],
      ],
      /thresholds must have 3 rows \(R days, F, M\) of equal width 1 to 8; it has 2 rows and 2 columns/,
    ],
    [
      'thresholds of 9 columns',
      [col(['2024-01-01']), col([1]), col([1]), null, null, [1, 2, 3].map(() => [1, 2, 3, 4, 5, 6, 7, 8, 9])],
      /thresholds must have 3 rows/,
    ],
    [
      'thresholds with a blank',
      [
        col(['2024-01-01']),
        col([1]),
        col([1]),
        null,
        null,
        [
          [1, 2],
          [3, ''],
          [5, 6],
        ],
      ],
      /thresholds must be a number/,
    ],
    [
      'bins that disagree with the thresholds',
      [col(['2024-01-01']), col([1]), col([1]), null, 4, THRESHOLDS],
      /bins is 4 but thresholds have 4 bound\(s\) per row, which makes 5 bins/,
    ],
  ])('whole-call problem: %s', (_name, args, message) => {
    expect(failure('RFM_SCORE', args)).toMatch(message);
  });
});

describe('RFM_SCORE: bad input, one expected answer per row', () => {
  // Base: days 0, 10, 20; orders 3, 2, 1; revenue 300, 200, 100 → 555, 333, 111. With row 2 out of the population,
  // rows 1 and 3 are still 555 and 111 (two values: every cut point lies between them).
  const D = ['2024-06-30', '2024-06-20', '2024-06-10'];
  const O = [3, 2, 1];
  const M = [300, 200, 100];
  const with2 = (xs: unknown[], v: unknown): unknown[] => [xs[0], v, xs[2]];
  it.each<[string, unknown[], unknown[]]>([
    ['the base', [col(D), col(O), col(M)], [555, 333, 111]],
    ['blank as null (Excel on the web)', [col(D), col(with2(O, null)), col(M)], [555, '', 111]],
    ['blank as "" (Sheets)', [col(with2(D, '')), col(O), col(M)], [555, '', 111]],
    // Orders 0 counts as 0 orders: cut points of {0,1,3} are 0.4, 0.8, 1.4, 2.2 → F 5, 1, 3.
    ['blank as 0 in orders (some Excel builds): 0 orders', [col(D), col(with2(O, 0)), col(M)], [555, 313, 131]],
    ['blank as 0 in a date (some Excel builds): blank', [col(with2(D, 0)), col(O), col(M)], [555, '', 111]],
    ['text numbers', [col(D), col(['3', ' 2 ', '1']), col(['1.234.567 ₫', '1,234.50', '$12'])], [555, 333, 111]],
    [
      'ambiguous "1.234"',
      [col(D), col(O), col(with2(M, '1.234'))],
      [555, /^#VALUE! revenue, row 2 of the range: "1.234" could be 1.234 or 1234/, 111],
    ],
    [
      'booleans',
      [col(D), col(with2(O, true)), col(M)],
      [555, /orders, row 2 of the range: TRUE is a logical value/, 111],
    ],
    [
      '"#N/A" text',
      [col(with2(D, '#N/A')), col(O), col(M)],
      [555, /last_purchase, row 2 of the range: the cell holds the error #N\/A/, 111],
    ],
    [
      '{code:"#N/A"} objects',
      [col(D), col(O), col(with2(M, { code: '#N/A' }))],
      [555, /revenue, row 2 of the range: the cell holds the error #N\/A/, 111],
    ],
    [
      'NaN',
      [col(D), col(O), col(with2(M, NaN))],
      [555, /revenue, row 2 of the range: NaN is not a finite number/, 111],
    ],
    [
      'negative orders',
      [col(D), col(with2(O, -1)), col(M)],
      [555, /orders, row 2 of the range: -1 orders is not a whole number ≥ 0/, 111],
    ],
    [
      'fractional orders',
      [col(D), col(with2(O, 1.5)), col(M)],
      [555, /orders, row 2 of the range: 1.5 orders is not a whole number/, 111],
    ],
    // Revenue {−50,100,300}: cut points 10, 70, 140, 220 → M 5, 1, 3.
    ['negative revenue (net returns) is scored', [col(D), col(O), col(with2(M, -50))], [555, 331, 113]],
    [
      'a text that is no date',
      [col(with2(D, '30/02/2024')), col(O), col(M)],
      [555, /"30\/02\/2024" is not a date: use a date cell, or text such as 2024-05-31, 20240531 or 31\/05\/2024/, 111],
    ],
    // Days {0,0,20}: cut points 0, 0, 4, 12 → R 5, 5, 1.
    ['a day-first date is read ("30/06/2024")', [col(with2(D, '30/06/2024')), col(O), col(M)], [555, 533, 111]],
    ['an 8-digit date is read (20240620)', [col(with2(D, 20240620)), col(O), col(M)], [555, 333, 111]],
    [
      'a dong amount is read ("200.000 ₫")',
      [col(D), col(O), col(['300.000 ₫', '200.000 ₫', '100.000'])],
      [555, 333, 111],
    ],
    ['all zeros', [col(D.map(() => '2024-01-01')), col([0, 0, 0]), col([0, 0, 0])], [511, 511, 511]],
    ['one row', [col(['2024-01-01']), col([5]), col([100])], [511]],
  ])('%s', (_name, args, expected) => {
    expectAnswers(flat(run('RFM_SCORE', args)), expected);
  });

  it('a 2-D range where one column is expected is a whole-call problem', () => {
    expect(
      failure('RFM_SCORE', [
        [
          [1, 2],
          [3, 4],
        ],
        col([1, 2]),
        col([1, 2]),
      ]),
    ).toMatch(/last_purchase must be one column or one row; it has 2 rows and 2 columns/);
  });

  it('ranges of different lengths are a whole-call problem', () => {
    expect(failure('RFM_SCORE', [col(D), col([1, 2]), col(M)])).toMatch(/orders has 2 cells but last_purchase has 3/);
    expect(failure('RFM_SCORE', [col(D), col(O), col([1, 2, 3, 4])])).toMatch(
      /revenue has 4 cells but last_purchase has 3/,
    );
  });
  // Performance-sized: rfm.scale.test.ts.
});

describe('RFM_SCORE: relationships', () => {
  const rowArb = fc.record({
    days: fc.integer({ min: 0, max: 1000 }),
    orders: fc.integer({ min: 0, max: 60 }),
    cents: fc.integer({ min: -10_000, max: 10_000_000 }),
  });
  const rows = fc.array(rowArb, { minLength: 1, maxLength: 50 });
  const AS_OF = serial('2024-06-30');
  const args = (xs: readonly { days: number; orders: number; cents: number }[], extra: unknown[] = []): unknown[] => [
    col(xs.map((x) => AS_OF - x.days)),
    col(xs.map((x) => x.orders)),
    col(xs.map((x) => x.cents / 100)),
    ...extra,
  ];

  it('reordering rows reorders the answers and nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(rowArb, fc.constant(undefined)), { minLength: 1, maxLength: 50 }),
        fc.infiniteStream(fc.nat()),
        (xs, stream) => {
          const cells = xs.map((x) => x ?? { days: NaN, orders: NaN, cents: NaN });
          const toArgs = (ys: typeof cells): unknown[] => [
            col(ys.map((y) => (Number.isNaN(y.days) ? '' : AS_OF - y.days))),
            col(ys.map((y) => (Number.isNaN(y.orders) ? '' : y.orders))),
            col(ys.map((y) => (Number.isNaN(y.cents) ? '' : y.cents / 100))),
          ];
          const keys = [...stream.take(xs.length)];
          const order = xs.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
          const before = flat(run('RFM_SCORE', toArgs(cells)));
          const after = flat(run('RFM_SCORE', toArgs(order.map((i) => cells[i]!))));
          expect(after).toEqual(order.map((i) => before[i]));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('more orders or revenue never gets a lower F or M, fewer days never a lower R', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 2, max: 9 }), (xs, bins) => {
        const scores = flat(run('RFM_SCORE', args(xs, [AS_OF, bins]))).map(digits);
        // Every pair is checked; the breaches are collected so one expect reports them all.
        const breaches: string[] = [];
        xs.forEach((a, i) =>
          xs.forEach((b, j) => {
            const [ri, fi, mi] = scores[i]!;
            const [rj, fj, mj] = scores[j]!;
            if (a.orders > b.orders && fi < fj) breaches.push(`F: row ${i} ${fi} < row ${j} ${fj}`);
            if (a.cents > b.cents && mi < mj) breaches.push(`M: row ${i} ${mi} < row ${j} ${mj}`);
            if (a.days < b.days && ri < rj) breaches.push(`R: row ${i} ${ri} < row ${j} ${rj}`);
          }),
        );
        expect(breaches).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('multiplying orders or revenue by a positive constant changes no quantile score', () => {
    fc.assert(
      fc.property(
        rows,
        fc.constantFrom(1, 2, 3, 7, 1000),
        fc.constantFrom(0.001, 0.37, 3, 12.5, 1_000_000),
        (xs, orderFactor, revenueFactor) => {
          const scaled: unknown[] = [
            col(xs.map((x) => AS_OF - x.days)),
            col(xs.map((x) => x.orders * orderFactor)),
            col(xs.map((x) => (x.cents / 100) * revenueFactor)),
          ];
          expect(flat(run('RFM_SCORE', scaled))).toEqual(flat(run('RFM_SCORE', args(xs))));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('RFM_SEGMENT', () => {
  it('names scores with the default rules, first match wins', () => {
    expect(flat(run('RFM_SEGMENT', [col([555, 545, 111, '222'])]))).toEqual([
      'Champions',
      'Potential Loyalist',
      'Lost',
      'Loyal Customers',
    ]);
    // One score for each default rule (checked against the table by hand), and one that matches none.
    const cases: [number, string][] = [
      [555, 'Champions'],
      [333, 'Potential Loyalist'],
      [422, 'Loyal Customers'],
      [315, 'Promising'],
      [511, 'New Customers'],
      [234, 'Loyal Customers'], // Loyal (2–4, 2–4, 2–4) comes before Can't Lose Them
      [135, "Can't Lose Them"],
      [125, 'At Risk'],
      [253, 'Need Attention'], // R2 F5: not Loyal (F ≤ 4), not At Risk (M ≥ 4), Need Attention (1–3, 3–5, 3–5)
      [211, 'About To Sleep'],
      [111, 'Lost'],
      [215, 'Others'],
    ];
    expect(flat(run('RFM_SEGMENT', [col(cases.map(([s]) => s))]))).toEqual(cases.map(([, name]) => name));
  });

  it('takes Vietnamese labels', () => {
    expect(flat(run('RFM_SEGMENT', [col([555, 111, 215]), null, 'vi']))).toEqual(['Nhà vô địch', 'Đã mất', 'Khác']);
  });

  it('takes custom rules: 7 columns, a header row and blank rows skipped, names as written', () => {
    const rules = [
      ['name', 'r_lo', 'r_hi', 'f_lo', 'f_hi', 'm_lo', 'm_hi'],
      ['VIP', 4, 5, 4, 5, 4, 5],
      ['', '', '', '', '', '', ''],
      ['Sleeping', 1, 2, 1, 5, '1', '5'],
    ];
    expect(flat(run('RFM_SEGMENT', [col([545, 155, 333]), rules, 'vi']))).toEqual(['VIP', 'Sleeping', 'Khác']);
  });

  it('the rule table matches the spec', () => {
    expect(DEFAULT_RULES.map((r) => [r.name, ...r.bounds])).toEqual([
      ['rfmChampions', 5, 5, 5, 5, 5, 5],
      ['rfmPotentialLoyalist', 3, 5, 3, 5, 2, 5],
      ['rfmLoyalCustomers', 2, 4, 2, 4, 2, 4],
      ['rfmPromising', 3, 4, 1, 3, 3, 5],
      ['rfmNewCustomers', 4, 5, 1, 3, 1, 5],
      ['rfmCantLoseThem', 1, 2, 3, 4, 4, 5],
      ['rfmAtRisk', 1, 2, 2, 5, 4, 5],
      ['rfmNeedAttention', 1, 3, 3, 5, 3, 5],
      ['rfmAboutToSleep', 2, 3, 1, 3, 1, 4],
      ['rfmLost', 1, 1, 1, 5, 1, 5],
    ]);
    expect(matchRule(2, 1, 5, DEFAULT_RULES)).toBe(-1);
    expect(scoreDigits(505)).toBeUndefined();
    expect(scoreDigits(545)).toEqual([5, 4, 5]);
  });

  it.each<[string, unknown, unknown]>([
    ['blank as null', null, ''],
    ['blank as ""', '', ''],
    ['blank as 0 (some Excel builds; no score is 0)', 0, ''],
    ['a score as text', '545', 'Potential Loyalist'],
    ['a score as text with spaces', ' 555 ', 'Champions'],
    [
      'ambiguous "1.234"',
      '1.234',
      /rfm_scores, row 1 of the range: 1.234 is not an RFM score of three digits from 1 to 9/,
    ],
    ['a boolean', true, /TRUE is not an RFM score/],
    ['"#N/A" text', '#N/A', /the cell holds the error #N\/A/],
    ['{code:"#N/A"} object', { code: '#N/A' }, /the cell holds the error #N\/A/],
    [
      'another function’s problem as Sheets shows it',
      '#VALUE! orders, row 3 of the range: "x" is not a number',
      /holds the error #VALUE!/,
    ],
    ['NaN', NaN, /NaN is not an RFM score/],
    ['a negative', -545, /-545 is not an RFM score/],
    ['a digit 0', 505, /505 is not an RFM score/],
    ['a fraction', 54.5, /54.5 is not an RFM score/],
    ['four digits', 1234, /1234 is not an RFM score/],
    ['words', 'Champions', /Champions is not an RFM score/],
  ])('bad input: %s', (_name, cell, want) => {
    const got = flat(run('RFM_SEGMENT', [col([cell, 555])]));
    expectAnswers(got, [want, 'Champions']);
  });

  it.each<[string, unknown[], RegExp]>([
    [
      'a 2-D range',
      [
        [
          [555, 111],
          [111, 555],
        ],
      ],
      /rfm_scores must be one column or one row/,
    ],
    ['rules of 6 columns', [col([555]), [['A', 1, 5, 1, 5, 1]]], /rules must have exactly 7 columns.*it has 6/],
    [
      'a rule bound of 0',
      [col([555]), [['A', 0, 5, 1, 5, 1, 5]]],
      /rules.*row 1 of the range: r_lo is "0", not a whole number from 1 to 9/,
    ],
    [
      'a rule with lo above hi',
      [col([555]), [['A', 1, 5, 4, 2, 1, 5]]],
      /row 1 of the range: f_lo \(4\) is above f_hi \(2\)/,
    ],
    [
      'a rule with no name',
      [
        col([555]),
        [
          ['A', 1, 5, 1, 5, 1, 5],
          ['', 1, 5, 1, 5, 1, 5],
        ],
      ],
      /row 2 of the range: the name is blank/,
    ],
    ['an unknown language', [col([555]), null, 'fr'], /lang must be "en" or "vi"/],
  ])('whole-call problem: %s', (_name, args, message) => {
    expect(failure('RFM_SEGMENT', args)).toMatch(message);
  });
  // Performance-sized: rfm.scale.test.ts.
});

// ---------------------------------------------------------------------------------------------------------------
// RFM_TABLE

const HEADER = RFM_TABLE_HEADER;

/** Rows as text, for compact comparisons. */
const rowsOf = (grid: OutGrid): (string | number | boolean)[][] => grid.map((r) => flat([r]));

describe('RFM_TABLE', () => {
  it('groups order lines by customer in order of first appearance (checked by hand)', () => {
    // Ann: 2 orders, last 2024-06-30, 180; Bo: 1, 2024-03-01, 80; Cy: 1, 2024-06-15, 500. as_of = 2024-06-30.
    // Days {0,121,15}: cut points 6, 12, 36.2, 78.6 → R 5, 1, 3. Orders {2,1,1}: 1, 1, 1.2, 1.6 → F 5, 1, 1.
    // Revenue {180,80,500}: 120, 160, 244, 372 → M 3, 1, 5.
    const grid = run('RFM_TABLE', [
      col(['Ann', 'Bo', 'Ann', 'Cy']),
      col(['2024-05-01', serial('2024-03-01'), '2024-06-30', new Date(2024, 5, 15)]),
      col([120, 80, 60, 500]),
    ]);
    expect(rowsOf(grid)).toEqual([
      HEADER,
      ['Ann', `date:${serial('2024-06-30')}`, 0, 2, 180, 5, 5, 3, 553, 'Potential Loyalist'],
      ['Bo', `date:${serial('2024-03-01')}`, 121, 1, 80, 1, 1, 1, 111, 'Lost'],
      ['Cy', `date:${serial('2024-06-15')}`, 15, 1, 500, 3, 1, 5, 315, 'Promising'],
    ]);
  });

  it('follows the catalog example', () => {
    const grid = run('RFM_TABLE', [
      col(['Ann', 'Bo', 'Ann']),
      col(['2024-05-01', '2024-03-01', '2024-06-30']),
      col([120, 80, 60]),
      '2024-06-30',
    ]);
    expect(rowsOf(grid).slice(1)).toEqual([
      ['Ann', `date:${serial('2024-06-30')}`, 0, 2, 180, 5, 5, 5, 555, 'Champions'],
      ['Bo', `date:${serial('2024-03-01')}`, 121, 1, 80, 1, 1, 1, 111, 'Lost'],
    ]);
  });

  it('writes the header and segments in Vietnamese', () => {
    const grid = run('RFM_TABLE', [col(['A']), col(['2024-01-01']), col([5]), null, null, null, null, 'vi']);
    expect(grid[0]).toEqual([
      'Khách hàng',
      'Lần mua cuối',
      'Số ngày từ lần mua cuối',
      'Số đơn',
      'Doanh thu',
      'R',
      'F',
      'M',
      'Điểm RFM',
      'Phân khúc',
    ]);
    expect(grid[1]?.[9]).toBe('Khách hàng mới');
  });

  it('uses thresholds when given', () => {
    const grid = run('RFM_TABLE', [
      col(['A', 'A', 'B']),
      col(['2024-03-01', '2024-01-01', '2023-01-01']),
      col([200, 200, 10]),
      '2024-06-30',
      null,
      THRESHOLDS,
    ]);
    // A: 121 days (R 4), 2 orders (F 1), 400 (M 3) → 413; B: 546 days (R 1), 1 (F 1), 10 (M 1) → 111.
    expect(
      rowsOf(grid)
        .slice(1)
        .map((r) => r[8]),
    ).toEqual([413, 111]);
  });

  it('treats 1001 and "1001" as one customer; identity is trimmed text, case-sensitive', () => {
    const grid = run('RFM_TABLE', [
      col([1001, '1001', ' ann ', 'ann', 'Ann']),
      col(Array(5).fill('2024-01-01')),
      col([1, 2, 3, 4, 5]),
    ]);
    expect(
      rowsOf(grid)
        .slice(1)
        .map((r) => [r[0], r[3], r[4]]),
    ).toEqual([
      ['1001', 2, 3],
      ['ann', 2, 7],
      ['Ann', 1, 5],
    ]);
  });

  it('bad lines: the known customer’s row carries the problem, unknown customers go in one final row', () => {
    const grid = run('RFM_TABLE', [
      col(['Ann', 'Bo', '', 'Ann', '#N/A', 'Bo', null]),
      col(['2024-06-01', '2024-06-10', '2024-06-01', 'soon', '2024-06-01', '2024-06-30', null]),
      col([10, 20, 30, 40, 50, 5, null]),
    ]);
    const rows = rowsOf(grid);
    expect(rows).toHaveLength(4);
    expect(rows[1]?.[0]).toBe('Ann');
    expect(rows[1]?.[1]).toMatch(
      /^#VALUE! 1 line\(s\) left out: order_dates, row 4 of the range: "soon" is not a date/,
    );
    expect(rows[1]?.slice(2)).toEqual(Array(8).fill(''));
    // Bo is alone in the population, as of his own latest date: 0 days, 2 orders, 25.
    expect(rows[2]).toEqual(['Bo', `date:${serial('2024-06-30')}`, 0, 2, 25, 5, 1, 1, 511, 'New Customers']);
    expect(rows[3]?.[0]).toMatch(
      /^#VALUE! 2 line\(s\) left out: customers, row 3 of the range: the cell is blank but the rest of the line is filled; customers, row 5 of the range: the cell holds the error #N\/A$/,
    );
    expect(rows[3]?.slice(1)).toEqual(Array(9).fill(''));
  });

  it('names at most three bad lines and counts them all', () => {
    const grid = run('RFM_TABLE', [
      col(['A', 'A', 'A', 'A', 'A']),
      col(['x1', 'x2', 'x3', 'x4', '2024-01-01']),
      col([1, 2, 3, 4, 5]),
    ]);
    const cell = flat([grid[1] as OutCell[]])[1] as string;
    expect(cell).toMatch(/4 line\(s\) left out: .*"x1".*"x2".*"x3".*; …$/);
    expect(cell).not.toMatch(/x4/);
  });

  it('an order after an explicit as_of is a bad line', () => {
    const grid = run('RFM_TABLE', [col(['A', 'B']), col(['2024-07-01', '2024-06-01']), col([1, 1]), '2024-06-30']);
    expect(flat([grid[1] as OutCell[]])[1]).toMatch(
      /order_dates, row 1 of the range: the date 2024-07-01 is after as_of \(2024-06-30\)/,
    );
    expect(grid[2]?.[2]).toBe(29);
  });

  it.each<[string, unknown[], unknown[][]]>([
    [
      'empty lines as null are skipped',
      [col(['A', null]), col(['2024-01-01', null]), col([5, null])],
      [['A', 1, 5, 511]],
    ],
    ['empty lines as "" are skipped', [col(['', 'A']), col(['', '2024-01-01']), col(['', 5])], [['A', 1, 5, 511]]],
    [
      'empty lines as 0 (some Excel builds) are skipped',
      [col(['A', 0]), col(['2024-01-01', 0]), col([5, 0])],
      [['A', 1, 5, 511]],
    ],
    [
      'a line with a blank revenue',
      [col(['A', 'A']), col(['2024-01-01', '2024-01-02']), col([5, ''])],
      [['A', /revenues, row 2 of the range: the cell is blank/]],
    ],
    [
      'a line with a blank date',
      [col(['A', 'B']), col(['2024-01-01', null]), col([5, 5])],
      [
        ['A', 1, 5, 511],
        ['B', /order_dates, row 2 of the range: the cell is blank/],
      ],
    ],
    ['revenue 0 is no purchase', [col(['A', 'A']), col(['2024-01-01', '2024-01-02']), col([5, 0])], [['A', 1, 5, 511]]],
    [
      'text numbers',
      [col(['A', 'A', 'A']), col(Array(3).fill('2024-01-01')), col(['1,234.50', '1.234.567 ₫', ' 12 '])],
      [['A', 3, 1_235_813.5, 511]],
    ],
    [
      'ambiguous "1.234"',
      [col(['A', 'A']), col(['2024-01-01', '2024-01-01']), col([5, '1.234'])],
      [['A', /revenues, row 2 of the range: "1.234" could be 1.234 or 1234/]],
    ],
    [
      'booleans',
      [col(['A', 'B']), col(['2024-01-01', '2024-01-01']), col([5, false])],
      [
        ['A', 1, 5, 511],
        ['B', /revenues, row 2 of the range: FALSE is a logical value/],
      ],
    ],
    [
      '"#N/A" text customer',
      [col(['A', '#N/A']), col(['2024-01-01', '2024-01-01']), col([5, 5])],
      [['A', 1, 5, 511], [/customers, row 2 of the range: the cell holds the error #N\/A/]],
    ],
    [
      '{code:"#N/A"} date',
      [col(['A', 'B']), col(['2024-01-01', { code: '#N/A' }]), col([5, 5])],
      [
        ['A', 1, 5, 511],
        ['B', /order_dates, row 2 of the range: the cell holds the error #N\/A/],
      ],
    ],
    [
      'NaN revenue',
      [col(['A', 'B']), col(['2024-01-01', '2024-01-01']), col([5, NaN])],
      [
        ['A', 1, 5, 511],
        ['B', /revenues, row 2 of the range: NaN is not a finite number/],
      ],
    ],
    [
      'negative revenue (a return) is subtracted and is no order',
      [col(['A', 'A']), col(['2024-01-01', '2024-01-05']), col([50, -20])],
      [['A', 1, 30, 511]],
    ],
    [
      'all zeros revenue: no purchase, no score',
      [col(['A', 'B']), col(['2024-01-01', '2024-01-01']), col([0, 0])],
      [
        ['A', 0, 0, ''],
        ['B', 0, 0, ''],
      ],
    ],
    ['one line', [col(['A']), col(['2024-01-01']), col([7])], [['A', 1, 7, 511]]],
  ])('bad input: %s', (_name, args, expected) => {
    const rows = rowsOf(run('RFM_TABLE', args)).slice(1);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((r, i) => {
      const want = expected[i] as unknown[];
      if (want.length === 1) expect(String(r[0])).toMatch(want[0] as RegExp);
      else if (want[1] instanceof RegExp) {
        expect(r[0]).toBe(want[0]);
        expect(String(r[1])).toMatch(want[1]);
      } else expect([r[0], r[3], r[4], r[8]]).toEqual(want);
    });
  });

  it.each<[string, unknown[], RegExp]>([
    [
      'a 2-D range',
      [
        [
          ['A', 'B'],
          ['C', 'D'],
        ],
        col([1, 2]),
        col([1, 2]),
      ],
      /customers must be one column or one row/,
    ],
    [
      'different lengths',
      [col(['A', 'B']), col(['2024-01-01']), col([1, 2])],
      /order_dates has 1 cells but customers has 2/,
    ],
    ['bins out of range', [col(['A']), col(['2024-01-01']), col([1]), null, 12], /bins must be between 2 and 9/],
  ])('whole-call problem: %s', (_name, args, message) => {
    expect(failure('RFM_TABLE', args)).toMatch(message);
  });

  it('sums revenue so that the order of the lines does not change it', () => {
    const totals = (values: number[]): number =>
      groupOrders(
        readOrderLines({
          customers: toVector(col(values.map(() => 'A')), 'customers'),
          dates: toVector(col(values.map(() => 45000)), 'order_dates'),
          revenues: toVector(col(values), 'revenues'),
        }),
      ).revenue[0] as number;
    expect(totals([0.1, 0.2, 0.3, 1e16, -1e16])).toBe(totals([-1e16, 1e16, 0.3, 0.2, 0.1]));
    expect(totals([0.1, 0.2, 0.3, 1e16, -1e16])).toBeCloseTo(0.6, 12);
  });
  // Performance-sized: rfm.scale.test.ts.
});

describe('RFM_TABLE: orders, returns, customers without a purchase (spec: RFM_TABLE)', () => {
  /** [customer, Last purchase, Recency, Orders, Revenue, RFM score] of each body row. */
  const summary = (grid: OutGrid): unknown[][] =>
    rowsOf(grid)
      .slice(1)
      .map((r) => [r[0], r[1], r[2], r[3], r[4], r[8]]);
  const table = (lines: [unknown, string, unknown, unknown][], asOf: unknown = null): OutGrid =>
    run('RFM_TABLE', [
      col(lines.map((l) => l[0])),
      col(lines.map((l) => l[1])),
      col(lines.map((l) => l[2])),
      asOf,
      null,
      null,
      col(lines.map((l) => l[3])),
    ]);

  it('lines that share an order id are one order, dated by its latest line', () => {
    const grid = table([
      ['A', '2024-06-01', 10, 'o1'],
      ['A', '2024-06-03', 5, 'o1'],
      ['A', '2024-06-02', 7, 'o2'],
    ]);
    expect(summary(grid)).toEqual([['A', `date:${serial('2024-06-03')}`, 0, 2, 22, 511]]);
  });

  it('the same order id of two customers is two orders', () => {
    const grid = table([
      ['A', '2024-06-01', 10, 7],
      ['B', '2024-06-01', 5, 7],
    ]);
    expect(summary(grid).map((r) => [r[0], r[3]])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
  });

  it('order ids are identities: 1001 and "1001" are one order, case and inner text kept', () => {
    const grid = table([
      ['A', '2024-06-01', 10, 1001],
      ['A', '2024-06-02', 5, ' 1001 '],
      ['A', '2024-06-03', 5, 'x'],
      ['A', '2024-06-04', 5, 'X'],
    ]);
    expect(summary(grid)[0]?.[3]).toBe(3);
  });

  it('an order that nets to 0 or below is a return: not counted, its date no purchase, its value netted', () => {
    const grid = table([
      ['A', '2024-06-01', 100, 'I1'],
      ['A', '2024-06-10', 40, 'I2'],
      ['A', '2024-06-10', -40, 'I2'],
      ['A', '2024-06-20', -30, 'C9'],
      ['B', '2024-06-20', 50, 'I3'],
    ]);
    // A: I1 is the only purchase (I2 nets to 0, C9 is a cancellation); revenue 100 + 0 − 30.
    expect(summary(grid)[0]).toEqual(['A', `date:${serial('2024-06-01')}`, 19, 1, 70, 115]);
  });

  it('a cancellation summing to a hair above 0 in floating point is still 0', () => {
    const grid = table([
      ['A', '2024-06-01', 0.1, 'I1'],
      ['A', '2024-06-01', 0.2, 'I1'],
      ['A', '2024-06-01', -0.3, 'I1'],
      ['A', '2024-06-02', 5, 'I2'],
    ]);
    expect(summary(grid)[0]?.[3]).toBe(1);
  });

  it('a customer with no purchase is listed with Orders 0, Revenue, and the rest blank, out of the population', () => {
    const grid = table([
      ['A', '2024-06-01', -10, 'R1'],
      ['B', '2024-06-30', 10, 'I1'],
      ['C', '2024-06-01', 20, 'I2'],
    ]);
    expect(rowsOf(grid)[1]).toEqual(['A', '', '', 0, -10, '', '', '', '', '']);
    // B and C alone make the population: 0 and 29 days → 511 and 111 (A's -10 would change C's M otherwise).
    expect(summary(grid).slice(1)).toEqual([
      ['B', `date:${serial('2024-06-30')}`, 0, 1, 10, 511],
      ['C', `date:${serial('2024-06-01')}`, 29, 1, 20, 115],
    ]);
  });

  it('a blank order id in a filled line is a bad line of its customer; an empty line is skipped', () => {
    const grid = table([
      ['A', '2024-06-01', 10, 'I1'],
      ['A', '2024-06-02', 10, ''],
      ['', '', '', ''],
      ['B', '2024-06-02', 10, 'I2'],
    ]);
    expect(flat([rowsOf(grid)[1] as OutCell[]])[1]).toMatch(
      /1 line\(s\) left out: order_ids, row 2 of the range: the cell is blank/,
    );
    expect(rowsOf(grid)).toHaveLength(3);
  });

  it('Excel’s blanks as 0 in an empty line with order ids are skipped', () => {
    const grid = table([
      ['A', '2024-06-01', 10, 'I1'],
      [0, 0 as unknown as string, 0, 0],
    ]);
    expect(summary(grid)).toEqual([['A', `date:${serial('2024-06-01')}`, 0, 1, 10, 511]]);
  });

  it('a return after an explicit as_of is a bad line, like any line after it', () => {
    const grid = table(
      [
        ['A', '2024-06-01', 10, 'I1'],
        ['A', '2024-07-02', -10, 'C1'],
      ],
      '2024-06-30',
    );
    expect(flat([rowsOf(grid)[1] as OutCell[]])[1]).toMatch(
      /1 line\(s\) left out: order_dates, row 2 of the range: the date 2024-07-02 is after as_of \(2024-06-30\)/,
    );
  });

  it('as_of defaults to the latest date of the used lines, returns included', () => {
    const grid = table([
      ['A', '2024-06-01', 10, 'I1'],
      ['A', '2024-06-11', -5, 'C1'],
    ]);
    expect(summary(grid)[0]?.[2]).toBe(10);
  });

  it('order_ids given as a row, with customers as a row', () => {
    const grid = run('RFM_TABLE', [
      row(['A', 'A']),
      row(['2024-06-01', '2024-06-02']),
      row([5, 6]),
      null,
      null,
      null,
      row(['I1', 'I1']),
    ]);
    expect(summary(grid)).toEqual([['A', `date:${serial('2024-06-02')}`, 0, 1, 11, 511]]);
  });
  // Performance-sized: rfm.scale.test.ts.
});

describe('RFM_TABLE over data/rfm-orders.csv (the R rfm package’s sample orders)', () => {
  const text = readFileSync(new URL('../data/rfm-orders.csv', import.meta.url), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const lines = parsed.data.map((r) => ({ customer: r.customer_id!, date: r.order_date!, revenue: Number(r.revenue) }));
  const grid = run('RFM_TABLE', [
    col(lines.map((l) => l.customer)),
    col(lines.map((l) => l.date)),
    col(lines.map((l) => l.revenue)),
    '2006-12-31',
  ]);

  it('gives 995 customers plus the header, 4906 orders in all', () => {
    expect(lines).toHaveLength(4906);
    expect(grid).toHaveLength(996);
    expect(grid[0]).toEqual(HEADER);
    expect(grid.slice(1).reduce((sum, r) => sum + (r[3] as number), 0)).toBe(4906);
  });

  it('matches an independent computation for every customer', () => {
    // Independent: plain objects, ISO strings compared as text, days from Date.UTC, quantiles by the textbook formula.
    const byCustomer = new Map<string, { last: string; orders: number; revenue: number }>();
    for (const l of lines) {
      const c = byCustomer.get(l.customer) ?? { last: l.date, orders: 0, revenue: 0 };
      if (l.date > c.last) c.last = l.date;
      c.orders += 1;
      c.revenue += l.revenue;
      byCustomer.set(l.customer, c);
    }
    const dayMs = 86_400_000;
    const daysOf = (iso: string): number => (Date.UTC(2006, 11, 31) - Date.parse(`${iso}T00:00:00Z`)) / dayMs;
    const quantile = (xs: number[], p: number): number => {
      const s = [...xs].sort((a, b) => a - b);
      const h = (s.length - 1) * p;
      const lo = Math.floor(h);
      return lo + 1 < s.length ? s[lo]! + (h - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
    };
    const all = [...byCustomer.values()];
    const cutsOf = (xs: number[]): number[] => [0.2, 0.4, 0.6, 0.8].map((p) => quantile(xs, p));
    const rCuts = cutsOf(all.map((c) => daysOf(c.last)));
    const fCuts = cutsOf(all.map((c) => c.orders));
    const mCuts = cutsOf(all.map((c) => c.revenue));
    const above = (cuts: number[], v: number): number => cuts.filter((c) => c < v).length;

    const names = [...byCustomer.keys()];
    expect(grid.slice(1).map((r) => r[0])).toEqual(names);
    for (const r of grid.slice(1)) {
      const c = byCustomer.get(r[0] as string)!;
      const days = daysOf(c.last);
      const want = [5 - above(rCuts, days), 1 + above(fCuts, c.orders), 1 + above(mCuts, c.revenue)];
      expect(flat([r]).slice(1, 8)).toEqual([`date:${serial(c.last)}`, days, c.orders, c.revenue, ...want]);
    }
  });

  it('checks a few customers by hand-readable values', () => {
    const find = (name: string): (string | number | boolean)[] => flat([grid.find((r) => r[0] === name) as OutCell[]]);
    for (const name of ['Brion Stark', 'Ethyl Botsford', 'Hosteen Jacobi']) {
      const mine = lines.filter((l) => l.customer === name);
      const last = mine
        .map((l) => l.date)
        .sort()
        .at(-1)!;
      const r = find(name);
      expect(r[1]).toBe(`date:${serial(last)}`);
      expect(serialToIso(serial(last))).toBe(last);
      expect(r[2]).toBe(serial('2006-12-31') - serial(last));
      expect(r[3]).toBe(mine.length);
      expect(r[4]).toBe(mine.reduce((s, l) => s + l.revenue, 0));
      expect(r[8]).toBe(100 * (r[5] as number) + 10 * (r[6] as number) + (r[7] as number));
    }
  });

  it('segments every customer with the default rules', () => {
    const named = new Set([
      'Champions',
      'Potential Loyalist',
      'Loyal Customers',
      'Promising',
      'New Customers',
      "Can't Lose Them",
      'At Risk',
      'Need Attention',
      'About To Sleep',
      'Lost',
      'Others',
    ]);
    for (const r of grid.slice(1)) expect(named.has(r[9] as string)).toBe(true);
    for (const r of grid.slice(1)) expect(r[9]).toBe(flat(run('RFM_SEGMENT', [r[8]]))[0]);
  });
});

describe('RFM_TABLE: relationships', () => {
  const base = serial('2024-01-01');
  const AS_OF = base + 400;
  const line = fc.record({
    customer: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', ' A', 'b', 7, '7'),
    day: fc.integer({ min: 0, max: 400 }),
    // Negative lines are returns; a cancellation ("C1") may hold several.
    cents: fc.integer({ min: -5000, max: 500_000 }),
    order: fc.constantFrom('o1', 'o2', 'o3', 'C1', 4, '4', ' o1 ', 'O1'),
  });
  type Line = { customer: string | number; day: number; cents: number; order: string | number };
  const argsOf = (xs: readonly (Line | undefined)[], withIds: boolean, asOf: number | null = null): unknown[] => [
    col(xs.map((y) => (y ? y.customer : ''))),
    col(xs.map((y) => (y ? base + y.day : ''))),
    col(xs.map((y) => (y ? y.cents / 100 : ''))),
    asOf,
    null,
    null,
    withIds ? col(xs.map((y) => (y ? y.order : ''))) : null,
  ];
  /** Body rows by customer. */
  const byCustomer = (grid: OutGrid): Map<unknown, OutCell[]> => new Map(grid.slice(1).map((r) => [r[0], r]));

  it('reordering lines gives the same rows (as a set), with or without order ids', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(line, fc.constant(undefined)), { minLength: 1, maxLength: 60 }),
        fc.infiniteStream(fc.nat()),
        fc.boolean(),
        fc.boolean(),
        (xs, stream, asOf, withIds) => {
          const keys = [...stream.take(xs.length)];
          const order = xs.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
          const sortRows = (g: OutGrid): string[] =>
            g
              .slice(1)
              .map((r) => JSON.stringify(flat([r])))
              .sort();
          const before = run('RFM_TABLE', argsOf(xs, withIds, asOf ? AS_OF : null));
          const after = run(
            'RFM_TABLE',
            argsOf(
              order.map((i) => xs[i]),
              withIds,
              asOf ? AS_OF : null,
            ),
          );
          expect(after[0]).toEqual(before[0]);
          expect(sortRows(after)).toEqual(sortRows(before));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('scores customers with a purchase as RFM_SCORE scores the same totals; the others get no score', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.boolean(), (xs, withIds) => {
        const body = run('RFM_TABLE', argsOf(xs, withIds)).slice(1);
        const buyers = body.filter((r) => (r[3] as number) > 0);
        const scores = flat(
          run('RFM_SCORE', [
            col(buyers.map((r) => (r[1] as { serial: number }).serial)),
            col(buyers.map((r) => r[3])),
            col(buyers.map((r) => r[4])),
          ]),
        );
        expect(buyers.map((r) => r[8])).toEqual(scores);
        for (const r of body) if (r[3] === 0) expect(r.slice(5)).toEqual(['', '', '', '', '']);
      }),
      { numRuns: 1000 },
    );
  });

  it('order ids never add orders and never change revenue', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (xs) => {
        const lines = byCustomer(run('RFM_TABLE', argsOf(xs, false)));
        const orders = byCustomer(run('RFM_TABLE', argsOf(xs, true)));
        expect([...orders.keys()]).toEqual([...lines.keys()]);
        for (const [customer, r] of orders) {
          const l = lines.get(customer) as OutCell[];
          expect(r[3] as number).toBeLessThanOrEqual(l[3] as number);
          expect(r[4]).toBe(l[4]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a purchase (a new order above 0) adds one order and its value, and never lowers F or M', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('A', 'B', 'C'),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 500_000 }),
        fc.boolean(),
        (xs, who, day, cents, withIds) => {
          const before = byCustomer(run('RFM_TABLE', argsOf(xs, withIds, AS_OF)));
          const added = [...xs, { customer: who, day, cents, order: 'NEW' }];

          const after = byCustomer(run('RFM_TABLE', argsOf(added, withIds, AS_OF)));
          const b = before.get(who);
          const a = after.get(who) as OutCell[];
          expect(a[3]).toBe(((b?.[3] as number | undefined) ?? 0) + 1);
          expect(a[4] as number).toBeCloseTo(((b?.[4] as number | undefined) ?? 0) + cents / 100, 6);
          // Against the same others, more orders, more revenue and no older last purchase never score lower.
          if (b && (b[3] as number) > 0) {
            expect(a[2] as number).toBeLessThanOrEqual(b[2] as number);
            for (const j of [5, 6, 7]) expect(a[j] as number).toBeGreaterThanOrEqual(b[j] as number);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a return (a new order of 0 or below) nets its value off and changes no order count or purchase date', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('A', 'B', 'Z'),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -500_000, max: 0 }),
        fc.boolean(),
        (xs, who, day, cents, withIds) => {
          const before = byCustomer(run('RFM_TABLE', argsOf(xs, withIds, AS_OF)));
          const added = [...xs, { customer: who, day, cents, order: 'RETURN' }];
          const after = byCustomer(run('RFM_TABLE', argsOf(added, withIds, AS_OF)));
          for (const [customer, a] of after) {
            const b = before.get(customer);
            expect([a[1], a[2], a[3]]).toEqual(b ? [b[1], b[2], b[3]] : ['', '', 0]);
            const net = ((b?.[4] as number | undefined) ?? 0) + (customer === who ? cents / 100 : 0);
            expect(a[4] as number).toBeCloseTo(net, 6);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('multiplying every revenue by a positive constant scales Revenue and changes no order count or score', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 60 }),
        fc.constantFrom(2, 3, 7, 1000, 0.5),
        fc.boolean(),
        (xs, k, withIds) => {
          const before = run('RFM_TABLE', argsOf(xs, withIds));
          const scaled = run(
            'RFM_TABLE',
            argsOf(
              xs.map((x) => ({ ...x, cents: x.cents * k })),
              withIds,
            ),
          );
          expect(scaled.length).toBe(before.length);
          scaled.slice(1).forEach((r, i) => {
            const b = before[i + 1] as OutCell[];
            expect([r[0], r[1], r[2], r[3], r[5], r[6], r[7], r[8], r[9]]).toEqual([
              b[0],
              b[1],
              b[2],
              b[3],
              b[5],
              b[6],
              b[7],
              b[8],
              b[9],
            ]);
            expect(r[4] as number).toBeCloseTo((b[4] as number) * k, 6);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the RFM method', () => {
  it('scores against cut points with rfmScore', () => {
    const cuts = quantileCutPoints(Float64Array.of(1, 2, 3, 4, 5), 5);
    expect(Array.from(cuts).map((c) => Math.round(c * 10) / 10)).toEqual([1.8, 2.6, 3.4, 4.2]);
    expect(rfmScore(10, 5, 300, { mode: 'quantile', bins: 5, r: cuts, f: cuts, m: cuts })).toBe(155);
  });
});
