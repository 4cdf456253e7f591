/** Under the grid: a button for a blank sheet, the sheet tabs, and the status (sum, average, count, or the size). */
import { Button, Tooltip } from '@fluentui/react-components';
import { createElement as h, type ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { countOf, formatCount, uiText } from './i18n.js';
import { PlusIcon } from './icons.js';

export interface SheetStatus {
  /** The selected block's figures, when more than one cell is selected. */
  readonly stats?: { readonly count: number; readonly numbers: number; readonly sum: number };
  /** The sheet's used size. */
  readonly rows: number;
  readonly cols: number;
}

export interface BottomBarProps {
  readonly lang: Lang;
  readonly sheets: readonly string[];
  readonly active: string;
  readonly status: SheetStatus;
  readonly onSwitch: (name: string) => void;
  readonly onAddSheet: () => void;
}

function StatusLine({ lang, status }: { lang: Lang; status: SheetStatus }): ReactElement {
  const { stats, rows, cols } = status;
  if (!stats || stats.count === 0) {
    return h(
      'span',
      null,
      uiText('sheetSize', lang, { rows: countOf(rows, 'row', lang), columns: countOf(cols, 'column', lang) }),
    );
  }
  const value = (n: number): string => formatCount(n, lang);
  return h(
    'span',
    { className: 'status-figures' },
    stats.numbers > 0 ? h('span', null, uiText('sum', lang, { value: value(stats.sum) })) : null,
    stats.numbers > 0 ? h('span', null, uiText('average', lang, { value: value(stats.sum / stats.numbers) })) : null,
    h('span', null, uiText('count', lang, { value: value(stats.count) })),
  );
}

export function BottomBar({ lang, sheets, active, status, onSwitch, onAddSheet }: BottomBarProps): ReactElement {
  return h(
    'footer',
    { className: 'bottom-bar' },
    h(
      Tooltip,
      { content: uiText('addSheet', lang), relationship: 'label' },
      h(Button, { appearance: 'subtle', size: 'small', icon: h(PlusIcon), onClick: onAddSheet }),
    ),
    h(
      'nav',
      { className: 'sheet-tabs', role: 'tablist', 'aria-label': uiText('sheetTabs', lang) },
      sheets.map((name) =>
        h(
          'button',
          {
            key: name,
            role: 'tab',
            'aria-selected': name === active,
            className: name === active ? 'sheet-tab active' : 'sheet-tab',
            onClick: () => onSwitch(name),
          },
          name,
        ),
      ),
    ),
    h('div', { className: 'status', 'aria-live': 'polite' }, h(StatusLine, { lang, status })),
  );
}
