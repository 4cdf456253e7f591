/**
 * The messages of the panel's own operations (apply, undo, the host checks), in English and Vietnamese. Formula
 * problems live in core/errors.ts; these are about the sheet as a whole, thrown as a PanelError whose code crosses
 * the Sheets bridge intact, so the panel can say it in the user's language.
 */
import { describeProblem, ERROR_CODES, SegmentKitError, type ErrorCode } from '../errors.js';
import type { Lang } from '../labels.js';
import { fillTemplate } from '../template.js';

/** Exported for the browser test that looks for an English word on a Vietnamese page (and the reverse). */
export const PANEL_MESSAGES = {
  badBands: {
    en: 'The P(alive) bands must be ordered: 0 < Likely lost ({lower}) < Active ({upper}) < 1.',
    vi: 'Các mức xác suất còn mua phải theo thứ tự: 0 < Có lẽ đã rời bỏ ({lower}) < Đang gắn bó ({upper}) < 1.',
  },
  undoSheetGone: {
    en: 'Undo is not possible: the sheet "{sheet}" it wrote to is no longer in this file.',
    vi: 'Không thể hoàn tác: trang tính "{sheet}" đã ghi không còn trong tệp.',
  },
  undoMoved: {
    en: 'Undo is not possible: the table and its "{header}" column are no longer where the apply wrote them (columns or rows were moved, renamed or deleted). Nothing was changed.',
    vi: 'Không thể hoàn tác: bảng và cột "{header}" không còn ở chỗ đã ghi (cột hoặc dòng đã bị di chuyển, đổi tên hay xóa). Không có gì bị thay đổi.',
  },
  undoRowsChanged: {
    en: 'Undo is not possible: {n} rows of the table were moved and edited, added or removed since the apply, so the old values cannot be matched to their rows. Nothing was changed.',
    vi: 'Không thể hoàn tác: {n} dòng của bảng đã bị di chuyển và sửa, thêm hoặc xóa sau lần áp dụng, nên không ghép được giá trị cũ với dòng của nó. Không có gì bị thay đổi.',
  },
  undoCopyGone: {
    en: 'Undo is no longer possible: the hidden copy it needs was deleted. The result column stays as it is.',
    vi: 'Không thể hoàn tác nữa: bản sao ẩn cần cho việc hoàn tác đã bị xóa. Cột kết quả được giữ nguyên.',
  },
  recordTooLarge: {
    en: 'This apply is too large to be undone ({size} MB of undo data; at most {max} MB). Nothing was changed: apply it to a smaller table.',
    vi: 'Lần áp dụng này quá lớn để hoàn tác ({size} MB dữ liệu hoàn tác; tối đa {max} MB). Không có gì bị thay đổi: hãy áp dụng cho bảng nhỏ hơn.',
  },
  rollbackFailed: {
    en: 'The apply failed ({cause}) and putting the sheet back failed too ({rollback}). What it changed is kept: press "Finish undo" to put it back.',
    vi: 'Áp dụng bị lỗi ({cause}) và việc trả trang tính về như cũ cũng lỗi ({rollback}). Dữ liệu cũ vẫn được giữ: bấm "Hoàn tất hoàn tác" để trả lại.',
  },
  sheetMissing: {
    en: 'There is no sheet named "{sheet}" any more.',
    vi: 'Không còn trang tính nào tên "{sheet}".',
  },
  internalSheet: {
    en: '"{sheet}" is SegmentKit\'s own hidden sheet, not a table to segment.',
    vi: '"{sheet}" là trang ẩn của SegmentKit, không phải bảng để phân khúc.',
  },
  badArea: {
    en: 'The table {range} is not on the sheet "{sheet}" any more: select a cell in the table and use it again.',
    vi: 'Bảng {range} không còn trên trang tính "{sheet}": hãy chọn một ô trong bảng và dùng lại.',
  },
  badResultColumn: {
    en: 'The result column {col} is neither beside the table nor an earlier result column: choose the table again.',
    vi: 'Cột kết quả {col} không nằm cạnh bảng và cũng không phải cột kết quả trước đó: hãy chọn lại bảng.',
  },
  settingsNotObject: {
    en: 'These settings cannot be saved: they are not a settings object.',
    vi: 'Không lưu được cài đặt này: dữ liệu gửi lên không phải là cài đặt.',
  },
  settingsLanguage: {
    en: 'These settings cannot be saved: the language must be English or Vietnamese.',
    vi: 'Không lưu được cài đặt này: ngôn ngữ phải là tiếng Anh hoặc tiếng Việt.',
  },
  settingsTagsList: {
    en: 'These settings cannot be saved: the tags are not a list.',
    vi: 'Không lưu được cài đặt này: danh sách nhãn không hợp lệ.',
  },
  settingsTooManyTags: {
    en: 'These settings cannot be saved: keep at most {n} tags of your own.',
    vi: 'Không lưu được cài đặt này: chỉ giữ tối đa {n} nhãn riêng.',
  },
  settingsTagLength: {
    en: 'These settings cannot be saved: each tag is a text of 1 to {n} characters.',
    vi: 'Không lưu được cài đặt này: mỗi nhãn dài từ 1 đến {n} ký tự.',
  },
  busy: {
    en: 'Another SegmentKit action is still running in this spreadsheet; try again in a moment.',
    vi: 'Một thao tác SegmentKit khác vẫn đang chạy trong bảng tính này; hãy thử lại sau giây lát.',
  },
  nothingToConvert: {
    en: 'The column "{column}" holds no 8-digit numbers or date text to turn into dates. Nothing was changed.',
    vi: 'Cột "{column}" không có số 8 chữ số hay ngày dạng chữ nào để chuyển thành ngày. Không có gì bị thay đổi.',
  },
  badColumn: {
    en: 'The column {col} is not in the table {range}: choose the table again.',
    vi: 'Cột {col} không nằm trong bảng {range}: hãy chọn lại bảng.',
  },
  badDateOrder: {
    en: 'Dates can be read day first or month first, not "{order}".',
    vi: 'Ngày chỉ có thể đọc theo ngày trước hoặc tháng trước, không phải "{order}".',
  },
  nothingUsable: {
    en: 'No row of the table can be used, so nothing was written: the preview says why.',
    vi: 'Không dòng nào của bảng dùng được nên không có gì được ghi: phần xem trước cho biết lý do.',
  },
  writeRefused: {
    en: 'The sheet refused the write at {range} ({why}). Nothing was changed.',
    vi: 'Trang tính từ chối ghi vào {range} ({why}). Không có gì bị thay đổi.',
  },
  insertRefused: {
    en: 'The sheet refused to insert a new column {col} beside the table ({why}), so nothing was written. Leave an empty column after the table, or move the data on its right further away, then apply again.',
    vi: 'Trang tính không cho chèn cột mới {col} cạnh bảng ({why}) nên không có gì được ghi. Hãy để trống một cột sau bảng, hoặc dời dữ liệu bên phải ra xa hơn, rồi áp dụng lại.',
  },
  undoColumnInUse: {
    en: 'Undo would remove column {col}, which the apply inserted, but that column now holds other data above or below the table. Nothing was changed.',
    vi: 'Hoàn tác sẽ xóa cột {col} do lần áp dụng đã chèn, nhưng cột này nay có dữ liệu khác phía trên hoặc phía dưới bảng. Không có gì bị thay đổi.',
  },
  emptySheet: {
    en: 'The sheet is empty around cell {cell}: there is no table here. Click a cell inside your customer table, or first type or paste a table with a header row (for example Customer, Revenue), then try again.',
    vi: 'Trang tính trống quanh ô {cell}: ở đây không có bảng nào. Hãy bấm vào một ô trong bảng khách hàng, hoặc nhập hay dán trước một bảng có dòng tiêu đề (ví dụ Khách hàng, Doanh thu), rồi thử lại.',
  },
  headerOnly: {
    en: 'The table {range} has headers ({headers}) but no data rows. Add your customers in the rows under the header, then use the table again.',
    vi: 'Bảng {range} có dòng tiêu đề ({headers}) nhưng chưa có dòng dữ liệu nào. Hãy thêm khách hàng vào các dòng dưới dòng tiêu đề rồi dùng lại bảng.',
  },
  noServer: {
    en: 'This panel cannot reach Google Sheets: open it from the SegmentKit menu of your spreadsheet.',
    vi: 'Bảng này không kết nối được với Google Sheets: hãy mở nó từ menu SegmentKit trong bảng tính của bạn.',
  },
  serverOutdated: {
    en: 'The SegmentKit script in this spreadsheet is older than this panel ({name} is missing): update the script, then open the panel again.',
    vi: 'Mã SegmentKit trong bảng tính này cũ hơn bảng điều khiển ({name} chưa có): hãy cập nhật mã rồi mở lại bảng.',
  },
  // A method's own whole-call problem (core/errors.ts), carried by its code so it is said in the user's language.
  methodProblem: { en: '{message}', vi: '{message}' },
} as const;

