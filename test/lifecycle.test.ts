import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToSerial } from '../core/index.js';
import { DEFAULT_SETTINGS, lifecycleShape, stageOf } from '../core/methods/lifecycle.js';
import { col, failure, flat, row, run } from './helpers.js';

const serial = (iso: string): number => isoToSerial(iso) as number;
const AS_OF = '2024-06-30';
/** The date `days` before as_of 2024-06-30, as ISO text. */
const ago = (days: number): string => new Date(Date.UTC(2024, 5, 30) - days * 86_400_000).toISOString().slice(0, 10);

function expectAnswers(got: readonly unknown[], expected: readonly unknown[]): void {
  expect(got).toHaveLength(expected.length);
  got.forEach((cell, i) => {
    const want = expected[i];
    if (want instanceof RegExp) expect(String(cell), `answer ${i + 1}`).toMatch(want);
    else expect(cell, `answer ${i + 1}`).toBe(want);
  });
}

/** One row's stage: days since first and last purchase, orders, referrals (blank when undefined). */
function stage(
  first: number | '',
  last: number | '',
  orders: unknown,
  referrals?: unknown,
  settings?: unknown,
): unknown {
  return flat(
    run('LIFECYCLE_STAGE', [
      col([first === '' ? '' : ago(first)]),
      col([last === '' ? '' : ago(last)]),
      col([orders]),
      AS_OF,
      referrals === undefined ? null : col([referrals]),
      settings ?? null,
    ]),
  )[0];
}

