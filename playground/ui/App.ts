/**
 * The playground page: top bar (import, export, functions), formula bar, the grid with its sheet tabs and status bar,
 * and, beside the grid, the slot where the side panel mounts (`panel`; issue 7). Nothing is drawn in the slot
 * until a panel is given.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Toast,
  ToastBody,
  ToastTitle,
  Toaster,
  Tooltip,
  useId,
  useToastController,
} from '@fluentui/react-components';
import {
  createContext,
  createElement as h,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type DragEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { CATALOG } from '../../core/index.js';
import { a1, parseA1 } from '../engine/format.js';
import type { Workbook } from '../engine/workbook.js';
import { workbookToXlsx } from '../io/export.js';
import { fileToSheets, IMPORT_ACCEPT } from '../io/import.js';
import { FormulaBar } from './FormulaBar.js';
import { DownloadIcon, FunctionIcon, Logo, PlusIcon, UploadIcon } from './icons.js';
import { SheetGrid, type SelectionInfo, type SheetGridHandle } from './SheetGrid.js';

/** What the side panel (issue 7) reads: the workbook, the active sheet and the selection. */
export interface PlaygroundState {
  readonly workbook: Workbook;
  readonly sheet: string;
  readonly selection: SelectionInfo;
}
export const PlaygroundContext = createContext<PlaygroundState | undefined>(undefined);

export interface AppProps {
  readonly workbook: Workbook;
  /** A line under the title describing the open workbook. */
  readonly subtitle?: string;
  /** The side panel, mounted beside the grid. */
  readonly panel?: ReactNode;
}

function cellSelection(cell: { col: number; row: number }): SelectionInfo {
  return { cell, range: { x: cell.col, y: cell.row, width: 1, height: 1 } };
}
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function rangeAddress(selection: SelectionInfo): string {
  const { x, y, width, height } = selection.range;
  if (width <= 1 && height <= 1) return a1(selection.cell.col, selection.cell.row);
  return `${a1(x, y)}:${a1(x + width - 1, y + height - 1)}`;
}

