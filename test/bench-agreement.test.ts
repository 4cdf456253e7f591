/** The bench's RFM agreement check (bench/rfm-agreement.ts): what makes a baseline "agree" with RFM_TABLE. */
import { describe, expect, it } from 'vitest';
import { invoke } from '../core/index.js';
import {
  agreementText,
  agrees,
  compareRfm,
  rowsFromColumns,
  rowsFromGrid,
  type RfmColumns,
  type RfmRow,
} from '../bench/rfm-agreement.js';

function ourRows(): RfmRow[] {
  const result = invoke('RFM_TABLE', [
    [['Ann'], ['Bo'], ['Ann'], ['Chi'], ['Dũng'], ['Bo'], ['Én']],
    [['2024-05-01'], ['2024-03-01'], ['2024-06-30'], ['2024-06-01'], ['2024-04-15'], ['2024-06-10'], ['2024-02-02']],
    [[120], [80], [60], ['450.000 ₫'], [35.5], [-80], [-10]],
    '2024-06-30',
  ]);
  if (!result.ok) throw new Error(result.error.message);
  return rowsFromGrid(result.grid);
}

/** What a baseline would answer: the same columns, built independently of the grid. */
function baselineColumns(): RfmColumns {
  return {
    customer: ['Ann', 'Bo', 'Chi', 'Dũng', 'Én'],
    recencyDays: [0, 121, 29, 76, NaN],
    orders: [2, 1, 1, 1, 0],
    revenue: [180, 0, 450_000, 35.5, -10],
    r: [5, 1, 4, 2, null],
    f: [5, 1, 1, 1, null],
    m: [4, 1, 5, 2, null],
  };
}

describe('compareRfm', () => {
  it('reads our grid: a return nets off revenue without counting, a customer with no purchase is unscored', () => {
    const ours = ourRows();
    expect(ours.map((row) => row.customer)).toEqual(['Ann', 'Bo', 'Chi', 'Dũng', 'Én']);
    expect(ours[1]).toMatchObject({ orders: 1, revenue: 0 });
    expect(ours[4]).toEqual({ customer: 'Én', recencyDays: null, orders: 0, revenue: -10, r: null, f: null, m: null });
  });

  it('agrees with a baseline that answers the same, customer by customer, in another order', () => {
    const theirs = rowsFromColumns(baselineColumns()).reverse();
    const agreement = compareRfm(ourRows(), theirs);
    expect(agreement).toEqual({ total: 5, agreeing: 5, differing: 0, missing: 0, extra: 0 });
    expect(agrees(agreement)).toBe(true);
    expect(agreementText('pandas', agreement)).toBe('pandas: 5 of 5 customers agree');
  });

  it('accepts a revenue that differs in its last bits, not one that differs by a đồng', () => {
    const close = baselineColumns();
    close.revenue = [180 * (1 + 1e-12), 0, 450_000, 35.5, -10];
    expect(agrees(compareRfm(ourRows(), rowsFromColumns(close)))).toBe(true);
    const off = baselineColumns();
    off.revenue = [180, 0, 450_001, 35.5, -10];
    const agreement = compareRfm(ourRows(), rowsFromColumns(off));
    expect(agrees(agreement)).toBe(false);
    expect(agreement.example).toBe('Chi: revenue ours 450000, theirs 450001');
  });

  it('disagrees on one score and says which customer, which score and both values', () => {
    const columns = baselineColumns();
    columns.m = [4, 1, 4, 2, null];
    const agreement = compareRfm(ourRows(), rowsFromColumns(columns));
    expect(agreement).toMatchObject({ total: 5, agreeing: 4, differing: 1, missing: 0, extra: 0 });
    expect(agrees(agreement)).toBe(false);
    expect(agreementText('DuckDB, 1 thread', agreement)).toBe(
      'DuckDB, 1 thread: 4 of 5 customers agree, DISAGREES: 1 differ (e.g. Chi: m ours 5, theirs 4)',
    );
  });

  it('disagrees when the baseline scores a customer we leave unscored', () => {
    const columns = baselineColumns();
    columns.recencyDays = [0, 121, 29, 76, 149];
    columns.r = [5, 1, 4, 2, 1];
    columns.f = [5, 1, 1, 1, 1];
    columns.m = [4, 1, 5, 2, 1];
    const agreement = compareRfm(ourRows(), rowsFromColumns(columns));
    expect(agreement.differing).toBe(1);
    expect(agreement.example).toBe('Én: recencyDays ours null, theirs 149');
  });

  it('disagrees when a customer is missing from the baseline or only in it', () => {
    const columns = baselineColumns();
    const withoutBo = rowsFromColumns(columns).filter((row) => row.customer !== 'Bo');
    const missing = compareRfm(ourRows(), withoutBo);
    expect(missing).toMatchObject({
      total: 5,
      agreeing: 4,
      missing: 1,
      extra: 0,
      example: 'Bo: missing from the baseline',
    });
    expect(agrees(missing)).toBe(false);
    expect(agreementText('pandas', missing)).toBe(
      'pandas: 4 of 5 customers agree, DISAGREES: 1 missing (e.g. Bo: missing from the baseline)',
    );
    const extra = compareRfm(ourRows(), [
      ...rowsFromColumns(columns),
      { customer: 'bo', recencyDays: 1, orders: 1, revenue: 1, r: 5, f: 1, m: 1 },
    ]);
    expect(extra).toMatchObject({ agreeing: 5, extra: 1, example: 'bo: only in the baseline' });
    expect(agrees(extra)).toBe(false);
  });

  it('never agrees on nothing', () => {
    expect(agrees(compareRfm([], []))).toBe(false);
  });
});
