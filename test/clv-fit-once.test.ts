/**
 * CLV_TABLE and CLV_MODEL on the same order lines fit the models once (the panel's preview and apply ask for both);
 * different lines fit again. The fit is counted through a fresh copy of the core whose BG/NBD fit is wrapped (the unit
 * project shares its workers' modules, so the copy is imported after resetting them).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateOrderLines, ORDERS_AS_OF } from '../playground/sample/orders.js';
import { col } from './helpers.js';

function args(customers: number): unknown[] {
  const lines = generateOrderLines(customers);
  return [
    col(lines.map((l) => l.customer)),
    col(lines.map((l) => l.date)),
    col(lines.map((l) => l.amount)),
    ORDERS_AS_OF,
  ];
}

afterEach(() => {
  vi.doUnmock('../core/methods/bgnbd.js');
  vi.resetModules();
});

describe('one fit for CLV_TABLE and CLV_MODEL on the same lines', () => {
  it('fits once for both, and again for other lines', async () => {
    let fits = 0;
    vi.resetModules();
    vi.doMock('../core/methods/bgnbd.js', async (importOriginal) => {
      const original = await importOriginal<typeof import('../core/methods/bgnbd.js')>();
      return {
        ...original,
        fitBgnbd: (...a: Parameters<typeof original.fitBgnbd>) => {
          fits++;
          return original.fitBgnbd(...a);
        },
      };
    });
    const { invoke } = await import('../core/index.js');
    const lines = args(200);
    const table = invoke('CLV_TABLE', lines);
    const model = invoke('CLV_MODEL', args(200));
    expect(table.ok && model.ok).toBe(true);
    expect(fits).toBe(1);
    const other = invoke('CLV_MODEL', args(150));
    expect(other.ok).toBe(true);
    expect(fits).toBe(2);
    // back to the first lines: the same answer as before, fitted again
    const again = invoke('CLV_MODEL', lines);
    expect(again).toEqual(model);
    expect(fits).toBe(3);
  });
});
