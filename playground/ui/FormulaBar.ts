/**
 * Name box (go to a cell), the formula of the selected cell, and help for the SegmentKit function being typed. A
 * formula the engine cannot read (`;` between arguments, a decimal comma) is explained in the user's language, with
 * the rewritten formula to use when there is one (formula-syntax.ts); the engine's parser message is never shown.
 */
import { createElement as h, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { formulaAdvice, FORMULA_SYNTAX_TEXT, separatorAdvice, type FormulaAdvice } from './formula-syntax.js';
import { hintAt, hintText, signatureParts } from './function-hint.js';
import { uiText } from './i18n.js';

export interface FormulaBarProps {
  readonly lang: Lang;
  /** `E2`, or `E2:J10` for a block. */
  readonly address: string;
  /** The formula bar's text (a draft while the user types). */
  readonly draft: string;
  readonly onDraft: (text: string) => void;
  readonly onCommit: (text: string) => void;
  readonly onCancel: () => void;
  readonly onNavigate: (address: string) => boolean;
  /** Where the shown formula lives when the selected cell is part of a spilled answer. */
  readonly spilledFrom?: string;
  /** The message of an error in the selected cell. */
  readonly error?: string;
}

export function FormulaBar(props: FormulaBarProps): ReactElement {
  const { lang, address, draft, onDraft, onCommit, onCancel, onNavigate, spilledFrom, error } = props;
  const [nameBox, setNameBox] = useState<string | undefined>(undefined);
  const [caret, setCaret] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const hint = editing ? hintAt(draft, caret ?? draft.length) : undefined;
  // While typing: `;` between arguments is pointed out before Enter. Else: the selected cell's parse error, explained.
  const advice = editing ? separatorAdvice(draft, lang) : formulaAdvice(draft, error, lang);

  const onNameKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (onNavigate(event.currentTarget.value)) setNameBox(undefined);
    } else if (event.key === 'Escape') {
      setNameBox(undefined);
      event.currentTarget.blur();
    }
  };

  const onFormulaKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onCommit(event.currentTarget.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  const nameInput = h('input', {
    className: 'name-box',
    'aria-label': uiText('nameBox', lang),
    'data-testid': 'name-box',
    value: nameBox ?? address,
    spellCheck: false,
    onChange: (e: { target: HTMLInputElement }) => setNameBox(e.target.value),
    onFocus: (e: { currentTarget: HTMLInputElement }) => e.currentTarget.select(),
    onBlur: () => setNameBox(undefined),
    onKeyDown: onNameKey,
  });

  const formulaInput = h('input', {
    className: spilledFrom ? 'formula-input spilled' : 'formula-input',
    'aria-label': uiText('formulaBar', lang),
    'data-testid': 'formula-bar',
    value: draft,
    spellCheck: false,
    placeholder: uiText('formulaPlaceholder', lang),
    onChange: (e: { target: HTMLInputElement }) => {
      onDraft(e.target.value);
      setCaret(e.target.selectionStart ?? undefined);
    },
    onSelect: (e: { currentTarget: HTMLInputElement }) => setCaret(e.currentTarget.selectionStart ?? undefined),
    onFocus: () => setEditing(true),
    onBlur: () => setEditing(false),
    onKeyDown: onFormulaKey,
  });

  let below: ReactElement | null = null;
  if (advice) {
    below = adviceLine(advice, lang, onCommit);
  } else if (hint) {
    const parts = signatureParts(hint.spec).map((part, i) =>
      h(
        'span',
        { key: part },
        i > 0 ? ', ' : '',
        h('span', { className: i === hint.argument ? 'hint-current' : undefined }, part),
      ),
    );
    below = h(
      'div',
      { className: 'formula-hint', role: 'note' },
      // The signature is the formula's own syntax (as Excel and Sheets show it), the same in every language.
      h(
        'span',
        { className: 'hint-signature', 'data-syntax': 'formula' },
        h('b', null, hint.spec.name),
        '(',
        ...parts,
        ')',
      ),
      h('span', { className: 'hint-text' }, hintText(hint, lang)),
    );
  } else if (error) {
    below = h('div', { className: 'formula-error', role: 'status' }, error);
  }

  return h(
    'div',
    { className: 'formula-area' },
    h(
      'div',
      { className: 'formula-bar' },
      nameInput,
      h('span', { className: 'fx', 'aria-hidden': true }, 'fx'),
      formulaInput,
      spilledFrom
        ? h('span', { className: 'spill-note' }, uiText('spilledFrom', lang, { address: spilledFrom }))
        : null,
    ),
    below,
  );
}

/** The explanation of a formula the engine cannot read, with a button that puts the rewritten formula in the cell. */
function adviceLine(advice: FormulaAdvice, lang: Lang, onCommit: (text: string) => void): ReactElement {
  const { rewrite } = advice;
  return h(
    'div',
    // The error box lets clicks through to the grid (styles.css); this one holds a button, so it takes them.
    {
      className: 'formula-error',
      role: 'status',
      'data-testid': 'formula-advice',
      style: { pointerEvents: 'auto' },
    },
    h('span', null, advice.message),
    rewrite === undefined
      ? null
      : h(
          'button',
          {
            type: 'button',
            className: 'formula-fix',
            style: { alignSelf: 'flex-start', marginTop: 4 },
            // Keep the formula input focused until the click, so the draft being typed is what gets replaced.
            onMouseDown: (e: { preventDefault: () => void }) => e.preventDefault(),
            onClick: () => onCommit(rewrite),
          },
          FORMULA_SYNTAX_TEXT.useRewrite[lang],
        ),
  );
}
