/**
 * A command-line look at SegmentKit on the sample orders (4,906 orders of 995 customers): the RFM table,
 * its segments summarised, and the Pareto figures. The browser playground replaces this as `npm start`.
 */
import {
  describeProblem,
  invoke,
  isDateOut,
  isProblem,
  serialToIso,
  type OutCell,
  type OutGrid,
} from '../core/index.js';
import { readOrders } from './orders-csv.js';

const lang = process.argv.includes('--vi') ? 'vi' : 'en';

function call(name: string, args: unknown[]): OutGrid {
  const result = invoke(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.messageIn(lang)}`);
  return result.grid;
}

function text(cell: OutCell | undefined): string {
  if (cell === undefined) return '';
  if (isProblem(cell)) return `#VALUE! ${describeProblem(cell, lang)}`;
  if (isDateOut(cell)) return serialToIso(cell.serial);
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : cell.toFixed(3);
  return String(cell);
}

function print(title: string, grid: OutGrid, limit = grid.length): void {
  const rows = grid.slice(0, limit).map((row) => row.map(text));
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  console.log(`\n${title}`);
  for (const row of rows) console.log('  ' + row.map((v, c) => v.padEnd(widths[c] ?? 0)).join('  '));
  if (grid.length > limit) console.log(`  … ${grid.length - limit} more rows`);
}

const orders = readOrders();
const col = <T>(xs: readonly T[]): T[][] => xs.map((x) => [x]);
console.log(`SegmentKit demo: ${orders.customers.length} orders from data/rfm-orders.csv, as of 2006-12-31`);

const table = call('RFM_TABLE', [
  col(orders.customers),
  col(orders.dates),
  col(orders.revenues),
  '2006-12-31',
  null,
  null,
  null,
  lang,
]);
print('=RFM_TABLE(A2:A4907, B2:B4907, C2:C4907, "2006-12-31")', table, 11);

const body = table.slice(1).filter((row) => !isProblem(row[0]));
const segments = body.map((row) => [row[9]]);
const revenue = body.map((row) => [row[4]]);
print('=SEGMENT_SUMMARY(segments, revenue)', call('SEGMENT_SUMMARY', [segments, revenue, lang]));

const abc = call('ABC_CLASS', [revenue, null, null, null, lang]).flat();
const counts = new Map<string, number>();
for (const c of abc) counts.set(text(c), (counts.get(text(c)) ?? 0) + 1);
console.log(`\n=ABC_CLASS(revenue): ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')} customers`);
console.log(
  `=PARETO_RATIO(revenue): the top 20% buy ${text(call('PARETO_RATIO', [revenue])[0]?.[0])}× more than the rest`,
);
