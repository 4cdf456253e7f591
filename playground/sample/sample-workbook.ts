/**
 * The workbook the playground opens: `Customers` (generated Vietnamese B2B customers with the segment formulas
 * filled in), `Orders` (data/rfm-orders.csv with an RFM_TABLE beside it) and `Segments` (summaries of the first).
 * Every formula passes an explicit as_of, so the answers never drift with the clock.
 */
import Papa from 'papaparse';
import type { CellInput, ColumnFormat, ColumnSpec, SheetInput } from '../engine/sheet-model.js';
import { generateCustomers, SAMPLE_AS_OF, type Customer } from './customers.js';

import { CUSTOMER_COUNT } from './customer-count.js';

export { CUSTOMER_COUNT };
export const ORDERS_AS_OF = '2006-12-31';

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

/** The Orders sheet: the CSV as typed cells, and its RFM table in column H. */
export function ordersSheet(csv: string): SheetInput {
  const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true });
  const rows = parsed.data;
  const last = rows.length;
  const cells: CellInput[][] = rows.map((row, r) =>
    row.map((cell, c) => (r > 0 && c === 2 && cell.trim() !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : cell)),
  );
  const header = cells[0];
  if (header) {
    while (header.length < 7) header.push(null);
    header[7] = `=RFM_TABLE(A2:A${last}, B2:B${last}, C2:C${last}, "${ORDERS_AS_OF}")`;
  }
  // Widths that fit the orders and their RFM table on one 1600-pixel screen.
  const columns: ColumnSpec[] = [
    { width: 130 },
    { width: 100 },
    { width: 76, format: 'integer' },
    { width: 84 },
    { width: 84 },
    { width: 190 },
    { width: 20 },
    { width: 130 },
    { width: 118 },
    { width: 118, format: 'integer' },
    { width: 64, format: 'integer' },
    { width: 76, format: 'integer' },
    { width: 36 },
    { width: 36 },
    { width: 36 },
    { width: 86 },
    { width: 150 },
  ];
  return { name: 'Orders', cells, columns, headerRow: true, initialCell: { col: 7, row: 0 } };
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
  ];
  return { name: 'Segments', cells, columns, headerRow: false, boldRows: [0, 1], initialCell: { col: 0, row: 1 } };
}

/** The whole sample workbook. `customers` is 2,000 in the playground; the benchmark opens it with 100,000. */
export function sampleWorkbook(ordersCsv: string, customerCount = CUSTOMER_COUNT): SheetInput[] {
  const orders = ordersSheet(ordersCsv);
  const orderLines = orders.cells.length - 1;
  return [customersSheet(generateCustomers(customerCount)), orders, segmentsSheet(customerCount, orderLines)];
}
