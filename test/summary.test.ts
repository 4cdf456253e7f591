import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupSums, mainTraits, summarise } from '../core/methods/summary.js';
import { col, expectTable, failure, row, run, shownTable } from './helpers.js';

const SUMMARY_HEADER = ['Segment', 'Customers', 'Customer share', 'Value', 'Value share', 'Average value'];
const TRAIT_HEADER = ['Segment', 'Main trait', 'Share'];

const table = shownTable;

describe('SEGMENT_SUMMARY: the spec', () => {
  it('summarises the catalog example, sorted by value, then the Total row', () => {
    expectTable(table('SEGMENT_SUMMARY', [col(['A', 'B', 'A', 'C']), col([500, 200, 300, 100])]), [
      SUMMARY_HEADER,
      ['A', 2, 0.5, 800, 800 / 1100, 400],
      ['B', 1, 0.25, 200, 200 / 1100, 200],
      ['C', 1, 0.25, 100, 100 / 1100, 100],
      ['Total', 4, 1, 1100, 1, 275],
    ]);
  });

  it('speaks Vietnamese in the header and the Total row; segment names stay as given', () => {
    expectTable(table('SEGMENT_SUMMARY', [col(['Vàng', 'Bạc']), col([3, 1]), 'vi']), [
      ['Phân khúc', 'Số khách hàng', 'Tỷ lệ khách hàng', 'Giá trị', 'Tỷ lệ giá trị', 'Giá trị trung bình'],
      ['Vàng', 1, 0.5, 3, 0.75, 3],
      ['Bạc', 1, 0.5, 1, 0.25, 1],
      ['Tổng', 2, 1, 4, 1, 2],
    ]);
  });

  it('orders segments of equal value by name (code-unit order), whatever the line order', () => {
    const expected = [SUMMARY_HEADER, ['B', 1, 0.5, 5, 0.5, 5], ['a', 1, 0.5, 5, 0.5, 5], ['Total', 2, 1, 10, 1, 5]];
    expectTable(table('SEGMENT_SUMMARY', [col(['a', 'B']), col([5, 5])]), expected);
    expectTable(table('SEGMENT_SUMMARY', [col(['B', 'a']), col([5, 5])]), expected);
  });

  it('counts a customer with a blank value and adds nothing to the value', () => {
    expectTable(table('SEGMENT_SUMMARY', [col(['A', 'A', 'B']), col([30, '', 10])]), [
      SUMMARY_HEADER,
      ['A', 2, 2 / 3, 30, 0.75, 15],
      ['B', 1, 1 / 3, 10, 0.25, 10],
      ['Total', 3, 1, 40, 1, 40 / 3],
    ]);
  });

  it('leaves value shares blank when the total value is 0', () => {
    expectTable(table('SEGMENT_SUMMARY', [col(['A', 'B']), col([5, -5])]), [
      SUMMARY_HEADER,
      ['A', 1, 0.5, 5, '', 5],
      ['B', 1, 0.5, -5, '', -5],
      ['Total', 2, 1, 0, '', 0],
    ]);
  });

  it('gives just the header and an empty Total without lines', () => {
    expectTable(table('SEGMENT_SUMMARY', [col(['', '']), col(['', ''])]), [
      SUMMARY_HEADER,
      ['Total', 0, '', 0, '', ''],
    ]);
  });

  it('reports lines left out in one final row, after the Total, in the call’s language', () => {
    expectTable(table('SEGMENT_SUMMARY', [col(['A', '', '#N/A', 'B']), col([10, 5, 1, 'abc'])]), [
      SUMMARY_HEADER,
      ['A', 1, 1, 10, 1, 10],
      ['Total', 1, 1, 10, 1, 10],
      [
        '#VALUE! 3 line(s) left out: segments, row 2 of the range: the row has a blank in segments; segments, row 3 of the range: the cell holds the error #N/A; values, row 4 of the range: "abc" is not a number: type a number such as 1234.5 or 1.234.567 ₫',
        '',
        '',
        '',
        '',
        '',
      ],
    ]);
    const vi = run('SEGMENT_SUMMARY', [col(['A', 'B']), col([10, 'abc']), 'vi']);
    expect(vi.at(-1)![0]).toMatchObject({
      code: 'linesLeftOut',
      params: {
        count: 1,
        details: 'values, dòng 2 của vùng: "abc" không phải là số: hãy nhập số như 1234.5 hoặc 1.234.567 ₫',
      },
    });
  });

  it('takes rows as well as columns', () => {
    expectTable(table('SEGMENT_SUMMARY', [row(['A', 'B']), row([1, 3])]), [
      SUMMARY_HEADER,
      ['B', 1, 0.5, 3, 0.75, 3],
      ['A', 1, 0.5, 1, 0.25, 1],
      ['Total', 2, 1, 4, 1, 2],
    ]);
  });

  it('groups with compensated sums', () => {
    const groups = groupSums(['x', 'x', 'x', 'y'], [1e16, 1, -1e16, 2]);
    expect(groups.names).toEqual(['x', 'y']);
    expect([...groups.counts]).toEqual([3, 1]);
    expect([...groups.sums]).toEqual([1, 2]); // a naive sum gives 0 for x
    expect(summarise(['A', 'B', 'A'], Float64Array.of(10, 5, 30))).toEqual({
      rows: [
        { segment: 'A', customers: 2, value: 40 },
        { segment: 'B', customers: 1, value: 5 },
      ],
      total: { customers: 3, value: 45 },
    });
  });
});

