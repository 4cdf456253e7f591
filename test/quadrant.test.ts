import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from '../core/methods/quantile.js';
import { medianWhere, quadrantOf } from '../core/methods/quadrant.js';
import { col, failure, flat, row, run } from './helpers.js';

function expectCells(got: readonly unknown[], expected: readonly unknown[]): void {
  expect(got).toHaveLength(expected.length);
  got.forEach((cell, i) => {
    const want = expected[i];
    if (want instanceof RegExp) expect(String(cell)).toMatch(want);
    else expect(cell).toBe(want);
  });
}

describe('BCG_QUADRANT and PRIORITY_QUADRANT: the spec', () => {
  it('classifies the catalog examples with the default median cuts', () => {
    // sales median (30 + 80) / 2 = 55, growth median (0.02 + 0.25) / 2 = 0.135
    expect(flat(run('BCG_QUADRANT', [col([100, 80, 30, 20]), col([0.3, 0.02, 0.25, 0.01])]))).toEqual([
      'Star',
      'Cash Cow',
      'Question Mark',
      'Dog',
    ]);
    // attractiveness median 5.5, feasibility median 4.5
    expect(flat(run('PRIORITY_QUADRANT', [col([8, 9, 3, 2]), col([7, 2, 8, 1])]))).toEqual([
      'Focus',
      'Build',
      'Opportunistic',
      'Deprioritise',
    ]);
  });

  it('speaks Vietnamese, with the BCG labels of the source material', () => {
    expect(flat(run('BCG_QUADRANT', [col([100, 80, 30, 20]), col([0.3, 0.02, 0.25, 0.01]), null, null, 'vi']))).toEqual(
      ['Ngôi sao', 'Bò sữa', 'Dấu hỏi', 'Chó gặm xương'],
    );
    expect(flat(run('PRIORITY_QUADRANT', [col([8, 9, 3, 2]), col([7, 2, 8, 1]), null, null, 'vi']))).toEqual([
      'Tập trung',
      'Xây dựng',
      'Tận dụng cơ hội',
      'Giảm ưu tiên',
    ]);
  });

  it('counts a value on the cut as high', () => {
    // sales median 20, growth median 0.2: the middle row sits on both cuts
    expect(flat(run('BCG_QUADRANT', [col([10, 20, 30]), col([0.1, 0.2, 0.3])]))).toEqual(['Dog', 'Star', 'Star']);
    expect(flat(run('BCG_QUADRANT', [col([10, 20]), col([0.1, 0.2]), 20, 0.2]))).toEqual(['Dog', 'Star']);
  });

  it('compares with the cuts with the shared tolerance', () => {
    // 0.1 + 0.2 = 0.30000000000000004: a growth of 0.3 is on that cut, not below it
    expect(flat(run('BCG_QUADRANT', [col([5]), col([0.3]), 1, 0.1 + 0.2]))).toEqual(['Star']);
    expect(flat(run('BCG_QUADRANT', [col([5]), col([0.2999999]), 1, 0.3]))).toEqual(['Cash Cow']);
    expect(quadrantOf(1 - 1e-12, 0, { x: 1, y: 1 })).toBe('highLow');
  });

  it('gives a blank answer to a blank growth (no earlier period) or a blank sales', () => {
    expect(flat(run('BCG_QUADRANT', [col([100, 80, '', 20]), col([0.3, null, 0.25, 0.01])]))).toEqual([
      'Star',
      '',
      '',
      'Dog',
    ]);
  });

  it('takes each default median over every readable cell of its column', () => {
    // Row 2's growth is blank, yet its sales (100) are in the sales median: (30 + 40) / 2 = 35, so 30 is low.
    expect(flat(run('BCG_QUADRANT', [col([10, 100, 30, 40]), col([1, '', 3, 4])]))).toEqual([
      'Dog',
      '',
      'Question Mark',
      'Star',
    ]);
  });

  it('leaves a row with a problem in either column out of both medians', () => {
    // Row 2's growth cannot be read: its sales leave the median too, which is now 30, so 30 is high.
    expectCells(flat(run('BCG_QUADRANT', [col([10, 100, 30, 40]), col([1, 'abc', 3, 4])])), [
      'Dog',
      /^#VALUE! growth, row 2 of the range: "abc" is not a number: type a number such as 1234.5 or 1.234.567 ₫$/,
      'Star',
      'Star',
    ]);
    expectCells(flat(run('PRIORITY_QUADRANT', [col(['x', 5]), col([1, 2])])), [/attractiveness, row 1/, 'Focus']);
  });

  it('spill use equals row-by-row use with MEDIAN(...) cuts', () => {
    const sales = [120, 40, 75, 300, 10, 55, 75];
    const growth = [0.05, 0.4, -0.1, 0.12, 0.3, 0.12, 0.2];
    const spill = flat(run('BCG_QUADRANT', [col(sales), col(growth)]));
    const [salesCut, growthCut] = [median(sales), median(growth)];
    const rowByRow = sales.map((s, i) => flat(run('BCG_QUADRANT', [s, growth[i], salesCut, growthCut]))[0]);
    expect(rowByRow).toEqual(spill);
  });

  it('reads cuts typed as text, e.g. "10%"', () => {
    expect(flat(run('BCG_QUADRANT', [col([100, 100]), col([0.1, 0.09]), 50, '10%']))).toEqual(['Star', 'Cash Cow']);
  });

  it('answers a row in a row', () => {
    expect(run('PRIORITY_QUADRANT', [row([8, 9, 3, 2]), row([7, 2, 8, 1])])).toEqual([
      ['Focus', 'Build', 'Opportunistic', 'Deprioritise'],
    ]);
  });

  it('computes a median over the usable values only', () => {
    expect(medianWhere(Float64Array.of(1, 100, 3), Uint8Array.of(1, 0, 1))).toBe(2);
    expect(medianWhere(Float64Array.of(1, 2, 3), Uint8Array.of(1, 1, 1))).toBe(2);
    expect(medianWhere(Float64Array.of(1), Uint8Array.of(0))).toBeNaN();
  });
});

