/**
 * The workbook the playground opens: `Customers` (generated Vietnamese B2B customers with the segment formulas
 * filled in), `Orders` (a generated point-of-sale export with RFM_TABLE, CLV_TABLE and CLV_MODEL beside it) and
 * `Segments` (summaries of the other two).
 * Every formula passes an explicit as_of, so the answers never drift with the clock.
 */
import { DEFAULT_CLV_BANDS } from '../../core/catalog/clv-method.js';
import { CLV_DEFAULT_ANNUAL_DISCOUNT, CLV_DEFAULT_HORIZON_DAYS } from '../../core/catalog/clv.js';
import { label } from '../../core/labels.js';
import { DEFAULT_BINS } from '../../core/methods/rfm.js';
import type { CellInput, ColumnFormat, ColumnSpec, SheetInput } from '../engine/sheet-model.js';
import { generateCustomers, SAMPLE_AS_OF, type Customer } from './customers.js';

import { CUSTOMER_COUNT } from './customer-count.js';
import { generateOrderLines, ORDER_CUSTOMER_COUNT, ORDERS_AS_OF, type OrderLine } from './orders.js';

export { CUSTOMER_COUNT, ORDERS_AS_OF };

interface CustomerColumn extends ColumnSpec {
  readonly header: string;
  /** The data value of a customer, or the spilled formula written in row 2 (`{last}` is the last data row). */
  readonly value?: (c: Customer) => CellInput;
  readonly formula?: string;
}

/** The Customers sheet's columns, left to right (A, B, …): who, their segments, then the data the segments use. */
export const CUSTOMER_COLUMNS: readonly CustomerColumn[] = [
  { header: 'Customer ID', value: (c) => c.id, width: 108 },
  { header: 'Company', value: (c) => c.company, width: 330 },
  { header: 'Industry', value: (c) => c.industry, width: 168 },
  { header: 'Region', value: (c) => c.region, width: 74 },
  { header: 'ABC', formula: '=ABC_CLASS(P2:P{last})', width: 64 },
  { header: 'BCG', formula: '=BCG_QUADRANT(P2:P{last}, R2:R{last})', width: 126 },
  { header: 'Tier', formula: '=CUSTOMER_TIER(P2:P{last})', width: 90 },
  {
    header: 'Lifecycle',
    formula: `=LIFECYCLE_STAGE(M2:M{last}, N2:N{last}, O2:O{last}, "${SAMPLE_AS_OF}", S2:S{last})`,
    width: 106,
  },
  { header: 'RFM score', formula: `=RFM_SCORE(N2:N{last}, O2:O{last}, P2:P{last}, "${SAMPLE_AS_OF}")`, width: 96 },
  { header: 'RFM segment', formula: '=RFM_SEGMENT(I2:I{last})', width: 156 },
  { header: 'Province', value: (c) => c.province, width: 140 },
  { header: 'Employees', value: (c) => c.employees, width: 100, format: 'integer' },
  { header: 'First purchase', value: (c) => c.firstPurchase, width: 124 },
  { header: 'Last purchase', value: (c) => c.lastPurchase, width: 124 },
  { header: 'Orders', value: (c) => c.orders, width: 70, format: 'integer' },
  { header: `Revenue ${SAMPLE_AS_OF.slice(0, 4)} (₫)`, value: (c) => c.revenueThisYear, width: 150, format: 'vnd' },
  {
    header: `Revenue ${Number(SAMPLE_AS_OF.slice(0, 4)) - 1} (₫)`,
    value: (c) => c.revenueLastYear,
    width: 150,
    format: 'vnd',
  },
  {
    header: 'Growth',
    formula: '=ARRAYFORMULA(IF(Q2:Q{last}>0, P2:P{last}/Q2:Q{last}-1, ""))',
    width: 80,
    format: 'percent',
  },
  { header: 'Referrals', value: (c) => c.referrals, width: 90, format: 'integer' },
  { header: 'Paid on time', value: (c) => c.onTimeShare, width: 110, format: 'percent' },
  { header: 'Contacts', value: (c) => c.contacts, width: 90, format: 'integer' },
  { header: 'Feedback', value: (c) => c.feedback, width: 92, format: 'integer' },
];

