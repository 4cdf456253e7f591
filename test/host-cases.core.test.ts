import { describe, expect, it } from 'vitest';
import { invoke, serialToDate } from '../core/index.js';
import { HOST_CASES } from './cases/index.js';
import { matches, neutralFromCore, toHostArgs, type HostConventions } from './cases/neutral.js';

const SHEETS_LIKE: HostConventions = { blank: '', date: serialToDate, omitted: undefined };
const EXCEL_LIKE: HostConventions = { blank: null, date: (s) => s, omitted: null };

describe.each([
  ['Sheets-shaped', SHEETS_LIKE],
  ['Excel-shaped', EXCEL_LIKE],
])('host cases against the core (%s)', (_name, host) => {
  it.each(HOST_CASES.map((c) => [`${c.fn}: ${c.title}`, c] as const))('%s', (_title, testCase) => {
    const result = invoke(testCase.fn, toHostArgs(testCase.args, host));
    if ('error' in testCase.expect) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(testCase.expect.error);
      return;
    }
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    if (!result.ok) return;
    const actual = result.grid.map((r) => r.map(neutralFromCore));
    expect(actual.length).toBe(testCase.expect.length);
    actual.forEach((r, i) => {
      const expectedRow = testCase.expect instanceof Array ? (testCase.expect[i] ?? []) : [];
      expect(r.length).toBe(expectedRow.length);
      r.forEach((cell, j) =>
        expect(matches(cell, expectedRow[j] as never), `row ${i + 1} col ${j + 1}: ${JSON.stringify(cell)}`).toBe(true),
      );
    });
  });
});
