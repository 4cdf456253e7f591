/**
 * What the task pane shows, as data: its texts in English and Vietnamese, and the catalog's functions in their
 * Excel form (`SEG.` prefix). No DOM and no Office here, so the tests can read it.
 */
import { CATALOG, type FunctionSpec, type Lang } from '../core/index.js';

/** The custom-functions namespace of manifest.xml. */
export const NAMESPACE = 'SEG';

export interface Step {
  readonly text: string;
  readonly formula?: string;
}

export interface PaneText {
  readonly tagline: string;
  readonly language: string;
  readonly howTitle: string;
  readonly steps: readonly Step[];
  readonly separators: string;
  readonly functionsTitle: string;
  readonly search: string;
  readonly noMatch: string;
  readonly arguments: string;
  readonly optional: string;
  readonly example: string;
  readonly gives: string;
  readonly insert: string;
  readonly inserted: string;
  readonly notEmpty: string;
  readonly failed: string;
  readonly outsideExcel: string;
  readonly privacy: string;
}

/** `=SEG.NAME(…)` with every catalog function name in a formula given the namespace. */
export function excelFormula(formula: string, catalog: readonly FunctionSpec[] = CATALOG): string {
  const names = catalog.map((spec) => spec.name).join('|');
  return formula.replace(new RegExp(`(^|[^A-Za-z0-9_.])(${names})\\(`, 'g'), `$1${NAMESPACE}.$2(`);
}

/** `SEG.NAME(a, b, [c])`, optional arguments in brackets. */
export function excelSignature(spec: FunctionSpec): string {
  const params = spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
  return `${NAMESPACE}.${spec.name}(${params})`;
}

/** `=SEG.NAME(first, , , "vi")`: a call with its first argument and `lang` last, the options between left empty. */
function callWithLang(spec: FunctionSpec | undefined, first: string): string | undefined {
  const langAt = spec?.params.findIndex((p) => p.kind === 'lang') ?? -1;
  if (!spec || langAt < 1) return undefined;
  const args = [first, ...new Array<string>(langAt - 1).fill(''), '"vi"'];
  return `=${NAMESPACE}.${spec.name}(${args.join(', ')})`;
}

const ABC = CATALOG.find((spec) => spec.name === 'ABC_CLASS');
const ABC_SPILL = `=${NAMESPACE}.ABC_CLASS(C2:C500)`;
const ABC_ROWS = `=${NAMESPACE}.ABC_CLASS(C2, C$2:C$500)`;
const ABC_VI = callWithLang(ABC, 'C2:C500');

export const TEXT: Readonly<Record<Lang, PaneText>> = {
  en: {
    tagline: 'Customer segmentation formulas',
    language: 'Language',
    howTitle: 'How to use',
    steps: [
      {
        text: 'Type a formula in an empty cell beside your data. The answers spill down next to it, one per row:',
        formula: ABC_SPILL,
      },
      { text: 'Or fill a formula down row by row, like RANK, against a fixed population:', formula: ABC_ROWS },
      ...(ABC_VI
        ? [
            {
              text: 'For Vietnamese labels, give "vi" as the last argument and leave the optional ones before it empty:',
              formula: ABC_VI,
            },
          ]
        : []),
      {
        text:
          'Blank cells get a blank answer. A cell that cannot be read gets #VALUE! in its own answer: point at the ' +
          "cell's error flag to read why. The other rows are still answered.",
      },
      {
        text:
          'Dates go in as date cells or ISO text (2024-05-31). Dates in answers come back as serial numbers: format ' +
          'those cells as dates.',
      },
    ],
    separators:
      'The examples use commas between arguments. If your Excel uses semicolons (for example with Vietnamese ' +
      'regional settings), type semicolons instead; inserted examples are converted for you.',
    functionsTitle: 'Functions',
    search: 'Find a function',
    noMatch: 'No function matches "{query}".',
    arguments: 'Arguments',
    optional: 'optional',
    example: 'Example',
    gives: 'Result: {result}',
    insert: 'Insert this example at the selected cell',
    inserted: 'Inserted in {address}. The answers spill below and to the right of it.',
    notEmpty: 'The selected cell {address} is not empty. Select an empty cell with room below and to the right.',
    failed: 'The example could not be inserted: {message}',
    outsideExcel: 'Open this pane in Excel (Home > Segment customers) to insert the examples into a sheet.',
    privacy: 'Your data stays in the workbook: SegmentKit sends nothing anywhere.',
  },
  vi: {
    tagline: 'Công thức phân khúc khách hàng',
    language: 'Ngôn ngữ',
    howTitle: 'Cách dùng',
    steps: [
      {
        text: 'Nhập công thức vào một ô trống cạnh dữ liệu. Kết quả tràn xuống bên cạnh, mỗi dòng một kết quả:',
        formula: ABC_SPILL,
      },
      { text: 'Hoặc kéo công thức xuống từng dòng, giống RANK, với một tập so sánh cố định:', formula: ABC_ROWS },
      ...(ABC_VI
        ? [
            {
              text: 'Để có nhãn tiếng Việt, đặt "vi" làm đối số cuối và để trống các đối số tùy chọn phía trước:',
              formula: ABC_VI,
            },
          ]
        : []),
      {
        text:
          'Ô trống cho kết quả trống. Ô không đọc được nhận #VALUE! ngay tại kết quả của nó: trỏ vào dấu báo lỗi ' +
          'của ô để xem lý do. Các dòng khác vẫn có kết quả.',
      },
      {
        text:
          'Ngày nhập vào là ô ngày hoặc dạng ISO (2024-05-31). Ngày trong kết quả trả về dạng số sê-ri: hãy định ' +
          'dạng các ô đó là ngày.',
      },
    ],
    separators:
      'Các ví dụ dùng dấu phẩy giữa các đối số. Nếu Excel của bạn dùng dấu chấm phẩy (ví dụ với thiết lập vùng ' +
      'Việt Nam), hãy gõ dấu chấm phẩy; ví dụ được chèn sẽ tự chuyển đổi.',
    functionsTitle: 'Các hàm',
    search: 'Tìm hàm',
    noMatch: 'Không có hàm nào khớp với "{query}".',
    arguments: 'Đối số',
    optional: 'tùy chọn',
    example: 'Ví dụ',
    gives: 'Kết quả: {result}',
    insert: 'Chèn ví dụ này vào ô đang chọn',
    inserted: 'Đã chèn vào {address}. Kết quả tràn xuống dưới và sang phải ô đó.',
    notEmpty: 'Ô đang chọn {address} không trống. Hãy chọn một ô trống còn chỗ bên dưới và bên phải.',
    failed: 'Không chèn được ví dụ: {message}',
    outsideExcel: 'Mở ngăn này trong Excel (Trang đầu > Phân khúc khách hàng) để chèn ví dụ vào trang tính.',
    privacy: 'Dữ liệu của bạn ở lại trong sổ làm việc: SegmentKit không gửi gì đi đâu.',
  },
};

