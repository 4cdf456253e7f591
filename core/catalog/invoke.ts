/** The boundary every host calls: finds a function, checks the argument count, runs it, reports in the right language. */
import { readLang } from '../args.js';
import { SegmentKitError } from '../errors.js';
import type { Lang } from '../labels.js';
import type { OutGrid } from '../output.js';
import { CATALOG_BY_NAME } from './index.js';
import type { ParamSpec } from './types.js';

export type Invocation =
  | { readonly ok: true; readonly grid: OutGrid; readonly lang: Lang }
  | { readonly ok: false; readonly error: SegmentKitError; readonly lang: Lang };

const LANG_INDEX = new Map(
  [...CATALOG_BY_NAME.values()].map((spec) => [spec.name, spec.params.findIndex((p) => p.kind === 'lang')]),
);

function langOf(name: string, args: readonly unknown[]): Lang {
  const index = LANG_INDEX.get(name) ?? -1;
  if (index < 0 || args[index] === undefined || args[index] === null) return 'en';
  try {
    return readLang(args[index]);
  } catch {
    return 'en';
  }
}

/** Runs a catalog function on host-shaped arguments. Whole-call problems come back as `ok: false`; bugs are thrown. */
export function invoke(name: string, args: readonly unknown[]): Invocation {
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
      if (!p.optional && (args[i] === undefined || args[i] === null)) {
        throw new SegmentKitError('missingArgument', { arg: p.name });
      }
    }
    return { ok: true, grid: spec.run(args), lang };
  } catch (error) {
    if (error instanceof SegmentKitError) return { ok: false, error, lang };
    throw error;
  }
}
