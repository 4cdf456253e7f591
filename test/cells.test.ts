import { describe, expect, it } from 'vitest';
import {
  BLANK,
  CATALOG,
  SegmentKitError,
  dateToSerial,
  describeProblem,
  invoke,
  isProblem,
  isoToSerial,
  parseNumberText,
  readDate,
  readNumber,
  readText,
  serialToDate,
  serialToIso,
  type Lang,
} from '../core/index.js';
import { matrixNumberReader, readDates, readNumbers, type NumberColumn } from '../core/cells.js';
import { settleDateOrder, dateTextToSerial } from '../core/dates.js';
import { decimalShownBy, isDongAmount, settleSeparators } from '../core/number-text.js';

const DATE_FIX = 'use a date cell, or text such as 2024-05-31, 20240531 or 31/05/2024';
const outcome = (read: unknown): unknown =>
  read === BLANK ? 'blank' : isProblem(read) ? `problem: ${describeProblem(read)}` : read;

describe('readNumber', () => {
  it.each<[string, unknown, unknown]>([
    ['a number', 1234.5, 1234.5],
    ['a real zero', 0, 0],
    ['a negative', -12, -12],
    ['Excel web blank (null)', null, 'blank'],
    ['left out (undefined)', undefined, 'blank'],
    ['Sheets blank ("")', '', 'blank'],
    ['spaces only', '   ', 'blank'],
    ['text integer', '1234', 1234],
    ['text with thousands and decimals', '1,234.50', 1234.5],
    ['Vietnamese dong', '1.234.567 ₫', 1234567],
    ['Vietnamese decimal comma', '1.234.567,5 đ', 1234567.5],
    ['VND code in front', 'VND 2.500.000', 2500000],
    ['dollars with cents', '$1,234.00', 1234],
    ['padded', ' 12 ', 12],
    ['space-grouped', '1 234 567', 1234567],
    ['non-breaking space group', '1\u00a0234\u00a0567', 1234567],
    ['percent', '12.5%', 0.125],
    ['leading minus', '-1,234.50', -1234.5],
    ['accounting negative', '(500)', -500],
    ['zero point', '0.125', 0.125],
    ['four-digit group is a decimal', '1234.567', 1234.567],
    ['decimal comma', '1,5', 1.5],
    ['leading decimal point', '.5', 0.5],
    ['scientific', '1.5e3', 1500],
    [
      'ambiguous dot',
      '1.234',
      'problem: "1.234" could be 1.234 or 1234: type it as a number, or without the separator',
    ],
    [
      'ambiguous comma',
      '1,234',
      'problem: "1,234" could be 1.234 or 1234: type it as a number, or without the separator',
    ],
    ['bad grouping', '12.34.5', 'problem: "12.34.5" is not a number: type a number such as 1234.5 or 1.234.567 ₫'],
    ['words', 'abc', 'problem: "abc" is not a number: type a number such as 1234.5 or 1.234.567 ₫'],
    ['TRUE', true, 'problem: TRUE is a logical value, not a number: type a number instead'],
    ['NaN', NaN, 'problem: NaN is not a finite number'],
    ['Infinity', Infinity, 'problem: Infinity is not a finite number'],
    ['Sheets error text', '#N/A', 'problem: the cell holds the error #N/A'],
    ['Excel error object', { code: '#DIV/0!' }, 'problem: the cell holds the error #DIV/0!'],
    ['HyperFormula error object', { type: 'REF' }, 'problem: the cell holds the error #REF'],
    ['a date reads as its serial', new Date(2024, 4, 31), 45443],
  ])('%s', (_name, raw, expected) => {
    expect(outcome(readNumber(raw))).toEqual(expected);
  });
});

