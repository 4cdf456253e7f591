import { describe, expect, it } from 'vitest';
import { findHeaderRow, guessMapping, normalizeHeader } from '../core/engine/columns.js';

describe('header detection and column guesses', () => {
  it('normalises Vietnamese headers', () => {
    expect(normalizeHeader('  Ngày Mua_Cuối ')).toBe('ngay mua cuoi');
    expect(normalizeHeader('Đơn hàng')).toBe('don hang');
  });
  it('finds the header row below a title', () => {
    const rows = [
      ['Báo cáo khách hàng 2024', null, null],
      [null, null, null],
      ['Khách hàng', 'Doanh thu', 'Ngày mua cuối'],
      ['An Phát', 1200, '2024-05-31'],
    ];
    expect(findHeaderRow(rows)).toBe(2);
  });
  it('says when there is no header', () => {
    expect(
      findHeaderRow([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(-1);
  });
  it('maps RFM roles from Vietnamese headers', () => {
    const headers = [
      'Khách hàng',
      'Ngành',
      'Ngày mua đầu',
      'Ngày mua cuối',
      'Số đơn hàng',
      'Doanh thu năm nay',
      'Doanh thu năm trước',
    ];
    expect(guessMapping('rfm', headers)).toEqual({ lastPurchase: 3, orders: 4, revenue: 5 });
    expect(guessMapping('lifecycle', headers)).toEqual({ firstPurchase: 2, lastPurchase: 3, orders: 4 });
  });
  it('maps order lines from English headers, dates found by content', () => {
    expect(guessMapping('rfmOrders', ['customer_id', 'order_date', 'revenue'])).toEqual({
      customer: 0,
      orderDate: 1,
      revenue: 2,
    });
    expect(guessMapping('rfmOrders', ['who', 'when', 'revenue'], [['a', '2024-01-02', 5]])).toEqual({
      orderDate: 1,
      revenue: 2,
    });
  });
});
