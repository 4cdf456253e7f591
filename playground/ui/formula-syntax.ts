/**
 * Formulas the playground's formula engine cannot read, said so a user can fix them. The playground writes formulas
 * as Google Sheets and Excel do in English: commas between arguments, a dot for decimals. A user whose spreadsheet
 * uses `;` between arguments and a decimal comma (Vietnamese, most of Europe) types `=ABC_CLASS(C2:C10; 0,8)`, and
 * HyperFormula answers `#ERROR!` with a parser message (`Expecting token of type --> RParen <--`) that is never
 * shown: the user sees, in the chosen language, what the playground expects and, when one exists, the formula
 * rewritten that way (`=ABC_CLASS(C2:C10, 0.8)`), ready to use.
 *
 * The rewrite is offered only when it is safe: the formula has `;` between arguments (outside quoted text and array
 * constants), no array constant (whose separators differ between locales), and every comma left is a decimal comma
 * between digits. Quoted text is never changed.
 */
import type { Lang } from '../../core/labels.js';
import { fillTemplate } from '../../core/template.js';

/** The words of this file; exported so the browser test can tell an English word on a Vietnamese page. */
export const FORMULA_SYNTAX_TEXT = {
  separators: {
    en: 'This formula uses “;” between arguments or a comma in a number. The playground uses commas between arguments and a dot for decimals: {formula}',
    vi: 'Công thức này dùng dấu “;” giữa các đối số hoặc dấu phẩy trong số. Bản dùng thử dùng dấu phẩy giữa các đối số và dấu chấm cho phần thập phân: {formula}',
  },
  unreadable: {
    en: 'This formula cannot be read. Check its brackets and quotes. The playground uses commas between arguments and a dot for decimals, as in {example}',
    vi: 'Không đọc được công thức này. Hãy kiểm tra dấu ngoặc và dấu nháy kép. Bản dùng thử dùng dấu phẩy giữa các đối số và dấu chấm cho phần thập phân, ví dụ {example}',
  },
  useRewrite: { en: 'Use this formula', vi: 'Dùng công thức này' },
} as const satisfies Record<string, Record<Lang, string>>;

/** A formula written the way the playground reads it. */
const EXAMPLE = '=PARETO_RATIO(C2:C10, 0.2)';

/** HyperFormula's error for a formula it cannot parse: `#ERROR!` with a parsing or lexing message. */
export function isParseError(error: string | undefined): boolean {
  return error !== undefined && /^#ERROR!/.test(error) && /\b(Parsing|Lexing) error\b/i.test(error);
}

/**
 * `formula` with `;` between arguments as `,` and decimal commas as dots, when that rewrite is safe (see above);
 * undefined otherwise, or when nothing would change.
 */
export function separatorRewrite(formula: string): string | undefined {
  if (!formula.startsWith('=')) return undefined;
  let out = '';
  let quoted = false;
  let semicolons = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i] as string;
    if (ch === '"') quoted = !quoted; // `""` inside quotes toggles twice: still quoted
    if (quoted || ch === '"') {
      out += ch;
      continue;
    }
    if (ch === '{' || ch === '}') return undefined;
    if (ch === ';') {
      semicolons++;
      out += ',';
    } else if (ch === ',') {
      if (!/\d/.test(formula[i - 1] ?? '') || !/\d/.test(formula[i + 1] ?? '')) return undefined;
      out += '.';
    } else out += ch;
  }
  if (quoted || semicolons === 0) return undefined;
  return out;
}

/** What to say about a cell's formula and its error: undefined when the error is not a parse error. */
export interface FormulaAdvice {
  readonly message: string;
  /** The formula rewritten as the playground reads it, when that is safe. */
  readonly rewrite?: string;
}

/** Advice for a formula the engine could not parse (`error` is the cell's error text), in the user's language. */
export function formulaAdvice(formula: string, error: string | undefined, lang: Lang): FormulaAdvice | undefined {
  if (!isParseError(error)) return undefined;
  return (
    separatorAdvice(formula, lang) ?? {
      message: fillTemplate(FORMULA_SYNTAX_TEXT.unreadable[lang], { example: EXAMPLE }),
    }
  );
}

/** Advice for a formula being typed with `;` between arguments, before the engine sees it; undefined otherwise. */
export function separatorAdvice(formula: string, lang: Lang): FormulaAdvice | undefined {
  const rewrite = separatorRewrite(formula);
  if (rewrite === undefined) return undefined;
  return { message: fillTemplate(FORMULA_SYNTAX_TEXT.separators[lang], { formula: rewrite }), rewrite };
}
