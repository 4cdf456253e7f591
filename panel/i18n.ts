/** Every string the side panel shows, in English and Vietnamese, in one table. */
import type { Lang } from '../core/labels.js';
import { methodSpec } from '../core/catalog/index.js';
import type { Operator } from '../core/engine/rules.js';
import type { RecordedAction } from '../core/engine/undo-record.js';
import { fillTemplate } from '../core/template.js';

/** Exported for the browser test that looks for an English word on a Vietnamese page (and the reverse). */
export const STRINGS = {
  title: { en: 'SegmentKit', vi: 'SegmentKit' },
  language: { en: 'Language', vi: 'Ngôn ngữ' },
  stepRange: { en: '1. Table', vi: '1. Bảng dữ liệu' },
  stepMethod: { en: '2. Method', vi: '2. Phương pháp' },
  stepColumns: { en: '3. Columns and options', vi: '3. Cột và tùy chọn' },
  stepPreview: { en: '4. Preview', vi: '4. Xem trước' },
  stepApply: { en: '5. Apply', vi: '5. Áp dụng' },
  useTable: { en: 'Use the table around the selection', vi: 'Dùng bảng quanh vùng đang chọn' },
  refresh: { en: 'Refresh', vi: 'Làm mới' },
  rangeHint: {
    en: 'Click a cell inside your customer table, then use it here. The header row is found for you.',
    vi: 'Bấm vào một ô trong bảng khách hàng rồi bấm nút bên dưới. Dòng tiêu đề sẽ được tự động nhận ra.',
  },
  tableFound: { en: '{sheet}!{range}: {rows} rows, {cols} columns', vi: '{sheet}!{range}: {rows} dòng, {cols} cột' },
  replacesColumn: {
    en: 'The earlier result column {col} will be replaced.',
    vi: 'Cột kết quả trước đó ({col}) sẽ được thay thế.',
  },
  resultGoesIn: { en: 'Results go in column {col}.', vi: 'Kết quả sẽ được ghi vào cột {col}.' },
  resultGoesInNew: {
    en: 'Results go in a new column {col}, inserted before the next table.',
    vi: 'Kết quả sẽ được ghi vào cột mới {col}, chèn vào trước bảng bên cạnh.',
  },
  next: { en: 'Next', vi: 'Tiếp' },
  back: { en: 'Back', vi: 'Quay lại' },
  none: { en: '(none)', vi: '(không có)' },
  outputHeader: { en: 'Result column name', vi: 'Tên cột kết quả' },
  required: { en: 'Choose a column for this.', vi: 'Hãy chọn cột cho mục này.' },
  previewButton: { en: 'Preview', vi: 'Xem trước' },
  previewing: { en: 'Computing…', vi: 'Đang tính…' },
  segment: { en: 'Segment', vi: 'Phân khúc' },
  rowsCol: { en: 'Rows', vi: 'Số dòng' },
  customersCol: { en: 'Customers', vi: 'Số khách hàng' },
  shareCol: { en: 'Share', vi: 'Tỷ lệ' },
  thresholds: { en: 'Cut-offs used', vi: 'Ngưỡng đã dùng' },
  problems: { en: '{n} rows could not be read', vi: '{n} dòng không đọc được' },
  rowProblem: { en: 'Row {row}: {message}', vi: 'Dòng {row}: {message}' },
  colorRows: { en: 'Colour the rows by segment', vi: 'Tô màu các dòng theo phân khúc' },
  summarySheet: { en: 'Add a summary sheet with a chart', vi: 'Thêm trang tổng hợp có biểu đồ' },
  customerTableSheet: {
    en: 'A new sheet with one row per customer: P(alive), expected purchases, expected order value, CLV and segment',
    vi: 'Một trang mới, mỗi khách hàng một dòng: P(còn mua), số lần mua dự kiến, giá trị đơn dự kiến, CLV và phân khúc',
  },
  apply: { en: 'Apply', vi: 'Áp dụng' },
  warehouseTitle: {
    en: 'Bigger than a sheet: the same query for BigQuery',
    vi: 'Lớn hơn một trang tính: cùng truy vấn cho BigQuery',
  },
  warehouseAbout: {
    en: 'For an order history too big for Google Sheets: load it into BigQuery as the table below, run this query there (or through Connected Sheets), and it answers as this method does here, with the options you chose.',
    vi: 'Cho lịch sử đơn hàng quá lớn với Google Sheets: nạp vào BigQuery thành bảng dưới đây, chạy truy vấn này ở đó (hoặc qua Connected Sheets), kết quả giống phương pháp này ở đây, với các tùy chọn bạn đã chọn.',
  },
  warehouseInput: {
    en: 'Input table: {table}. line is the row number, for the order of first appearance.',
    vi: 'Bảng đầu vào: {table}. line là số thứ tự dòng, để giữ thứ tự xuất hiện đầu tiên.',
  },
  warehouseCli: {
    en: 'On a computer, the command line does the same from a CSV, Parquet or Excel file: npx segmentkit rfm orders.csv',
    vi: 'Trên máy tính, dòng lệnh làm việc này từ tệp CSV, Parquet hoặc Excel: npx segmentkit rfm orders.csv',
  },
  copySql: { en: 'Copy the query', vi: 'Sao chép truy vấn' },
  sqlCopied: { en: 'Copied', vi: 'Đã sao chép' },
  sqlSelected: { en: 'Selected: press Ctrl+C to copy', vi: 'Đã chọn: nhấn Ctrl+C để sao chép' },
  applying: { en: 'Working: {phase}', vi: 'Đang xử lý: {phase}' },
  phase_read: { en: 'reading the table', vi: 'đọc bảng' },
  phase_compute: { en: 'computing', vi: 'tính toán' },
  phase_save: { en: 'saving what will change, for undo', vi: 'lưu lại để hoàn tác' },
  phase_write: { en: 'writing', vi: 'ghi kết quả' },
  phase_done: { en: 'done', vi: 'xong' },
  cancel: { en: 'Cancel', vi: 'Hủy' },
  cancelled: { en: 'Cancelled. The sheet is as it was.', vi: 'Đã hủy. Trang tính giữ nguyên như trước.' },
  confirmTitle: { en: 'Replace existing cells?', vi: 'Ghi đè các ô đang có dữ liệu?' },
  confirmBody: {
    en: '{n} cells in {target} already hold something. Replace them? Undo puts them back.',
    vi: '{n} ô trong {target} đang có dữ liệu. Ghi đè lên chúng? Có thể hoàn tác để khôi phục.',
  },
  replace: { en: 'Replace', vi: 'Ghi đè' },
  keep: { en: 'Keep them', vi: 'Giữ nguyên' },
  applied: { en: 'Written to {target}.', vi: 'Đã ghi vào {target}.' },
  summaryWritten: { en: 'Summary sheet: {name}', vi: 'Trang tổng hợp: {name}' },
  legend: { en: 'Legend', vi: 'Chú giải' },
  undo: { en: 'Undo the last apply', vi: 'Hoàn tác lần áp dụng gần nhất' },
  undoWhat: { en: 'Last apply: {what}', vi: 'Lần áp dụng gần nhất: {what}' },
  undone: { en: 'Undone: the sheet is as it was before.', vi: 'Đã hoàn tác: trang tính trở lại như trước.' },
  nothingToUndo: { en: 'Nothing to undo.', vi: 'Không có gì để hoàn tác.' },
  undoUnfinished: {
    en: 'The last apply ({what}) failed half way and was not fully put back.',
    vi: 'Lần áp dụng gần nhất ({what}) lỗi giữa chừng và chưa được trả lại hết.',
  },
  finishUndo: { en: 'Finish undo', vi: 'Hoàn tất hoàn tác' },
  undoConfirmTitle: { en: 'Cells changed since the apply', vi: 'Có ô đã đổi sau lần áp dụng' },
  undoConfirmBody: {
    en: '{n} cells of the result column were changed after the apply. Undo would replace them with what they held before it.',
    vi: '{n} ô của cột kết quả đã được sửa sau lần áp dụng. Hoàn tác sẽ thay chúng bằng giá trị trước khi áp dụng.',
  },
  undoAnyway: { en: 'Undo anyway', vi: 'Vẫn hoàn tác' },
  nothingUsable: {
    en: 'No row can be used, so there is nothing to apply. Below is what was found.',
    vi: 'Không dòng nào dùng được nên chưa có gì để áp dụng. Bên dưới là những gì tìm thấy.',
  },
  applyOff: {
    en: 'Apply is off: no row of the table can be used (see the preview).',
    vi: 'Chưa thể áp dụng: không dòng nào của bảng dùng được (xem phần xem trước).',
  },
  // order lines
  revenueFrom: { en: 'Revenue of each line', vi: 'Doanh thu của từng dòng' },
  revenueColumn: { en: 'Revenue column', vi: 'Cột doanh thu' },
  quantityTimesPrice: { en: 'Quantity × Price', vi: 'Số lượng × Đơn giá' },
  customersWithoutPurchase: {
    en: '{n} customers with only returns or cancellations: no segment',
    vi: '{n} khách hàng chỉ có trả hàng hoặc hủy đơn: không có phân khúc',
  },
  customersWithLinesLeftOut: {
    en: '{n} customers have a line that could not be used: no segment until it is fixed',
    vi: '{n} khách hàng có dòng không dùng được: chưa có phân khúc cho đến khi sửa dòng đó',
  },
  // dates that are not dates
  dateNumbers: {
    en: 'The dates in “{header}” are numbers like {example}, not dates: read as dates, they are {date}.',
    vi: 'Cột “{header}” chứa số như {example}, không phải ngày: đọc như ngày thì là {date}.',
  },
  dateText: {
    en: 'The dates in “{header}” are text like “{example}”, not dates: read as dates, they are {date}.',
    vi: 'Cột “{header}” chứa chữ như “{example}”, không phải ngày: đọc như ngày thì là {date}.',
  },
  dateUnsettled: {
    en: '“{header}” holds text like “{example}”, which could be {dayFirst} (day first) or {monthFirst} (month first): nothing in the column settles which.',
    vi: '“{header}” chứa chữ như “{example}”, có thể là {dayFirst} (ngày trước) hoặc {monthFirst} (tháng trước): không gì trong cột cho biết là cách nào.',
  },
  convert: { en: 'Convert {n} cells into dates', vi: 'Chuyển {n} ô thành ngày' },
  convertDayFirst: { en: 'Convert, day first', vi: 'Chuyển, ngày trước' },
  convertMonthFirst: { en: 'Convert, month first', vi: 'Chuyển, tháng trước' },
  convertHint: {
    en: 'Written in place as real dates; undo puts the column back.',
    vi: 'Ghi tại chỗ thành ngày thật; hoàn tác sẽ trả lại cột như cũ.',
  },
  convertTimes: { en: 'Times of day are not kept.', vi: 'Giờ trong ngày không được giữ.' },
  convertNotDates: {
    en: '{n} cells are not dates and stay as they are.',
    vi: '{n} ô không phải ngày và được giữ nguyên.',
  },
  converted: { en: 'Converted {n} cells of {target} into dates.', vi: 'Đã chuyển {n} ô của {target} thành ngày.' },
  convertDatesAction: { en: 'Convert dates', vi: 'Chuyển thành ngày' },
  // options
  numberNeeded: { en: 'Type a number.', vi: 'Hãy nhập một số.' },
  wholeNeeded: { en: 'Type a whole number.', vi: 'Hãy nhập một số nguyên.' },
  numberAtLeast: { en: 'Type a number of at least {min}.', vi: 'Hãy nhập số từ {min} trở lên.' },
  numberAtMost: { en: 'Type a number of at most {max}.', vi: 'Hãy nhập số không quá {max}.' },
  numberAbove: { en: 'Type a number more than {min}.', vi: 'Hãy nhập số lớn hơn {min}.' },
  numberAboveAtMost: {
    en: 'Type a number more than {min} and at most {max}.',
    vi: 'Hãy nhập số lớn hơn {min} và không quá {max}.',
  },
  numberBetweenOpen: {
    en: 'Type a number more than {min} and less than {max}.',
    vi: 'Hãy nhập số lớn hơn {min} và nhỏ hơn {max}.',
  },
  badWhole: { en: 'Type a whole number between {min} and {max}.', vi: 'Hãy nhập số nguyên từ {min} đến {max}.' },
  badListCount: { en: 'Type {n} numbers separated by commas.', vi: 'Hãy nhập {n} số, cách nhau bằng dấu phẩy.' },
  badAscending: {
    en: 'Each number must be larger than the one before.',
    vi: 'Mỗi số phải lớn hơn số đứng trước.',
  },
  badNumber: { en: 'Type a number between {min} and {max}.', vi: 'Hãy nhập số từ {min} đến {max}.' },
  badList: { en: 'Type numbers separated by commas.', vi: 'Hãy nhập các số, cách nhau bằng dấu phẩy.' },
  badDate: {
    en: '{field}: type a date such as 2026-09-22, 22/09/2026 or 20260922, or pick one.',
    vi: '{field}: hãy nhập ngày như 22/09/2026, 2026-09-22 hoặc 20260922, hoặc chọn trên lịch.',
  },
  ambiguousDate: {
    en: '{field}: "{text}" could be {dayFirst} (day first) or {monthFirst} (month first): type {dayFirst} or {monthFirst}.',
    vi: '{field}: "{text}" có thể là {dayFirst} (ngày trước) hoặc {monthFirst} (tháng trước): hãy nhập {dayFirst} hoặc {monthFirst}.',
  },
  // rules
  rules: {
    en: 'Groups (the first group whose conditions hold names the row)',
    vi: 'Nhóm (nhóm đầu tiên thỏa điều kiện sẽ đặt tên cho dòng)',
  },
  groupLabel: { en: 'Group name', vi: 'Tên nhóm' },
  all: { en: 'All conditions (AND)', vi: 'Tất cả điều kiện (VÀ)' },
  any: { en: 'Any condition (OR)', vi: 'Một điều kiện bất kỳ (HOẶC)' },
  column: { en: 'Column', vi: 'Cột' },
  operator: { en: 'Operator', vi: 'Phép so sánh' },
  value: { en: 'Value', vi: 'Giá trị' },
  addCondition: { en: 'Add condition', vi: 'Thêm điều kiện' },
  addGroup: { en: 'Add group', vi: 'Thêm nhóm' },
  remove: { en: 'Remove', vi: 'Xóa' },
  presets: { en: 'Presets', vi: 'Mẫu có sẵn' },
  presetRisk: { en: 'Risk group: high value, no purchase for long', vi: 'Nhóm rủi ro: giá trị cao, lâu không mua' },
  presetUnreliable: {
    en: 'Registered, no purchase: signed up but never ordered',
    vi: 'Đăng ký, chưa mua: khách đã đăng ký nhưng chưa có đơn nào',
  },
  riskLabel: { en: 'Risk group', vi: 'Nhóm rủi ro' },
  unreliableLabel: { en: 'Registered, no purchase', vi: 'Đăng ký, chưa mua' },
  newGroup: { en: 'Group {n}', vi: 'Nhóm {n}' },
  noRules: {
    en: 'Add at least one group with a name and a condition.',
    vi: 'Hãy thêm ít nhất một nhóm có tên và điều kiện.',
  },
  // tags
  tagRows: { en: '{n} selected rows will get the tag.', vi: '{n} dòng đang chọn sẽ được gắn nhãn.' },
  noSelection: {
    en: 'Select rows in the sheet, then press Refresh.',
    vi: 'Hãy chọn các dòng trong trang tính rồi bấm Làm mới.',
  },
  taxonomy: { en: 'List', vi: 'Danh sách' },
  buyingRoles: { en: 'Buying roles', vi: 'Vai trò mua hàng' },
  personalities: { en: 'Personalities', vi: 'Tính cách' },
  ownTags: { en: 'Your own tags (kept in this document)', vi: 'Nhãn của bạn (lưu trong tài liệu này)' },
  tag: { en: 'Tag', vi: 'Nhãn' },
  newTag: { en: 'New tag', vi: 'Nhãn mới' },
  addTag: { en: 'Add to my tags', vi: 'Thêm vào nhãn của tôi' },
  chooseTag: { en: 'Choose a tag.', vi: 'Hãy chọn một nhãn.' },
  chartTitle: { en: 'Chart', vi: 'Biểu đồ' },
  // the wizard's state
  previewStale: {
    en: 'The columns or options changed since this preview was made.',
    vi: 'Cột hoặc tùy chọn đã thay đổi sau lần xem trước này.',
  },
  previewAgain: { en: 'Preview again', vi: 'Xem trước lại' },
  presetNoColumns: {
    en: 'This table has no column this preset needs.',
    vi: 'Bảng này không có cột mà mẫu này cần.',
  },
  cancelling: { en: 'Cancelling: putting the sheet back…', vi: 'Đang hủy: trả lại trang tính như cũ…' },
  steps: { en: 'Steps', vi: 'Các bước' },
  orderFileTitle: { en: 'Bigger than a sheet: open an order file', vi: 'Lớn hơn một trang tính: mở tệp đơn hàng' },
  orderFileAbout: {
    en: 'Pick a CSV or Parquet file of order lines on this computer. It is read here, in this panel (nothing is sent anywhere), by the same rules as the formulas, and the customer table (RFM_TABLE, with its segments) goes on a new sheet.',
    vi: 'Chọn một tệp CSV hoặc Parquet chứa các dòng đơn hàng trên máy này. Tệp được đọc ngay tại bảng điều khiển này (không gửi đi đâu), theo cùng quy tắc với các công thức, và bảng khách hàng (RFM_TABLE, kèm phân khúc) được ghi vào một trang tính mới.',
  },
  orderFileOpen: { en: 'Open an order file', vi: 'Mở tệp đơn hàng' },
  orderFileSheet: { en: 'Customers', vi: 'Khách hàng' },
  orderFileLoading: { en: 'Loading the file reader…', vi: 'Đang tải bộ đọc tệp…' },
  orderFile_settle: {
    en: 'Looking at the dates and amounts of {file}: {lines} lines{percent}',
    vi: 'Đang xem ngày và số tiền trong {file}: {lines} dòng{percent}',
  },
  orderFile_read: { en: 'Reading {file}: {lines} lines{percent}', vi: 'Đang đọc {file}: {lines} dòng{percent}' },
  orderFile_score: { en: 'Scoring the customers…', vi: 'Đang chấm điểm khách hàng…' },
  orderFile_table: { en: 'Taking out the customer table: {lines} rows', vi: 'Đang lấy bảng khách hàng: {lines} dòng' },
  orderFile_write: { en: 'Writing the new sheet…', vi: 'Đang ghi trang tính mới…' },
  orderFilePercent: { en: ' (about {percent})', vi: ' (khoảng {percent})' },
  orderFileColumns: {
    en: 'Columns used: customer "{customer}", date "{date}", revenue {revenue}{orderId}.',
    vi: 'Các cột đã dùng: khách hàng "{customer}", ngày "{date}", doanh thu {revenue}{orderId}.',
  },
  orderFileOrderId: { en: ', order id "{orderId}"', vi: ', mã đơn "{orderId}"' },
  orderFileWritten: {
    en: 'The customer table is on the new sheet "{sheet}" ({rows} rows). Undo removes the sheet.',
    vi: 'Bảng khách hàng đã được ghi vào trang tính mới "{sheet}" ({rows} dòng). Hoàn tác sẽ xóa trang tính này.',
  },
  orderFileFinalRow: {
    en: 'The last row counts the lines without a readable customer.',
    vi: 'Dòng cuối đếm các dòng không đọc được khách hàng.',
  },
  orderFileTooBig: {
    en: 'The customer table has {rows} rows with its header: more than a sheet takes ({max}). Download it as a CSV file instead.',
    vi: 'Bảng khách hàng có {rows} dòng kể cả tiêu đề: nhiều hơn sức chứa của một trang tính ({max}). Hãy tải bảng về dưới dạng tệp CSV.',
  },
  orderFileDownload: { en: 'Download {name}', vi: 'Tải {name} về' },
  orderFileCancelled: {
    en: 'Stopped. Nothing was written to the workbook.',
    vi: 'Đã dừng. Không có gì được ghi vào bảng tính.',
  },
  orderFile_cancelled: { en: 'Stopped.', vi: 'Đã dừng.' },
  orderFile_emptyFile: { en: 'The file is empty.', vi: 'Tệp trống.' },
  orderFile_noHeader: {
    en: 'No header row was found in the first {rows} rows of the file: its first row should name the columns (Customer, Order date, Revenue, …).',
    vi: 'Không tìm thấy dòng tiêu đề trong {rows} dòng đầu của tệp: dòng đầu nên ghi tên các cột (Khách hàng, Ngày mua, Doanh thu, …).',
  },
  orderFile_noColumn: {
    en: 'No column for "{role}" among {headers}. Name one of them like {examples}.',
    vi: 'Không có cột nào cho "{role}" trong {headers}. Hãy đặt tên một cột, ví dụ {examples}.',
  },
  orderFile_noLines: {
    en: 'None of the {lines} lines of the file could be used (see the lines left out).',
    vi: 'Không dùng được dòng nào trong {lines} dòng của tệp (xem các dòng bị bỏ qua).',
  },
  orderFile_unreadable: {
    en: 'The file could not be read as a table: {why}',
    // DuckDB's own reason is English only: the Vietnamese text says what to check instead of showing it
    vi: 'Không đọc được tệp dưới dạng bảng: hãy kiểm tra đó là tệp CSV (các cột phân cách bằng dấu phẩy, chấm phẩy hoặc tab) hoặc Parquet, có dòng tiêu đề và được lưu ở dạng UTF-8.',
  },
  orderFile_noWasm: {
    en: 'Opening a file needs WebAssembly, which this version of Office or this browser does not offer. Everything else in the panel still works; the command line (npx segmentkit rfm) reads the same file.',
    vi: 'Mở tệp cần WebAssembly, nhưng phiên bản Office hoặc trình duyệt này không hỗ trợ. Các phần khác của bảng điều khiển vẫn dùng được; dòng lệnh (npx segmentkit rfm) đọc được cùng tệp này.',
  },
  orderFile_wasmFailed: {
    en: 'The file reader (DuckDB-Wasm) could not be loaded from this add-in ({why}). Everything else in the panel still works; the command line (npx segmentkit rfm) reads the same file.',
    vi: 'Không tải được bộ đọc tệp (DuckDB-Wasm) của tiện ích này. Các phần khác của bảng điều khiển vẫn dùng được; dòng lệnh (npx segmentkit rfm) đọc được cùng tệp này.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof STRINGS;

/** A panel string, with `{name}` placeholders filled. */
export function text(key: TextKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillTemplate(STRINGS[key][lang], values);
}

/** The name of what the last apply did, for the undo line. */
export function actionName(action: RecordedAction, lang: Lang): string {
  return action === 'convertDates' ? text('convertDatesAction', lang) : methodSpec(action).name[lang];
}

export const OPERATOR_TEXT: Record<Operator, Record<Lang, string>> = {
  eq: { en: '=', vi: '=' },
  ne: { en: '≠', vi: '≠' },
  lt: { en: '<', vi: '<' },
  le: { en: '≤', vi: '≤' },
  gt: { en: '>', vi: '>' },
  ge: { en: '≥', vi: '≥' },
  contains: { en: 'contains', vi: 'chứa' },
  in: { en: 'in list', vi: 'thuộc danh sách' },
  topPercent: { en: 'in the top %', vi: 'thuộc top %' },
  daysBeforeLatest: { en: 'days before the latest ≥', vi: 'số ngày trước ngày mới nhất ≥' },
};

/** The panel language when nothing is saved: Vietnamese for a Vietnamese browser, else English. */
export function defaultLang(browserLanguage: string | undefined): Lang {
  return browserLanguage?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
