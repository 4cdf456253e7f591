/** Every string the side panel shows, in English and Vietnamese, in one table. */
import type { Lang } from '../core/labels.js';
import type { MethodId } from '../core/engine/plan.js';
import type { Operator } from '../core/engine/rules.js';
import type { RecordedAction } from '../core/engine/undo-record.js';

const STRINGS = {
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
    vi: 'Bấm vào một ô trong bảng khách hàng rồi chọn ở đây. Dòng tiêu đề được tự tìm.',
  },
  tableFound: { en: '{sheet}!{range}: {rows} rows, {cols} columns', vi: '{sheet}!{range}: {rows} dòng, {cols} cột' },
  replacesColumn: {
    en: 'The earlier result column {col} will be replaced.',
    vi: 'Cột kết quả trước đó ({col}) sẽ được thay thế.',
  },
  next: { en: 'Next', vi: 'Tiếp' },
  back: { en: 'Back', vi: 'Quay lại' },
  chooseColumn: { en: 'Choose a column', vi: 'Chọn cột' },
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
  apply: { en: 'Apply', vi: 'Áp dụng' },
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
  aShare: { en: 'Class A ends at running share', vi: 'Nhóm A kết thúc ở tỷ trọng cộng dồn' },
  bShare: { en: 'Class B ends at running share', vi: 'Nhóm B kết thúc ở tỷ trọng cộng dồn' },
  xyzCuts: { en: 'X and Y end at variation (e.g. 0.5, 1)', vi: 'X và Y kết thúc ở hệ số biến thiên (vd 0.5, 1)' },
  xCut: { en: 'Cut on the first measure (blank: median)', vi: 'Ngưỡng thước đo thứ nhất (trống: trung vị)' },
  yCut: { en: 'Cut on the second measure (blank: median)', vi: 'Ngưỡng thước đo thứ hai (trống: trung vị)' },
  asOf: {
    en: 'As of (YYYY-MM-DD; blank: latest date in the data)',
    vi: 'Tính đến ngày (YYYY-MM-DD; trống: ngày mới nhất)',
  },
  bins: { en: 'Score levels (2–10)', vi: 'Số mức điểm (2–10)' },
  tierShares: {
    en: 'Cumulative shares of customers ending Top, Large, Medium (e.g. 0.01, 0.05, 0.2)',
    vi: 'Tỷ lệ khách hàng cộng dồn kết thúc tầng Siêu cấp, Lớn, Vừa (vd 0.01, 0.05, 0.2)',
  },
  lifecycleSettings: {
    en: 'Days for new, at risk, lost; orders for loyal (e.g. 90, 180, 365, 5)',
    vi: 'Số ngày: mới, nguy cơ, mất; số đơn: trung thành (vd 90, 180, 365, 5)',
  },
  k: { en: 'Number of clusters (blank: the best by silhouette)', vi: 'Số cụm (trống: số tốt nhất theo silhouette)' },
  seed: { en: 'Seed (same seed, same clusters)', vi: 'Hạt giống (cùng hạt giống, cùng kết quả)' },
  badNumber: { en: 'Type a number between {min} and {max}.', vi: 'Hãy nhập số từ {min} đến {max}.' },
  badList: { en: 'Type numbers separated by commas.', vi: 'Hãy nhập các số, cách nhau bằng dấu phẩy.' },
  badDate: { en: 'Type a date as YYYY-MM-DD.', vi: 'Hãy nhập ngày dạng YYYY-MM-DD.' },
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
  presetUnreliable: { en: 'Unreliable: registered, never bought', vi: 'Không đáng tin: đã đăng ký, chưa từng mua' },
  riskLabel: { en: 'Risk group', vi: 'Nhóm rủi ro' },
  unreliableLabel: { en: 'Unreliable', vi: 'Không đáng tin' },
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
  paretoAxis: {
    en: 'share of customers → cumulative share of value',
    vi: 'tỷ lệ khách hàng → tỷ trọng giá trị cộng dồn',
  },
  chartTitle: { en: 'Chart', vi: 'Biểu đồ' },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof STRINGS;

