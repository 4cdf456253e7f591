/**
 * The spreadsheet grid: Glide Data Grid (canvas, virtualised) over the workbook's cells as the page holds them
 * (engine/remote-workbook.ts: blocks of rows fetched from the worker as they come into view). A cell's editor shows what was typed
 * (the formula), the cell shows the computed value; the accessibility table under the canvas carries the shown values.
 */
import {
  AllCellRenderers,
  CompactSelection,
  DataEditorCore,
  GridCellKind,
  ImageWindowLoaderImpl,
  type DataEditorRef,
  type DrawCellCallback,
  type EditableGridCell,
  type EditListItem,
  type GridCell,
  type GridColumn,
  type GridSelection,
  type Item,
  type Rectangle,
  type Theme,
} from '@glideapps/glide-data-grid';
import '@glideapps/glide-data-grid/dist/index.css';
import { createElement as h, forwardRef, useCallback, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { columnLetters } from '../../core/engine/sheet-io.js';
import type { Lang } from '../../core/labels.js';
import type { RemoteWorkbook } from '../engine/remote-workbook.js';
import { TONE_COLORS, toneOf, type Tone } from './tones.js';

/** Every cell renderer (as DataEditor uses), the text renderer with the shown value (not the formula) in the accessibility table. */
const RENDERERS: typeof AllCellRenderers = AllCellRenderers.map((renderer) =>
  renderer.kind === GridCellKind.Text
    ? { ...renderer, getAccessibilityString: (cell) => (cell as { displayData?: string }).displayData ?? '' }
    : renderer,
);

/** Required by the core editor; the playground shows no images. */
const IMAGES = new ImageWindowLoaderImpl();

const FONT =
  '"Segoe UI", "Segoe UI Variable", system-ui, -apple-system, Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

export const GRID_THEME: Partial<Theme> = {
  accentColor: '#0f6cbd',
  accentLight: 'rgba(15, 108, 189, 0.10)',
  textDark: '#242424',
  textMedium: '#616161',
  textLight: '#9e9e9e',
  textHeader: '#616161',
  textHeaderSelected: '#ffffff',
  bgHeader: '#f7f7f8',
  bgHeaderHasFocus: '#e8eef6',
  bgHeaderHovered: '#eeeff1',
  borderColor: 'rgba(0, 0, 0, 0.09)',
  horizontalBorderColor: 'rgba(0, 0, 0, 0.06)',
  headerBottomBorderColor: 'rgba(0, 0, 0, 0.16)',
  fontFamily: FONT,
  baseFontStyle: '13px',
  headerFontStyle: '600 12px',
  markerFontStyle: '11px',
  editorFontSize: '13px',
  cellHorizontalPadding: 8,
};

const BOLD = { baseFontStyle: '600 13px', bgCell: '#f7f8fa' } satisfies Partial<Theme>;
const ERROR = { textDark: '#c50f1f' } satisfies Partial<Theme>;
const FORMULA_HEADER = { ...BOLD, bgCell: '#ebf3fc', textDark: '#0f548c' } satisfies Partial<Theme>;

/** The tone of each segment cell being drawn (cells are fresh objects per draw, so this never grows stale). */
const CELL_TONES = new WeakMap<object, Tone>();
const CHIP_HEIGHT = 20;

/** Segment answers are drawn as coloured chips; every other cell as Glide draws it. */
const drawCell: DrawCellCallback = (args, drawContent) => {
  const { ctx, cell, rect, theme } = args;
  const tone = CELL_TONES.get(cell);
  if (!tone || cell.kind !== GridCellKind.Text) {
    drawContent();
    return;
  }
  const text = cell.displayData;
  const colors = TONE_COLORS[tone];
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.x, rect.y, rect.width, rect.height);
  ctx.clip();
  ctx.font = `500 12px ${theme.fontFamily}`;
  const width = Math.min(ctx.measureText(text).width + 16, rect.width - 8);
  const x = rect.x + 5;
  const y = rect.y + (rect.height - CHIP_HEIGHT) / 2;
  ctx.fillStyle = colors.bg;
  ctx.beginPath();
  ctx.roundRect(x, y, width, CHIP_HEIGHT, CHIP_HEIGHT / 2);
  ctx.fill();
  ctx.fillStyle = colors.fg;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x + 8, rect.y + rect.height / 2 + 0.5);
  ctx.restore();
};

