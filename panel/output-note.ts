/** The line of the table step that says where apply will write its result column. */
import { a1 } from '../core/engine/sheet-io.js';
import type { TableInfo } from '../core/engine/table.js';
import type { Lang } from '../core/labels.js';
import { text } from './i18n.js';

export function outputNote(table: TableInfo, lang: Lang): string | undefined {
  return table.outputColumn === undefined
    ? undefined
    : text('replacesColumn', lang, { col: a1(table.table.row, table.outputColumn) });
}
