/**
 * The Sheets sidebar's BigQuery query (panel/warehouse-sql.ts, panel/WarehouseSql.tsx): the chosen method's query
 * with the options the user typed, as the plan reads them (a Vietnamese day-first as_of, bins, order ids, shares),
 * parsed by a BigQuery grammar; no query when an option cannot be carried over or the method has none; and the
 * apply step shows it only when given one.
 */
import { Parser } from 'node-sql-parser';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sqlFor } from '../core/sql/index.js';
import { warehouseQuery } from '../panel/warehouse-sql.js';
import { ApplyStep, type ApplyStepProps } from '../panel/wizard/ApplyStep.js';

const parser = new Parser();
const bigQueryParses = (sql: string): boolean => {
  try {
    parser.astify(sql, { database: 'BigQuery' });
    return true;
  } catch {
    return false;
  }
};

describe('warehouseQuery', () => {
  it('gives RFM on order lines with the typed as_of (day first in Vietnamese), bins and order ids', () => {
    const query = warehouseQuery(
      {
        method: 'rfmOrders',
        mapping: { customer: 0, orderDate: 1, revenue: 2, orderId: 3 },
        options: { as_of: '31/12/2025', bins: '4' },
      },
      'vi',
    );
    expect(query?.method).toBe('RFM_TABLE');
    expect(query?.sql).toBe(
      sqlFor('RFM_TABLE', 'bigquery', { lang: 'vi', orderIds: true, asOf: '2025-12-31', bins: 4 }),
    );
    expect(query?.input).toContain('order_id');
    expect(bigQueryParses(query?.sql ?? '')).toBe(true);
  });

  it('groups by order id only when an order id column is mapped', () => {
    const withIds = warehouseQuery({ method: 'rfmOrders', mapping: { orderId: 3 }, options: {} }, 'en');
    const without = warehouseQuery({ method: 'rfmOrders', mapping: {}, options: {} }, 'en');
    expect(withIds?.sql).toBe(sqlFor('RFM_TABLE', 'bigquery', { lang: 'en', orderIds: true }));
    expect(without?.sql).toBe(sqlFor('RFM_TABLE', 'bigquery', { lang: 'en', orderIds: false }));
    expect(withIds?.sql).not.toBe(without?.sql);
  });

  it('carries ABC shares written with a decimal comma, and gives the pyramid and lifecycle at their defaults', () => {
    const abc = warehouseQuery({ method: 'abc', mapping: {}, options: { a_share: '0,7', b_share: '0.9' } }, 'vi');
    expect(abc?.sql).toBe(sqlFor('ABC_CLASS', 'bigquery', { lang: 'vi', aShare: 0.7, bShare: 0.9 }));
    const tier = warehouseQuery({ method: 'pyramid', mapping: {}, options: {} }, 'en');
    expect(tier?.sql).toBe(sqlFor('CUSTOMER_TIER', 'bigquery', { lang: 'en' }));
    const stages = warehouseQuery({ method: 'lifecycle', mapping: {}, options: { as_of: '2024-06-30' } }, 'en');
    expect(stages?.sql).toBe(sqlFor('LIFECYCLE_STAGE', 'bigquery', { lang: 'en', asOf: '2024-06-30' }));
    for (const q of [abc, tier, stages]) expect(bigQueryParses(q?.sql ?? '')).toBe(true);
  });

  it('gives no query rather than a different answer', () => {
    const none = (method: string, options: Record<string, string>): unknown =>
      warehouseQuery({ method: method as never, mapping: {}, options }, 'en');
    expect(none('rfmOrders', { as_of: 'next week' })).toBeUndefined();
    expect(none('rfmOrders', { bins: 'five' })).toBeUndefined();
    expect(none('rfmOrders', { bins: '12' })).toBeUndefined();
    expect(none('abc', { a_share: '0.9', b_share: '0.8' })).toBeUndefined();
    expect(none('pyramid', { shares: '0.02, 0.1, 0.3' })).toBeUndefined();
    expect(none('lifecycle', { settings: '60, 120, 300, 4' })).toBeUndefined();
    for (const method of ['kmeans', 'bcg', 'priority', 'xyz', 'rfm', 'clv', 'rules', 'tags']) {
      expect(none(method, {})).toBeUndefined();
    }
  });
});

describe('the apply step', () => {
  const props = (warehouse: ApplyStepProps['warehouse'], lang: 'en' | 'vi'): ApplyStepProps => ({
    lang,
    phase: { kind: 'idle' },
    busy: false,
    colorRows: true,
    summary: true,
    nothingUsable: false,
    applied: undefined,
    warehouse,
    onColorRows: () => undefined,
    onSummary: () => undefined,
    onApply: () => undefined,
    onCancel: () => undefined,
  });

  it('offers the query, in the panel’s language, only when it has one', () => {
    const query = warehouseQuery({ method: 'pyramid', mapping: {}, options: {} }, 'vi');
    const vi = renderToStaticMarkup(createElement(ApplyStep, props(query, 'vi')));
    expect(vi).toContain('Lớn hơn một trang tính: cùng truy vấn cho BigQuery');
    expect(vi).not.toContain('Bigger than a sheet');
    const none = renderToStaticMarkup(createElement(ApplyStep, props(undefined, 'en')));
    expect(none).not.toContain('warehouse-sql');
  });
});
