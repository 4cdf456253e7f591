/**
 * A formula the playground's engine cannot read is explained in the user's language (formula-syntax.ts), with the
 * formula rewritten when that is safe, and the formula bar never shows the engine's parser message. HyperFormula's
 * own messages for these formulas are checked in the playground project (playground-plugin.test.ts).
 */
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormulaBar, type FormulaBarProps } from '../playground/ui/FormulaBar.js';
import { formulaAdvice, isParseError, separatorRewrite } from '../playground/ui/formula-syntax.js';

/** What HyperFormula 3 says for `=ABC_CLASS(C2:C10; 0,8)`, as the formula bar receives it. */
const RPAREN = "#ERROR! Parsing error. Expecting token of type --> RParen <-- but found --> ';' <--";
const LEXING = '#ERROR! Parsing error. unexpected character: ->"<- at offset: 18, skipped 1 characters.';

describe('separatorRewrite', () => {
  it('turns ";" between arguments into commas and decimal commas into dots', () => {
    expect(separatorRewrite('=ABC_CLASS(C2:C10; 0,8)')).toBe('=ABC_CLASS(C2:C10, 0.8)');
    expect(separatorRewrite('=ABC_CLASS(C2:C10;;0,75;0,95;"vi")')).toBe('=ABC_CLASS(C2:C10,,0.75,0.95,"vi")');
    expect(separatorRewrite('=PARETO_RATIO(D2:D500;0,2)*100')).toBe('=PARETO_RATIO(D2:D500,0.2)*100');
  });

  it('never changes quoted text', () => {
    expect(separatorRewrite('=SEGMENT_SUMMARY(A2:A9; B2:B9; "vi")&" khách; 0,5 ""x;y"""')).toBe(
      '=SEGMENT_SUMMARY(A2:A9, B2:B9, "vi")&" khách; 0,5 ""x;y"""',
    );
  });

  it('offers nothing when the rewrite would be a guess or change nothing', () => {
    for (const formula of [
      '=ABC_CLASS(C2:C10, 0.8)', // already right
      '=ABC_CLASS(C2:C10; 0,8, 0,95)', // both separators: which comma is which?
      '=XYZ_CLASS({1;2;3}; 0,5)', // array constants write their separators per locale
      '=ABC_CLASS(C2:C10; "0,8)', // an open quote
      '=SUM(A1;B1,C1)', // a comma between a reference and a reference
      'ABC_CLASS(C2:C10; 0,8)', // not a formula
    ]) {
      expect(separatorRewrite(formula), formula).toBeUndefined();
    }
  });
});

describe('formulaAdvice', () => {
  it('explains a parse error and gives the rewritten formula, in both languages, without the parser text', () => {
    const en = formulaAdvice('=ABC_CLASS(C2:C10; 0,8)', RPAREN, 'en');
    expect(en).toEqual({
      message:
        'This formula uses “;” between arguments or a comma in a number. The playground uses commas between arguments and a dot for decimals: =ABC_CLASS(C2:C10, 0.8)',
      rewrite: '=ABC_CLASS(C2:C10, 0.8)',
    });
    const vi = formulaAdvice('=ABC_CLASS(C2:C10; 0,8)', RPAREN, 'vi');
    expect(vi?.message).toBe(
      'Công thức này dùng dấu “;” giữa các đối số hoặc dấu phẩy trong số. Bản dùng thử dùng dấu phẩy giữa các đối số và dấu chấm cho phần thập phân: =ABC_CLASS(C2:C10, 0.8)',
    );
  });

  it('says what to check when no safe rewrite exists', () => {
    const advice = formulaAdvice('=ABC_CLASS(C2:C10, "a)', LEXING, 'vi');
    expect(advice?.rewrite).toBeUndefined();
    expect(advice?.message).toMatch(/^Không đọc được công thức này\. Hãy kiểm tra dấu ngoặc/);
    expect(advice?.message).toContain('=PARETO_RATIO(C2:C10, 0.2)');
  });

  it('leaves other errors to their own message', () => {
    expect(isParseError('#VALUE! values, cell C4: "abc" is not a number')).toBe(false);
    expect(isParseError('#NAME? Function name FOO not recognized.')).toBe(false);
    expect(formulaAdvice('=ABC_CLASS(C2:C10; 0,8)', undefined, 'en')).toBeUndefined();
  });
});

describe('the formula bar', () => {
  const props = (change: Partial<FormulaBarProps>): FormulaBarProps => ({
    lang: 'vi',
    address: 'E2',
    draft: '=ABC_CLASS(C2:C10; 0,8)',
    onDraft: () => undefined,
    onCommit: () => undefined,
    onCancel: () => undefined,
    onNavigate: () => true,
    error: RPAREN,
    ...change,
  });

  it('shows the advice and a button to use the rewrite, never the parser message', () => {
    const html = renderToStaticMarkup(h(FormulaBar, props({})));
    expect(html).toContain('Bản dùng thử dùng dấu phẩy giữa các đối số');
    expect(html).toContain('=ABC_CLASS(C2:C10, 0.8)');
    expect(html).toContain('Dùng công thức này');
    expect(html).not.toMatch(/Expecting|RParen|Parsing error|token/);
  });

  it('hides the raw parser message even when no rewrite exists', () => {
    const html = renderToStaticMarkup(
      h(FormulaBar, props({ lang: 'en', draft: '=ABC_CLASS(C2:C10, "a)', error: LEXING })),
    );
    expect(html).toContain('This formula cannot be read.');
    expect(html).not.toMatch(/unexpected character|offset|Parsing error/);
  });

  it('still shows a per-row problem as the core says it', () => {
    const error = '#VALUE! values, cell C4: "abc" is not a number';
    const html = renderToStaticMarkup(h(FormulaBar, props({ lang: 'en', draft: '=ABC_CLASS(C2:C10)', error })));
    expect(html).toContain('values, cell C4: &quot;abc&quot; is not a number');
  });
});
