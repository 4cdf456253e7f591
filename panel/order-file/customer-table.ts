/**
 * The customer table an order file gave (pipeline.ts), in the two forms the panel hands on: rows for a new sheet
 * (when the sheet can take them) or a CSV file to download (when it cannot: Excel and the playground stop at
 * 1,048,576 rows, the header included). The CSV is what `segmentkit rfm` writes: a byte-order mark (so Excel reads
 * Vietnamese as UTF-8), RFM_TABLE's header, dates as 2025-12-31, whole numbers plain, the final problem row.
 *
 * Cost: O(customers) time; the rows or the CSV text are held once (a 1,000,000-customer CSV is about 60 MB).
 *
 * @example
 *   if (fitsOnSheet(summary)) await host.writeCustomerSheet({ table: await customerTable(db, summary), … });
 *   else link.href = URL.createObjectURL(await customerCsv(db, summary));
 */
import { serialToIso } from '../../core/dates.js';
import type { CellValue } from '../../core/engine/sheet-io.js';
import type { Lang } from '../../core/labels.js';
import { answerRows, tableHeader, type OrderFileDb, type OrderFileSummary } from './pipeline.js';

/** The most rows a sheet takes in Excel (and in the playground, which follows it), the header included. */
export const SHEET_MAX_ROWS = 1_048_576;

/** The customer table as it goes on a sheet: RFM_TABLE's header, one row per customer, the final problem row. */
export interface CustomerTable {
  readonly lang: Lang;
  readonly header: readonly string[];
  /** Per customer: Customer, Last purchase (day serial, or the problem text), Recency … RFM score, Segment. */
  readonly rows: readonly (readonly CellValue[])[];
  /** RFM_TABLE's final row (lines without a readable customer), when there is one. */
  readonly finalRow?: string;
}

/** Whether the table fits on one sheet (`rows` is the table's rows, header and final row included). */
export function fitsOnSheet(summary: Pick<OrderFileSummary, 'sheetRows'>, maxRows = SHEET_MAX_ROWS): boolean {
  return summary.sheetRows <= maxRows;
}

/** The table's rows out of the database. `onRows` is told the customers taken so far. */
export async function customerTable(
  db: OrderFileDb,
  summary: OrderFileSummary,
  onRows: (rows: number) => void = () => {},
): Promise<CustomerTable> {
  const rows: CellValue[][] = [];
  for await (const chunk of answerRows(db, summary)) {
    for (const row of chunk) rows.push(row);
    onRows(rows.length);
  }
  return {
    lang: summary.lang,
    header: tableHeader(summary.lang),
    rows,
    ...(summary.finalRow === undefined ? {} : { finalRow: summary.finalRow }),
  };
}

function csvCell(value: CellValue, dateColumn: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (dateColumn) return serialToIso(value);
    return Number.isInteger(value) && Math.abs(value) < 1e15 ? value.toFixed(0) : String(value);
  }
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of a table row (`Last purchase`, the second column, as an ISO date). */
export function csvLine(row: readonly CellValue[]): string {
  return `${row.map((v, k) => csvCell(v, k === 1)).join(',')}\n`;
}

/** The whole table as a CSV file (text/csv, UTF-8 with a byte-order mark). */
export async function customerCsv(
  db: OrderFileDb,
  summary: OrderFileSummary,
  onRows: (rows: number) => void = () => {},
): Promise<Blob> {
  const header = tableHeader(summary.lang);
  const parts: string[] = ['\ufeff', csvLine(header)];
  let rows = 0;
  for await (const chunk of answerRows(db, summary)) {
    let text = '';
    for (const row of chunk) text += csvLine(row);
    parts.push(text);
    rows += chunk.length;
    onRows(rows);
  }
  if (summary.finalRow !== undefined)
    parts.push(csvLine([summary.finalRow, ...new Array<CellValue>(header.length - 1).fill(null)]));
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

/** The download's file name: customers.csv, or khach-hang.csv in Vietnamese. */
export function csvFileName(lang: Lang): string {
  return lang === 'vi' ? 'khach-hang.csv' : 'customers.csv';
}
