/**
 * The order-line exports of exports.test.ts through the built Sheets Code.js and Excel functions.js: RFM_TABLE gives
 * the table worked out from what each line means (fixtures/expected-rfm.ts) in both.
 */
import { beforeAll, describe, it } from 'vitest';
import { expectGrid, imported, rfmArgs } from './fixtures/export-import.js';
import { expectedTable } from './fixtures/expected-rfm.js';
import { exportFiles } from './fixtures/exports.js';
import { loadFunctionsJs, neutralGridFromExcel, requireAddinBuilt, type LoadedFunctionsJs } from './hosts/excel-vm.js';
import { loadCodeJs, neutralGridFromSheets, requireCodeJs, type LoadedCodeJs } from './hosts/sheets-vm.js';

const FILES = exportFiles(1);

describe('the exports through the built Sheets Code.js and Excel functions.js', () => {
  let sheets: LoadedCodeJs;
  let excel: LoadedFunctionsJs;
  beforeAll(() => {
    requireCodeJs();
    requireAddinBuilt();
    sheets = loadCodeJs();
    excel = loadFunctionsJs();
  });

  it.each(FILES.map((f) => [f.name, f] as const))('%s: Sheets and Excel give the expected table', (_name, file) => {
    const rows = imported(file).slice(1);
    const [customers, dates, revenues, ids] = rfmArgs(file, rows);
    const expected = expectedTable(file.truth);
    expectGrid(
      neutralGridFromSheets(
        sheets.call('RFM_TABLE', [customers, dates, revenues, undefined, undefined, undefined, ids]),
      ),
      expected,
    );
    expectGrid(
      neutralGridFromExcel(
        excel.call('RFM_TABLE', [customers, dates, revenues, null, null, null, ids, null]),
        expected,
      ),
      expected,
    );
  });
});
