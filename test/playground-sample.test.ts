/**
 * The playground's sample data: the seeded customer generator is deterministic and consistent, and the sample
 * workbook opens with every segment formula answered (no errors), as of fixed dates.
 */
import { createHash } from 'node:crypto';
import { DetailedCellError } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { Workbook } from '../playground/engine/workbook.js';
import { seededRandom } from '../core/numeric/random.js';
import { generateCustomers, SAMPLE_AS_OF, type Customer } from '../playground/sample/customers.js';
import {
  CUSTOMER_COLUMNS,
  CUSTOMER_COUNT,
  ORDERS_AS_OF,
  sampleWorkbook,
} from '../playground/sample/sample-workbook.js';
import { generateOrderLines } from '../playground/sample/orders.js';

const digest = (customers: readonly Customer[]): string =>
  createHash('sha256').update(JSON.stringify(customers)).digest('hex');

describe('the customer generator', () => {
  it('gives the same customers for the same seed, and others for another seed', () => {
    const a = generateCustomers(CUSTOMER_COUNT);
    const b = generateCustomers(CUSTOMER_COUNT);
    expect(digest(a)).toBe(digest(b));
    expect(digest(generateCustomers(CUSTOMER_COUNT, { seed: 7 }))).not.toBe(digest(a));
    // A longer list starts with the same customers.
    expect(generateCustomers(50)).toEqual(a.slice(0, 50));
  });

  it('is a seeded stream, not Math.random', () => {
    const r1 = seededRandom(42);
    const r2 = seededRandom(42);
    const xs = Array.from({ length: 5 }, () => r1());
    expect(Array.from({ length: 5 }, () => r2())).toEqual(xs);
    xs.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
  });

  it('makes consistent, realistic Vietnamese B2B customers', () => {
    const customers = generateCustomers(CUSTOMER_COUNT);
    const asOf = SAMPLE_AS_OF;
    const yearStart = `${asOf.slice(0, 4)}-01-01`;
    expect(new Set(customers.map((c) => c.id)).size).toBe(customers.length);
    expect(new Set(customers.map((c) => c.company)).size).toBe(customers.length);
    expect(new Set(customers.map((c) => c.region))).toEqual(new Set(['Bắc', 'Trung', 'Nam']));
    expect(new Set(customers.map((c) => c.industry)).size).toBeGreaterThanOrEqual(10);
    expect(customers.every((c) => /^(Công ty TNHH|Công ty CP|DNTN|Tập đoàn) /.test(c.company))).toBe(true);
    expect(customers.some((c) => /[ăâđêôơư]/i.test(c.company))).toBe(true);
    for (const c of customers) {
      expect(c.employees).toBeGreaterThanOrEqual(3);
      expect(c.contacts).toBeGreaterThanOrEqual(1);
      if (c.firstPurchase === null) {
        // A prospect: never bought.
        expect([c.lastPurchase, c.orders, c.revenueThisYear, c.revenueLastYear, c.onTimeShare]).toEqual([
          null,
          0,
          0,
          0,
          null,
        ]);
        continue;
      }
      const last = c.lastPurchase as string;
      expect(c.firstPurchase <= last && last <= asOf, c.id).toBe(true);
      expect(c.orders).toBeGreaterThanOrEqual(1);
      if (last < yearStart) expect(c.revenueThisYear, c.id).toBe(0);
      expect(c.revenueThisYear % 1000).toBe(0);
      expect(c.onTimeShare !== null && c.onTimeShare >= 0 && c.onTimeShare <= 1).toBe(true);
    }
    const prospects = customers.filter((c) => c.firstPurchase === null).length;
    expect(prospects).toBeGreaterThan(10);
    expect(prospects).toBeLessThan(150);
    // A long tail: the top 20% of revenue this year is most of the total.
    const revenue = customers.map((c) => c.revenueThisYear).sort((x, y) => y - x);
    const total = revenue.reduce((s, v) => s + v, 0);
    const top = revenue.slice(0, CUSTOMER_COUNT / 5).reduce((s, v) => s + v, 0);
    expect(top / total).toBeGreaterThan(0.6);
  });
});

