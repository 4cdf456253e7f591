import { describe, expect, it } from 'vitest';
import {
  BLANK,
  dateToSerial,
  describeProblem,
  isProblem,
  isoToSerial,
  parseNumberText,
  readDate,
  readNumber,
  readText,
  serialToDate,
  serialToIso,
} from '../core/index.js';

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
    ['bad grouping', '12.34.5', 'problem: "12.34.5" is not a number'],
    ['words', 'abc', 'problem: "abc" is not a number'],
    ['TRUE', true, 'problem: TRUE is a logical value, not a number'],
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
    [
      'day-first text is not guessed',
      '31/05/2024',
      'problem: "31/05/2024" is not a date: use a date cell or ISO text such as 2024-05-31',
    ],
    ['a year typed as text', '2024', 'problem: "2024" is not a date: use a date cell or ISO text such as 2024-05-31'],
    [
      'impossible ISO date',
      '2024-02-30',
      'problem: "2024-02-30" is not a date: use a date cell or ISO text such as 2024-05-31',
    ],
    ['negative serial', -5, 'problem: "-5" is not a date: use a date cell or ISO text such as 2024-05-31'],
    ['error text', '#VALUE!', 'problem: the cell holds the error #VALUE!'],
    ['boolean', false, 'problem: FALSE is a logical value, not a number'],
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
