/** The help line under the formula bar: which catalog function is being typed, and which argument. */
import { CATALOG, CATALOG_BY_NAME, paramHelp, type FunctionSpec, type Lang } from '../../core/index.js';

export interface FunctionHint {
  readonly spec: FunctionSpec;
  /** Index of the argument the caret is in (may be past the last parameter). */
  readonly argument: number;
}

const CALL = new RegExp(`\\b(${CATALOG.map((s) => s.name).join('|')})\\s*\\(`, 'gi');

/** The innermost catalog call that is still open at `caret`, and the argument the caret is in. */
export function hintAt(formula: string, caret = formula.length): FunctionHint | undefined {
  if (!formula.startsWith('=')) return undefined;
  const before = formula.slice(0, caret);
  let best: FunctionHint | undefined;
  CALL.lastIndex = 0;
  for (let m = CALL.exec(before); m; m = CALL.exec(before)) {
    const spec = CATALOG_BY_NAME.get((m[1] as string).toUpperCase());
    if (!spec) continue;
    let depth = 0;
    let quoted = false;
    let argument = 0;
    let open = true;
    for (let i = m.index + m[0].length; i < before.length; i++) {
      const ch = before[i];
      if (ch === '"') quoted = !quoted;
      else if (quoted) continue;
      else if (ch === '(' || ch === '{') depth++;
      else if (ch === ')' || ch === '}') {
        if (depth === 0) {
          open = false;
          break;
        }
        depth--;
      } else if (ch === ',' && depth === 0) argument++;
    }
    if (open) best = { spec, argument };
  }
  return best;
}

/** `ABC_CLASS(values, [population], …)` as parts, so the current argument can be emphasised. */
export function signatureParts(spec: FunctionSpec): string[] {
  return spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
}

/** The hint's text: the help of the argument the caret is in (with its limits and default), else the summary. */
export function hintText(hint: FunctionHint, lang: Lang): string {
  const p = hint.spec.params[hint.argument];
  return p ? paramHelp(p, lang) : hint.spec.summary[lang];
}
