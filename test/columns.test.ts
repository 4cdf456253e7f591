import { describe, expect, it } from 'vitest';
import { CUSTOMER, ORDER_DATE, ORDER_ID, PRICE, QUANTITY, REVENUE } from '../core/catalog/column-roles.js';

const ROLES: Record<string, typeof CUSTOMER> = {
  customer: CUSTOMER,
  orderDate: ORDER_DATE,
  orderId: ORDER_ID,
  quantity: QUANTITY,
  price: PRICE,
  revenue: REVENUE,
};
import {
  findHeaderRow,
  guessColumn,
  guessMapping,
  guessRevenueSource,
  normalizeHeader,
} from '../core/engine/columns.js';

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
  it('splits words written together, so InvoiceNo and CustomerID read as words', () => {
    expect(normalizeHeader('InvoiceNo')).toBe('invoice no');
    expect(normalizeHeader('CustomerID')).toBe('customer id');
    expect(normalizeHeader('UnitPrice')).toBe('unit price');
  });
  it.each([
    [
      'orderId',
      [
        'Invoice',
        'InvoiceNo',
        'Invoice No',
        'Order ID',
        'Order',
        'Mã hóa đơn',
        'MÃ HOÁ ĐƠN',
        'ma hoa don',
        'Mã đơn hàng',
        'Số hóa đơn',
        'Số HĐ',
        'Số chứng từ',
      ],
    ],
    ['quantity', ['Quantity', 'Qty', 'Số lượng', 'so luong', 'SL']],
    ['price', ['Price', 'Unit price', 'UnitPrice', 'Đơn giá', 'don gia']],
    ['revenue', ['Thành tiền', 'Tổng tiền hàng', 'Doanh thu', 'Amount', 'Total', 'Số tiền']],
  ])('guesses %s from English and Vietnamese headers, with or without accents', (role, names) => {
    for (const name of names) expect(guessColumn(['Ghi chú', name], ROLES[role] as typeof CUSTOMER), name).toBe(1);
  });
  it('matches a short word (SL, Qty) only as a whole word', () => {
    expect(guessColumn(['Slogan', 'Islands'], QUANTITY)).toBeUndefined();
    expect(guessColumn(['Ghi chú', 'SL bán'], QUANTITY)).toBe(1);
  });
  it('maps order lines: the order id after the date, so Order date stays the date', () => {
    expect(guessMapping('rfmOrders', ['Order date', 'Order', 'Customer', 'Amount'])).toEqual({
      orderDate: 0,
      orderId: 1,
      customer: 2,
      revenue: 3,
    });
  });
  it('maps a Vietnamese POS export and takes its revenue column; without it, Quantity × Price', () => {
    const pos = ['Mã hóa đơn', 'Thời gian', 'Khách hàng', 'Số lượng', 'Đơn giá', 'Thành tiền'];
    const mapping = guessMapping('rfmOrders', pos);
    expect(mapping).toEqual({ customer: 2, orderDate: 1, orderId: 0, revenue: 5, quantity: 3, price: 4 });
    expect(guessRevenueSource(mapping)).toBe('column');
    const lines = guessMapping('rfmOrders', pos.slice(0, 5));
    expect(lines).toEqual({ customer: 2, orderDate: 1, orderId: 0, quantity: 3, price: 4 });
    expect(guessRevenueSource(lines)).toBe('quantityPrice');
    expect(guessRevenueSource({ customer: 0, quantity: 1 })).toBe('column');
  });
  it('maps an online shop’s invoice lines and an accounting export', () => {
    const shop = [
      'InvoiceNo',
      'StockCode',
      'Description',
      'Quantity',
      'InvoiceDate',
      'UnitPrice',
      'CustomerID',
      'Country',
    ];
    expect(guessMapping('rfmOrders', shop)).toEqual({ customer: 6, orderDate: 4, orderId: 0, quantity: 3, price: 5 });
    const books = ['Ngày chứng từ', 'Số chứng từ', 'Mã khách hàng', 'Tên khách hàng', 'Diễn giải', 'Số tiền'];
    expect(guessMapping('rfmOrders', books)).toEqual({ customer: 2, orderDate: 0, orderId: 1, revenue: 5 });
  });
  it('finds a date column of 8-digit numbers by its content when its header says nothing', () => {
    expect(guessMapping('rfmOrders', ['who', 'when', 'revenue'], [['a', 20250102, 5]])).toEqual({
      orderDate: 1,
      revenue: 2,
    });
    expect(guessMapping('rfmOrders', ['who', 'how many', 'revenue'], [['a', 12, 5]])).toEqual({ revenue: 2 });
  });
});