export interface CellRef {
  readonly col: number;
  readonly row: number;
}

export interface SelectionInfo {
  readonly cell: CellRef;
  /** The selected block (at least the cell). */
  readonly range: Rectangle;
}

export interface SheetGridHandle {
  select(cell: CellRef): void;
  focus(): void;
}

export interface SheetGridProps {
  readonly workbook: RemoteWorkbook;
  readonly sheet: number;
  /** Changes whenever the workbook does, so every visible cell is drawn again. */
  readonly version: number;
  /** The language numbers are written in (engine/format.ts): a switch draws every visible cell again. */
  readonly lang: Lang;
  readonly initial?: SelectionInfo;
  readonly onSelect: (selection: SelectionInfo) => void;
  /** A change the workbook could not make (its worker answered with an error). */
  readonly onFailure: (error: unknown) => void;
}

const DEFAULT_WIDTH = 104;
const MIN_ROWS = 1000;
const MIN_COLS = 26;

function selectionOf(info: SelectionInfo | undefined): GridSelection {
  const cell = info?.cell ?? { col: 0, row: 0 };
  const range = info?.range ?? { x: cell.col, y: cell.row, width: 1, height: 1 };
  return {
    current: { cell: [cell.col, cell.row], range, rangeStack: [] },
    columns: CompactSelection.empty(),
    rows: CompactSelection.empty(),
  };
}