describe('LIFECYCLE_STAGE: the spec', () => {
  it('follows the catalog example', () => {
    const got = flat(
      run('LIFECYCLE_STAGE', [
        col(['2023-01-10', '2024-05-01', '', '2022-03-01']),
        col(['2024-06-20', '2024-06-01', '', '2023-05-01']),
        col([7, 1, 0, 3]),
        AS_OF,
        col([2, 0, 0, 0]),
      ]),
    );
    expect(got).toEqual(['Evangelist', 'New', 'Prospect', 'Lost']);
  });

  it('applies the default settings {90,180,365,5} at their edges', () => {
    expect(stage(400, 365, 1)).toBe('Lost'); // days since last ≥ 365
    expect(stage(400, 364, 1)).toBe('At Risk'); // ≥ 180
    expect(stage(400, 180, 1)).toBe('At Risk');
    expect(stage(400, 179, 1)).toBe('Active');
    expect(stage(89, 10, 1)).toBe('New'); // days since first < 90
    expect(stage(90, 10, 1)).toBe('Active');
    expect(stage(100, 10, 5, 1)).toBe('Evangelist'); // orders ≥ 5 and referrals ≥ 1
    expect(stage(100, 10, 5, 0)).toBe('Loyal');
    expect(stage(100, 10, 5)).toBe('Loyal');
    expect(stage(100, 10, 4, 3)).toBe('Active');
  });

  it('checks in order, first match wins', () => {
    expect(stage(1000, 400, 50, 9)).toBe('Lost'); // Lost before Evangelist
    expect(stage(1000, 200, 50, 9)).toBe('At Risk'); // At Risk before Evangelist
    expect(stage(30, 5, 50, 9)).toBe('New'); // New before Evangelist
    expect(stage('', '', '')).toBe('');
    expect(stage('', '', 0)).toBe('Prospect');
    expect(stage('', '', '', 3)).toBe('Prospect');
  });

  it('takes custom settings and Vietnamese labels', () => {
    const settings = [[30, 60, 90, 2]];
    expect(stage(100, 90, 1, undefined, settings)).toBe('Lost');
    expect(stage(100, 60, 1, undefined, settings)).toBe('At Risk');
    expect(stage(29, 1, 1, undefined, settings)).toBe('New');
    expect(stage(100, 1, 2, undefined, settings)).toBe('Loyal');
    const vi = flat(
      run('LIFECYCLE_STAGE', [
        col([ago(1000), ago(1000), ago(300), ago(10), ago(100), ago(100), ago(100), '']),
        col([ago(500), ago(200), ago(5), ago(5), ago(5), ago(5), ago(5), '']),
        col([1, 1, 1, 1, 9, 9, 1, '']),
        AS_OF,
        col(['', '', '', '', 2, '', '', '']),
        null,
        'vi',
      ]),
    );
    expect(vi).toEqual(['Đã mất', 'Nguy cơ', 'Hiện hữu', 'Mới', 'Truyền giáo', 'Trung thành', 'Hiện hữu', '']);
  });

  it('as_of defaults to the latest last purchase of the usable rows, never today', () => {
    const firsts = ['2024-01-01', '2024-04-01', '2024-09-01'];
    const lasts = ['2024-06-20', '2024-04-05', '2024-08-01']; // row 3: first after last → not usable
    const got = flat(run('LIFECYCLE_STAGE', [col(firsts), col(lasts), col([1, 1, 1])]));
    expect(got[2]).toMatch(
      /first_purchase, row 3 of the range: first purchase 2024-09-01 is after last purchase 2024-08-01/,
    );
    const explicit = flat(run('LIFECYCLE_STAGE', [col(firsts), col(lasts), col([1, 1, 1]), '2024-06-20']));
    expect(got.slice(0, 2)).toEqual(explicit.slice(0, 2));
    expect(got.slice(0, 2)).toEqual(['Active', 'New']); // as of 2024-06-20: 171 days since first; 80 since first
  });

  it('accepts Excel serials, Sheets dates and ISO text alike', () => {
    const got = flat(
      run('LIFECYCLE_STAGE', [
        col([serial('2024-01-01'), new Date(2024, 0, 1), '2024-01-01']),
        col([serial('2024-06-01'), new Date(2024, 5, 1), '2024-06-01']),
        col([6, 6, 6]),
        new Date(2024, 5, 30),
      ]),
    );
    expect(got).toEqual(['Loyal', 'Loyal', 'Loyal']);
  });

  it('answers a row in a row', () => {
    expect(run('LIFECYCLE_STAGE', [row([ago(10), ago(500)]), row([ago(5), ago(400)]), row([1, 1]), AS_OF])).toEqual([
      ['New', 'Lost'],
    ]);
  });

  it('the method: shapes and stages', () => {
    expect(lifecycleShape(NaN, NaN, NaN, NaN)).toBe('blank');
    expect(lifecycleShape(NaN, NaN, 0, NaN)).toBe('prospect');
    expect(lifecycleShape(45000, 45300, 6, 1)).toBe('dated');
    expect(stageOf(400, 10, 6, 1, DEFAULT_SETTINGS)).toBe('Evangelist');
    expect(stageOf(400, 10, NaN, 1, DEFAULT_SETTINGS)).toBe('Active');
  });
});

