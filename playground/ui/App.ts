/**
 * The playground page: top bar (import, export, functions), formula bar, the grid with its sheet tabs and status bar,
 * and, beside the grid, the slot where the side panel mounts (`panel`; issue 7). Nothing is drawn in the slot
 * until a panel is given.
 *
 * The active sheet is the workbook's (`workbook.activeSheet`): when it goes away (the panel's undo removes its summary
 * sheet), the workbook picks its neighbour and the page follows. The grid and the panel each sit in an error
 * boundary, so a part that fails to render shows a message and a retry instead of blanking the page.
 */
import { Toast, ToastBody, ToastTitle, Toaster, useId, useToastController } from '@fluentui/react-components';
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
import type { Lang } from '../../core/labels.js';
import { a1, a1Range } from '../../core/engine/sheet-io.js';
import { parseA1, setGridLanguage } from '../engine/format.js';
import type { RemoteWorkbook } from '../engine/remote-workbook.js';
import { BottomBar } from './BottomBar.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { FormulaBar } from './FormulaBar.js';
import { uiText } from './i18n.js';
import { importedMessage, importFailure } from './import-messages.js';
import { PanelDock } from './PanelDock.js';
import { sheetChartOf } from './SheetChart.js';
import { SheetGrid, type SelectionInfo, type SheetGridHandle } from './SheetGrid.js';
import { TopBar } from './TopBar.js';

/** What the side panel (issue 7) reads: the workbook, the active sheet and the selection. */
export interface PlaygroundState {
  readonly workbook: RemoteWorkbook;
  readonly sheet: string;
  readonly selection: SelectionInfo;
}
export const PlaygroundContext = createContext<PlaygroundState | undefined>(undefined);

export interface AppProps {
  readonly workbook: RemoteWorkbook;
  /** A line under the title describing the open workbook. */
  readonly subtitle?: string;
  /** The side panel, mounted beside the grid. */
  readonly panel?: ReactNode;
  /** The language of the page's own words (the panel's choice). */
  readonly lang?: Lang;
}

type Intent = 'success' | 'warning' | 'error' | 'info';

const EXPORT_FILE = 'segmentkit-playground.xlsx';

function cellSelection(cell: { col: number; row: number }): SelectionInfo {
  return { cell, range: { x: cell.col, y: cell.row, width: 1, height: 1 } };
}

function rangeAddress(selection: SelectionInfo): string {
  const { x, y, width, height } = selection.range;
  if (width <= 1 && height <= 1) return a1(selection.cell.row, selection.cell.col);
  return a1Range({ row: y, col: x, rows: height, cols: width });
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

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

/** Re-renders on every workbook change; answers the workbook's version. */
function useWorkbookVersion(workbook: RemoteWorkbook): number {
  return useSyncExternalStore(
    useCallback((listener: () => void) => workbook.subscribe(listener), [workbook]),
    () => workbook.version,
  );
}

/** Ctrl+Z / Ctrl+Y undo and redo, unless the user is typing in a text field (the grid's editor included). */
function useUndoKeys(workbook: RemoteWorkbook, failed: (error: unknown) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        if (!workbook.canUndo) return;
        event.preventDefault();
        workbook.undo().catch(failed);
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        if (!workbook.canRedo) return;
        event.preventDefault();
        workbook.redo().catch(failed);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [workbook, failed]);
}

