/**
 * CLV_MODEL and CLV_TABLE through the built artifacts, loaded as the hosts load them (dist/addin/functions.js in a
 * bare V8 context called as Excel calls it, dates as serials; dist/apps-script/Code.js as Sheets calls it, dates as
 * Date objects): on order lines built from the CDNOW summary's definitions, α in days is 7 times the weekly α and
 * r, a, b are unchanged; both hosts give the same tables as the core; a whole-call problem reaches both as an error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, serialToDate, serialToIso } from '../core/index.js';
import { fitBgnbd, type BgNbdFitted } from '../core/methods/bgnbd.js';
import { cdnowCustomers, cdnowLines, type SerialLines } from './clv-cdnow.js';
import { col } from './helpers.js';
import { loadFunctionsJs, neutralGridFromExcel, requireAddinBuilt } from './hosts/excel-vm.js';
import { loadCodeJs, neutralGridFromSheets, requireCodeJs } from './hosts/sheets-vm.js';

let excel: ReturnType<typeof loadFunctionsJs>;
let sheets: ReturnType<typeof loadCodeJs>;

beforeAll(() => {
  requireAddinBuilt();
  requireCodeJs();
  excel = loadFunctionsJs();
  sheets = loadCodeJs();
});

const PARAMS = { CLV_TABLE: 8, CLV_MODEL: 5 } as const;
type Name = keyof typeof PARAMS;

/** The call as Excel makes it: every parameter passed, left-out ones as null, dates as serials. */
const excelCall = (fn: Name, l: SerialLines, ...rest: unknown[]): unknown =>
  excel.call(fn, [col(l.customers), col(l.dates), col(l.revenues), ...rest], PARAMS[fn]);
/** The call as Sheets makes it: only the arguments given, dates as Date objects. */
const sheetsCall = (fn: Name, l: SerialLines, ...rest: unknown[]): unknown =>
  sheets.call(fn, [col(l.customers), col(l.dates.map(serialToDate)), col(l.revenues), ...rest]);

function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return String((error as { message?: unknown }).message ?? error);
  }
  throw new Error('the call was expected to fail');
}

function relative(got: unknown, want: number): number {
  expect(typeof got).toBe('number');
  return Math.abs((got as number) - want) / Math.abs(want);
}

/** A two-column answer (Parameter, Value) as a record. */
const asRecord = (answer: unknown): Record<string, number> => {
  const grid = answer as unknown[][];
  expect(grid[0]).toEqual(['Parameter', 'Value']);
  return Object.fromEntries(grid.slice(1).map((row) => [row[0] as string, row[1] as number]));
};

describe('CLV_MODEL through functions.js and Code.js, on order lines built from the CDNOW summary', () => {
  const customers = cdnowCustomers();
  const lines = cdnowLines(customers);
  const weekly = fitBgnbd({
    x: customers.map((c) => c.x),
    tx: customers.map((c) => c.txDays / 7),
    T: customers.map((c) => c.tDays / 7),
  }) as BgNbdFitted;
  const summary = fitBgnbd({
    x: customers.map((c) => c.x),
    tx: customers.map((c) => c.txWeeks),
    T: customers.map((c) => c.tWeeks),
  }) as BgNbdFitted;

  it('gives α in days 7 times the weekly α, and r, a, b unchanged, in both hosts', () => {
    expect(weekly.kind).toBe('fitted');
    expect(summary.kind).toBe('fitted');
    for (const answer of [excelCall('CLV_MODEL', lines), sheetsCall('CLV_MODEL', lines)]) {
      const m = asRecord(answer);
      // the weeks of the very days the lines hold (days / 7)
      expect(relative(m['alpha (days)'], 7 * weekly.params.alpha)).toBeLessThanOrEqual(1e-6);
      for (const key of ['r', 'a', 'b'] as const)
        expect(relative(m[key], weekly.params[key])).toBeLessThanOrEqual(1e-6);
      // the summary's weeks as published (2 decimals, 0.03 day off whole days)
      expect(relative(m['alpha (days)'], 7 * summary.params.alpha)).toBeLessThanOrEqual(1e-4);
      for (const key of ['r', 'a', 'b'] as const)
        expect(relative(m[key], summary.params[key])).toBeLessThanOrEqual(1e-4);
      expect([m.customers, m['customers with repeat purchases']]).toEqual([2357, 946]);
    }
  });

  it('gives the same parameters in both hosts as in the core', () => {
    const core = invoke('CLV_MODEL', [col(lines.customers), col(lines.dates), col(lines.revenues)]);
    if (!core.ok) throw core.error;
    expect(excelCall('CLV_MODEL', lines)).toEqual(core.grid);
    expect(sheetsCall('CLV_MODEL', lines)).toEqual(core.grid);
  });

  it('spills the same CLV_TABLE in both hosts, dates as each host shows them', () => {
    const asOf = lines.dates.reduce((a, b) => Math.max(a, b));
    const fromSheets = neutralGridFromSheets(sheetsCall('CLV_TABLE', lines, serialToDate(asOf), 365, 0.1));
    const fromExcel = neutralGridFromExcel(excelCall('CLV_TABLE', lines, asOf, 365, 0.1), fromSheets);
    expect(fromExcel).toEqual(fromSheets);
    expect(fromExcel).toHaveLength(2358);
    const first = customers[0]!;
    expect(fromExcel[1]?.slice(0, 5)).toEqual([
      'C1',
      { date: serialToIso(asOf - first.tDays) },
      { date: serialToIso(asOf - first.tDays + first.txDays) },
      2,
      272,
    ]);
  });

  it('fails the call with the message when fewer than 10 customers bought, in both hosts', () => {
    const few = cdnowLines(customers.slice(0, 9));
    const message =
      'the lifetime-value models need at least 10 customers with a purchase up to as_of; the lines have 9: give the order lines of more customers';
    expect(thrown(() => excelCall('CLV_TABLE', few))).toContain(message);
    expect(thrown(() => sheetsCall('CLV_TABLE', few))).toContain(message);
    expect(thrown(() => sheetsCall('CLV_MODEL', few))).toContain(message);
  });
});
