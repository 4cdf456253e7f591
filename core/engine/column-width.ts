/**
 * How wide a result column must be to show its labels: the longest of the header and the labels, measured in the
 * average character width of a spreadsheet's default font (Calibri 11 in Excel, Arial 10 in Sheets: about 7 pixels),
 * plus the cell's padding; never narrower than a default column, never wider than a task pane.
 */
import { DEFAULT_COLUMN_WIDTH } from './sheet-io.js';

/** Average width of one character of the default font, in pixels (digits and lower case; capitals are wider). */
const CHAR_PX = 7.5;
/** Cell padding and the filter button's room, in pixels. */
const PADDING_PX = 16;
/** A label longer than this wraps or is cut rather than widening the column further. */
export const MAX_RESULT_WIDTH = 320;

/** Characters as a reader counts them: `ế` typed as e + two marks is one. */
const length = (text: string): number => [...text.normalize('NFC')].length;

/** The width (pixels) that shows the longest text of `texts` whole, between a default column and MAX_RESULT_WIDTH. */
export function widthForLabels(texts: Iterable<string>): number {
  let longest = 0;
  for (const text of texts) longest = Math.max(longest, length(text));
  return Math.min(MAX_RESULT_WIDTH, Math.max(DEFAULT_COLUMN_WIDTH, Math.ceil(longest * CHAR_PX + PADDING_PX)));
}