describe('the sample workbook', () => {
  const lines = generateOrderLines();
  const last = lines.length + 1;

  it('fills the segment formulas with an explicit as_of', () => {
    const [customers, orders] = sampleWorkbook();
    const formulas = (customers?.cells[1] ?? []).filter((c): c is string => typeof c === 'string' && c.startsWith('='));
    expect(formulas).toEqual([
      '=ABC_CLASS(P2:P2001)',
      '=BCG_QUADRANT(P2:P2001, R2:R2001)',
      '=CUSTOMER_TIER(P2:P2001)',
      `=LIFECYCLE_STAGE(M2:M2001, N2:N2001, O2:O2001, "${SAMPLE_AS_OF}", S2:S2001)`,
      `=RFM_SCORE(N2:N2001, O2:O2001, P2:P2001, "${SAMPLE_AS_OF}")`,
      '=RFM_SEGMENT(I2:I2001)',
      '=ARRAYFORMULA(IF(Q2:Q2001>0, P2:P2001/Q2:Q2001-1, ""))',
    ]);
    expect(customers?.cells.length).toBe(CUSTOMER_COUNT + 1);
    expect(customers?.cells[0]).toEqual(CUSTOMER_COLUMNS.map((c) => c.header));
    expect(orders?.cells.length).toBe(last);
    const args = `C2:C${last}, B2:B${last}, F2:F${last}, "${ORDERS_AS_OF}"`;
    expect(orders?.cells[0]?.[7]).toBe(`=RFM_TABLE(${args}, 5, "", A2:A${last})`);
    expect(orders?.cells[0]?.[18]).toBe(`=CLV_TABLE(${args}, 365, 0.1, A2:A${last})`);
    expect(orders?.cells[0]?.[29]).toBe(`=CLV_MODEL(${args}, A2:A${last})`);
  });

  it('opens with every formula answered and no error anywhere', () => {
    const workbook = Workbook.open(sampleWorkbook());
    try {
      for (const name of workbook.sheetNames()) {
        const sheet = workbook.sheetId(name);
        const errors = workbook.hf
          .getSheetValues(sheet)
          .flatMap((row, r) => row.map((v, c) => [v, r, c] as const))
          .filter(([v]) => v instanceof DetailedCellError)
          .map(
            ([v, r, c]) =>
              `${name}!R${r + 1}C${c + 1}: ${(v as DetailedCellError).value} ${(v as DetailedCellError).message}`,
          );
        expect(errors, name).toEqual([]);
      }
      const customers = workbook.sheetId('Customers');
      const column = (col: number): unknown[] =>
        Array.from({ length: CUSTOMER_COUNT }, (_, r) => workbook.value(customers, r + 1, col));
      expect(new Set(column(4))).toEqual(new Set(['A', 'B', 'C']));
      expect(new Set(column(5))).toEqual(new Set(['Star', 'Cash Cow', 'Question Mark', 'Dog', '']));
      expect(new Set(column(6))).toEqual(new Set(['Top', 'Large', 'Medium', 'Small', 'Inactive']));
      expect(new Set(column(7))).toEqual(
        new Set(['Prospect', 'Lost', 'At Risk', 'New', 'Evangelist', 'Loyal', 'Active']),
      );
      expect(new Set(column(9)).has('Champions')).toBe(true);
      const orders = workbook.sheetId('Orders');
      expect(workbook.view(orders, 1, 7).text).toBe(lines[0]?.customer);
      expect(workbook.view(orders, 1, 18).text).toBe(lines[0]?.customer);
      const clvSegments = new Set(Array.from({ length: last + 2 }, (_, r) => workbook.value(orders, r + 1, 27)));
      expect(clvSegments).toEqual(new Set(['Active', 'At risk', 'Likely lost', '']));
      const model = Array.from({ length: 12 }, (_, r) => [0, 1].map((c) => workbook.value(orders, r, 29 + c)));
      expect(model[0]).toEqual(['Parameter', 'Value']);
      expect(model[1]?.[0]).toBe('r');
      expect(model.slice(1).every(([, v]) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
      const segments = workbook.sheetId('Segments');
      expect(workbook.view(segments, 1, 0).text).toBe('Segment');
      expect(workbook.view(segments, 1, 18).text).toMatch(/^\d+\.\d×$/);
      const clvSummary = Array.from({ length: 4 }, (_, r) => workbook.value(segments, r + 2, 20));
      expect(new Set(clvSummary)).toEqual(new Set(['Active', 'At risk', 'Likely lost', 'Total']));
    } finally {
      workbook.destroy();
    }
  });
});