describe('SEGMENT_SUMMARY: bad input, one expected table per row', () => {
  const total = (customers: number, value: number): unknown[] => ['Total', customers, 1, value, 1, value / customers];
  it.each<[string, unknown[], unknown[][] | RegExp]>([
    [
      'blank as 0 (some Excel builds): the segment "0" with value 0',
      [col(['A', 0]), col([10, 0])],
      [SUMMARY_HEADER, ['A', 1, 0.5, 10, 1, 10], ['0', 1, 0.5, 0, 0, 0], total(2, 10)],
    ],
    [
      'blank line as null: skipped',
      [col(['A', null]), col([10, null])],
      [SUMMARY_HEADER, ['A', 1, 1, 10, 1, 10], total(1, 10)],
    ],
    [
      'blank line as "": skipped',
      [col(['A', '']), col([10, ''])],
      [SUMMARY_HEADER, ['A', 1, 1, 10, 1, 10], total(1, 10)],
    ],
    [
      'numbers typed as text',
      [col(['A', 'A', 'B']), col(['1,234.50', ' 12 ', '1.234.567 ₫'])],
      [
        SUMMARY_HEADER,
        ['B', 1, 1 / 3, 1234567, 1234567 / 1235813.5, 1234567],
        ['A', 2, 2 / 3, 1246.5, 1246.5 / 1235813.5, 623.25],
        total(3, 1235813.5),
      ],
    ],
    [
      'ambiguous text: left out and reported',
      [col(['A', 'B']), col([10, '1.234'])],
      [
        SUMMARY_HEADER,
        ['A', 1, 1, 10, 1, 10],
        total(1, 10),
        [/^#VALUE! 1 line\(s\) left out: values, row 2 of the range: "1.234"/, '', '', '', '', ''],
      ],
    ],
    [
      'booleans as values: left out; as segments: the text TRUE',
      [col(['A', true]), col([false, 5])],
      [
        SUMMARY_HEADER,
        ['TRUE', 1, 1, 5, 1, 5],
        total(1, 5),
        [/values, row 1 of the range: FALSE is a logical value/, '', '', '', '', ''],
      ],
    ],
    [
      'error values: left out and reported',
      [col(['A', { code: '#N/A' }, 'C']), col(['#N/A', 5, 7])],
      [
        SUMMARY_HEADER,
        ['C', 1, 1, 7, 1, 7],
        total(1, 7),
        [
          /2 line\(s\) left out: values, row 1 of the range: .*#N\/A; segments, row 2 of the range: .*#N\/A/,
          '',
          '',
          '',
          '',
          '',
        ],
      ],
    ],
    [
      'NaN: left out and reported',
      [col(['A', 'B']), col([NaN, 5])],
      [SUMMARY_HEADER, ['B', 1, 1, 5, 1, 5], total(1, 5), [/NaN is not a finite number/, '', '', '', '', '']],
    ],
    [
      'negatives count as they are',
      [col(['A', 'B']), col([-10, 30])],
      [SUMMARY_HEADER, ['B', 1, 0.5, 30, 1.5, 30], ['A', 1, 0.5, -10, -0.5, -10], total(2, 20)],
    ],
    [
      'all zeros: value shares blank',
      [col(['A', 'B']), col([0, 0])],
      [SUMMARY_HEADER, ['A', 1, 0.5, 0, '', 0], ['B', 1, 0.5, 0, '', 0], ['Total', 2, 1, 0, '', 0]],
    ],
    ['one row', [col(['A']), col([7])], [SUMMARY_HEADER, ['A', 1, 1, 7, 1, 7], total(1, 7)]],
    [
      'a 2-D range is a whole-call problem',
      [
        [
          ['A', 'B'],
          ['C', 'D'],
        ],
        col([1, 2]),
      ],
      /segments must be one column or one row; it has 2 rows and 2 columns/,
    ],
    ['ranges of different lengths', [col(['A', 'B']), col([1, 2, 3])], /values has 3 cells but segments has 2/],
    ['an unknown language', [col(['A']), col([1]), 'de'], /lang must be "en" or "vi"/],
  ])('%s', (_name, args, expected) => {
    if (expected instanceof RegExp) {
      expect(failure('SEGMENT_SUMMARY', args)).toMatch(expected);
      return;
    }
    expectTable(table('SEGMENT_SUMMARY', args), expected);
  });
  // Performance-sized: summary.scale.test.ts.
});

describe('MAIN_TRAIT: the spec', () => {
  it('gives the catalog example: a trait shared by more than half, else blank', () => {
    expectTable(
      table('MAIN_TRAIT', [col(['A', 'A', 'A', 'B', 'B']), col(['North', 'North', 'South', 'North', 'South'])]),
      [TRAIT_HEADER, ['A', 'North', 2 / 3], ['B', '', '']],
    );
  });

  it('needs more than min_share: exactly half is not a main trait', () => {
    expectTable(table('MAIN_TRAIT', [col(['A', 'A', 'A', 'A']), col(['x', 'x', 'y', 'z'])]), [
      TRAIT_HEADER,
      ['A', '', ''],
    ]);
    expectTable(table('MAIN_TRAIT', [col(['A', 'A', 'A', 'A']), col(['x', 'x', 'y', 'z']), 0.4]), [
      TRAIT_HEADER,
      ['A', 'x', 0.5],
    ]);
  });

  it('compares with min_share with the shared tolerance', () => {
    // y holds 2/3: not more than 2/3, nor than a min_share a hair (within 1e-9) below it
    expect(mainTraits(['A', 'A', 'A'], ['x', 'y', 'y'], 2 / 3)[0]!.trait).toBeUndefined();
    expect(mainTraits(['A', 'A', 'A'], ['x', 'y', 'y'], 2 / 3 - 1e-12)[0]!.trait).toBeUndefined();
    expect(mainTraits(['A', 'A', 'A'], ['x', 'y', 'y'], 2 / 3 - 1e-6)[0]!.trait).toBe('y');
  });

  it('gives a blank trait when two traits tie for most common', () => {
    expectTable(table('MAIN_TRAIT', [col(['A', 'A', 'A', 'A']), col(['x', 'x', 'y', 'y']), 0]), [
      TRAIT_HEADER,
      ['A', '', ''],
    ]);
  });

  it('does not count blank traits, neither as a trait nor in the share', () => {
    expectTable(table('MAIN_TRAIT', [col(['A', 'A', 'A', 'B']), col(['x', '', null, ''])]), [
      TRAIT_HEADER,
      ['A', 'x', 1],
      ['B', '', ''],
    ]);
  });

  it('orders segments by members, then by name; trims and keeps case', () => {
    expectTable(table('MAIN_TRAIT', [col(['b', 'a', ' b ', 'C', 'a']), col(['x', 'y', 'x', 'z', 'Y'])]), [
      TRAIT_HEADER,
      ['a', '', ''],
      ['b', 'x', 1],
      ['C', 'z', 1],
    ]);
  });

  it('reports lines left out in one final row', () => {
    expectTable(table('MAIN_TRAIT', [col(['A', '', 'A']), col(['x', 'y', '#REF!'])]), [
      TRAIT_HEADER,
      ['A', 'x', 1],
      [
        /^#VALUE! 2 line\(s\) left out: segments, row 2 of the range: the row has a blank in segments; traits, row 3 of the range: the cell holds the error #REF!$/,
        '',
        '',
      ],
    ]);
  });

  it('rejects a min_share outside 0..1', () => {
    expect(failure('MAIN_TRAIT', [col(['A']), col(['x']), 1.2])).toMatch(
      /min_share must be between 0 and 1; it is 1.2/,
    );
  });
});

describe('MAIN_TRAIT: bad input, one expected table per row', () => {
  it.each<[string, unknown[], unknown[][] | RegExp]>([
    [
      'blank trait as 0 (some Excel builds): the trait "0"',
      [col(['A', 'A']), col(['x', 0])],
      [TRAIT_HEADER, ['A', '', '']],
    ],
    ['blank trait as null: not counted', [col(['A', 'A']), col(['x', null])], [TRAIT_HEADER, ['A', 'x', 1]]],
    ['blank trait as "": not counted', [col(['A', 'A']), col(['x', ''])], [TRAIT_HEADER, ['A', 'x', 1]]],
    [
      'numbers typed as text are traits as written (identity is text)',
      [col(['A', 'A', 'A']), col(['1,234.50', ' 1,234.50 ', 1234.5])],
      [TRAIT_HEADER, ['A', '1,234.50', 2 / 3]],
    ],
    [
      'ambiguous "1.234" is a trait as written',
      [col(['A', 'A']), col(['1.234', '1.234'])],
      [TRAIT_HEADER, ['A', '1.234', 1]],
    ],
    [
      'booleans are the traits TRUE and FALSE',
      [col(['A', 'A', 'A']), col([true, true, false])],
      [TRAIT_HEADER, ['A', 'TRUE', 2 / 3]],
    ],
    [
      'error values: left out and reported',
      [col(['A', 'A', { code: '#N/A' }]), col(['x', '#N/A', 'y'])],
      [
        TRAIT_HEADER,
        ['A', 'x', 1],
        [/2 line\(s\) left out: traits, row 2 of the range: .*#N\/A; segments, row 3 of the range: .*#N\/A/, '', ''],
      ],
    ],
    [
      'NaN: left out and reported',
      [col(['A', 'A']), col(['x', NaN])],
      [TRAIT_HEADER, ['A', 'x', 1], [/NaN is not a finite number/, '', '']],
    ],
    ['negative numbers are traits as written', [col(['A', 'A']), col([-1, -1])], [TRAIT_HEADER, ['A', '-1', 1]]],
    ['all zeros: the trait "0"', [col(['A', 'A']), col([0, 0])], [TRAIT_HEADER, ['A', '0', 1]]],
    ['one row', [col(['A']), col(['x'])], [TRAIT_HEADER, ['A', 'x', 1]]],
    [
      'a 2-D range is a whole-call problem',
      [
        col(['A', 'B']),
        [
          ['x', 'y'],
          ['z', 'w'],
        ],
      ],
      /traits must be one column or one row; it has 2 rows and 2 columns/,
    ],
    ['ranges of different lengths', [col(['A', 'B']), col(['x'])], /traits has 1 cells but segments has 2/],
  ])('%s', (_name, args, expected) => {
    if (expected instanceof RegExp) {
      expect(failure('MAIN_TRAIT', args)).toMatch(expected);
      return;
    }
    expectTable(table('MAIN_TRAIT', args), expected);
  });
  // Performance-sized: summary.scale.test.ts.
});

describe('SEGMENT_SUMMARY and MAIN_TRAIT: relationships', () => {
  const lines = fc.array(
    fc.tuple(
      fc.constantFrom('Gold', 'Silver', 'Bronze', 'gold', ' Gold', 7, '7', ''),
      fc.oneof(fc.integer({ min: -20, max: 500 }), fc.constant('')),
      fc.constantFrom('north', 'south', 'east', '', 'North'),
    ),
    { minLength: 1, maxLength: 60 },
  );
  const shuffle = <T>(xs: readonly T[], keys: readonly number[]): T[] =>
    xs
      .map((_, i) => i)
      .sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b)
      .map((i) => xs[i] as T);
  const withoutProblemRow = (grid: unknown[][]): unknown[][] =>
    grid.filter((r) => !(typeof r[0] === 'object' && r[0] !== null && 'kind' in r[0]));

  it('SEGMENT_SUMMARY: reordering lines changes nothing (ordered by value, then name)', () => {
    fc.assert(
      fc.property(lines, fc.infiniteStream(fc.nat()), (xs, stream) => {
        const summary = (ls: (readonly [unknown, unknown, unknown])[]): unknown[][] =>
          withoutProblemRow(run('SEGMENT_SUMMARY', [col(ls.map((l) => l[0])), col(ls.map((l) => l[1]))]));
        expect(summary(shuffle(xs, [...stream.take(xs.length)]))).toEqual(summary(xs));
      }),
      { numRuns: 1000 },
    );
  });

  it('SEGMENT_SUMMARY: customer shares and value shares each sum to 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C', 'D', 'E'), fc.double({ min: 0.01, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 80,
        }),
        (xs) => {
          const grid = run('SEGMENT_SUMMARY', [col(xs.map((l) => l[0])), col(xs.map((l) => l[1]))]);
          const body = grid.slice(1, -1);
          const sum = (j: number): number => body.reduce((s, r) => s + (r[j] as number), 0);
          expect(Math.abs(sum(2) - 1)).toBeLessThan(1e-9);
          expect(Math.abs(sum(4) - 1)).toBeLessThan(1e-9);
          expect(sum(1)).toBe(xs.length);
          const values = body.map((r) => r[3] as number);
          expect(values).toEqual([...values].sort((a, b) => b - a));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('MAIN_TRAIT: reordering lines changes nothing (ordered by members, then name)', () => {
    fc.assert(
      fc.property(lines, fc.infiniteStream(fc.nat()), fc.constantFrom(0, 0.3, 0.5), (xs, stream, minShare) => {
        const traits = (ls: (readonly [unknown, unknown, unknown])[]): unknown[][] =>
          withoutProblemRow(run('MAIN_TRAIT', [col(ls.map((l) => l[0])), col(ls.map((l) => l[2])), minShare]));
        expect(traits(shuffle(xs, [...stream.take(xs.length)]))).toEqual(traits(xs));
      }),
      { numRuns: 1000 },
    );
  });
});