/** Fills `{name}` placeholders (the core's one filler, under the name the task pane uses). */
export { fillTemplate as fill } from '../core/template.js';

/** Lower case without diacritics, so "phan khuc" finds "phân khúc". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The catalog functions whose name or summary (in the language) contains the query. */
export function findFunctions(query: string, lang: Lang, catalog: readonly FunctionSpec[] = CATALOG): FunctionSpec[] {
  const key = searchKey(query.trim());
  if (!key) return catalog.slice();
  return catalog.filter((spec) => searchKey(`${spec.name} ${spec.summary[lang]}`).includes(key));
}

/** The pane's language for an Office display language such as `vi-VN`. */
export function langFor(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/**
 * The one place Excel keeps the user's language: the side panel's setting (addin/excel-panel-host.ts saves it under
 * this key in the pane's localStorage), read by the function reference too, so both speak the same language.
 */
export const LANG_KEY = 'segmentkit.panel.lang';
/** Where the reference alone kept its language before it shared the panel's setting. */
const OLD_LANG_KEY = 'segmentkit.lang';

type LangStore = Pick<Storage, 'getItem' | 'setItem'>;

const asLang = (value: string | null | undefined): Lang | undefined =>
  value === 'en' || value === 'vi' ? value : undefined;

/** The saved language (the reference's older key moves over to the shared one), or none. */
export function savedLanguage(store: LangStore | undefined): Lang | undefined {
  try {
    const saved = asLang(store?.getItem(LANG_KEY));
    if (saved) return saved;
    const old = asLang(store?.getItem(OLD_LANG_KEY));
    if (old) store?.setItem(LANG_KEY, old);
    return old;
  } catch {
    // Storage may be off: nothing is saved.
    return undefined;
  }
}

/** Saves the language under the shared key; storage that refuses leaves the choice for this session only. */
export function saveLanguage(store: LangStore | undefined, lang: Lang): void {
  try {
    store?.setItem(LANG_KEY, lang);
  } catch {
    // Storage may be off.
  }
}

/**
 * The store to give the panel's host: everything goes to `store`, and when the panel saves a language the
 * reference hears it (`onLanguage`), so one switch changes both, even when the browser refuses to save.
 */
export function watchLanguage(store: LangStore | undefined, onLanguage: (lang: Lang) => void): LangStore {
  return {
    getItem: (key) => store?.getItem(key) ?? null,
    setItem(key, value) {
      const lang = key === LANG_KEY ? asLang(value) : undefined;
      if (lang) onLanguage(lang);
      store?.setItem(key, value);
    },
  };
}
