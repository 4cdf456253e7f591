/// <reference types="custom-functions-runtime" />
/**
 * The entry of functions.js: associates every catalog function with the id functions.json gives it (the catalog
 * name, see functions-metadata.ts), in the shared runtime that taskpane.html loads.
 *
 * Excel calls a custom function with one argument per parameter of its metadata, an omitted optional one as
 * `null`. The function hands runForExcel exactly that many, as each function's own wrapper used to: a missing
 * one as `undefined` (which the core reads as omitted, as it does `null`), anything past the last dropped.
 */
import { CATALOG } from '../core/index.js';
import { runForExcel } from './excel-host.js';

/** Exactly `count` arguments: the first ones Excel passed, `undefined` for any it did not. */
function firstArgs(args: readonly unknown[], count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => args[i]);
}

for (const spec of CATALOG) {
  const count = spec.params.length;
  CustomFunctions.associate(spec.name, (...args: unknown[]) => runForExcel(spec.name, firstArgs(args, count)));
}
