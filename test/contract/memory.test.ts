import { MemorySheet, MemoryUndoStore } from '../../core/engine/memory-sheet.js';
import { PanelError } from '../../core/engine/messages.js';
import { previewResult } from '../../core/engine/preview.js';
import { segmentTable } from '../../core/engine/segment.js';
import type { PanelHost } from '../../panel/host.js';
import { inPageApply } from '../../panel/run-apply.js';
import { dateConversionSuite } from './convert-dates.js';
import { dataLossSuite } from './data-loss.js';
import type { HostHarness, TestDocument } from './harness.js';
import { sheetIOContract } from './sheet-io-contract.js';

/** The in-memory reference: the sheet, its undo store and the in-page apply, as the playground wires them. */
const memory: HostHarness = {
  name: 'the in-memory reference',
  async open(rows) {
    const sheet = new MemorySheet(
      'Khách hàng',
      rows.map((line) => line.map((v) => (v === '' ? null : v))),
    );
    const store = new MemoryUndoStore();
    let failures = 0;
    const realCommit = sheet.commit.bind(sheet);
    sheet.commit = async () => {
      if (failures > 0) {
        failures--;
        sheet.failAfterCellWrites = 3;
      }
      return realCommit();
    };
    const host = (): PanelHost =>
      ({
        preview: async (plan) => previewResult(plan, segmentTable(plan, await sheet.readValues(plan.table))),
        ...inPageApply({
          io: (name) => {
            if (name !== sheet.sheetName) throw new PanelError('sheetMissing', { sheet: name });
            return sheet;
          },
          store,
          summaries: { add: async (title) => title, remove: async () => {} },
        }),
      }) as PanelHost;
    const doc: TestDocument = {
      sheetName: sheet.sheetName,
      host,
      io: () => sheet,
      type: (row, col, input) => {
        if (typeof input === 'string' && input.startsWith('=')) sheet.setFormula(row, col, input, null);
        else if (typeof input === 'string' && input.startsWith("'")) sheet.type(row, col, input.slice(1));
        else sheet.type(row, col, input === '' ? null : input);
      },
      sortRows: (top, count, byCol, descending) => sheet.sortRows(top, count, byCol, descending),
      insertColumns: (col, count) => sheet.insertColumns(col, count),
      setFill: (row, col, color) => sheet.setFormat(row, col, { background: color }),
      cell: (row, col) => {
        const cell = sheet.dump()[row]?.[col];
        return { value: cell?.value ?? null, formula: cell?.formula ?? null, fill: cell?.background ?? null };
      },
      snapshot: () => sheet.dump(),
      deleteUndoCopy: () => sheet.dropSaved(),
      failNextWrites: (count) => (failures = count),
      visibleSheets: () => [sheet.sheetName],
    };
    return doc;
  },
};

sheetIOContract(memory);
dataLossSuite(memory);
dateConversionSuite(memory);
