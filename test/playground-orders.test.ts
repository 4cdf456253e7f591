/**
 * The playground's Orders sheet sample (playground/sample/orders.ts): a point-of-sale export on which the CLV models'
 * fits are inside the models, unlike the R `rfm` package's sample, where they lie at limits.
 */
import { describe, expect, it } from 'vitest';
import { invoke } from '../core/index.js';
import { generateOrderLines, ORDER_CUSTOMER_COUNT, ORDERS_AS_OF } from '../playground/sample/orders.js';
import { readOrders } from '../scripts/orders-csv.js';
import { col } from './helpers.js';

const lines = generateOrderLines();

describe('the generated point-of-sale export', () => {
  it('is the same on every run and changes with the seed', () => {
    expect(generateOrderLines()).toEqual(lines);
    expect(generateOrderLines(ORDER_CUSTOMER_COUNT, 7)).not.toEqual(lines);
  });

  it('has invoices of several item lines, partial returns and no line after as_of', () => {
    const byInvoice = new Map<string, typeof lines>();
    for (const line of lines) byInvoice.set(line.orderId, [...(byInvoice.get(line.orderId) ?? []), line]);
    const invoices = [...byInvoice.values()];
    expect(invoices.filter((l) => l.length > 1).length).toBeGreaterThan(invoices.length / 3);
    const withReturn = invoices.filter((l) => l.some((line) => line.quantity < 0));
    expect(withReturn.length).toBeGreaterThan(50);
    for (const invoice of invoices) {
      expect(new Set(invoice.map((l) => l.customer)).size).toBe(1);
      expect(new Set(invoice.map((l) => l.date)).size).toBe(1);
      expect(invoice.reduce((sum, l) => sum + l.amount, 0)).toBeGreaterThan(0);
    }
    for (const line of lines) {
      expect(Number.isInteger(line.amount / line.quantity)).toBe(true);
      expect(line.date <= ORDERS_AS_OF).toBe(true);
    }
    expect(new Set(lines.map((l) => l.customer)).size).toBe(ORDER_CUSTOMER_COUNT);
  });

  it('is fitted by CLV_MODEL, one CLV_TABLE row per customer', () => {
    const args = [col(lines.map((l) => l.customer)), col(lines.map((l) => l.date)), col(lines.map((l) => l.amount))];
    const ids = col(lines.map((l) => l.orderId));
    const model = invoke('CLV_MODEL', [...args, ORDERS_AS_OF, ids]);
    if (!model.ok) throw model.error;
    const value = (name: string): unknown => model.grid.find((r) => r[0] === name)?.[1];
    for (const name of ['r', 'alpha (days)', 'a', 'b', 'p', 'q', 'gamma']) {
      const v = value(name);
      expect(typeof v === 'number' && v > 0 && v < 1e7, `${name} = ${String(v)}`).toBe(true);
    }
    const table = invoke('CLV_TABLE', [...args, ORDERS_AS_OF, 365, 0.1, ids]);
    if (!table.ok) throw table.error;
    expect(table.grid.length - 1).toBe(ORDER_CUSTOMER_COUNT);
  });

  it('is needed: on the rfm package sample the fits lie at limits of the models (a + b and q beyond 10¹⁵)', () => {
    const orders = readOrders();
    const result = invoke('CLV_MODEL', [col(orders.customers), col(orders.dates), col(orders.revenues), '2006-12-31']);
    if (!result.ok) throw result.error;
    const value = (name: string): number => result.grid.find((r) => r[0] === name)?.[1] as number;
    expect(value('a') + value('b')).toBeGreaterThan(1e15);
    expect(value('q')).toBeGreaterThan(1e15);
  });
});