describe('readDate', () => {
  it.each<[string, unknown, unknown]>([
    ['an Excel serial', 45443, 45443],
    ['a serial with a time', 45443.75, 45443],
    ['a Date', new Date(2024, 4, 31), 45443],
    ['a Date with a time', new Date(2024, 4, 31, 23, 59), 45443],
    ['ISO text', '2024-05-31', 45443],
    ['ISO text with time', '2024-05-31T10:00:00Z', 45443],
    ['Excel blank as 0', 0, 'blank'],
    ['blank', '', 'blank'],
    ['null', null, 'blank'],
    ['day-first text that shows its order', '31/05/2024', 45443],
    [
      'day/month text whose order nothing settles',
      '01/02/2024',
      'problem: "01/02/2024" could be 2024-02-01 (day first) or 2024-01-02 (month first), and no other date of this range settles it: write it as 2024-02-01 or 2024-01-02, or use a date cell',
    ],
    ['a year typed as text', '2024', `problem: "2024" is not a date: ${DATE_FIX}`],
    ['impossible ISO date', '2024-02-30', `problem: "2024-02-30" is not a date: ${DATE_FIX}`],
    ['impossible day/month date', '31/02/2024', `problem: "31/02/2024" is not a date: ${DATE_FIX}`],
    ['negative serial', -5, `problem: "-5" is not a date: ${DATE_FIX}`],
    ['error text', '#VALUE!', 'problem: the cell holds the error #VALUE!'],
    ['boolean', false, 'problem: FALSE is a logical value, not a number: type a number instead'],
  ])('%s', (_name, raw, expected) => {
    expect(outcome(readDate(raw))).toEqual(expected);
  });

  it('counts whole days across a daylight-saving change', () => {
    const before = readDate(new Date(2024, 2, 9, 12));
    const after = readDate(new Date(2024, 2, 12, 0, 30));
    expect((after as number) - (before as number)).toBe(3);
  });

  it('round-trips serials, Dates and ISO text', () => {
    expect(isoToSerial('1970-01-01')).toBe(25569);
    expect(serialToIso(45443)).toBe('2024-05-31');
    expect(dateToSerial(serialToDate(45443))).toBe(45443);
  });
});

describe('readText', () => {
  it.each<[string, unknown, unknown]>([
    ['trimmed text', '  Công ty An Phát ', 'Công ty An Phát'],
    ['case is kept', 'abc', 'abc'],
    ['a number is its text', 1001, '1001'],
    ['the text of a number is the same identity', '1001', '1001'],
    ['blank', '', 'blank'],
    ['null', null, 'blank'],
    ['boolean', true, 'TRUE'],
    ['date', new Date(2024, 4, 31), '2024-05-31'],
    ['error', '#N/A', 'problem: the cell holds the error #N/A'],
  ])('%s', (_name, raw, expected) => {
    expect(outcome(readText(raw))).toEqual(expected);
  });
});

it('parseNumberText names both readings of an ambiguous text', () => {
  const read = parseNumberText('2.500');
  expect(isProblem(read) && read.params).toMatchObject({ small: 2.5, large: 2500 });
});

const iso = (s: string): number => isoToSerial(s) as number;
/** A column read by readNumbers / readDates, one outcome per cell. */
const outcomes = (column: NumberColumn): unknown[] =>
  Array.from(column.state, (state, i) =>
    state === 0 ? column.values[i] : state === 1 ? 'blank' : `problem: ${describeProblem(column.problems.get(i)!)}`,
  );

