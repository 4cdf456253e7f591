/**
 * Order lines built from the CDNOW summary (test/fixtures/cdnow-summary.csv, 2,357 customers, times in weeks, and
 * cdnow-summary-values.csv, their mean repeat value), by the summary's own definitions: customer i has x + 1
 * purchase days, the first at day 0, the last at 7·t_x weeks in days, T = 7·T weeks in days to as_of, the x − 1 in
 * between on distinct days strictly inside; the first purchase is worth 1 and every repeat purchase z̄, so the mean
 * repeat value is z̄. Days are whole, so 7·t_x and 7·T are rounded (the summary rounds weeks to 2 decimals; 7 times
 * that is within 0.03 of a whole day). Shared by the CLV function tests and the built-artifact test.
 */
import { readFileSync } from 'node:fs';
import { isoToSerial } from '../core/index.js';

/** A fixture CSV of numbers (test/fixtures/`name`), its header row dropped. */
export function readCsv(name: string): number[][] {
  const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** The end of CDNOW's 39-week calibration period. */
export const CDNOW_AS_OF = isoToSerial('1997-09-30') as number;

export interface CdnowCustomer {
  readonly id: string;
  readonly x: number;
  /** In weeks, as the summary gives them. */
  readonly txWeeks: number;
  readonly tWeeks: number;
  /** In whole days, as the order lines hold them. */
  readonly txDays: number;
  readonly tDays: number;
  /** Mean repeat value (0 for x = 0). */
  readonly zbar: number;
}

export function cdnowCustomers(): CdnowCustomer[] {
  const zbar = new Map(readCsv('cdnow-summary-values.csv').map((r) => [r[0] as number, r[4] as number]));
  return readCsv('cdnow-summary.csv').map(([id, x, tx, T]) => ({
    id: `C${id}`,
    x: x as number,
    txWeeks: tx as number,
    tWeeks: T as number,
    txDays: Math.round((tx as number) * 7),
    tDays: Math.round((T as number) * 7),
    zbar: zbar.get(id as number) ?? 0,
  }));
}

export interface SerialLines {
  readonly customers: string[];
  readonly dates: number[];
  readonly revenues: number[];
}

/** The order lines, customer after customer, dates as serials. */
export function cdnowLines(customers: readonly CdnowCustomer[] = cdnowCustomers()): SerialLines {
  const lines: SerialLines = { customers: [], dates: [], revenues: [] };
  for (const c of customers) {
    const first = CDNOW_AS_OF - c.tDays;
    const push = (day: number, value: number): void => {
      lines.customers.push(c.id);
      lines.dates.push(first + day);
      lines.revenues.push(value);
    };
    push(0, 1);
    // x − 1 distinct days strictly between 0 and t_x (x ≤ t_x days in this data, so the steps are ≥ 1 day)
    for (let k = 1; k < c.x; k++) push(Math.floor((k * c.txDays) / c.x), c.zbar);
    if (c.x > 0) push(c.txDays, c.zbar);
  }
  return lines;
}
