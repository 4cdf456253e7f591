/** The page's top bar: the brand, what is busy, the function list, Import and Export. */
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Tooltip } from '@fluentui/react-components';
import { createElement as h, useRef, type ReactElement } from 'react';
import { CATALOG } from '../../core/index.js';
import type { Lang } from '../../core/labels.js';
import { IMPORT_ACCEPT } from '../io/import.js';
import { uiText } from './i18n.js';
import { DownloadIcon, FunctionIcon, Logo, UploadIcon } from './icons.js';

export interface TopBarProps {
  readonly lang: Lang;
  readonly subtitle?: string;
  /** What the page is doing, e.g. "Importing orders.csv…". */
  readonly busy?: string;
  readonly onInsertFunction: (name: string) => void;
  readonly onImport: (files: readonly File[]) => void;
  readonly onExport: () => void;
}

function FunctionsMenu({ lang, onInsert }: { lang: Lang; onInsert: (name: string) => void }): ReactElement {
  return h(Menu, {
    positioning: 'below-end',
    children: [
      h(MenuTrigger, {
        key: 'trigger',
        disableButtonEnhancement: true,
        children: h(Button, { appearance: 'subtle', icon: h(FunctionIcon) }, uiText('functions', lang)),
      }),
      h(
        MenuPopover,
        { key: 'list', className: 'functions-menu' },
        h(
          MenuList,
          null,
          CATALOG.map((spec) =>
            h(
              MenuItem,
              { key: spec.name, onClick: () => onInsert(spec.name) },
              h(
                'div',
                { className: 'fn-item' },
                h('span', { className: 'fn-name' }, spec.name),
                h('span', { className: 'fn-summary' }, spec.summary[lang]),
              ),
            ),
          ),
        ),
      ),
    ],
  });
}

export function TopBar({ lang, subtitle, busy, onInsertFunction, onImport, onExport }: TopBarProps): ReactElement {
  const fileInput = useRef<HTMLInputElement>(null);
  return h(
    'header',
    { className: 'top-bar' },
    h(
      'div',
      { className: 'brand' },
      h(Logo),
      h(
        'div',
        { className: 'brand-text' },
        h(
          'div',
          { className: 'brand-name' },
          'SegmentKit ',
          h('span', { className: 'brand-tag' }, uiText('brandTag', lang)),
        ),
        subtitle ? h('div', { className: 'brand-subtitle' }, subtitle) : null,
      ),
    ),
    h(
      'div',
      { className: 'actions' },
      busy ? h('span', { className: 'busy' }, busy) : null,
      h(FunctionsMenu, { lang, onInsert: onInsertFunction }),
      h(
        Tooltip,
        { content: uiText('importTooltip', lang), relationship: 'description' },
        h(
          Button,
          { appearance: 'secondary', icon: h(UploadIcon), onClick: () => fileInput.current?.click() },
          uiText('importButton', lang),
        ),
      ),
      h(Button, { appearance: 'primary', icon: h(DownloadIcon), onClick: onExport }, uiText('exportButton', lang)),
      h('input', {
        ref: fileInput,
        type: 'file',
        accept: IMPORT_ACCEPT,
        multiple: true,
        hidden: true,
        'data-testid': 'import-input',
        onChange: (e: { currentTarget: HTMLInputElement }) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          onImport(files);
        },
      }),
    ),
  );
}