describe('dates as shops export them (spec: conventions, dates)', () => {
  it.each<[string, unknown, unknown]>([
    ['an 8-digit year-month-day number', 19970101, iso('1997-01-01')],
    ['8-digit year-month-day text', '19970101', iso('1997-01-01')],
    ['the last day of a year as 8 digits', 20261231, iso('2026-12-31')],
    ['8 digits that are no date', 19971301, `problem: "19971301" is not a date: ${DATE_FIX}`],
    ['8-digit text that is no date', '20240230', `problem: "20240230" is not a date: ${DATE_FIX}`],
    ['a number between the last serial and 8 digits', 3_000_000, `problem: "3000000" is not a date: ${DATE_FIX}`],
    ['ISO with a time', '2024-05-31 14:05', iso('2024-05-31')],
    ['ISO with seconds and a zone', '2024-05-31T23:59:59+07:00', iso('2024-05-31')],
    ['day first with /', '22/09/2026', iso('2026-09-22')],
    ['day first with - and a time (KiotViet)', '22-09-2026 09:46:16', iso('2026-09-22')],
    ['day first with .', '22.09.2026', iso('2026-09-22')],
    ['day first with a 12-hour time', '22/09/2026 9:46 PM', iso('2026-09-22')],
    ['the time of day is ignored', '22/09/2026 23:59:59', iso('2026-09-22')],
    ['month first shows itself', '09/22/2026', iso('2026-09-22')],
    ['equal day and month need no order', '05/05/2026', iso('2026-05-05')],
    ['mixed separators are no date', '22/09-2026', `problem: "22/09-2026" is not a date: ${DATE_FIX}`],
    ['a two-digit year is no date', '22/09/26', `problem: "22/09/26" is not a date: ${DATE_FIX}`],
  ])('%s', (_name, raw, expected) => {
    expect(outcome(readDate(raw))).toEqual(expected);
  });

  it('a first field above 12 somewhere in the argument settles day first for the rest', () => {
    expect(outcomes(readDates(['22/09/2026 09:46:16', '01/02/2026', '', '2026-03-04', 46000]))).toEqual([
      iso('2026-09-22'),
      iso('2026-02-01'),
      'blank',
      iso('2026-03-04'),
      46000,
    ]);
  });

  it('a second field above 12 settles month first', () => {
    expect(outcomes(readDates(['01/02/2026', '12/31/2025']))).toEqual([iso('2026-01-02'), iso('2025-12-31')]);
  });

  it('reads host rows ([[a], [b]]) the same way', () => {
    expect(outcomes(readDates([['01/02/2026'], ['13/02/2026']], true))).toEqual([iso('2026-02-01'), iso('2026-02-13')]);
  });

  it('text whose order nothing settles is a per-row problem that names both readings', () => {
    expect(outcomes(readDates(['01/02/2026', '03/04/2026', '05/05/2026']))).toEqual([
      'problem: "01/02/2026" could be 2026-02-01 (day first) or 2026-01-02 (month first), and no other date of this range settles it: write it as 2026-02-01 or 2026-01-02, or use a date cell',
      'problem: "03/04/2026" could be 2026-04-03 (day first) or 2026-03-04 (month first), and no other date of this range settles it: write it as 2026-04-03 or 2026-03-04, or use a date cell',
      iso('2026-05-05'),
    ]);
  });

  it('an argument with both orders: every cell against the other order is a per-row problem', () => {
    const mixed =
      ': this range has dates day first ("22/09/2026") and month first ("09/23/2026"): write every date in one order, or as text such as 2024-05-31';
    expect(outcomes(readDates(['22/09/2026', '09/23/2026', '01/02/2026', '05/05/2026', '2026-01-01']))).toEqual([
      `problem: "22/09/2026"${mixed}`,
      `problem: "09/23/2026"${mixed}`,
      `problem: "01/02/2026"${mixed}`,
      iso('2026-05-05'),
      iso('2026-01-01'),
    ]);
  });

  it('settles from the argument, never from another one (as_of and each date column settle themselves)', () => {
    expect(settleDateOrder(['22/09/2026'])).toEqual({ order: 'dmy', dayFirst: '22/09/2026' });
    expect(settleDateOrder(['2026-01-01', 5])).toEqual({});
    expect(dateTextToSerial('01/02/2026', settleDateOrder(['12/25/2026']))).toBe(iso('2026-01-02'));
  });

  it('says the fix in Vietnamese too', () => {
    const ambiguous = readDate('01/02/2026');
    expect(isProblem(ambiguous) && describeProblem(ambiguous, 'vi')).toBe(
      '"01/02/2026" có thể là 2026-02-01 (ngày trước) hoặc 2026-01-02 (tháng trước), và không ngày nào khác trong vùng xác định được: hãy viết là 2026-02-01 hoặc 2026-01-02, hoặc dùng ô ngày',
    );
    const notADate = readDate('soon');
    expect(isProblem(notADate) && describeProblem(notADate, 'vi')).toBe(
      '"soon" không phải là ngày: hãy dùng ô ngày, hoặc chữ như 2024-05-31, 20240531 hay 31/05/2024',
    );
  });
});