/** A panel string, with `{name}` placeholders filled. */
export function text(key: TextKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

export const ALL_TEXT_KEYS = Object.keys(STRINGS) as TextKey[];
export const TEXT_TABLE: Readonly<Record<TextKey, Record<Lang, string>>> = STRINGS;

export const METHOD_TEXT: Record<MethodId, Record<Lang, { name: string; about: string }>> = {
  abc: {
    en: { name: 'ABC (Pareto)', about: 'A: the few customers that make most of the revenue; C: the long tail.' },
    vi: { name: 'ABC (Pareto)', about: 'A: số ít khách hàng mang lại phần lớn doanh thu; C: phần đuôi dài.' },
  },
  xyz: {
    en: {
      name: 'XYZ (steadiness)',
      about: 'X: steady buying across periods; Z: erratic. Needs one column per period.',
    },
    vi: { name: 'XYZ (độ ổn định)', about: 'X: mua đều qua các kỳ; Z: thất thường. Cần mỗi kỳ một cột.' },
  },
  bcg: {
    en: { name: 'BCG matrix', about: 'Sales against growth: Stars, Cash Cows, Question Marks, Dogs.' },
    vi: { name: 'Ma trận BCG', about: 'Doanh số và tăng trưởng: Ngôi sao, Bò sữa, Dấu hỏi, Chó gặm xương.' },
  },
  priority: {
    en: { name: 'Priority quadrants', about: 'Attractiveness against feasibility: where to focus first.' },
    vi: { name: 'Ma trận ưu tiên', about: 'Mức hấp dẫn và khả năng thực hiện: nên tập trung vào đâu trước.' },
  },
  rfm: {
    en: { name: 'RFM (one row per customer)', about: 'Recency, frequency and money scores, named segments.' },
    vi: { name: 'RFM (mỗi khách một dòng)', about: 'Điểm gần đây, tần suất, giá trị và tên phân khúc.' },
  },
  rfmOrders: {
    en: {
      name: 'RFM on order lines',
      about:
        'One line per item or order: lines with one order id are one order, returns net off, each customer scored.',
    },
    vi: {
      name: 'RFM trên dòng đơn hàng',
      about:
        'Mỗi mặt hàng hoặc đơn một dòng: các dòng cùng mã đơn là một đơn, hàng trả được trừ, chấm điểm từng khách.',
    },
  },
  pyramid: {
    en: { name: 'Customer pyramid', about: 'Top, Large, Medium, Small and Inactive by revenue.' },
    vi: { name: 'Kim tự tháp khách hàng', about: 'Siêu cấp, Lớn, Vừa, Nhỏ và Không hoạt động theo doanh thu.' },
  },
  lifecycle: {
    en: { name: 'Lifecycle stage', about: 'Prospect, New, Active, Loyal, Evangelist, At Risk, Lost.' },
    vi: { name: 'Giai đoạn vòng đời', about: 'Tiềm năng, Mới, Hiện hữu, Trung thành, Truyền giáo, Nguy cơ, Đã mất.' },
  },
  kmeans: {
    en: { name: 'k-means clusters', about: 'Groups customers that look alike on the columns you choose.' },
    vi: { name: 'Phân cụm k-means', about: 'Gom các khách hàng giống nhau theo các cột bạn chọn.' },
  },
  rules: {
    en: { name: 'Rule-based groups', about: 'Your own groups from conditions on columns (AND / OR).' },
    vi: { name: 'Nhóm theo quy tắc', about: 'Nhóm riêng của bạn từ các điều kiện trên cột (VÀ / HOẶC).' },
  },
  tags: {
    en: { name: 'Tag selected rows', about: 'Put a tag (buying role, personality or your own) on the selected rows.' },
    vi: {
      name: 'Gắn nhãn dòng đang chọn',
      about: 'Gắn nhãn (vai trò mua, tính cách hoặc nhãn riêng) cho các dòng đang chọn.',
    },
  },
};

export const ROLE_TEXT: Record<string, Record<Lang, string>> = {
  value: { en: 'Value (revenue)', vi: 'Giá trị (doanh thu)' },
  periods: { en: 'Periods (one column each)', vi: 'Các kỳ (mỗi kỳ một cột)' },
  sales: { en: 'Sales', vi: 'Doanh số' },
  growth: { en: 'Growth', vi: 'Tăng trưởng' },
  attractiveness: { en: 'Attractiveness', vi: 'Mức hấp dẫn' },
  feasibility: { en: 'Feasibility', vi: 'Khả năng thực hiện' },
  lastPurchase: { en: 'Last purchase date', vi: 'Ngày mua cuối' },
  firstPurchase: { en: 'First purchase date', vi: 'Ngày mua đầu' },
  orders: { en: 'Number of orders', vi: 'Số đơn hàng' },
  revenue: { en: 'Revenue', vi: 'Doanh thu' },
  customer: { en: 'Customer', vi: 'Khách hàng' },
  orderDate: { en: 'Order date', vi: 'Ngày đặt hàng' },
  orderId: { en: 'Order / invoice id (optional)', vi: 'Mã đơn / số hóa đơn (không bắt buộc)' },
  quantity: { en: 'Quantity', vi: 'Số lượng' },
  price: { en: 'Price', vi: 'Đơn giá' },
  referrals: { en: 'Referrals (optional)', vi: 'Số lần giới thiệu (không bắt buộc)' },
  features: { en: 'Columns to compare', vi: 'Các cột để so sánh' },
};

/** The name of what the last apply did, for the undo line. */
export function actionName(action: RecordedAction, lang: Lang): string {
  return action === 'convertDates' ? text('convertDatesAction', lang) : METHOD_TEXT[action][lang].name;
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
