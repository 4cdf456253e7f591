/**
 * What `segmentkit` says, in English and Vietnamese: the help, the usage errors (exit code 2), the messages for an
 * input it cannot use (exit code 1; each names the file, and the column or row when there is one, and the fix), the
 * progress line and the summary. Problems with a cell come from core/errors.ts, in the same words as the formulas.
 *
 * @example
 *   cliText('missingFile', 'vi', { file: 'don-hang.csv', cwd: '/home/an' })
 *   // → 'don-hang.csv: không có tệp này. Hãy kiểm tra đường dẫn (đọc từ thư mục hiện tại: /home/an)'
 */
import type { Lang } from '../core/labels.js';
import { fillTemplate } from '../core/template.js';

const CLI_TEXT = {
  // bad input (exit 1)
  missingFile: {
    en: '{file}: no such file. Check the path (it is read from the current folder: {cwd})',
    vi: '{file}: không có tệp này. Hãy kiểm tra đường dẫn (đọc từ thư mục hiện tại: {cwd})',
  },
  notAFile: {
    en: '{file} is a folder, not a file: give the orders file inside it',
    vi: '{file} là thư mục, không phải tệp: hãy chỉ tệp đơn hàng trong đó',
  },
  unknownKind: {
    en: '{file}: cannot read "{ext}" files: give a .csv, .parquet or .xlsx file (save the sheet as CSV or .xlsx)',
    vi: '{file}: không đọc được tệp "{ext}": hãy dùng tệp .csv, .parquet hoặc .xlsx (lưu bảng tính dạng CSV hoặc .xlsx)',
  },
  unreadableFile: {
    en: '{file} cannot be read as a {kind} file ({why}): check that it is one (open it in a spreadsheet and save it again as CSV UTF-8 or .xlsx)',
    vi: '{file} không đọc được như tệp {kind} ({why}): hãy kiểm tra đúng loại tệp (mở bằng bảng tính rồi lưu lại dạng CSV UTF-8 hoặc .xlsx)',
  },
  emptyFile: {
    en: '{file} has no rows: give a file with a header row and order lines below it',
    vi: '{file} không có dòng nào: hãy dùng tệp có dòng tiêu đề và các dòng đơn hàng bên dưới',
  },
  noHeader: {
    en: '{file}: no header row among the first {rows} rows (a row of column names followed by a row with a number or a date): put the column names (Customer, Order date, Revenue, …) in the first row',
    vi: '{file}: không thấy dòng tiêu đề trong {rows} dòng đầu (một dòng tên cột, tiếp theo là dòng có số hoặc ngày): hãy đặt tên cột (Khách hàng, Ngày, Doanh thu, …) ở dòng đầu',
  },
  noColumn: {
    en: '{file}: no {role} column among {headers}: name it as one of {examples}, or give it with {flag}',
    vi: '{file}: không có cột {role} trong {headers}: hãy đặt tên là một trong {examples}, hoặc chỉ rõ bằng {flag}',
  },
  unknownColumn: {
    en: '{file}: {flag} "{name}" is not a column; the columns are {headers}',
    vi: '{file}: {flag} "{name}" không phải là cột; các cột là {headers}',
  },
  noLines: {
    en: '{file}: no order line can be used ({lines} lines read): see the lines left out above',
    vi: '{file}: không dùng được dòng đơn hàng nào (đã đọc {lines} dòng): xem các dòng bị bỏ qua ở trên',
  },
  tooManyRowsForXlsx: {
    en: '{out}: {rows} customers do not fit in one .xlsx sheet (at most 1,048,575 below the header): write a .csv instead (--out customers.csv)',
    vi: '{out}: {rows} khách hàng không vừa một trang .xlsx (tối đa 1.048.575 dòng dưới tiêu đề): hãy ghi ra tệp .csv (--out customers.csv)',
  },
  cannotWrite: {
    en: '{out} cannot be written ({why}): check that its folder exists and that the file is not open in another program',
    vi: 'không ghi được {out} ({why}): hãy kiểm tra thư mục có tồn tại và tệp không đang mở trong chương trình khác',
  },
  // usage (exit 2)
  usage: {
    en: '{why}\nRun segmentkit --help for the commands and options.',
    vi: '{why}\nChạy segmentkit --help để xem các lệnh và tùy chọn.',
  },
  unknownCommand: {
    en: 'unknown command "{command}": the commands are rfm and sql',
    vi: 'không có lệnh "{command}": các lệnh là rfm và sql',
  },
  noInput: {
    en: 'rfm needs an orders file: segmentkit rfm orders.csv',
    vi: 'rfm cần tệp đơn hàng: segmentkit rfm orders.csv',
  },
  badOption: { en: '{why}', vi: '{why}' },
  badAsOf: {
    en: '--as-of must be a date written as 2025-12-31 (or 31/12/2025); it is "{text}"',
    vi: '--as-of phải là ngày viết dạng 2025-12-31 (hoặc 31/12/2025); đang là "{text}"',
  },
  badBins: {
    en: '--bins must be a whole number from {min} to {max}; it is "{text}"',
    vi: '--bins phải là số nguyên từ {min} đến {max}; đang là "{text}"',
  },
  badLang: { en: '--lang must be en or vi; it is "{text}"', vi: '--lang phải là en hoặc vi; đang là "{text}"' },
  badMethod: {
    en: 'sql needs a method among {methods}; it is "{text}"',
    vi: 'sql cần một phương pháp trong {methods}; đang là "{text}"',
  },
  badDialect: {
    en: '--dialect must be one of {dialects}; it is "{text}"',
    vi: '--dialect phải là một trong {dialects}; đang là "{text}"',
  },
  badOutput: {
    en: '--out must end in .csv or .xlsx; it is "{text}"',
    vi: '--out phải có đuôi .csv hoặc .xlsx; đang là "{text}"',
  },
  // progress and summary
  progress: { en: 'reading {file}: {lines} lines', vi: 'đang đọc {file}: {lines} dòng' },
  progressPercent: {
    en: 'reading {file}: {lines} lines ({percent} %)',
    vi: 'đang đọc {file}: {lines} dòng ({percent} %)',
  },
  settling: {
    en: 'settling the date order and separators of {file}: {lines} lines',
    vi: 'đang xác định thứ tự ngày và dấu phân cách của {file}: {lines} dòng',
  },
  scoring: { en: 'scoring the customers…', vi: 'đang chấm điểm khách hàng…' },
  columnsUsed: {
    en: 'columns: customer "{customer}", date "{date}", revenue {revenue}{orderId}',
    vi: 'các cột: khách hàng "{customer}", ngày "{date}", doanh thu {revenue}{orderId}',
  },
  orderIdUsed: { en: ', order id "{orderId}"', vi: ', mã đơn "{orderId}"' },
  linesRead: {
    en: '{file}: {lines} lines read, {used} used, {leftOut} left out',
    vi: '{file}: đã đọc {lines} dòng, dùng {used}, bỏ qua {leftOut}',
  },
  customersLine: {
    en: 'customers: {all}; scored {scored}, without a purchase {none}, with lines left out (no score) {bad}',
    vi: 'khách hàng: {all}; được chấm điểm {scored}, chưa mua lần nào {none}, có dòng bị bỏ qua (không có điểm) {bad}',
  },
  asOfLine: {
    en: 'as of {asOf} ({how}), {bins} score levels',
    vi: 'tính đến ngày {asOf} ({how}), {bins} mức điểm',
  },
  asOfGiven: { en: 'given', vi: 'đã chọn' },
  asOfLatest: { en: 'the latest date of the lines used', vi: 'ngày muộn nhất của các dòng được dùng' },
  segmentsLine: { en: 'segments: {segments}', vi: 'phân khúc: {segments}' },
  written: { en: 'written: {out} ({rows} rows)', vi: 'đã ghi: {out} ({rows} dòng)' },
  firstProblems: { en: 'first problems:', vi: 'các lỗi đầu tiên:' },
} as const satisfies Record<string, Record<Lang, string>>;