describe('LIFECYCLE_STAGE: bad input, one expected answer per row', () => {
  // Rows 1 and 3 are fixed (as of 2024-06-30): Loyal and Lost. Row 2 varies: [first, last, orders, referrals?].
  const R1 = ['2023-01-10', '2024-06-20', 7, ''];
  const R3 = ['2022-03-01', '2023-05-01', 3, ''];
  const call = (r2: unknown[], asOf: unknown = AS_OF): unknown[] => {
    const rows = [R1, [...r2, ...Array(4 - r2.length).fill('')], R3];
    return flat(
      run('LIFECYCLE_STAGE', [
        col(rows.map((r) => r[0])),
        col(rows.map((r) => r[1])),
        col(rows.map((r) => r[2])),
        asOf,
        col(rows.map((r) => r[3])),
      ]),
    );
  };
  it.each<[string, unknown[], unknown]>([
    ['all blank as null', [null, null, null, null], ''],
    ['all blank as ""', ['', '', '', ''], ''],
    ['all blank as 0 (some Excel builds): orders 0, so Prospect', [0, 0, 0, 0], 'Prospect'],
    ['no dates and orders 0', ['', '', 0], 'Prospect'],
    ['no dates, no orders, referrals given', ['', '', '', 2], 'Prospect'],
    ['orders as text', ['2024-01-01', '2024-06-01', ' 12 '], 'Loyal'],
    [
      'orders "1,234.50": not whole',
      ['2024-01-01', '2024-06-01', '1,234.50'],
      /orders, row 2 of the range: 1234.5 orders is not a whole number ≥ 0/,
    ],
    [
      'orders "1.234.567 ₫" (a count in a currency) is still a count',
      ['2024-01-01', '2024-06-01', '1.234.567 ₫'],
      'Loyal',
    ],
    [
      'ambiguous "1.234"',
      ['2024-01-01', '2024-06-01', '1.234'],
      /orders, row 2 of the range: "1.234" could be 1.234 or 1234/,
    ],
    ['booleans', ['2024-01-01', '2024-06-01', true], /orders, row 2 of the range: TRUE is a logical value/],
    ['"#N/A" text', ['#N/A', '2024-06-01', 1], /first_purchase, row 2 of the range: the cell holds the error #N\/A/],
    [
      '{code:"#N/A"} object',
      ['2024-01-01', '2024-06-01', { code: '#N/A' }],
      /orders, row 2 of the range: the cell holds the error #N\/A/,
    ],
    ['NaN', ['2024-01-01', '2024-06-01', NaN], /orders, row 2 of the range: NaN is not a finite number/],
    [
      'negative orders',
      ['2024-01-01', '2024-06-01', -2],
      /orders, row 2 of the range: -2 orders is not a whole number ≥ 0/,
    ],
    [
      'negative referrals',
      ['2024-01-01', '2024-06-01', 6, -1],
      /referrals, row 2 of the range: -1 is not a whole number ≥ 0/,
    ],
    [
      'orders without dates',
      ['', '', 3],
      /orders, row 2 of the range: 3 orders are given but both purchase dates are blank/,
    ],
    [
      'only the first date',
      ['2024-01-01', '', 3],
      /last_purchase, row 2 of the range: orders or one purchase date are given but last_purchase is blank/,
    ],
    [
      'only the last date, no orders',
      ['', '2024-01-01', ''],
      /first_purchase, row 2 of the range: .* but first_purchase is blank/,
    ],
    [
      'first after last',
      ['2024-06-01', '2024-01-01', 3],
      /first_purchase, row 2 of the range: first purchase 2024-06-01 is after last purchase 2024-01-01/,
    ],
    [
      'a purchase after as_of',
      ['2024-01-01', '2024-07-01', 3],
      /last_purchase, row 2 of the range: the date 2024-07-01 is after as_of \(2024-06-30\)/,
    ],
    [
      'a text that is no date',
      ['31/06/2024', '2024-06-30', 3],
      /first_purchase, row 2 of the range: "31\/06\/2024" is not a date/,
    ],
    ['dates with blank orders never reach loyal_orders', ['2024-01-01', '2024-06-01', ''], 'Active'],
    ['dates with 0 orders', ['2024-01-01', '2024-06-01', 0], 'Active'],
  ])('%s', (_name, r2, want) => {
    expectAnswers(call(r2), ['Loyal', want, 'Lost']);
  });

  it('all zeros', () => {
    expect(flat(run('LIFECYCLE_STAGE', [col([0, 0]), col([0, 0]), col([0, 0]), AS_OF]))).toEqual([
      'Prospect',
      'Prospect',
    ]);
  });

  it('one row', () => {
    expect(flat(run('LIFECYCLE_STAGE', ['2023-01-10', '2024-06-20', 7, AS_OF]))).toEqual(['Loyal']);
  });

  it.each<[string, unknown[], RegExp]>([
    [
      'a 2-D range',
      [
        [
          ['2024-01-01', '2024-01-01'],
          ['2024-01-01', '2024-01-01'],
        ],
        col([1, 2]),
        col([1, 2]),
      ],
      /first_purchase must be one column or one row/,
    ],
    [
      'orders of a different length',
      [col(['2024-01-01', '2024-01-02']), col(['2024-01-01', '2024-01-02']), col([1])],
      /orders has 1 cells but first_purchase has 2/,
    ],
    [
      'referrals of a different length',
      [col(['2024-01-01']), col(['2024-01-01']), col([1]), null, col([1, 2])],
      /referrals has 2 cells but first_purchase has 1/,
    ],
    [
      'settings of 3 numbers',
      [col(['2024-01-01']), col(['2024-01-01']), col([1]), null, null, [[90, 180, 365]]],
      /settings must have 4 values; it has 3/,
    ],
    [
      'negative settings',
      [col(['2024-01-01']), col(['2024-01-01']), col([1]), null, null, [[90, -180, 365, 5]]],
      /settings must be at least 0; it is -180/,
    ],
    [
      'at_risk_days not below lost_days',
      [col(['2024-01-01']), col(['2024-01-01']), col([1]), null, null, [[90, 365, 180, 5]]],
      /settings lost_days \(180\) must be greater than at_risk_days \(365\)/,
    ],
    [
      'settings as text',
      [col(['2024-01-01']), col(['2024-01-01']), col([1]), null, null, [['a', 1, 2, 3]]],
      /settings must be a number; it is "a"/,
    ],
    ['as_of not a date', [col(['2024-01-01']), col(['2024-01-01']), col([1]), 'later'], /as_of must be a date/],
    [
      'an unknown language',
      [col(['2024-01-01']), col(['2024-01-01']), col([1]), null, null, null, 'de'],
      /lang must be "en" or "vi"/,
    ],
  ])('whole-call problem: %s', (_name, args, message) => {
    expect(failure('LIFECYCLE_STAGE', args)).toMatch(message);
  });
  // Performance-sized: lifecycle.scale.test.ts.
});

describe('LIFECYCLE_STAGE: relationships', () => {
  const rowArb = fc.oneof(
    fc.record({
      first: fc.integer({ min: 0, max: 800 }),
      gap: fc.integer({ min: 0, max: 800 }),
      orders: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant('')),
      referrals: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant('')),
    }),
    fc.constantFrom('blank', 'prospect', 'bad'),
  );

  it('reordering rows reorders the answers and nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 50 }),
        fc.infiniteStream(fc.nat()),
        fc.boolean(),
        (xs, stream, withAsOf) => {
          const base = serial('2022-01-01');
          const cells = xs.map((x): unknown[] => {
            if (x === 'blank') return ['', '', '', ''];
            if (x === 'prospect') return ['', '', 0, 1];
            if (x === 'bad') return ['2024-02-30', base, 1, ''];
            return [base + x.first, base + x.first + x.gap, x.orders, x.referrals];
          });
          const toArgs = (rs: unknown[][]): unknown[] => [
            col(rs.map((r) => r[0])),
            col(rs.map((r) => r[1])),
            col(rs.map((r) => r[2])),
            withAsOf ? base + 1600 : null,
            col(rs.map((r) => r[3])),
          ];
          const keys = [...stream.take(xs.length)];
          const order = xs.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
          const before = flat(run('LIFECYCLE_STAGE', toArgs(cells)));
          const after = flat(run('LIFECYCLE_STAGE', toArgs(order.map((i) => cells[i]!))));
          // A problem names its row, which moves with it.
          const norm = (ys: unknown[]): unknown[] =>
            ys.map((y) => (typeof y === 'string' ? y.replace(/row \d+/, 'row ?') : y));
          expect(norm(after)).toEqual(norm(order.map((i) => before[i])));
          after.forEach((a, k) => {
            if (String(a).startsWith('#VALUE!')) expect(a).toContain(`row ${k + 1} of the range:`);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('more days since the last purchase never moves a customer back from Lost or At Risk', () => {
    const rank: Record<string, number> = { Lost: 2, 'At Risk': 1 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 20 }),
        (a, b, orders) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          const stages = flat(
            run('LIFECYCLE_STAGE', [
              col([ago(far + 10), ago(far + 10)]),
              col([ago(near), ago(far)]),
              col([orders, orders]),
              AS_OF,
            ]),
          );
          expect(rank[stages[1] as string] ?? 0).toBeGreaterThanOrEqual(rank[stages[0] as string] ?? 0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
