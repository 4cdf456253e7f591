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
  guessNumericColumns,
  guessRevenueSource,
  normalizeHeader,
} from '../core/engine/columns.js';
import type { CellValue } from '../core/engine/sheet-io.js';
import { CUSTOMER_COLUMNS } from '../playground/sample/sample-workbook.js';
import { generateCustomers } from '../playground/sample/customers.js';
import Papa from 'papaparse';
import { accountingExport, toCsv } from './fixtures/exports.js';
import { flat, run } from './helpers.js';

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

/**
 * The playground's Customers sheet as a host reads it: data cells as written, each formula column as the catalog
 * function it calls answers (ranges such as `P2:P{last}` become that column), Growth as its ARRAYFORMULA computes.
 */
function sampleSheet(count: number): { headers: string[]; rows: CellValue[][] } {
  const customers = generateCustomers(count);
  const headers = CUSTOMER_COLUMNS.map((c) => c.header);
  const data = customers.map((c) => CUSTOMER_COLUMNS.map((column) => (column.value?.(c) ?? null) as CellValue));
  const columnOf = (letter: string): CellValue[][] => data.map((r) => [r[letter.charCodeAt(0) - 65] ?? null]);
  const growth = headers.indexOf('Growth');
  data.forEach((r, i) => {
    const c = customers[i]!;
    r[growth] = c.revenueLastYear > 0 ? c.revenueThisYear / c.revenueLastYear - 1 : '';
  });
  CUSTOMER_COLUMNS.forEach((column, j) => {
    const call = /^=([A-Z_]+)\((.*)\)$/.exec(column.formula ?? '');
    if (!call || column.header === 'Growth') return;
    const args = call[2]!.split(/,\s*/).map((a) => {
      const range = /^([A-Z])2:\1\{last\}$/.exec(a);
      return range ? columnOf(range[1]!) : a.replace(/^"|"$/g, '');
    });
    flat(run(call[1]!, args)).forEach((answer, i) => (data[i]![j] = answer as CellValue));
  });
  return { headers, rows: data };
}

describe('k-means: the numeric columns pre-selected', () => {
  it('takes the measures of the playground sample, not its ids, codes, dates or labels', () => {
    const { headers, rows } = sampleSheet(200);
    const features = guessMapping('kmeans', headers, rows.slice(0, 20)).features as number[];
    expect(features.map((i) => headers[i])).toEqual([
      'Employees',
      'Orders',
      'Revenue 2025 (₫)',
      'Revenue 2024 (₫)',
      'Growth',
      'Referrals',
      'Paid on time',
      'Contacts',
      'Feedback',
    ]);
    // RFM score answers three-digit numbers: a code, not an amount.
    expect(typeof rows[0]![headers.indexOf('RFM score')]).toBe('number');
  });

  it('takes the amount of a Vietnamese export written as ₫ text, not the customer or the date', () => {
    const csv = [
      'Khách hàng,Doanh thu,Ngày mua cuối',
      'Công ty An Phát,"27.000.000 ₫",2025-11-02',
      'Công ty Bình Minh,24000000,2025-10-15',
      'Công ty Hoà Bình,18000000,2025-06-30',
      'Công ty Gia Long,16000000,2025-03-01',
      'Công ty Đại Việt,"6.000.000 ₫",2024-12-24',
    ].join('\n');
    const [headers, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(guessMapping('kmeans', headers!, rows)).toEqual({ features: [1] });
    // An accounting export (test/fixtures/exports.ts): dates as yyyymmdd numbers, document and customer codes.
    const books = accountingExport(3);
    const bookRows = Papa.parse<string[]>(toCsv(books).trim(), {
      delimiter: books.delimiter,
      skipEmptyLines: true,
    }).data.slice(1);
    // Ngày chứng từ holds 8-digit dates (20250102), Số chứng từ and Mã khách hàng are codes.
    const found = guessMapping('kmeans', books.header, bookRows.slice(0, 20)).features as number[];
    expect(found.map((i) => books.header[i])).toEqual(['Số tiền']);
  });

  it('leaves out row numbers, numeric ids, phone numbers, postcodes and date serials; keeps blanks and days', () => {
    const headers = [
      'STT',
      'Mã KH',
      'Tên khách hàng',
      'Số điện thoại',
      'Mã bưu chính',
      'Ngày mua cuối',
      'Số đơn hàng',
      'Doanh thu năm nay',
      'Số ngày từ lần mua cuối',
      'Tăng trưởng',
      'Ghi chú',
    ];
    const rows: CellValue[][] = Array.from({ length: 12 }, (_, i) => [
      i + 1,
      10_234 + 17 * i,
      `Công ty ${i}`,
      912_345_000 + i,
      700_000 + i,
      45_900 + i, // an Excel date serial
      3 + (i % 5),
      `${(i + 1) * 1_500_000} ₫`,
      5 + 11 * i,
      i % 3 === 0 ? '' : 0.05 * i,
      i % 2 ? 'gọi lại' : '',
    ]);
    expect(guessNumericColumns(headers, rows)).toEqual([6, 7, 8, 9]);
    // A column counting up by one is a row number whatever its header; without a sample nothing is guessed.
    expect(
      guessNumericColumns(
        ['#', 'Orders'],
        [
          [1, 4],
          [2, 9],
          [3, 2],
        ],
      ),
    ).toEqual([1]);
    expect(
      guessNumericColumns(
        ['Ref', 'Orders'],
        [
          [7, 4],
          [8, 9],
          [9, 2],
        ],
      ),
    ).toEqual([1]);
    expect(guessMapping('kmeans', headers)).toEqual({});
  });

  it('pre-selects nothing for methods whose several columns are periods', () => {
    expect(guessMapping('xyz', ['Q1', 'Q2'], [[1, 2]])).toEqual({});
  });
});