/** The Customers sheet for `customers` (header row, data, and the formulas in row 2 spilling down). */
export function customersSheet(customers: readonly Customer[]): SheetInput {
  const last = customers.length + 1;
  const cells: CellInput[][] = [CUSTOMER_COLUMNS.map((c) => c.header)];
  for (const customer of customers) {
    cells.push(CUSTOMER_COLUMNS.map((c) => (c.value ? c.value(customer) : null)));
  }
  const firstRow = cells[1];
  if (firstRow) {
    CUSTOMER_COLUMNS.forEach((c, i) => {
      if (c.formula) firstRow[i] = c.formula.replaceAll('{last}', String(last));
    });
  }
  return {
    name: 'Customers',
    cells,
    columns: CUSTOMER_COLUMNS,
    headerRow: true,
    freezeColumns: 2,
    // The first formula, so the formula bar shows one on the first screen.
    initialCell: { col: 4, row: 1 },
  };
}

/** Spreadsheet column letters of a 0-based column index (0 → A, 27 → AB). */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Where the Orders sheet puts its lines and the formulas beside them (0-based columns). */
export const ORDERS_LAYOUT = {
  orderId: 0,
  date: 1,
  customer: 2,
  amount: 5,
  /** RFM_TABLE: Customer, Last purchase, Recency, Orders, Revenue, R, F, M, RFM score, Segment. */
  rfmTable: 7,
  /** CLV_TABLE: Customer, First purchase, Last purchase, Repeat purchases, Age, P(alive), Expected purchases, … */
  clvTable: 18,
  /** The CLV segment of each CLV_TABLE row, from its P(alive) by the panel's default bands. */
  clvSegment: 27,
  clvModel: 29,
} as const;

/** CLV_TABLE's columns, counted from its first. */
const CLV_P_ALIVE = 5;
const CLV_VALUE = 8;

/**
 * The Orders sheet: a point-of-sale export (one line per item, invoice numbers, a few returns) and, beside it,
 * RFM_TABLE, CLV_TABLE with a CLV segment column, and CLV_MODEL, each over every line with the invoice numbers.
 */
export function ordersSheet(lines: readonly OrderLine[]): SheetInput {
  const last = lines.length + 1;
  const L = ORDERS_LAYOUT;
  const range = (col: number): string => `${columnLetters(col)}2:${columnLetters(col)}${last}`;
  const orderArgs = `${range(L.customer)}, ${range(L.date)}, ${range(L.amount)}, "${ORDERS_AS_OF}"`;
  const header: CellInput[] = ['Order ID', 'Date', 'Customer', 'Product', 'Quantity', 'Amount (₫)'];
  header[L.rfmTable] = `=RFM_TABLE(${orderArgs}, ${DEFAULT_BINS}, "", ${range(L.orderId)})`;
  header[L.clvTable] =
    `=CLV_TABLE(${orderArgs}, ${CLV_DEFAULT_HORIZON_DAYS}, ${CLV_DEFAULT_ANNUAL_DISCOUNT}, ${range(L.orderId)})`;
  header[L.clvSegment] = 'CLV segment';
  header[L.clvModel] = `=CLV_MODEL(${orderArgs}, ${range(L.orderId)})`;
  for (let c = 0; c < header.length; c++) header[c] ??= null;
  const cells: CellInput[][] = [header];
  for (const line of lines) {
    cells.push([line.orderId, line.date, line.customer, line.product, line.quantity, line.amount]);
  }
  // CLV_TABLE reserves a header, one row per line and three more: its segment column covers the same rows.
  const pAlive = `${columnLetters(L.clvTable + CLV_P_ALIVE)}2:${columnLetters(L.clvTable + CLV_P_ALIVE)}${last + 3}`;
  const { activeFrom, lostBelow } = DEFAULT_CLV_BANDS;
  const second = cells[1];
  if (second) {
    while (second.length < L.clvSegment) second.push(null);
    second[L.clvSegment] =
      `=ARRAYFORMULA(IF(${pAlive}="", "", IF(${pAlive}>=${activeFrom}, "${label('clvActive', 'en')}", ` +
      `IF(${pAlive}>=${lostBelow}, "${label('clvAtRisk', 'en')}", "${label('clvLikelyLost', 'en')}"))))`;
  }
  // Widths that fit the lines and their RFM table on one 1600-pixel screen; the CLV tables follow to the right.
  const columns: ColumnSpec[] = [
    { width: 86 },
    { width: 92 },
    { width: 170 },
    { width: 180 },
    { width: 70, format: 'integer' },
    { width: 110, format: 'vnd' },
    { width: 20 },
    { width: 170 },
    { width: 110 },
    { width: 110, format: 'integer' },
    { width: 64, format: 'integer' },
    { width: 110, format: 'vnd' },
    { width: 36 },
    { width: 36 },
    { width: 36 },
    { width: 86 },
    { width: 150 },
    { width: 20 },
    { width: 170 },
    { width: 110 },
    { width: 110 },
    { width: 120, format: 'integer' },
    { width: 90, format: 'integer' },
    { width: 80, format: 'percent' },
    { width: 130, format: 'decimal' },
    { width: 140, format: 'vnd' },
    { width: 130, format: 'vnd' },
    { width: 110 },
    { width: 20 },
    { width: 190 },
    { width: 130, format: 'decimal' },
  ];
  return { name: 'Orders', cells, columns, headerRow: true, initialCell: { col: L.rfmTable, row: 0 } };
}