describe('BCG_QUADRANT: bad input, one expected answer per row', () => {
  it.each<[string, unknown[], unknown[] | RegExp]>([
    // sales median 20; growth median of {0.2, 0, 0.1} is 0.1, of {0.2, 0.1} 0.15
    [
      'blank as 0 (some Excel builds): 0% growth',
      [col([30, 20, 10]), col([0.2, 0, 0.1])],
      ['Star', 'Cash Cow', 'Question Mark'],
    ],
    ['blank as null (Excel on the web)', [col([30, 20, 10]), col([0.2, null, 0.1])], ['Star', '', 'Dog']],
    ['blank as "" (Sheets)', [col([30, 20, 10]), col([0.2, '', 0.1])], ['Star', '', 'Dog']],
    [
      'numbers typed as text',
      [col(['1,234.50', '1.234.567 ₫', ' 12 ']), col(['10%', ' 5% ', '0.2'])], // medians 1234.5 and 0.1
      ['Star', 'Cash Cow', 'Question Mark'],
    ],
    [
      'ambiguous text is a per-row problem',
      [col([30, '1.234', 10]), col([0.2, 0.1, 0.1])],
      ['Star', /^#VALUE! sales, row 2 of the range: "1.234" could be 1.234 or 1234/, 'Dog'],
    ],
    [
      'booleans are a per-row problem',
      [col([30, 20]), col([true, 0.1])],
      [/growth, row 1 of the range: TRUE is a logical value/, 'Star'],
    ],
    [
      'error values are a per-row problem',
      [col(['#N/A', { code: '#N/A' }, 5]), col([0.1, 0.1, 0.1])],
      [
        /sales, row 1 of the range: the cell holds the error #N\/A/,
        /sales, row 2 of the range: the cell holds the error #N\/A/,
        'Star',
      ],
    ],
    ['NaN is a per-row problem', [col([NaN, 5]), col([0.1, 0.1])], [/NaN is not a finite number/, 'Star']],
    [
      'negatives are numbers (a falling growth is low)',
      [col([-5, 10, 20]), col([-0.5, -0.1, 0.2])],
      ['Dog', 'Star', 'Star'],
    ],
    ['all zeros are on the cut: high, high', [col([0, 0]), col([0, 0])], ['Star', 'Star']],
    ['one row is its own median: pass cuts row by row', [col([100]), col([0.1])], ['Star']],
    [
      'a 2-D range is a whole-call problem',
      [
        [
          [1, 2],
          [3, 4],
        ],
        col([1, 2]),
      ],
      /sales must be one column or one row; it has 2 rows and 2 columns/,
    ],
    ['ranges of different lengths', [col([1, 2, 3]), col([1, 2])], /growth has 2 cells but sales has 3/],
    ['a cut that is not a number', [col([1]), col([1]), 'high'], /sales_cut must be a number; it is "high"/],
    ['an unknown language', [col([1]), col([1]), null, null, 'fr'], /lang must be "en" or "vi"/],
  ])('%s', (_name, args, expected) => {
    if (expected instanceof RegExp) {
      expect(failure('BCG_QUADRANT', args)).toMatch(expected);
      return;
    }
    expectCells(flat(run('BCG_QUADRANT', args)), expected);
  });
  // Performance-sized: quadrant.scale.test.ts.
});

describe('quadrants: relationships', () => {
  const cell = fc.oneof(fc.integer({ min: -50, max: 500 }), fc.constant(''), fc.constant('x'));
  const pairs = fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 40 });

  it.each(['BCG_QUADRANT', 'PRIORITY_QUADRANT'])('%s: reordering rows reorders the answers and nothing else', (fn) => {
    fc.assert(
      fc.property(pairs, fc.infiniteStream(fc.nat()), (xs, stream) => {
        const keys = [...stream.take(xs.length)];
        const order = xs.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        const answer = (rows: (readonly [unknown, unknown])[]): unknown[] =>
          flat(run(fn, [col(rows.map((r) => r[0])), col(rows.map((r) => r[1]))])).map((c) =>
            // a problem names its row, which moves with it
            typeof c === 'string' ? c.replace(/row \d+/, 'row') : c,
          );
        const before = answer(xs);
        const after = answer(order.map((i) => xs[i] as readonly [unknown, unknown]));
        expect(after).toEqual(order.map((i) => before[i]));
      }),
      { numRuns: 1000 },
    );
  });

  it('a higher sales value never moves a row from high to low sales', () => {
    const HIGH_SALES = new Set(['Star', 'Cash Cow']);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: -50, max: 50 })), {
          minLength: 2,
          maxLength: 40,
        }),
        (xs) => {
          const answers = flat(run('BCG_QUADRANT', [col(xs.map((r) => r[0])), col(xs.map((r) => r[1]))]));
          xs.forEach(([a], i) =>
            xs.forEach(([b], j) => {
              if (a > b && HIGH_SALES.has(answers[j] as string))
                expect(HIGH_SALES.has(answers[i] as string)).toBe(true);
            }),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('multiplying every value by a positive constant changes no quadrant', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 500 }), fc.integer({ min: -50, max: 500 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.constantFrom(0.001, 0.37, 3, 12.5, 1_000_000),
        (xs, factor) => {
          const answer = (f: number): unknown[] =>
            flat(run('BCG_QUADRANT', [col(xs.map((r) => r[0] * f)), col(xs.map((r) => r[1] * f))]));
          expect(answer(factor)).toEqual(answer(1));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