function download(data: ArrayBuffer, name: string): void {
  const blob = new Blob([data], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function App({ workbook, subtitle, panel }: AppProps): ReactElement {
  const version = useSyncExternalStore(
    useCallback((listener: () => void) => workbook.subscribe(listener), [workbook]),
    () => workbook.version,
  );
  const sheets = workbook.sheetNames();
  const [sheetName, setSheetName] = useState(() => sheets[0] ?? '');
  const sheet = workbook.sheetId(sheetName);
  const selections = useRef(new Map<string, SelectionInfo>());
  const [selection, setSelection] = useState<SelectionInfo>(() => cellSelection(workbook.initialCell(sheet)));
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const grid = useRef<SheetGridHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);

  const notify = useCallback(
    (title: string, body: string | undefined, intent: 'success' | 'error' | 'info') =>
      dispatchToast(h(Toast, null, h(ToastTitle, null, title), body ? h(ToastBody, null, body) : null), {
        intent,
        timeout: intent === 'error' ? 8000 : 4000,
      }),
    [dispatchToast],
  );

  const { cell } = selection;
  useEffect(() => {
    const { x, y, width, height } = selection.range;
    workbook.selection = {
      sheet: sheetName,
      row: y,
      col: x,
      rows: height,
      cols: width,
      activeRow: selection.cell.row,
      activeCol: selection.cell.col,
    };
  }, [workbook, sheetName, selection]);
  const view = workbook.view(sheet, cell.row, cell.col);
  const anchor = view.spilled ? workbook.anchorOf(sheet, cell.row, cell.col) : undefined;
  const shownInput = anchor ? workbook.view(sheet, anchor.row, anchor.col).input : view.input;

  const onSelect = useCallback(
    (next: SelectionInfo) => {
      selections.current.set(sheetName, next);
      setSelection(next);
      setDraft(undefined);
    },
    [sheetName],
  );

  const switchSheet = useCallback(
    (name: string) => {
      setSheetName(name);
      setSelection(selections.current.get(name) ?? cellSelection(workbook.initialCell(workbook.sheetId(name))));
      setDraft(undefined);
    },
    [workbook],
  );

  const commit = useCallback(
    (text: string) => {
      workbook.setInput(sheet, cell.row, cell.col, text);
      setDraft(undefined);
      grid.current?.select({ col: cell.col, row: cell.row + 1 });
    },
    [workbook, sheet, cell],
  );

  const navigate = useCallback((address: string): boolean => {
    const target = parseA1(address);
    if (!target) return false;
    grid.current?.select(target);
    return true;
  }, []);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        setBusy(`Importing ${file.name}…`);
        try {
          const added: string[] = [];
          for (const input of await fileToSheets(file)) added.push(workbook.addSheet(input));
          const last = added[added.length - 1];
          if (last) {
            const { rows, cols } = workbook.dimensions(workbook.sheetId(last));
            switchSheet(last);
            notify(
              `Imported ${file.name}`,
              `${added.join(', ')}: ${number.format(rows)} rows × ${cols} columns`,
              'success',
            );
          }
        } catch (error) {
          notify(`Could not import ${file.name}`, error instanceof Error ? error.message : String(error), 'error');
        } finally {
          setBusy(undefined);
        }
      }
    },
    [workbook, switchSheet, notify],
  );

  const exportXlsx = useCallback(async () => {
    setBusy('Writing XLSX…');
    try {
      download(await workbookToXlsx(workbook), 'segmentkit-playground.xlsx');
      notify('Exported segmentkit-playground.xlsx', `${workbook.sheetNames().length} sheets`, 'success');
    } catch (error) {
      notify('Could not export', error instanceof Error ? error.message : String(error), 'error');
    } finally {
      setBusy(undefined);
    }
  }, [workbook, notify]);

  const insertFunction = useCallback((name: string) => {
    setDraft(`=${name}(`);
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.formula-input')?.focus());
  }, []);

  const addBlankSheet = useCallback(() => {
    const name = workbook.addSheet({ name: `Sheet${workbook.sheetNames().length + 1}`, cells: [] });
    switchSheet(name);
  }, [workbook, switchSheet]);

  // Undo and redo, unless the user is typing in a text field (the grid's editor included).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        if (workbook.undo()) event.preventDefault();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        if (workbook.redo()) event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [workbook]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void importFiles(files);
  };

  const { rows, cols } = workbook.dimensions(sheet);
  const { range } = selection;
  const stats = workbook.stats(sheet, range.y, range.x, range.height, range.width);
  const state = useMemo<PlaygroundState>(
    () => ({ workbook, sheet: sheetName, selection }),
    [workbook, sheetName, selection],
  );

  const functionsMenu = h(Menu, {
    positioning: 'below-end',
    children: [
      h(MenuTrigger, {
        key: 'trigger',
        disableButtonEnhancement: true,
        children: h(Button, { appearance: 'subtle', icon: h(FunctionIcon) }, 'Functions'),
      }),
      h(
        MenuPopover,
        { className: 'functions-menu' },
        h(
          MenuList,
          null,
          CATALOG.map((spec) =>
            h(
              MenuItem,
              { key: spec.name, onClick: () => insertFunction(spec.name) },
              h(
                'div',
                { className: 'fn-item' },
                h('span', { className: 'fn-name' }, spec.name),
                h('span', { className: 'fn-summary' }, spec.summary.en),
              ),
            ),
          ),
        ),
      ),
    ],
  });

  const topBar = h(
    'header',
    { className: 'top-bar' },
    h(
      'div',
      { className: 'brand' },
      h(Logo),
      h(
        'div',
        { className: 'brand-text' },
        h('div', { className: 'brand-name' }, 'SegmentKit ', h('span', { className: 'brand-tag' }, 'Playground')),
        subtitle ? h('div', { className: 'brand-subtitle' }, subtitle) : null,
      ),
    ),
    h(
      'div',
      { className: 'actions' },
      busy ? h('span', { className: 'busy' }, busy) : null,
      functionsMenu,
      h(
        Tooltip,
        { content: 'Open a CSV or XLSX file as a new sheet (or drop it on the page)', relationship: 'description' },
        h(
          Button,
          { appearance: 'secondary', icon: h(UploadIcon), onClick: () => fileInput.current?.click() },
          'Import CSV / XLSX',
        ),
      ),
      h(Button, { appearance: 'primary', icon: h(DownloadIcon), onClick: () => void exportXlsx() }, 'Export XLSX'),
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
          void importFiles(files);
        },
      }),
    ),
  );

  const formulaBar = h(FormulaBar, {
    address: rangeAddress(selection),
    draft: draft ?? shownInput,
    onDraft: setDraft,
    onCommit: commit,
    onCancel: () => {
      setDraft(undefined);
      grid.current?.focus();
    },
    onNavigate: navigate,
    spilledFrom: anchor ? a1(anchor.col, anchor.row) : undefined,
    error: view.kind === 'error' ? `${view.text} ${view.error ?? ''}`.trim() : undefined,
  });

  const status =
    stats && stats.count > 0
      ? [
          stats.numbers > 0 ? h('span', { key: 'sum' }, `Sum ${number.format(stats.sum)}`) : null,
          stats.numbers > 0 ? h('span', { key: 'avg' }, `Average ${number.format(stats.sum / stats.numbers)}`) : null,
          h('span', { key: 'count' }, `Count ${number.format(stats.count)}`),
        ]
      : h('span', null, `${number.format(rows)} rows × ${cols} columns`);

  const bottomBar = h(
    'footer',
    { className: 'bottom-bar' },
    h(
      Tooltip,
      { content: 'Add a blank sheet', relationship: 'label' },
      h(Button, { appearance: 'subtle', size: 'small', icon: h(PlusIcon), onClick: addBlankSheet }),
    ),
    h(
      'nav',
      { className: 'sheet-tabs', role: 'tablist', 'aria-label': 'Sheets' },
      sheets.map((name) =>
        h(
          'button',
          {
            key: name,
            role: 'tab',
            'aria-selected': name === sheetName,
            className: name === sheetName ? 'sheet-tab active' : 'sheet-tab',
            onClick: () => switchSheet(name),
          },
          name,
        ),
      ),
    ),
    h('div', { className: 'status', 'aria-live': 'polite' }, status),
  );

  const workspace = h(
    'main',
    { className: 'workspace' },
    h(
      'section',
      { className: 'sheet-area', 'aria-label': `Sheet ${sheetName}` },
      h(
        'div',
        { className: 'grid-host' },
        h(SheetGrid, {
          key: sheet,
          ref: grid,
          workbook,
          sheet,
          version,
          initial: selections.current.get(sheetName) ?? cellSelection(workbook.initialCell(sheet)),
          onSelect,
        }),
      ),
      bottomBar,
    ),
    // The side panel's place (issue 7): nothing is drawn here until a panel is given.
    panel ? h('aside', { className: 'side-panel' }, panel) : null,
  );

  return h(
    PlaygroundContext.Provider,
    { value: state },
    h(
      'div',
      {
        className: dragging ? 'app dragging' : 'app',
        onDragOver: (e: DragEvent) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        },
        onDragLeave: (e: DragEvent) => {
          if (e.currentTarget === e.target) setDragging(false);
        },
        onDrop,
      },
      topBar,
      formulaBar,
      workspace,
      dragging ? h('div', { className: 'drop-hint' }, 'Drop a CSV or XLSX file to open it as a new sheet') : null,
      h(Toaster, { toasterId, position: 'bottom-end' }),
    ),
  );
}
