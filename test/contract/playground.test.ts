/**
 * The shared host suites over the real playground: a Workbook (HyperFormula plus its fills) with the panel host the
 * page uses. What a user does between two panel calls goes through HyperFormula as the grid does it: typing is
 * `setCellContents`, a sort rewrites the rows' inputs and fills, inserting a column is `addColumns` with the fills
 * moved along. The "hidden undo copy" is the workbook's saved states (undo-store.ts).
 */
import { afterEach } from 'vitest';
import type { RawCellContent } from 'hyperformula';
import { DetailedCellError } from 'hyperformula';
import type { CellValue } from '../../core/engine/sheet-io.js';
import { Workbook } from '../../playground/engine/workbook.js';
import { createPlaygroundHost } from '../../playground/panel/host.js';
import { PlaygroundSheetIO } from '../../playground/panel/sheet-io.js';
import { undoDataOf } from '../../playground/panel/undo-store.js';
import { dateConversionSuite } from './convert-dates.js';
import { dataLossSuite } from './data-loss.js';
import type { HostHarness, SeenCell, TestDocument } from './harness.js';
import { sheetIOContract } from './sheet-io-contract.js';

const SHEET = 'Khách hàng';
const opened: Workbook[] = [];
afterEach(() => opened.splice(0).forEach((w) => w.destroy()));

/**
 * Failures on demand: the next `commits` commits of a workbook's SheetIO fail half way, after their first write to
 * the workbook went through (as a host round trip that dies part way).
 */
const failing = new WeakMap<Workbook, { commits: number }>();
const realCommit = PlaygroundSheetIO.prototype.commit;
PlaygroundSheetIO.prototype.commit = async function commit(this: PlaygroundSheetIO): Promise<void> {
  const workbook = this.workbook;
  const plan = failing.get(workbook);
  if (!plan || plan.commits === 0) return realCommit.call(this);
  plan.commits--;
  let writes = 0;
  const halfWay =
    <A extends unknown[]>(real: (this: Workbook, ...args: A) => void) =>
    (...args: A): void => {
      if (writes++ >= 1) throw new Error('injected write failure');
      real.apply(workbook, args);
    };
  const patched = workbook as { setRaw: Workbook['setRaw']; setBackgrounds: Workbook['setBackgrounds'] };
  patched.setRaw = halfWay(Workbook.prototype.setRaw);
  patched.setBackgrounds = halfWay(Workbook.prototype.setBackgrounds);
  try {
    await realCommit.call(this);
  } finally {
    delete (patched as Partial<typeof patched>).setRaw;
    delete (patched as Partial<typeof patched>).setBackgrounds;
  }
};

const valueOf = (v: unknown): CellValue =>
  v instanceof DetailedCellError ? v.value : v === undefined ? null : (v as CellValue);

const playground: HostHarness = {
  name: 'the playground',
  async open(rows) {
    const workbook = Workbook.open([
      { name: SHEET, cells: rows.map((line) => line.map((v) => (v === '' ? null : v))) },
    ]);
    opened.push(workbook);
    const hf = workbook.hf;
    const sheet = workbook.sheetId(SHEET);
    const at = (row: number, col: number) => ({ sheet, row, col });
    const fillsOf = (rows: number, cols: number): (string | null)[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => workbook.background(sheet, r, c)));

    const doc: TestDocument = {
      sheetName: SHEET,
      host: () => createPlaygroundHost(workbook),
      io: () => new PlaygroundSheetIO(workbook, SHEET),
      type: (row, col, input) => {
        hf.setCellContents(at(row, col), input === '' ? null : input);
      },
      sortRows: (top, count, byCol, descending) => {
        const { width } = hf.getSheetDimensions(sheet);
        const lines = Array.from({ length: count }, (_, r) => ({
          key: valueOf(hf.getCellValue(at(top + r, byCol))),
          inputs: Array.from({ length: width }, (_, c) => hf.getCellSerialized(at(top + r, c)) as RawCellContent),
          fills: Array.from({ length: width }, (_, c) => workbook.background(sheet, top + r, c)),
        }));
        lines.sort((a, b) => {
          const x = a.key;
          const y = b.key;
          const order = x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
          return descending ? -order : order;
        });
        hf.setCellContents(
          at(top, 0),
          lines.map((line) => line.inputs),
        );
        workbook.setBackgrounds(
          sheet,
          top,
          0,
          lines.map((line) => line.fills),
        );
      },
      insertColumns: (col, count) => {
        const { width, height } = hf.getSheetDimensions(sheet);
        const fills = fillsOf(height, width);
        hf.addColumns(sheet, [col, count]);
        workbook.setBackgrounds(
          sheet,
          0,
          0,
          fills.map((line) => [...line.slice(0, col), ...new Array<null>(count).fill(null), ...line.slice(col)]),
        );
      },
      setFill: (row, col, color) => workbook.setBackgrounds(sheet, row, col, [[color]]),
      cell: (row, col): SeenCell => ({
        value: valueOf(hf.getCellValue(at(row, col))),
        formula: hf.doesCellHaveFormula(at(row, col)) ? (hf.getCellFormula(at(row, col)) ?? null) : null,
        fill: workbook.background(sheet, row, col),
      }),
      snapshot: () => {
        // The sheet's size as HyperFormula (and so the grid) has it, and every cell's input, value and fill over it
        // and a margin around it.
        const { width, height } = hf.getSheetDimensions(sheet);
        const cells = Array.from({ length: Math.max(height, 8) + 2 }, (_, r) =>
          Array.from({ length: Math.max(width, 5) + 2 }, (_, c) => [
            hf.getCellSerialized(at(r, c)) ?? null,
            valueOf(hf.getCellValue(at(r, c))),
            workbook.background(sheet, r, c),
          ]),
        );
        return { width, height, cells };
      },
      deleteUndoCopy: () => undoDataOf(workbook).dropSaved(),
      failNextWrites: (count) => void failing.set(workbook, { commits: count }),
      visibleSheets: () => workbook.sheetNames(),
    };
    return doc;
  },
};

sheetIOContract(playground);
dataLossSuite(playground);
dateConversionSuite(playground);