export function App({ workbook, subtitle, panel, lang = 'en' }: AppProps): ReactElement {
  // Before anything below draws a cell: the grid writes numbers in the page's language.
  setGridLanguage(lang);
  const version = useWorkbookVersion(workbook);
  const sheets = workbook.sheetNames();
  const sheetName = workbook.activeSheet;
  const sheet = workbook.sheetId(sheetName);
  const selections = useRef(new Map<string, SelectionInfo>());
  const [selected, setSelected] = useState<{ sheet: string; selection: SelectionInfo }>();
  // The selection last made on this sheet, else its first cell (a sheet just shown, or shown after another went).
  const remembered = useMemo(
    () => selections.current.get(sheetName) ?? cellSelection(workbook.initialCell(sheet)),
    [workbook, sheetName, sheet],
  );
  const selection = selected?.sheet === sheetName ? selected.selection : remembered;
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const grid = useRef<SheetGridHandle>(null);
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);

  const notify = useCallback(
    (title: string, body: string | undefined, intent: Intent) =>
      dispatchToast(h(Toast, null, h(ToastTitle, null, title), body ? h(ToastBody, null, body) : null), {
        intent,
        timeout: intent === 'error' || intent === 'warning' ? 8000 : 4000,
      }),
    [dispatchToast],
  );

  // A draft typed in the formula bar belongs to the sheet it was typed on.
  useEffect(() => setDraft(undefined), [sheetName]);

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
  // The formula bar's cell comes from the worker; until it has, the grid's copy of the cell is shown.
  const detail = workbook.detail(sheet, cell.row, cell.col);
  const view = detail?.view ?? workbook.view(sheet, cell.row, cell.col);
  const anchor = detail?.anchor;
  const shownInput = anchor ? anchor.input : view.input;

  const onSelect = useCallback(
    (next: SelectionInfo) => {
      selections.current.set(sheetName, next);
      setSelected({ sheet: sheetName, selection: next });
      setDraft(undefined);
    },
    [sheetName],
  );

  const switchSheet = useCallback((name: string) => workbook.setActiveSheet(name), [workbook]);

  const failed = useCallback(
    (error: unknown) => notify(uiText('editFailed', lang), messageOf(error), 'error'),
    [notify, lang],
  );

  const commit = useCallback(
    (text: string) => {
      workbook.setInput(sheet, cell.row, cell.col, text).catch(failed);
      setDraft(undefined);
      grid.current?.select({ col: cell.col, row: cell.row + 1 });
    },
    [workbook, sheet, cell, failed],
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
        setBusy(uiText('importing', lang, { file: file.name }));
        try {
          // Read and added in the worker: a large file never holds the page up.
          const added = await workbook.importFile(file, file.name);
          const last = added[added.length - 1];
          if (last) {
            switchSheet(last.name);
            const message = importedMessage(file.name, added, lang);
            notify(message.title, message.body, message.intent);
          }
        } catch (error) {
          notify(uiText('importFailed', lang, { file: file.name }), importFailure(error, lang), 'error');
        } finally {
          setBusy(undefined);
        }
      }
    },
    [workbook, switchSheet, notify, lang],
  );

  const exportXlsx = useCallback(async () => {
    setBusy(uiText('exporting', lang));
    try {
      download(await workbook.exportXlsx(), EXPORT_FILE);
      notify(
        uiText('exported', lang, { file: EXPORT_FILE }),
        uiText('exportedSheets', lang, { count: workbook.sheetNames().length }),
        'success',
      );
    } catch (error) {
      notify(uiText('exportFailed', lang), messageOf(error), 'error');
    } finally {
      setBusy(undefined);
    }
  }, [workbook, notify, lang]);

  const insertFunction = useCallback((name: string) => {
    setDraft(`=${name}(`);
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.formula-input')?.focus());
  }, []);

  const addBlankSheet = useCallback(() => {
    workbook
      .addSheet({ name: uiText('newSheetName', lang, { n: workbook.sheetNames().length + 1 }), cells: [] })
      .then(switchSheet, failed);
  }, [workbook, switchSheet, lang, failed]);

  useUndoKeys(workbook, failed);

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
  const boundaryText = { note: uiText('keptSafe', lang), retryLabel: uiText('retry', lang) };

  const formulaBar = h(FormulaBar, {
    lang,
    address: rangeAddress(selection),
    draft: draft ?? shownInput,
    onDraft: setDraft,
    onCommit: commit,
    onCancel: () => {
      setDraft(undefined);
      grid.current?.focus();
    },
    onNavigate: navigate,
    spilledFrom: anchor ? a1(anchor.row, anchor.col) : undefined,
    error: view.kind === 'error' ? `${view.text} ${view.error ?? ''}`.trim() : undefined,
  });

  const workspace = h(
    'main',
    { className: 'workspace' },
    h(
      'section',
      { className: 'sheet-area', 'aria-label': uiText('sheetArea', lang, { name: sheetName }) },
      h(
        'div',
        { className: 'sheet-body' },
        h(
          'div',
          { className: 'grid-host', 'aria-busy': workbook.busy },
          h(
            ErrorBoundary,
            { title: uiText('gridFailed', lang), resetKey: sheet, ...boundaryText },
            h(SheetGrid, {
              key: sheet,
              ref: grid,
              workbook,
              sheet,
              version,
              lang,
              initial: selection,
              onSelect,
              onFailure: failed,
            }),
          ),
        ),
        // A summary sheet's chart sits beside its grid, never over its cells.
        sheetChartOf(workbook, sheetName, lang),
      ),
      h(BottomBar, {
        lang,
        sheets,
        active: sheetName,
        status: { stats, rows, cols },
        onSwitch: switchSheet,
        onAddSheet: addBlankSheet,
      }),
    ),
    // The side panel's place (issue 7): nothing is drawn here until a panel is given.
    panel
      ? h(PanelDock, { lang }, h(ErrorBoundary, { title: uiText('panelFailed', lang), ...boundaryText }, panel))
      : null,
  );

  return h(
    PlaygroundContext.Provider,
    { value: state },
    h(
      'div',
      {
        className: dragging ? 'app dragging' : 'app',
        lang,
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
      h(TopBar, {
        lang,
        subtitle,
        // An edit's recalculation (seconds at 100,000 customers) runs in the worker: the page says it is busy.
        busy: busy ?? (workbook.busy ? uiText('recalculating', lang) : undefined),
        onInsertFunction: insertFunction,
        onImport: (files) => void importFiles(files),
        onExport: () => void exportXlsx(),
      }),
      formulaBar,
      workspace,
      dragging ? h('div', { className: 'drop-hint' }, uiText('dropHint', lang)) : null,
      // Keyed by language: a message is worded in the language it was made in, so a switch takes the old ones away at once.
      h(Toaster, { key: lang, toasterId, position: 'bottom-start', offset: { horizontal: 16, vertical: 52 } }),
    ),
  );
}