describe('amounts as shops export them (spec: numbers as text)', () => {
  it.each<[string, string, unknown]>([
    ['dong with a space', '450.000 ₫', 450_000],
    ['dong, a smaller amount', '89.000 ₫', 89_000],
    ['dong written đ, no space', '1.250.000đ', 1_250_000],
    ['VND in front', 'VND 450.000', 450_000],
    ['VNĐ behind', '450.000 VNĐ', 450_000],
    ['yen', '¥1,000', 1000],
    ['JPY', '1,000 JPY', 1000],
    ['won', '₩5,000', 5000],
    ['KRW', '5.000 KRW', 5000],
    ['dong with a decimal comma', '1.234,5 đ', 1234.5],
    ['a negative dong amount', '-450.000 ₫', -450_000],
    ['dollars with cents', '$1,234.50', 1234.5],
    ['euros with a decimal comma', '€12,5', 12.5],
    ['0.125 is not ambiguous', '0.125', 0.125],
    ['1234.567 is not ambiguous', '1234.567', 1234.567],
    ['1,5 is one and a half', '1,5', 1.5],
    ['a dollar has cents: "$1,234" stays ambiguous', '$1,234', 'problem: "$1,234" could be 1.234 or 1234'],
    ['"1.234" alone is ambiguous', '1.234', 'problem: "1.234" could be 1.234 or 1234'],
  ])('%s', (_name, text, expected) => {
    const read = outcome(readNumber(text));
    if (typeof expected === 'string') expect(read).toMatch(new RegExp(`^${expected.replace(/[$.()]/g, '\\$&')}`));
    else expect(read).toBe(expected);
  });

  it.each<[string, unknown[], unknown[]]>([
    ['"1.234.567" makes . a thousands separator', ['1.234.567', '450.000'], [1_234_567, 450_000]],
    ['"1.234,5" makes . a thousands separator', ['1.234,5', '450.000'], [1234.5, 450_000]],
    ['a dong amount settles the plain ones', ['89.000 ₫', '450.000', 12], [89_000, 450_000, 12]],
    ['"12.5" makes . a decimal point', ['12.5', '1.234'], [12.5, 1.234]],
    ['"1,234.50" makes , a thousands separator', ['1,234.50', '1,234'], [1234.5, 1234]],
    ['"1,5" makes , a decimal comma', ['1,5', '2,500'], [1.5, 2.5]],
    [
      'numbers and blanks settle nothing',
      [1234, '', null, '1.234'],
      [1234, 'blank', 'blank', /could be 1.234 or 1234/],
    ],
    [
      'cells showing opposite roles leave the ambiguous ones a problem',
      ['12.5', '1.234,5', '450.000', '99'],
      [
        12.5,
        1234.5,
        'problem: "450.000" could be 450 or 450000, and this range settles nothing: "12.5" has a decimal point, "1.234,5" a decimal comma. Write every amount the same way, or type it as a number',
        99,
      ],
    ],
  ])('the argument settles "1.234": %s', (_name, cells, expected) => {
    const got = outcomes(readNumbers(cells));
    got.forEach((cell, i) => {
      const want = expected[i];
      if (want instanceof RegExp) expect(cell).toMatch(want);
      else expect(cell).toEqual(want);
    });
    expect(
      outcomes(
        readNumbers(
          cells.map((c) => [c]),
          true,
        ),
      ),
    ).toEqual(got);
  });

  it('a matrix argument settles over all its cells', () => {
    const read = matrixNumberReader([
      ['1.234.567', 5],
      [7, '450.000'],
    ]);
    expect(read('450.000')).toBe(450_000);
    expect(read('12')).toBe(12);
  });

  it('which separator a text shows', () => {
    expect(
      ['12.5', '1,5', '1.234.567', '1,234,567', '1.234,5', '1,234.5', '450.000 ₫', '1.234', '12', '1 234,5'].map(
        decimalShownBy,
      ),
    ).toEqual(['.', ',', ',', '.', ',', '.', ',', undefined, undefined, ',']);
    expect(settleSeparators(['x', 3, '1,5'])).toEqual({ comma: '1,5', decimal: ',' });
  });

  it('says the fix in Vietnamese too', () => {
    const read = readNumber('abc');
    expect(isProblem(read) && describeProblem(read, 'vi')).toBe(
      '"abc" không phải là số: hãy nhập số như 1234.5 hoặc 1.234.567 ₫',
    );
    const ambiguous = readNumber('1.234');
    expect(isProblem(ambiguous) && describeProblem(ambiguous, 'vi')).toBe(
      '"1.234" có thể là 1.234 hoặc 1234: hãy nhập dạng số, hoặc bỏ dấu phân cách',
    );
  });
});

