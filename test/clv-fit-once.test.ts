/**
 * CLV_TABLE and CLV_MODEL on the same order lines fit the models once (the panel's preview and apply ask for both);
 * different lines fit again.
 */
import { describe, expect, it, vi } from 'vitest';
import { invoke } from '../core/index.js';
import { generateOrderLines, ORDERS_AS_OF } from '../playground/sample/orders.js';
import { col } from './helpers.js';

const fits = vi.hoisted(() => ({ count: 0 }));
vi.mock('../core/methods/bgnbd.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../core/methods/bgnbd.js')>();
  return {
    ...original,
    fitBgnbd: (...args: Parameters<typeof original.fitBgnbd>) => {
      fits.count++;
      return original.fitBgnbd(...args);
    },
  };
});

function args(customers: number): unknown[] {
  const lines = generateOrderLines(customers);
  return [
    col(lines.map((l) => l.customer)),
    col(lines.map((l) => l.date)),
    col(lines.map((l) => l.amount)),
    ORDERS_AS_OF,
  ];
}

describe('one fit for CLV_TABLE and CLV_MODEL on the same lines', () => {
  it('fits once for both, and again for other lines', () => {
    const lines = args(200);
    const table = invoke('CLV_TABLE', lines);
    const model = invoke('CLV_MODEL', args(200));
    expect(table.ok && model.ok).toBe(true);
    expect(fits.count).toBe(1);
    const other = invoke('CLV_MODEL', args(150));
    expect(other.ok).toBe(true);
    expect(fits.count).toBe(2);
    // back to the first lines: the same answer as before, fitted again
    const again = invoke('CLV_MODEL', lines);
    expect(again).toEqual(model);
    expect(fits.count).toBe(3);
  });
});
