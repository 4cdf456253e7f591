/**
 * The one check of option arguments against their parameter's limits (ParamSpec), called by `invoke` before a
 * function runs. Each rule has one whole-call problem: a number (notAnOptionNumber), a date (notAnOptionDate), a
 * whole number (notWhole), the bounds (outOfRange, tooSmall, tooLarge, or outOfHalfOpenRange / outOfOpenRange for
 * exclusive bounds), a
 * list's count (wrongCount), strictly ascending (notAscending), one of the values (badLang, for `lang`).
 * Data ranges are not options and are read by the functions themselves.
 */
import { isAbsent, numberGrid, optionalDate, optionalNumber, scalarArg } from '../args.js';
import { describeCell } from '../cells.js';
import { fail, type ErrorCode } from '../errors.js';
import type { ParamSpec } from './types.js';

/** Checks one argument against its parameter; an argument left out (or blank) passes. */
export function checkArgument(p: ParamSpec, raw: unknown): void {
  switch (p.kind) {
    case 'number': {
      const value = optionalNumber(raw, p.name);
      if (value !== undefined) checkNumber(p, value);
      return;
    }
    case 'list':
      if (!isAbsent(raw)) checkList(p, numberGrid(raw, p.name).flat());
      return;
    case 'matrix':
      if (hasNumberLimits(p) && !isAbsent(raw)) checkRows(p, numberGrid(raw, p.name));
      return;
    case 'date':
      optionalDate(raw, p.name);
      return;
    case 'text':
    case 'lang':
      if (p.values) checkValue(p, p.values, raw);
      return;
    case 'range':
      return;
  }
}

/** A matrix parameter is an option of numbers (not data) when it has limits. */
function hasNumberLimits(p: ParamSpec): boolean {
  return (
    p.ascending === true ||
    p.integer === true ||
    p.min !== undefined ||
    p.max !== undefined ||
    p.exclusiveMin !== undefined ||
    p.exclusiveMax !== undefined
  );
}

function checkNumber(p: ParamSpec, value: number): void {
  if (p.integer && !Number.isInteger(value)) fail('notWhole', { arg: p.name, value });
  const below = (p.min !== undefined && value < p.min) || (p.exclusiveMin !== undefined && !(value > p.exclusiveMin));
  const above = (p.max !== undefined && value > p.max) || (p.exclusiveMax !== undefined && !(value < p.exclusiveMax));
  if (!below && !above) return;
  const hasMin = p.min !== undefined || p.exclusiveMin !== undefined;
  const hasMax = p.max !== undefined || p.exclusiveMax !== undefined;
  const code: ErrorCode =
    p.exclusiveMax !== undefined
      ? 'outOfOpenRange'
      : p.exclusiveMin !== undefined
        ? 'outOfHalfOpenRange'
        : hasMin && hasMax
          ? 'outOfRange'
          : hasMin
            ? 'tooSmall'
            : 'tooLarge';
  fail(code, { arg: p.name, min: p.min ?? p.exclusiveMin ?? '', max: p.max ?? p.exclusiveMax ?? '', value });
}

function checkList(p: ParamSpec, list: readonly number[]): void {
  if (p.count !== undefined && list.length !== p.count) {
    fail('wrongCount', { arg: p.name, expected: p.count, count: list.length });
  }
  checkRows(p, [list]);
}

function checkRows(p: ParamSpec, rows: readonly (readonly number[])[]): void {
  for (const row of rows) for (const value of row) checkNumber(p, value);
  if (p.ascending) for (const row of rows) checkAscending(p, row);
}

function checkAscending(p: ParamSpec, list: readonly number[]): void {
  for (let i = 1; i < list.length; i++) {
    if (!((list[i] as number) > (list[i - 1] as number))) {
      fail('notAscending', { arg: p.name, value: `{${list.join(',')}}` });
    }
  }
}

/** `lang` is the one parameter with values; its problem names them. */
function checkValue(p: ParamSpec, values: readonly string[], raw: unknown): void {
  const value = scalarArg(raw, p.name);
  if (value === undefined) return;
  const text = describeCell(value);
  const wanted = text.trim().toLowerCase();
  if (!values.some((v) => v.toLowerCase() === wanted)) fail('badLang', { text });
}
