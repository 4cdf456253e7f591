/**
 * The line of the table step that says, before anything is written, where apply will put its result column: an
 * earlier result column it replaces, a new column it inserts (the column beside the table is a gap before another
 * table), or the empty column beside the table.
 */
import { a1, columnLetters } from '../core/engine/sheet-io.js';
import type { TableInfo } from '../core/engine/table.js';
import type { Lang } from '../core/labels.js';
import { text } from './i18n.js';

export function outputNote(table: TableInfo, lang: Lang): string {
  if (table.outputColumn !== undefined)
    return text('replacesColumn', lang, { col: a1(table.table.row, table.outputColumn) });
  const col = columnLetters(table.table.col + table.table.cols);
  return text(table.insertsColumn ? 'resultGoesInNew' : 'resultGoesIn', lang, { col });
}
