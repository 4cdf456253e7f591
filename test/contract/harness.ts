/**
 * What the shared host suites (sheet-io-contract.ts, data-loss.ts) need of each host: a document holding one
 * customer sheet, the panel host over it (made anew to model closing and reopening the panel), and the things a user
 * does between two panel calls. Each host's test file implements it over its strict fake (or the real playground).
 */
import type { CellValue, SheetIO } from '../../core/engine/sheet-io.js';
import type { PanelHost } from '../../panel/host.js';

/** What a user sees in a cell: its value, whether it is a formula, whether a number-looking value is text. */
export interface SeenCell {
  readonly value: CellValue;
  readonly formula: string | null;
  readonly fill: string | null;
}

export interface TestDocument {
  /** The sheet's name. */
  readonly sheetName: string;
  /** A panel host over the document, as a newly opened panel gets it. */
  host(): PanelHost;
  /** The SheetIO over the sheet (the contract suite). */
  io(): SheetIO;
  /** A user typing: text that starts with `'` is text (the apostrophe is not kept), `=` a formula. */
  type(row: number, col: number, input: string | number): void | Promise<void>;
  /** A user sorting rows [top, top + rows) by a column; every cell of a row moves with it. */
  sortRows(top: number, rows: number, byCol: number, descending: boolean): void | Promise<void>;
  /** A user inserting `count` empty columns before column `col`. */
  insertColumns(col: number, count: number): void | Promise<void>;
  /** A user colouring a cell. */
  setFill(row: number, col: number, color: string | null): void | Promise<void>;
  /** What the user sees in a cell. */
  cell(row: number, col: number): SeenCell | Promise<SeenCell>;
  /** Everything the sheet holds, for comparing before and after. */
  snapshot(): unknown | Promise<unknown>;
  /** Deletes the host's hidden undo copy, as a user could (Sheets: the hidden sheet; Excel: the very hidden one). */
  deleteUndoCopy(): void | Promise<void>;
  /** Makes the next `count` host round trips that write fail (Excel: syncs, half way; others: writes). */
  failNextWrites(count: number): void;
  /** The number of sheets the user can see, and their names. */
  visibleSheets(): string[] | Promise<string[]>;
}

export interface HostHarness {
  readonly name: string;
  /** A document whose sheet holds `rows` from A1 (header first). */
  open(rows: readonly (readonly (string | number)[])[]): Promise<TestDocument>;
}
