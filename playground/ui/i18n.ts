/**
 * The playground page's own words (buttons, bars, toasts) in English and Vietnamese. The side panel has its own
 * table (panel/i18n.ts); the page follows the language chosen there (see language.ts).
 */
import type { Lang } from '../../core/labels.js';
import { formatNumber } from '../../core/number-format.js';
import { fillTemplate } from '../../core/template.js';

/** The page's words; exported so the browser test can tell an English word on a Vietnamese page. */
export const UI_TEXT = {
  brandTag: { en: 'Playground', vi: 'Bản dùng thử' },
  loading: { en: 'Opening the sample workbook ({count} customers)…', vi: 'Đang mở sổ mẫu ({count} khách hàng)…' },
  cancelOpen: { en: 'Cancel', vi: 'Hủy' },
  openCancelled: {
    en: 'Opening the sample workbook was cancelled: this is an empty sheet. Import a file, or reload the page to open the sample again.',
    vi: 'Đã hủy mở sổ mẫu: đây là một trang tính trống. Hãy nhập một tệp, hoặc tải lại trang để mở lại sổ mẫu.',
  },
  openFailed: { en: 'Could not open the workbook', vi: 'Không mở được sổ tính' },
  recalculating: { en: 'Recalculating…', vi: 'Đang tính lại…' },
  editFailed: { en: 'Could not change the workbook', vi: 'Không thay đổi được sổ tính' },
  sampleSubtitle: {
    en: 'Sample workbook · {count} Vietnamese B2B customers · {orders} orders',
    vi: 'Sổ mẫu · {count} khách hàng doanh nghiệp Việt Nam · {orders} đơn hàng',
  },
  functions: { en: 'Functions', vi: 'Hàm' },
  importButton: { en: 'Import CSV / XLSX', vi: 'Nhập CSV / XLSX' },
  importTooltip: {
    en: 'Open a CSV, TXT or XLSX file as a new sheet (or drop it on the page)',
    vi: 'Mở tệp CSV, TXT hoặc XLSX thành trang tính mới (hoặc thả tệp vào trang)',
  },
  exportButton: { en: 'Export XLSX', vi: 'Xuất XLSX' },
  dropHint: {
    en: 'Drop a CSV, TXT or XLSX file to open it as a new sheet',
    vi: 'Thả tệp CSV, TXT hoặc XLSX để mở thành trang tính mới',
  },
  importing: { en: 'Importing {file}…', vi: 'Đang nhập {file}…' },
  imported: { en: 'Imported {file}', vi: 'Đã nhập {file}' },
  importFailed: { en: 'Could not import {file}', vi: 'Không nhập được {file}' },
  exporting: { en: 'Writing XLSX…', vi: 'Đang ghi XLSX…' },
  exported: { en: 'Exported {file}', vi: 'Đã xuất {file}' },
  exportedSheets: { en: '{count} sheets', vi: '{count} trang tính' },
  exportFailed: { en: 'Could not export', vi: 'Không xuất được' },
  addSheet: { en: 'Add a blank sheet', vi: 'Thêm trang tính trống' },
  newSheetName: { en: 'Sheet{n}', vi: 'Trang tính {n}' },
  sheetTabs: { en: 'Sheets', vi: 'Các trang tính' },
  sheetArea: { en: 'Sheet {name}', vi: 'Trang tính {name}' },
  sum: { en: 'Sum {value}', vi: 'Tổng {value}' },
  average: { en: 'Average {value}', vi: 'Trung bình {value}' },
  count: { en: 'Count {value}', vi: 'Số lượng {value}' },
  sheetSize: { en: '{rows} × {columns}', vi: '{rows} × {columns}' },
  // The Vietnamese label keeps the English name in brackets, as Vietnamese guides to Excel do.
  nameBox: {
    en: 'Name box: type a cell address such as E2 and press Enter',
    vi: 'Hộp tên (Name box): nhập địa chỉ ô, ví dụ E2, rồi nhấn Enter',
  },
  formulaBar: { en: 'Formula bar', vi: 'Thanh công thức' },
  formulaPlaceholder: {
    en: 'Type a value, or a formula such as =ABC_CLASS(P2:P2001)',
    vi: 'Nhập một giá trị, hoặc một công thức như =ABC_CLASS(P2:P2001)',
  },
  spilledFrom: { en: 'spilled from {address}', vi: 'tràn ra từ {address}' },
  gridFailed: { en: 'This sheet could not be drawn', vi: 'Không vẽ được trang tính này' },
  panelFailed: { en: 'The side panel stopped', vi: 'Bảng bên đã dừng' },
  pageFailed: { en: 'The page stopped', vi: 'Trang đã dừng' },
  keptSafe: { en: 'Your sheets and edits are kept.', vi: 'Các trang tính và chỉnh sửa của bạn vẫn được giữ nguyên.' },
  retry: { en: 'Try again', vi: 'Thử lại' },
  // Import: what was found.
  comma: { en: 'Comma-separated', vi: 'Phân tách bằng dấu phẩy' },
  semicolon: { en: 'Semicolon-separated', vi: 'Phân tách bằng dấu chấm phẩy' },
  tab: { en: 'Tab-separated', vi: 'Phân tách bằng tab' },
  spaces: { en: 'Separated by spaces', vi: 'Phân tách bằng khoảng trắng' },
  single: { en: 'One value per line', vi: 'Mỗi dòng một giá trị' },
  xlsx: { en: 'Excel workbook', vi: 'Sổ Excel' },
  idColumns: {
    en: 'kept as text for their leading zeros: {names}',
    vi: 'giữ dạng văn bản để không mất số 0 ở đầu: {names}',
  },
  oneColumnTitle: { en: '{file} opened as one column', vi: '{file} được mở thành một cột' },
  oneColumnBody: {
    en: 'No comma, semicolon, tab or run of spaces separates its values: {rows}, one value each, the first “{first}”.',
    vi: 'Không có dấu phẩy, dấu chấm phẩy, tab hay khoảng trắng nào phân tách các giá trị: {rows}, mỗi dòng một giá trị, giá trị đầu là “{first}”.',
  },
  empty: { en: '{file} is empty: it holds no rows to open.', vi: '{file} trống: không có dòng nào để mở.' },
  emptyWorkbook: {
    en: '{file} has no cells in any of its worksheets.',
    vi: '{file} không có ô nào trong các trang tính của nó.',
  },
  oldXls: {
    en: '{file} is an old .xls file, which the playground cannot open. Save it as .xlsx or CSV and open that.',
    vi: '{file} là tệp .xls cũ, bản dùng thử không mở được. Hãy lưu thành .xlsx hoặc CSV rồi mở tệp đó.',
  },
  unreadableXlsx: {
    en: '{file} could not be read as an XLSX workbook ({detail}).',
    vi: 'Không đọc được {file} như một sổ XLSX ({detail}).',
  },
} satisfies Record<string, Record<Lang, string>>;

export type UiTextKey = keyof typeof UI_TEXT;

/** A text of the page in the given language, `{name}` filled from `values`. */
export function uiText(key: UiTextKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillTemplate(UI_TEXT[key][lang], values);
}

/** A figure of the page (a count, a sum, an average) as the language writes it, to 2 decimals: 4,906.5 or 4.906,5. */
export function formatCount(value: number, lang: Lang): string {
  return formatNumber(value, lang, 2);
}

const UNITS = {
  row: { en: ['row', 'rows'], vi: ['dòng', 'dòng'] },
  column: { en: ['column', 'columns'], vi: ['cột', 'cột'] },
} as const;

/** `1 row`, `4,906 rows`, `4.906 dòng`. */
export function countOf(value: number, unit: keyof typeof UNITS, lang: Lang): string {
  const [one, many] = UNITS[unit][lang];
  return `${formatCount(value, lang)} ${value === 1 ? one : many}`;
}