export const SheetGrid = forwardRef<SheetGridHandle, SheetGridProps>(function SheetGrid(
  { workbook, sheet, version, lang, initial, onSelect, onFailure },
  ref,
) {
  const editor = useRef<DataEditorRef>(null);
  const [selection, setSelection] = useState<GridSelection>(() => selectionOf(initial));
  const [topRow, setTopRow] = useState(0);

  const { rows: usedRows, cols: usedCols } = workbook.dimensions(sheet);
  const rows = Math.max(MIN_ROWS, usedRows + 200);
  const colCount = Math.max(MIN_COLS, usedCols + 4);
  const headerRow = workbook.hasHeaderRow(sheet);

  const columns = useMemo<GridColumn[]>(() => {
    const list: GridColumn[] = [];
    for (let c = 0; c < colCount; c++) {
      const letter = columnLetters(c);
      // Once row 1 has scrolled away, its header names join the column letters.
      const name = headerRow && topRow > 0 ? workbook.view(sheet, 0, c).text : '';
      list.push({
        id: letter,
        title: name ? `${letter} · ${name}` : letter,
        width: workbook.column(sheet, c)?.width ?? DEFAULT_WIDTH,
      });
    }
    return list;
    // `version`: widths and header names change with the workbook.
  }, [workbook, sheet, colCount, headerRow, topRow, version]);

  const getCellContent = useCallback(
    ([col, row]: Item): GridCell => {
      const view = workbook.view(sheet, row, col);
      const computed = view.formula || view.spilled;
      const tone = computed && view.kind === 'text' ? toneOf(view.text) : undefined;
      let themeOverride: Partial<Theme> | undefined = view.kind === 'error' ? ERROR : undefined;
      if (workbook.isBoldRow(sheet, row)) {
        themeOverride = { ...themeOverride, ...BOLD };
        // The header of a column filled by a formula (the formula sits right below it) is tinted.
        if (row === 0 && headerRow && workbook.view(sheet, 1, col).formula) themeOverride = FORMULA_HEADER;
      }
      const fill = workbook.background(sheet, row, col);
      if (fill) themeOverride = { ...themeOverride, bgCell: fill };
      const cell: GridCell = {
        kind: GridCellKind.Text,
        data: view.input,
        displayData: view.text,
        allowOverlay: true,
        readonly: false,
        contentAlign:
          view.kind === 'number' || view.kind === 'boolean' ? 'right' : view.kind === 'error' ? 'center' : 'left',
        themeOverride,
        copyData: view.text,
      };
      if (tone) CELL_TONES.set(cell, tone);
      return cell;
    },
    // `version`, `lang`: every visible cell is drawn again after a change or a language switch.
    [workbook, sheet, version, lang, headerRow],
  );

  const report = useCallback(
    (next: GridSelection) => {
      const current = next.current;
      if (!current) return;
      const [col, row] = current.cell;
      onSelect({ cell: { col, row }, range: current.range });
    },
    [onSelect],
  );

  const onGridSelectionChange = useCallback(
    (next: GridSelection) => {
      setSelection(next);
      report(next);
    },
    [report],
  );

  useImperativeHandle(
    ref,
    () => ({
      select(cell: CellRef) {
        const next = selectionOf({ cell, range: { x: cell.col, y: cell.row, width: 1, height: 1 } });
        setSelection(next);
        report(next);
        // The grid scrolls a newly selected cell into view by itself (a scrollTo here would scroll twice as far);
        // focus once that scroll has painted, so the cell that takes the keys is the one now selected.
        requestAnimationFrame(() => requestAnimationFrame(() => editor.current?.focus()));
      },
      focus() {
        editor.current?.focus();
      },
    }),
    [report],
  );

  const onCellEdited = useCallback(
    ([col, row]: Item, value: EditableGridCell) => {
      if (value.kind !== GridCellKind.Text) return;
      workbook.setInput(sheet, row, col, value.data).catch(onFailure);
    },
    [workbook, sheet, onFailure],
  );

  const onCellsEdited = useCallback(
    (edits: readonly EditListItem[]) => {
      if (edits.length === 1) return false; // onCellEdited handles one cell
      const typed = edits.flatMap(({ location: [col, row], value }) =>
        value.kind === GridCellKind.Text ? [{ row, col, input: value.data }] : [],
      );
      workbook.editCells(sheet, typed).catch(onFailure);
      return true;
    },
    [workbook, sheet, onFailure],
  );

  const onPaste = useCallback(
    ([col, row]: Item, values: readonly (readonly string[])[]) => {
      workbook.setInputs(sheet, row, col, values).catch(onFailure);
      return false;
    },
    [workbook, sheet, onFailure],
  );

  const onDelete = useCallback(
    (selected: GridSelection) => {
      const range = selected.current?.range;
      if (range) workbook.clear(sheet, range.y, range.x, range.height, range.width).catch(onFailure);
      return false;
    },
    [workbook, sheet, onFailure],
  );

  const onColumnResize = useCallback(
    (_column: GridColumn, width: number, index: number) => workbook.setColumnWidth(sheet, index, width),
    [workbook, sheet],
  );

  const onVisibleRegionChanged = useCallback((range: Rectangle) => setTopRow(range.y), []);

  return h(DataEditorCore, {
    ref: editor,
    className: 'sheet-grid',
    width: '100%',
    height: '100%',
    columns: columns,
    rows: rows,
    getCellContent: getCellContent,
    getCellsForSelection: true,
    renderers: RENDERERS,
    drawCell,
    imageWindowLoader: IMAGES,
    rowMarkers: 'number',
    rowMarkerWidth: Math.max(44, String(rows).length * 8 + 14),
    freezeColumns: workbook.frozenColumns(sheet),
    smoothScrollX: true,
    smoothScrollY: true,
    rowHeight: 30,
    headerHeight: 30,
    theme: GRID_THEME,
    gridSelection: selection,
    onGridSelectionChange: onGridSelectionChange,
    rangeSelect: 'rect',
    columnSelect: 'none',
    rowSelect: 'none',
    onCellEdited: onCellEdited,
    onCellsEdited: onCellsEdited,
    onPaste: onPaste,
    onDelete: onDelete,
    onColumnResize: onColumnResize,
    onVisibleRegionChanged: onVisibleRegionChanged,
    fillHandle: false,
    keybindings: { search: false },
  });
});
