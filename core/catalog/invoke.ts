/**
 * The boundary every host calls: finds a function, checks the argument count and every option against its
 * parameter's limits, runs it, reports in the right language, and passes on what the function used.
 */
import { readLang } from '../args.js';
import { locateRow, withArgPlaces, type ArgPlace, type LocatedArg } from '../arg-places.js';
import { SegmentKitError } from '../errors.js';
import type { Lang } from '../labels.js';
import type { OutGrid } from '../output.js';
import { checkArgument } from './check.js';
import { CATALOG_BY_NAME } from './index.js';
import type { DetailSink, ParamSpec } from './types.js';

export type Invocation =
  | { readonly ok: true; readonly grid: OutGrid; readonly lang: Lang }
  | { readonly ok: false; readonly error: SegmentKitError; readonly lang: Lang };

/** Where each function takes its `lang` argument, and that parameter. */
const LANG_ARGS = new Map(
  [...CATALOG_BY_NAME.values()].flatMap((spec) => {
    const index = spec.params.findIndex((p) => p.kind === 'lang');
    return index < 0 ? [] : [[spec.name, { index, p: spec.params[index] as ParamSpec }] as const];
  }),
);

/** The language of the call's messages: its `lang` argument, or English when that is missing or wrong. */
function langOf(name: string, args: readonly unknown[]): Lang {
  const lang = LANG_ARGS.get(name);
  const raw = lang && args[lang.index];
  if (!lang || raw === undefined || raw === null) return 'en';
  try {
    checkArgument(lang.p, raw);
    return readLang(raw);
  } catch {
    return 'en';
  }
}

/**
 * Runs a catalog function on host-shaped arguments. Whole-call problems come back as `ok: false`; bugs are thrown.
 * `details`, when given, receives what the function used to reach its answers (cut-offs, as_of, k…).
 */
export function invoke(name: string, args: readonly unknown[], details?: DetailSink): Invocation {
  const lang = langOf(name, args);
  try {
    const spec = CATALOG_BY_NAME.get(name);
    if (!spec) throw new SegmentKitError('unknownFunction', { text: name });
    let count = args.length;
    while (count > 0 && (args[count - 1] === undefined || args[count - 1] === null)) count--;
    if (count > spec.params.length) {
      throw new SegmentKitError('tooManyArguments', { text: name, max: spec.params.length, count });
    }
    for (let i = 0; i < spec.params.length; i++) {
      const p = spec.params[i] as ParamSpec;
      const raw = args[i];
      if (raw === undefined || raw === null) {
        if (!p.optional) throw new SegmentKitError('missingArgument', { arg: p.name });
      } else checkArgument(p, raw);
    }
    return { ok: true, grid: spec.run(args, details), lang };
  } catch (error) {
    if (error instanceof SegmentKitError) return { ok: false, error: located(error), lang };
    throw error;
  }
}

/** A whole-call problem that names a row of an argument (a ragged matrix, a bad rule), with that row on the sheet. */
function located(error: SegmentKitError): SegmentKitError {
  const { arg, row, onSheet } = error.params;
  if (typeof arg !== 'string' || typeof row !== 'number' || onSheet !== undefined) return error;
  const where = locateRow(arg, row);
  return where.onSheet === undefined ? error : new SegmentKitError(error.code, { ...error.params, ...where });
}

/**
 * Runs `run` (a host's call of `invoke` and the rendering of its answer) knowing where the arguments of function
 * `name` are on the sheet: `places[i]` for its i-th parameter, undefined where the host does not know (a constant,
 * an expression). Problems then name sheet rows and cells (see arg-places.ts).
 */
export function withArgumentPlaces<T>(name: string, places: readonly (ArgPlace | undefined)[], run: () => T): T {
  const spec = CATALOG_BY_NAME.get(name);
  const byName = new Map<string, LocatedArg>();
  spec?.params.forEach((p, i) => {
    const place = places[i];
    if (place) byName.set(p.name, { ...place, vector: p.kind === 'range' });
  });
  return withArgPlaces(byName, run);
}
