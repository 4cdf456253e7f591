/**
 * The 10-column customer table (Vietnamese headers) that the panel-host tests and the panel I/O bench fill their fake
 * hosts with, and the RFM plan over it.
 */
import type { Plan } from '../../core/engine/plan.js';

export const CUSTOMER_SHEET = 'Khách hàng';

const HEADER = [
  'Khách hàng',
  'Ngành',
  'Vùng',
  'Tỉnh',
  'Nhân viên',
  'Ngày mua đầu',
  'Ngày mua cuối',
  'Số đơn',
  'Doanh thu',
  'Ghi chú',
];
const INDUSTRIES = ['Xây dựng', 'Thực phẩm & Đồ uống', 'Dệt may', 'Logistics', 'Giáo dục'];

/** Excel hands dates as serials. */
export const asSerial = (serial: number): number => serial;

/** Sheets hands dates as `Date` objects (midnight UTC of the serial's day). */
export const asDate = (serial: number): Date => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);

/** A header row and `rows` customers, dates through `date`. */
export function customerTable<D extends number | Date>(
  rows: number,
  date: (serial: number) => D,
): (string | number | D)[][] {
  const out: (string | number | D)[][] = [HEADER];
  for (let i = 0; i < rows; i++) {
    out.push([
      `Công ty TNHH Khách hàng số ${i + 1}`,
      INDUSTRIES[i % INDUSTRIES.length] as string,
      ['Bắc', 'Trung', 'Nam'][i % 3] as string,
      'TP. Hồ Chí Minh',
      10 + (i % 490),
      date(43_000 + (i % 700)),
      date(45_000 + ((i * 7) % 650)),
      1 + ((i * 13) % 60),
      1_000_000 + ((i * 7919) % 250_000_000),
      i % 10 === 0 ? 'Khách quen, thanh toán đúng hạn' : '',
    ]);
  }
  return out;
}

/** RFM over the whole table (last purchase, orders, revenue), in Vietnamese, rows coloured. */
export const customerPlan = (rows: number, change: Partial<Plan> = {}): Plan => ({
  sheetName: CUSTOMER_SHEET,
  table: { row: 0, col: 0, rows: rows + 1, cols: 10 },
  method: 'rfm',
  columns: { lastPurchase: 6, orders: 7, revenue: 8 },
  options: { values: { as_of: '2025-12-31' } },
  lang: 'vi',
  colorRows: true,
  ...change,
});