describe('a cell that holds no spreadsheet value (an object, a list, a function)', () => {
  const throwing = new Proxy(
    {},
    {
      get() {
        throw new TypeError('trap');
      },
      ownKeys() {
        throw new TypeError('trap');
      },
    },
  );
  const strange: [string, unknown][] = [
    ['an object', { a: 1 }],
    ['an object without a prototype', Object.create(null)],
    ['a list', [1, 2]],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a big integer', 10n],
    ['a map', new Map()],
    [
      'an object whose toString throws',
      {
        toString: () => {
          throw new Error('no');
        },
      },
    ],
    ['a proxy whose traps throw', throwing],
  ];

  it.each(strange)('%s is a per-row problem with a message, in every reader', (_name, raw) => {
    for (const reader of [readNumber, readDate, readText]) {
      const read = reader(raw);
      expect(isProblem(read)).toBe(true);
      if (!isProblem(read)) continue;
      for (const lang of ['en', 'vi'] as Lang[]) {
        expect(describeProblem(read, lang)).toMatch(
          lang === 'en' ? /^the cell holds .*: put one of those in it$/ : /^ô chứa /,
        );
      }
    }
  });

  it('passed in any argument of any function, answers or fails the whole call with a message, never throws', () => {
    const base = (kind: string): unknown =>
      kind === 'range'
        ? [[1], [2], [3]]
        : kind === 'matrix'
          ? [
              [1, 2],
              [3, 4],
              [5, 7],
            ]
          : null;
    for (const spec of CATALOG) {
      for (const [name, raw] of strange) {
        spec.params.forEach((param, p) => {
          const shapes = ['range', 'matrix', 'list'].includes(param.kind)
            ? [[[raw], [raw], [raw]], [[raw]], raw]
            : [raw, [[raw]]];
          for (const shape of shapes) {
            const args = spec.params.map((q) => base(q.kind));
            args[p] =
              param.kind === 'matrix' && Array.isArray(shape) && shape.length === 3
                ? shape.map(() => [raw, raw])
                : shape;
            let result: ReturnType<typeof invoke> | undefined;
            expect(() => (result = invoke(spec.name, args)), `${spec.name}(${param.name} = ${name})`).not.toThrow();
            if (result && !result.ok) expect(result.error).toBeInstanceOf(SegmentKitError);
          }
        });
      }
    }
  });
});

describe('isDongAmount: the one reading of "an amount in đồng" (summary sheet money format, import column format)', () => {
  it('knows đồng written before or after a number, in any case', () => {
    for (const text of ['1.250.000 ₫', '350000đ', 'VND 1,250,000', '450.000 VNĐ', '-5.000 ₫', '₫ 12'])
      expect(isDongAmount(text), text).toBe(true);
  });
  it('is false for other currencies, plain numbers, and text that is not a number', () => {
    for (const text of ['$1,250.00', '1.250.000', '12%', 'đ', 'Đà Nẵng', 'ba triệu đ', '', 'Công ty đ'])
      expect(isDongAmount(text), text).toBe(false);
  });
});
