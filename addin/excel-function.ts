/// <reference types="custom-functions-runtime" />
/**
 * The function Excel calls for one catalog function (register.ts associates one per catalog entry).
 *
 * Excel calls a custom function with one argument per parameter of its metadata, an omitted optional one as
 * `null`, then (because the metadata asks for the caller's and the parameters' addresses, see functions-metadata.ts)
 * the invocation object. The core gets exactly the declared arguments: a missing one as `undefined` (which the core
 * reads as omitted, as it does `null`), anything past the last dropped. The invocation's `parameterAddresses`
 * (`Sheet1!$C$2:$C$10`) tell the core where each range is, so a per-row problem names the sheet's cell (`values,
 * cell C7`) rather than a row counted from the start of the range; without them (an Excel that does not pass them, a
 * constant argument) the message says the row is counted in the range.
 */
import { parseAddress, sheetOfAddress, type ArgPlace } from '../core/arg-places.js';
import { withArgumentPlaces } from '../core/catalog/invoke.js';
import { runForExcel, type ExcelGrid } from './excel-host.js';

/** Exactly `count` arguments: the first ones Excel passed, `undefined` for any it did not. */
function firstArgs(args: readonly unknown[], count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => args[i]);
}

/**
 * Where each of the `count` parameters is, from the invocation Excel passes after them: undefined for a parameter
 * whose address is missing or not a range address. Anything else in that position is no invocation: no places.
 */
export function argumentPlaces(invocation: unknown, count: number): (ArgPlace | undefined)[] {
  const places = new Array<ArgPlace | undefined>(count).fill(undefined);
  if (typeof invocation !== 'object' || invocation === null || Array.isArray(invocation)) return places;
  const { address, parameterAddresses } = invocation as Partial<CustomFunctions.Invocation>;
  if (!Array.isArray(parameterAddresses)) return places;
  const callerSheet = sheetOfAddress(address);
  for (let i = 0; i < count; i++) places[i] = parseAddress(parameterAddresses[i], callerSheet);
  return places;
}

/** How a call is run once its arguments are known: runForExcel, or a stand-in in tests. */
export type ExcelRun<T> = (name: string, args: readonly unknown[]) => T;

/** The function Excel calls for catalog function `name`, which has `count` parameters. */
export function excelFunction(name: string, count: number): (...args: unknown[]) => ExcelGrid;
export function excelFunction<T>(name: string, count: number, run: ExcelRun<T>): (...args: unknown[]) => T;
export function excelFunction(
  name: string,
  count: number,
  run: ExcelRun<unknown> = runForExcel,
): (...args: unknown[]) => unknown {
  return (...args: unknown[]) =>
    withArgumentPlaces(name, argumentPlaces(args[count], count), () => run(name, firstArgs(args, count)));
}