const MESSAGES = PANEL_MESSAGES;

/** The params key that carries a method problem's code (core/errors.ts) inside a `methodProblem`. */
const PROBLEM_CODE = 'problemCode';

export type PanelErrorCode = keyof typeof MESSAGES;
export type PanelErrorParams = Readonly<Record<string, string | number>>;

export function panelMessage(code: PanelErrorCode, params: PanelErrorParams, lang: Lang): string {
  if (code === 'methodProblem') {
    const { [PROBLEM_CODE]: problemCode, ...rest } = params;
    if (ERROR_CODES.includes(problemCode as ErrorCode)) {
      return describeProblem({ code: problemCode as ErrorCode, params: rest }, lang);
    }
  }
  return fillTemplate(MESSAGES[code][lang], params);
}

/** A whole-operation problem of the panel: its code and params cross the Sheets bridge in its message. */
export class PanelError extends Error {
  static readonly PREFIX = 'SegmentKit:';
  constructor(
    readonly code: PanelErrorCode,
    readonly params: PanelErrorParams = {},
  ) {
    super(
      `${PanelError.PREFIX}${encodeURIComponent(JSON.stringify({ code, params }))} ${panelMessage(code, params, 'en')}`,
    );
    this.name = 'PanelError';
  }

  messageIn(lang: Lang): string {
    return panelMessage(this.code, this.params, lang);
  }

  /**
   * The PanelError carried by an error's message (as it arrives through `google.script.run`), if any. A method's
   * whole-call problem (SegmentKitError, thrown in the page by Excel's and the playground's hosts) becomes one, so
   * the panel says it in the user's language rather than in the English of its message.
   */
  static from(error: unknown): PanelError | undefined {
    if (error instanceof PanelError) return error;
    if (error instanceof SegmentKitError) return PanelError.ofProblem(error);
    const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
    const start = message.indexOf(PanelError.PREFIX);
    if (start < 0) return undefined;
    const encoded = message.slice(start + PanelError.PREFIX.length).split(' ', 1)[0] ?? '';
    try {
      const parsed = JSON.parse(decodeURIComponent(encoded)) as { code: string; params: PanelErrorParams };
      return parsed.code in MESSAGES ? new PanelError(parsed.code as PanelErrorCode, parsed.params) : undefined;
    } catch {
      return undefined;
    }
  }

  /** A method's whole-call problem as a PanelError, so it crosses the Sheets bridge and is said in either language. */
  static ofProblem(error: SegmentKitError): PanelError {
    return new PanelError('methodProblem', { ...error.params, [PROBLEM_CODE]: error.code });
  }
}