/**
 * The Segments sheet: summaries of the other two sheets. (Customers with no RFM segment, the prospects, would be
 * reported as left-out lines by SEGMENT_SUMMARY; the RFM segments are summarised from the Orders sheet's RFM table.)
 */
export function segmentsSheet(customerCount: number, orderLines: number): SheetInput {
  const last = customerCount + 1;
  const customers = (col: string): string => `Customers!${col}2:${col}${last}`;
  // RFM_TABLE in Orders!H1 reserves a header, one row per order line, and three more rows.
  const tableLast = orderLines + 4;
  const orders = (col: string): string => `Orders!${col}2:${col}${tableLast}`;
  const cells: CellInput[][] = [[], []];
  const put = (row: number, col: number, value: CellInput): void => {
    const r = (cells[row] ??= []);
    while (r.length < col) r.push(null);
    r[col] = value;
  };
  put(0, 0, 'Lifecycle stages');
  put(1, 0, `=SEGMENT_SUMMARY(${customers('H')}, ${customers('P')})`);
  put(0, 7, 'RFM segments (Orders)');
  put(1, 7, `=SEGMENT_SUMMARY(${orders('Q')}, ${orders('L')})`);
  put(0, 14, 'Main region by ABC');
  put(1, 14, `=MAIN_TRAIT(${customers('E')}, ${customers('D')}, 0.4)`);
  put(0, 18, 'Top 20% buy × the rest');
  put(1, 18, `=PARETO_RATIO(${customers('P')})`);
  put(0, 20, 'CLV segments (Orders)');
  const { clvSegment, clvTable } = ORDERS_LAYOUT;
  put(1, 20, `=SEGMENT_SUMMARY(${orders(columnLetters(clvSegment))}, ${orders(columnLetters(clvTable + CLV_VALUE))})`);
  const summary = (value: ColumnFormat, average: ColumnFormat): ColumnSpec[] => [
    { width: 190 },
    { width: 92, format: 'integer' },
    { width: 132, format: 'percent' },
    { width: 170, format: value },
    { width: 100, format: 'percent' },
    { width: 150, format: average },
  ];
  const columns: ColumnSpec[] = [
    ...summary('vnd', 'vnd'),
    { width: 32 },
    ...summary('integer', 'decimal'),
    { width: 32 },
    { width: 110 },
    { width: 100 },
    { width: 70, format: 'percent' },
    { width: 32 },
    { width: 170, format: 'ratio' },
    { width: 32 },
    ...summary('vnd', 'vnd'),
  ];
  return { name: 'Segments', cells, columns, headerRow: false, boldRows: [0, 1], initialCell: { col: 0, row: 1 } };
}

/**
 * The whole sample workbook. `customerCount` is 2,000 in the playground (the benchmark opens it with 100,000);
 * `orderCustomers` buy on the Orders sheet (1,000, about 7,800 lines).
 */
export function sampleWorkbook(customerCount = CUSTOMER_COUNT, orderCustomers = ORDER_CUSTOMER_COUNT): SheetInput[] {
  const orders = ordersSheet(generateOrderLines(orderCustomers));
  const orderLines = orders.cells.length - 1;
  return [customersSheet(generateCustomers(customerCount)), orders, segmentsSheet(customerCount, orderLines)];
}
