/** Turning neutral cases into host arguments and host answers back into neutral cells. */
import { expect } from 'vitest';
import { describeProblem, isDateOut, isProblem, isoToSerial, serialToIso, type OutCell } from '../../core/index.js';
import { BLANK, type CaseArg, type CaseCell, type ExpectedCell } from './types.js';

export interface HostConventions {
  /** What a blank cell arrives as. */
  readonly blank: unknown;
  /** What a date cell arrives as, from its serial. */
  readonly date: (serial: number) => unknown;
  /** What an argument left out arrives as (Excel `null`, Sheets: not passed). */
  readonly omitted: unknown;
}

export function isBlankCell(cell: CaseCell): boolean {
  return typeof cell === 'object' && 'blank' in cell;
}

export function toHostCell(cell: CaseCell, host: HostConventions): unknown {
  if (typeof cell !== 'object') return cell;
  if (cell === BLANK || 'blank' in cell) return host.blank;
  const serial = isoToSerial(cell.date);
  if (serial === undefined) throw new Error(`bad test date ${cell.date}`);
  return host.date(serial);
}

export function toHostArg(arg: CaseArg, host: HostConventions): unknown {
  if (arg === undefined) return host.omitted;
  if (Array.isArray(arg)) return (arg as CaseCell[][]).map((r) => r.map((c) => toHostCell(c, host)));
  return toHostCell(arg as CaseCell, host);
}

/** Host arguments with trailing left-out arguments dropped, as a host calls a function. */
export function toHostArgs(args: readonly CaseArg[], host: HostConventions): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end).map((a) => toHostArg(a, host));
}

/** A core answer as a neutral expected cell (problems keep their English message). */
export function neutralFromCore(cell: OutCell): ExpectedCell {
  if (isProblem(cell)) return { problem: describeProblem(cell) };
  if (isDateOut(cell)) return { date: serialToIso(cell.serial) };
  return cell;
}

/** True when an actual neutral cell satisfies an expected one (problem texts match by substring). */
export function matches(actual: ExpectedCell, expected: ExpectedCell): boolean {
  if (typeof expected === 'object' && 'problem' in expected) {
    return typeof actual === 'object' && 'problem' in actual && actual.problem.includes(expected.problem);
  }
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** A host's answer against a case's expected table, cell by cell, naming the first cell that differs. */
export function expectCaseAnswer(
  actual: readonly (readonly ExpectedCell[])[],
  expected: readonly (readonly ExpectedCell[])[],
): void {
  expect(actual.length, JSON.stringify(actual)).toBe(expected.length);
  actual.forEach((row, i) => {
    const expectedRow = expected[i] ?? [];
    expect(row.length, `row ${i + 1}: ${JSON.stringify(row)}`).toBe(expectedRow.length);
    row.forEach((cell, j) =>
      expect(
        matches(cell, expectedRow[j] as ExpectedCell),
        `row ${i + 1} col ${j + 1}: ${JSON.stringify(cell)} vs ${JSON.stringify(expectedRow[j])}`,
      ).toBe(true),
    );
  });
}
