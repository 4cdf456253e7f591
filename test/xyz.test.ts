import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, sampleStdev, xyzClass } from '../core/methods/xyz.js';
import { failure, flat, run } from './helpers.js';

function expectCells(got: readonly unknown[], expected: readonly unknown[]): void {
  expect(got).toHaveLength(expected.length);
  got.forEach((cell, i) => {
    const want = expected[i];
    if (want instanceof RegExp) expect(String(cell)).toMatch(want);
    else expect(cell).toBe(want);
  });
}

describe('XYZ_CLASS: the spec', () => {
  it('classifies the catalog example: CV 0 → X, ≈0.577 → Y, ≈1.414 → Z', () => {
    const matrix = [
      [10, 10, 10, 10],
      [1, 3, 1, 3],
      [0, 0, 30, 10],
    ];
    expect(flat(run('XYZ_CLASS', [matrix]))).toEqual(['X', 'Y', 'Z']);
  });

  it('uses STDEV.S (n − 1): reference values computed by hand', () => {
    // Wikipedia's standard-deviation example {2,4,4,4,5,5,7,9}: population σ = 2, sample s = √(32/7) ≈ 2.1380899353.
    expect(sampleStdev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleStdev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.1380899353, 9);
    // {1,2,3,4,5}: Σ(x − 3)² = 10, s = √(10/4) = √2.5 ≈ 1.5811388301 (Excel: =STDEV.S(1,2,3,4,5)).
    expect(sampleStdev([1, 2, 3, 4, 5])).toBeCloseTo(1.5811388301, 9);
    // CV: 2.1380899353 / 5 ≈ 0.4276 → X; 1.5811388301 / 3 ≈ 0.527 → Y.
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(0.42761798706, 9);
    expect(
      flat(
        run('XYZ_CLASS', [
          [
            [2, 4, 4, 4, 5, 5, 7, 9],
            [1, 2, 3, 4, 5, '', '', ''],
          ],
        ]),
      ),
    ).toEqual(['X', 'Y']);
  });

  it('is two-pass accurate for large values with a small spread', () => {
    // 1e9 + {1,2,3}: s = 1 exactly; the one-pass formula loses it to cancellation.
    expect(sampleStdev([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBe(1);
  });

  it('gives Z to a row whose mean is 0 or below', () => {
    expect(
      flat(
        run('XYZ_CLASS', [
          [
            [5, -5],
            [-1, -2],
            [0, 0],
          ],
        ]),
      ),
    ).toEqual(['Z', 'Z', 'Z']);
  });

  it('skips blanks in a row, as STDEV.S and AVERAGE do', () => {
    expect(flat(run('XYZ_CLASS', [[[4, '', 4, null]]]))).toEqual(['X']);
  });

  it('gives a per-row problem to a row with fewer than two numbers, and a blank to an all-blank row', () => {
    expect(
      flat(
        run('XYZ_CLASS', [
          [
            [7, '', ''],
            ['', null, ''],
            [1, 1, 1],
          ],
        ]),
      ),
    ).toEqual(['#VALUE! period_values, row 1 of the range: needs at least two numbers in the row, has 1', '', 'X']);
  });

  it('compares CV with the cuts with the shared tolerance', () => {
    const cv = Math.SQRT2 / 2; // {1,3}: s = √2, mean 2
    expect(coefficientOfVariation([1, 3])).toBeCloseTo(cv, 15);
    const at = (cut: number): unknown => flat(run('XYZ_CLASS', [[[1, 3]], [[cut, 2]]]))[0];
    expect(at(cv)).toBe('X');
    expect(at(cv * (1 - 1e-12))).toBe('X'); // within 1e-9: still on the cut
    expect(at(cv * (1 - 1e-6))).toBe('Y');
    expect(xyzClass(1 + 1e-12, [0.5, 1])).toBe('Y');
  });

  it('takes custom cuts as an array constant or a range', () => {
    const matrix = [
      [10, 12],
      [10, 20],
      [10, 40],
    ]; // CV ≈ 0.129, 0.471, 0.849
    expect(flat(run('XYZ_CLASS', [matrix, [[0.2, 0.6]]]))).toEqual(['X', 'Y', 'Z']);
    expect(flat(run('XYZ_CLASS', [matrix, [[0.2], [0.6]]]))).toEqual(['X', 'Y', 'Z']);
  });
});

describe('XYZ_CLASS: bad input, one expected answer per row', () => {
  it.each<[string, unknown[], unknown[] | RegExp]>([
    ['blank as 0 (some Excel builds): a period with 0', [[[10, 0, 10, 10]]], ['Y']], // mean 7.5, s = 5, CV 0.667
    ['blank as null (Excel on the web): skipped', [[[10, null, 10, 10]]], ['X']],
    ['blank as "" (Sheets): skipped', [[[10, '', 10, 10]]], ['X']],
    [
      'numbers typed as text',
      [
        [
          ['1,234.50', ' 1234.5 ', 1234.5],
          ['1.234.567 ₫', 1234567, '1234567'],
          [' 12 ', 12, '12'],
        ],
      ],
      ['X', 'X', 'X'],
    ],
    [
      'ambiguous text is a per-row problem',
      [[[1, '1.234', 3]]],
      [/^#VALUE! period_values, row 1 of the range: "1.234" could be/],
    ],
    ['booleans are a per-row problem', [[[1, true, 3]]], [/TRUE is a logical value/]],
    [
      'error values are a per-row problem',
      [
        [
          [1, '#N/A'],
          [{ code: '#N/A' }, 1],
          [2, 2],
        ],
      ],
      [/error #N\/A/, /error #N\/A/, 'X'],
    ],
    ['NaN is a per-row problem', [[[NaN, 1]]], [/NaN is not a finite number/]],
    [
      'negatives: mean ≤ 0 is Z, a positive mean is judged as usual',
      [
        [
          [-10, -10],
          [-5, 15],
          [-1, 9, 10, 10],
        ],
      ],
      ['Z', 'Z', 'Y'], // {-1,9,10,10}: mean 7, s ≈ 5.354, CV ≈ 0.765
    ],
    ['all zeros are Z', [[[0, 0, 0]]], ['Z']],
    ['one row', [[[3, 3]]], ['X']],
    ['one column where a matrix is expected', [[[1], [2], [3]]], /period_values must be a range of 2 or more columns/],
    ['a single cell', [5], /period_values must be a range of 2 or more columns; it has 1/],
    [
      'a ragged row: missing cells read as blanks',
      [
        [
          [1, 1, 1],
          [2, 2],
        ],
      ],
      ['X', 'X'],
    ],
    ['cuts of the wrong length', [[[1, 2]], [[0.2, 0.5, 0.9]]], /cuts must have 2 values; it has 3/],
    ['cuts not ascending', [[[1, 2]], [[1, 0.5]]], /cuts must be strictly ascending; it is \{1,0.5\}/],
    ['a negative cut', [[[1, 2]], [[-1, 0.5]]], /cuts must be at least 0/],
  ])('%s', (_name, args, expected) => {
    if (expected instanceof RegExp) {
      expect(failure('XYZ_CLASS', args)).toMatch(expected);
      return;
    }
    expectCells(flat(run('XYZ_CLASS', args)), expected);
  });
  // Performance-sized: xyz.scale.test.ts.
});

describe('XYZ_CLASS: relationships', () => {
  const cell = fc.oneof(fc.integer({ min: -20, max: 1000 }), fc.constant(''));
  const matrix = fc
    .integer({ min: 2, max: 6 })
    .chain((p) => fc.array(fc.array(cell, { minLength: p, maxLength: p }), { minLength: 1, maxLength: 30 }));

  it('reordering rows reorders the answers and nothing else', () => {
    fc.assert(
      fc.property(matrix, fc.infiniteStream(fc.nat()), (rows, stream) => {
        const keys = [...stream.take(rows.length)];
        const order = rows.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        // a problem names its row, which moves with it
        const answer = (m: unknown[][]): unknown[] =>
          flat(run('XYZ_CLASS', [m])).map((c) => (typeof c === 'string' ? c.replace(/row \d+/, 'row') : c));
        const before = answer(rows);
        const after = answer(order.map((i) => rows[i] as unknown[]));
        expect(after).toEqual(order.map((i) => before[i]));
      }),
      { numRuns: 1000 },
    );
  });

  it('multiplying every value by a positive constant changes no class', () => {
    fc.assert(
      fc.property(matrix, fc.constantFrom(0.001, 0.37, 3, 12.5, 1_000_000), (rows, factor) => {
        const scaled = rows.map((r) => r.map((v) => (typeof v === 'number' ? v * factor : v)));
        expect(flat(run('XYZ_CLASS', [scaled]))).toEqual(flat(run('XYZ_CLASS', [rows])));
      }),
      { numRuns: 1000 },
    );
  });
});
