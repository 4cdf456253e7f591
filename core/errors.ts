/**
 * The one error catalog. Two kinds of trouble, as in HyperFormula:
 * - a per-row problem is a value: the row's own output cell says why, and the other rows are answered;
 * - a whole-call problem (wrong shape, impossible option) is thrown as a SegmentKitError at the boundary.
 * Every message exists in English and Vietnamese; `{name}` placeholders are filled from the params.
 */
import { locateRow } from './arg-places.js';
import type { Lang } from './labels.js';
import { fillTemplate } from './template.js';

const MESSAGES = {
  // per-row problems
  ambiguousNumber: {
    en: '"{text}" could be {small} or {large}: type it as a number, or without the separator',
    vi: '"{text}" có thể là {small} hoặc {large}: hãy nhập dạng số, hoặc bỏ dấu phân cách',
  },
  ambiguousNumberMixed: {
    en: '"{text}" could be {small} or {large}, and this range settles nothing: "{point}" has a decimal point, "{comma}" a decimal comma. Write every amount the same way, or type it as a number',
    vi: '"{text}" có thể là {small} hoặc {large}, và vùng này không xác định được: "{point}" dùng dấu chấm thập phân, "{comma}" dùng dấu phẩy thập phân. Hãy viết mọi số tiền theo cùng một cách, hoặc nhập dạng số',
  },
  notANumber: {
    en: '"{text}" is not a number: type a number such as 1234.5 or 1.234.567 ₫',
    vi: '"{text}" không phải là số: hãy nhập số như 1234.5 hoặc 1.234.567 ₫',
  },
  notFinite: { en: '{text} is not a finite number', vi: '{text} không phải là số hữu hạn' },
  booleanNotNumber: {
    en: '{text} is a logical value, not a number: type a number instead',
    vi: '{text} là giá trị logic, không phải số: hãy nhập số thay vào',
  },
  notACellValue: {
    en: 'the cell holds {text}, which is not a number, text, date or logical value: put one of those in it',
    vi: 'ô chứa {text}, không phải số, chữ, ngày hay giá trị logic: hãy nhập một trong các loại đó',
  },
  notADate: {
    en: '"{text}" is not a date: use a date cell, or text such as 2024-05-31, 20240531 or 31/05/2024',
    vi: '"{text}" không phải là ngày: hãy dùng ô ngày, hoặc chữ như 2024-05-31, 20240531 hay 31/05/2024',
  },
  ambiguousDayMonth: {
    en: '"{text}" could be {dayFirst} (day first) or {monthFirst} (month first), and no other date of this range settles it: write it as {dayFirst} or {monthFirst}, or use a date cell',
    vi: '"{text}" có thể là {dayFirst} (ngày trước) hoặc {monthFirst} (tháng trước), và không ngày nào khác trong vùng xác định được: hãy viết là {dayFirst} hoặc {monthFirst}, hoặc dùng ô ngày',
  },
  mixedDateOrder: {
    en: '"{text}": this range has dates day first ("{dayFirst}") and month first ("{monthFirst}"): write every date in one order, or as text such as 2024-05-31',
    vi: '"{text}": vùng này có ngày viết ngày trước ("{dayFirst}") và tháng trước ("{monthFirst}"): hãy viết mọi ngày theo cùng một thứ tự, hoặc dạng chữ như 2024-05-31',
  },
  errorValue: { en: 'the cell holds the error {text}', vi: 'ô chứa lỗi {text}' },
  tooFewValues: {
    en: 'needs at least two numbers in the row, has {count}',
    vi: 'cần ít nhất hai số trong dòng, chỉ có {count}',
  },
  notAScore: {
    en: '{text} is not an RFM score of three digits from 1 to 9',
    vi: '{text} không phải là điểm RFM gồm ba chữ số từ 1 đến 9',
  },
  negativeCount: { en: '{text} orders is not a whole number ≥ 0', vi: '{text} đơn hàng không phải là số nguyên ≥ 0' },
  dateAfterAsOf: {
    en: 'the date {date} is after as_of ({asOf})',
    vi: 'ngày {date} sau ngày tính as_of ({asOf})',
  },
  firstAfterLast: {
    en: 'first purchase {first} is after last purchase {last}',
    vi: 'lần mua đầu {first} sau lần mua cuối {last}',
  },
  missingDate: {
    en: 'orders or one purchase date are given but {missing} is blank',
    vi: 'có đơn hàng hoặc một ngày mua nhưng {missing} bị trống',
  },
  incompleteRow: {
    en: 'the row has a blank in {missing}',
    vi: 'dòng bị trống ở {missing}',
  },
  ordersWithoutDates: {
    en: '{text} orders are given but both purchase dates are blank',
    vi: 'có {text} đơn hàng nhưng cả hai ngày mua đều trống',
  },
  notACount: { en: '{text} is not a whole number ≥ 0', vi: '{text} không phải là số nguyên ≥ 0' },
  blankInLine: {
    en: 'the cell is blank but the rest of the line is filled',
    vi: 'ô bị trống trong khi phần còn lại của dòng có dữ liệu',
  },
  linesLeftOut: {
    en: '{count} line(s) left out: {details}',
    vi: 'đã bỏ qua {count} dòng: {details}',
  },
  paretoEmptyRest: {
    en: 'the top {top} of {count} values leave no rest to compare with: give more values or a smaller top_share',
    vi: 'nhóm đầu {top} trong {count} giá trị không để lại phần còn lại để so sánh: hãy thêm giá trị hoặc giảm top_share',
  },
  paretoRestNotPositive: {
    en: 'the rest of the values average {average}: the ratio needs a rest whose average is above 0',
    vi: 'phần còn lại có trung bình {average}: tỷ số cần phần còn lại có trung bình lớn hơn 0',
  },
  linesAfterAsOf: {
    en: '{count} line(s) after as_of left out: {details}. The models observe customers up to as_of only: leave as_of blank or give a later one to use these lines',
    vi: 'đã bỏ qua {count} dòng sau ngày as_of: {details}. Mô hình chỉ quan sát khách hàng đến ngày as_of: hãy bỏ trống as_of hoặc chọn ngày muộn hơn để dùng các dòng này',
  },
  clvLinesLeftOut: {
    en: '{count} line(s) left out: {details}; their {customers} customer(s) are left out of the fit: correct those cells to include them',
    vi: 'đã bỏ qua {count} dòng: {details}; {customers} khách hàng của các dòng đó không được đưa vào mô hình: hãy sửa các ô đó để đưa họ vào',
  },
  clvSeriesLimit: {
    en: 'the expected purchases over {horizon} days cannot be computed for this customer within {terms} terms of their series: use a shorter horizon_days',
    vi: 'không tính được số lần mua dự kiến trong {horizon} ngày cho khách này trong {terms} số hạng của chuỗi: hãy dùng horizon_days ngắn hơn',
  },

  // whole-call problems
  notAVector: {
    en: '{arg} must be one column or one row; it has {rows} rows and {cols} columns',
    vi: '{arg} phải là một cột hoặc một dòng; đang có {rows} dòng và {cols} cột',
  },
  notAMatrix: {
    en: '{arg} must be a range of {min} or more columns; it has {cols}',
    vi: '{arg} phải là vùng có từ {min} cột trở lên; đang có {cols}',
  },
  lengthMismatch: {
    en: '{arg} has {n} cells but {other} has {m}: give ranges of the same length',
    vi: '{arg} có {n} ô nhưng {other} có {m}: hãy dùng các vùng cùng độ dài',
  },
  notAnOptionNumber: { en: '{arg} must be a number; it is "{text}"', vi: '{arg} phải là số; đang là "{text}"' },
  notAnOptionDate: {
    en: '{arg} must be a date (a date cell, a serial number, or text such as 2024-12-31, 20241231 or 31/12/2024); it is "{text}"',
    vi: '{arg} phải là ngày (ô ngày, số sê-ri, hoặc chữ như 2024-12-31, 20241231 hay 31/12/2024); đang là "{text}"',
  },
  ambiguousOptionDate: {
    en: '{arg} "{text}" could be {dayFirst} (day first) or {monthFirst} (month first): write it as {dayFirst} or {monthFirst}',
    vi: '{arg} "{text}" có thể là {dayFirst} (ngày trước) hoặc {monthFirst} (tháng trước): hãy viết là {dayFirst} hoặc {monthFirst}',
  },
  tooSmall: { en: '{arg} must be at least {min}; it is {value}', vi: '{arg} phải từ {min} trở lên; đang là {value}' },
  tooLarge: { en: '{arg} must be at most {max}; it is {value}', vi: '{arg} không được quá {max}; đang là {value}' },
  outOfRange: {
    en: '{arg} must be between {min} and {max}; it is {value}',
    vi: '{arg} phải từ {min} đến {max}; đang là {value}',
  },
  outOfHalfOpenRange: {
    en: '{arg} must be more than {min} and at most {max}; it is {value}',
    vi: '{arg} phải lớn hơn {min} và không quá {max}; đang là {value}',
  },
  outOfOpenRange: {
    en: '{arg} must be more than {min} and less than {max}; it is {value}',
    vi: '{arg} phải lớn hơn {min} và nhỏ hơn {max}; đang là {value}',
  },
  notWhole: { en: '{arg} must be a whole number; it is {value}', vi: '{arg} phải là số nguyên; đang là {value}' },
  sharesOrder: {
    en: '{arg} ({value}) must be greater than {other} ({otherValue})',
    vi: '{arg} ({value}) phải lớn hơn {other} ({otherValue})',
  },
  notAscending: {
    en: '{arg} must be strictly ascending; it is {value}',
    vi: '{arg} phải tăng dần nghiêm ngặt; đang là {value}',
  },
  wrongCount: {
    en: '{arg} must have {expected} values; it has {count}',
    vi: '{arg} phải có {expected} giá trị; đang có {count}',
  },
  thresholdRows: {
    en: '{arg} must have 3 rows (R days, F, M) of equal width 1 to 8; it has {rows} rows and {cols} columns',
    vi: '{arg} phải có 3 dòng (R số ngày, F, M) cùng độ rộng từ 1 đến 8; đang có {rows} dòng và {cols} cột',
  },
  rulesShape: {
    en: '{arg} must have 7 columns: name, r_lo, r_hi, f_lo, f_hi, m_lo, m_hi; {where}: {why}',
    vi: '{arg} phải có 7 cột: tên, r_lo, r_hi, f_lo, f_hi, m_lo, m_hi; {where}: {why}',
  },
  rulesColumns: {
    en: '{arg} must have exactly 7 columns: name, r_lo, r_hi, f_lo, f_hi, m_lo, m_hi; it has {cols}',
    vi: '{arg} phải có đúng 7 cột: tên, r_lo, r_hi, f_lo, f_hi, m_lo, m_hi; đang có {cols}',
  },
  ruleNoName: { en: 'the name is blank', vi: 'tên bị trống' },
  ruleBadBound: {
    en: '{bound} is "{text}", not a whole number from 1 to 9',
    vi: '{bound} là "{text}", không phải số nguyên từ 1 đến 9',
  },
  ruleBoundsOrder: { en: '{lo} is above {hi}', vi: '{lo} lớn hơn {hi}' },
  binsMismatch: {
    en: '{arg} is {value} but thresholds have {cols} bound(s) per row, which makes {bins} bins: leave {arg} out or make them agree',
    vi: '{arg} là {value} nhưng thresholds có {cols} ngưỡng mỗi dòng, tức {bins} nhóm: hãy bỏ trống {arg} hoặc cho khớp',
  },
  badLang: { en: 'lang must be "en" or "vi"; it is "{text}"', vi: 'lang phải là "en" hoặc "vi"; đang là "{text}"' },
  noData: { en: '{arg} has no readable value', vi: '{arg} không có giá trị đọc được' },
  tooFewRows: {
    en: '{arg} needs at least {min} readable rows; it has {count}',
    vi: '{arg} cần ít nhất {min} dòng đọc được; đang có {count}',
  },
  unknownFunction: { en: 'no function is named {text}', vi: 'không có hàm tên {text}' },
  tooManyArguments: {
    en: '{text} takes at most {max} arguments; it was given {count}',
    vi: '{text} nhận tối đa {max} đối số; đang được truyền {count}',
  },
  missingArgument: { en: '{arg} is required', vi: 'thiếu đối số bắt buộc {arg}' },
  kRange: {
    en: '{arg} must be a whole number from 2 to {max} (the readable rows of features); it is {value}',
    vi: '{arg} phải là số nguyên từ 2 đến {max} (số dòng đọc được); đang là {value}',
  },
  raggedMatrix: {
    en: '{arg} must have the same number of cells in every row: the first row has {cols}, {where} has {count}',
    vi: '{arg} phải có cùng số ô ở mọi dòng: dòng đầu có {cols}, {where} có {count}',
  },
  clvTooFewCustomers: {
    en: 'the lifetime-value models need at least {min} customers with a purchase up to as_of; the lines have {count}: give the order lines of more customers',
    vi: 'mô hình giá trị vòng đời cần ít nhất {min} khách hàng có mua hàng đến ngày as_of; dữ liệu chỉ có {count}: hãy đưa vào dòng đơn hàng của nhiều khách hàng hơn',
  },
  clvNoRepeatPurchase: {
    en: 'none of the {count} customers bought on two different days up to as_of, so how often customers come back cannot be estimated: give order lines over a longer period',
    vi: 'không khách nào trong {count} khách hàng mua vào hai ngày khác nhau đến ngày as_of, nên không ước lượng được khách quay lại mua thường xuyên đến đâu: hãy đưa vào dòng đơn hàng của một khoảng thời gian dài hơn',
  },
  clvNotConverged: {
    en: 'the {model} model did not converge on these customers, so it gives no numbers: its best fit may lie at a limit, as when customers never stop buying or all spend exactly the same; check the dates, revenues and as_of, or give the order lines of more customers',
    vi: 'mô hình {model} không hội tụ trên các khách hàng này nên không cho kết quả: điểm khớp tốt nhất có thể nằm ở giới hạn, như khi khách hàng không bao giờ ngừng mua hoặc mọi khách chi tiêu đúng như nhau; hãy kiểm tra ngày, doanh thu và as_of, hoặc đưa vào dòng đơn hàng của nhiều khách hàng hơn',
  },
  clvNoFiniteMean: {
    en: 'the spend model (Gamma-Gamma) fits q = {q}, not above 1, under which the expected order value is infinite: spend varies too much between customers; check the largest revenues (a wholesale order, a typing error) or leave them out',
    vi: 'mô hình chi tiêu (Gamma-Gamma) cho q = {q}, không lớn hơn 1, khi đó giá trị đơn dự kiến là vô hạn: chi tiêu giữa các khách chênh lệch quá lớn; hãy kiểm tra các doanh thu lớn nhất (đơn bán sỉ, lỗi nhập liệu) hoặc bỏ chúng ra',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** Exported for the browser test that looks for an English word on a Vietnamese page (and the reverse). */
export { MESSAGES as ERROR_MESSAGES };

export type ErrorCode = keyof typeof MESSAGES;
export type ErrorParams = Readonly<Record<string, string | number>>;

/** What went wrong, in a form any language can render. */
export interface ProblemInfo {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
}

/** A per-row problem, as an output cell value. */
export interface Problem extends ProblemInfo {
  readonly kind: 'problem';
}

const ROW_PREFIX: Record<Lang, string> = { en: '{arg}, {where}: ', vi: '{arg}, {where}: ' };

/**
 * Where a problem is, as `{where}` says it: the cell (`cell C7`) or the sheet row (`row 7`) when the host told where
 * the range is (params `cell`, `onSheet`, see arg-places.ts), else the row counted in the range, said as such.
 */
const WHERE = {
  cell: { en: 'cell {cell}', vi: 'ô {cell}' },
  sheetRow: { en: 'row {row}', vi: 'dòng {row}' },
  rangeRow: { en: 'row {row} of the range', vi: 'dòng {row} của vùng' },
} as const satisfies Record<string, Record<Lang, string>>;

function whereText(params: ErrorParams, lang: Lang): string {
  const kind = params.cell !== undefined ? 'cell' : params.onSheet !== undefined ? 'sheetRow' : 'rangeRow';
  return fillTemplate(WHERE[kind][lang], params);
}

/** `features, column 2` as the language says it (`features, cột 2`); the parameter's name is the formula's own. */
function argIn(arg: string | number, lang: Lang): string | number {
  return lang === 'vi' && typeof arg === 'string' ? arg.replace(/, column (\d+)$/, ', cột $1') : arg;
}

/**
 * Renders a problem's message in a language; a problem that knows its argument and row names them first.
 * `nameOf` gives the name a user knows an argument by where it is not the formula's parameter (in the panel: the
 * header of the column mapped to it); without it, the parameter's name.
 */
export function describeProblem(
  problem: ProblemInfo,
  lang: Lang = 'en',
  nameOf?: (arg: string) => string | undefined,
): string {
  const given = problem.params.arg;
  const named = typeof given === 'string' ? nameOf?.(given) : undefined;
  const info = given === undefined ? problem.params : { ...problem.params, arg: named ?? argIn(given, lang) };
  const { arg, row } = info;
  const params = row === undefined ? info : { ...info, where: whereText(info, lang) };
  const body = fillTemplate(MESSAGES[problem.code][lang], params);
  if (arg !== undefined && row !== undefined && !/\{arg\}/.test(MESSAGES[problem.code][lang])) {
    return fillTemplate(ROW_PREFIX[lang], params) + body;
  }
  return body;
}

export function problem(code: ErrorCode, params: ErrorParams = {}): Problem {
  return { kind: 'problem', code, params };
}

/**
 * Locates a problem at an argument's n-th cell (1-based row within the range): on the sheet, when the host told
 * where the argument is (arg-places.ts), else within the range.
 */
export function at(p: Problem, arg: string, row: number): Problem {
  const { onSheet: _onSheet, cell: _cell, ...params } = p.params;
  return { kind: 'problem', code: p.code, params: { ...params, arg, ...locateRow(arg, row) } };
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'problem';
}

/** A whole-call problem: wrong shapes, impossible options. Thrown; hosts turn it into their error. */
export class SegmentKitError extends Error implements ProblemInfo {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(describeProblem({ code, params }, 'en'));
    this.name = 'SegmentKitError';
    this.code = code;
    this.params = params;
  }
  messageIn(lang: Lang): string {
    return describeProblem(this, lang);
  }
}

export function fail(code: ErrorCode, params: ErrorParams = {}): never {
  throw new SegmentKitError(code, params);
}

export const ERROR_CODES = Object.keys(MESSAGES) as ErrorCode[];