export type CliTextKey = keyof typeof CLI_TEXT;
export type TextParams = Readonly<Record<string, string | number>>;

export function cliText(key: CliTextKey, lang: Lang, params: TextParams = {}): string {
  return fillTemplate(CLI_TEXT[key][lang], params);
}

/** An input the command cannot use (exit code 1), told in the user's language when printed. */
export class CliError extends Error {
  constructor(
    readonly key: CliTextKey,
    readonly params: TextParams = {},
    /** 1: bad input; 2: usage. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(cliText(key, 'en', params));
    this.name = 'CliError';
  }
  messageIn(lang: Lang): string {
    return cliText(this.key, lang, this.params);
  }
}

/** A usage error (exit code 2). */
export function usageError(key: CliTextKey, params: TextParams = {}): CliError {
  return new CliError(key, params, 2);
}

export const HELP: Record<Lang, string> = {
  en: `segmentkit: customer segmentation from an orders file, by the same rules as the SegmentKit formulas.

Usage:
  segmentkit rfm <orders.csv|orders.parquet|orders.xlsx> [options]
  segmentkit sql <method> [--dialect duckdb|postgres|bigquery] [options]
  segmentkit --help

rfm: one row per customer (as RFM_TABLE): Customer, Last purchase, Recency (days), Orders, Revenue, R, F, M,
RFM score, Segment. Columns are found by their headers in English or Vietnamese (Customer / Khách hàng, Order date /
Ngày, Revenue / Doanh thu or Quantity × Price / Số lượng × Đơn giá, Order id / Mã hóa đơn); dates and amounts are
read as the formulas read them (2024-05-31, 31/05/2024, 20240531, 1,234.50, 450.000 ₫).
  --out <file>         customers.csv (default) or a .xlsx file
  --as-of <date>       count recency to this date (default: the latest date of the lines used)
  --bins <n>           score levels, 2 to 9 (default 5)
  --lang en|vi         language of the headers, segments and messages (default en)
  --customer <header>, --date <header>, --revenue <header>, --quantity <header>, --price <header>,
  --order-id <header>  take that column instead of the guess
  --no-order-id        each line is one order, even when an order id column is found
  --quiet              no progress line
The summary goes to standard output, the progress line to standard error.

sql: prints the query of a method for a database (input tables in the comment of each query).
  methods: RFM_TABLE, ABC_CLASS, CUSTOMER_TIER, LIFECYCLE_STAGE, SEGMENT_SUMMARY
  --dialect duckdb|postgres|bigquery (default duckdb), --as-of, --bins, --lang, --table <name>

Exit codes: 0 done, 1 an input that cannot be used (the message says the fix), 2 a wrong command or option.`,
  vi: `segmentkit: phân khúc khách hàng từ tệp đơn hàng, theo cùng quy tắc với các hàm SegmentKit.

Cách dùng:
  segmentkit rfm <orders.csv|orders.parquet|orders.xlsx> [tùy chọn]
  segmentkit sql <phương pháp> [--dialect duckdb|postgres|bigquery] [tùy chọn]
  segmentkit --help

rfm: mỗi khách hàng một dòng (như RFM_TABLE): Khách hàng, Lần mua cuối, Số ngày từ lần mua cuối, Số đơn, Doanh thu,
R, F, M, Điểm RFM, Phân khúc. Các cột được nhận theo tiêu đề tiếng Anh hoặc tiếng Việt (Khách hàng, Ngày, Doanh thu
hoặc Số lượng × Đơn giá, Mã hóa đơn); ngày và số tiền được đọc như các hàm đọc (2024-05-31, 31/05/2024, 20240531,
1,234.50, 450.000 ₫).
  --out <tệp>          customers.csv (mặc định) hoặc tệp .xlsx
  --as-of <ngày>       tính số ngày đến ngày này (mặc định: ngày muộn nhất của các dòng được dùng)
  --bins <n>           số mức điểm, từ 2 đến 9 (mặc định 5)
  --lang en|vi         ngôn ngữ của tiêu đề, phân khúc và thông báo (mặc định en)
  --customer <tiêu đề>, --date, --revenue, --quantity, --price, --order-id <tiêu đề>   dùng cột đó thay cho cột đoán
  --no-order-id        mỗi dòng là một đơn, kể cả khi có cột mã đơn
  --quiet              không hiện dòng tiến độ
Bản tóm tắt in ra đầu ra chuẩn, dòng tiến độ ra đầu ra lỗi chuẩn.

sql: in câu truy vấn của một phương pháp cho cơ sở dữ liệu.
  phương pháp: RFM_TABLE, ABC_CLASS, CUSTOMER_TIER, LIFECYCLE_STAGE, SEGMENT_SUMMARY
  --dialect duckdb|postgres|bigquery (mặc định duckdb), --as-of, --bins, --lang, --table <tên>

Mã thoát: 0 xong, 1 dữ liệu vào không dùng được (thông báo nói cách sửa), 2 lệnh hoặc tùy chọn sai.`,
};
