/**
 * Every catalog function as a HyperFormula function, under its Google Sheets name (`=ABC_CLASS(C2:C2001)`).
 *
 * - Arguments: ranges and array constants become 2-D arrays of raw values (blanks `null`, dates their serials,
 *   HyperFormula errors `{ code: '#DIV/0!', type, message }`, which the core's cell reader reports as a per-row problem);
 *   a single cell or literal stays a bare value; a left-out argument is `undefined`.
 * - Answers: per-row problems become `#VALUE!` errors carrying the message, dates become date-typed serials, whole-call
 *   problems become one `#VALUE!` with the message in the formula's own cell. The formula's range arguments are known
 *   from its AST, so a message names the sheet's own cell or row (`values, cell C7`), not a row counted in the range.
 * - Spill size: HyperFormula fixes an array formula's size from the formula alone, before any value is known. One
 *   answer per input cell (`perCell`) spills exactly like the input range; one per matrix row (`perRow`) is a column as
 *   tall as the matrix; a scalar is one cell. A table's width is measured once from the catalog's own example; its
 *   height depends on the data, so the formula reserves the most it can need (header + one row per input line + total
 *   + problem row) and leaves the unused rows blank, as FILTER does in HyperFormula.
 *
 * GPL-3.0 HyperFormula: this file belongs to the playground and tests only; never import it from addin/ or apps-script/.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionArgument,
  type ImplementedFunctions,
} from 'hyperformula';
import type { ArgPlace } from '../../core/arg-places.js';
import { withArgumentPlaces } from '../../core/catalog/invoke.js';
import {
  CATALOG,
  describeProblem,
  invoke,
  isDateOut,
  isProblem,
  type FunctionSpec,
  type Lang,
  type OutCell,
  type OutGrid,
} from '../../core/index.js';

/** The parts of HyperFormula's (unexported) procedure AST the plugin uses. */
interface ProcedureAst {
  readonly procedureName: string;
  readonly args: readonly unknown[];
}
/** HyperFormula's interpreter state: passed through, but for the formula's own address. */
type InterpreterState = object;

/** A cell address of HyperFormula's AST (relative or absolute), and the absolute address it resolves to. */
interface AstAddress {
  toSimpleCellAddress(base: SimpleCellAddress): SimpleCellAddress;
}
interface SimpleCellAddress {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

/**
 * Where an argument of the formula is on the sheet: a range (`C2:C10`, `Orders!C2:C10`) or one cell; undefined for
 * anything else (a constant, an expression, a whole-column reference). `sheetName` names a sheet other than the
 * formula's own.
 */
function astPlace(
  arg: unknown,
  formula: SimpleCellAddress,
  sheetName: (sheet: number) => string | undefined,
): ArgPlace | undefined {
  const node = arg as { type?: unknown; start?: AstAddress; end?: AstAddress; reference?: AstAddress };
  let start: SimpleCellAddress;
  let end: SimpleCellAddress;
  if (node.type === 'CELL_RANGE' && node.start && node.end) {
    start = node.start.toSimpleCellAddress(formula);
    end = node.end.toSimpleCellAddress(formula);
  } else if (node.type === 'CELL_REFERENCE' && node.reference) {
    start = end = node.reference.toSimpleCellAddress(formula);
  } else return undefined;
  const name = start.sheet === formula.sheet ? undefined : sheetName(start.sheet);
  return {
    ...(name === undefined ? {} : { sheet: name }),
    row: Math.min(start.row, end.row) + 1,
    col: Math.min(start.col, end.col),
    rows: Math.abs(end.row - start.row) + 1,
    cols: Math.abs(end.col - start.col) + 1,
  };
}
type InterpreterValue = ReturnType<typeof SimpleRangeValue.onlyValues> | CellError | number | string | boolean;

/** Excel's and Sheets' error text for each HyperFormula error type (what the core's cell reader expects). */
const ERROR_CODES: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  CYCLE: '#CYCLE!',
  SPILL: '#SPILL!',
  LIC: '#LIC!',
  ERROR: '#ERROR!',
};

/** A HyperFormula error as an error object the core understands (`code` is Excel's error text). */
export interface HostError {
  readonly code: string;
  readonly type: string;
  readonly message: string;
}

function hostError(error: CellError): HostError {
  return { code: ERROR_CODES[error.type] ?? `#${error.type}`, type: error.type, message: error.message ?? '' };
}

/** One cell as the core reads it. */
function toHostCell(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof CellError) return hostError(value);
  // Date, currency and percent numbers are RichNumber objects holding the raw number in `val`.
  if ('val' in value && typeof (value as { val: unknown }).val === 'number') return (value as { val: number }).val;
  return value;
}

/**
 * One argument as the core reads it: ranges and array constants as rows of cells, single values bare. A row that
 * holds only numbers and text is handed over as it is (the core only reads it); others are copied and converted.
 */
export function toHostArgument(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) {
    const data = value.rawData() as unknown[][];
    const rows = new Array<unknown[]>(data.length);
    for (let r = 0; r < data.length; r++) {
      const source = data[r] as unknown[];
      let plain = true;
      for (let c = 0; c < source.length && plain; c++) {
        const type = typeof source[c];
        plain = type === 'number' || type === 'string' || type === 'boolean';
      }
      rows[r] = plain ? source : source.map(toHostCell);
    }
    return rows;
  }
  return toHostCell(value);
}

const TABLE_EXTRA_ROWS = 3; // header, total, problem row

/** The names of the methods HyperFormula calls for a function: `sk_abc_class` and `sk_abc_classSize`. */
function methodNames(name: string): { method: string; size: string } {
  const method = `sk_${name.toLowerCase()}`;
  return { method, size: `${method}Size` };
}

/** Splits the arguments of `=NAME(a, {1;2}, "x, y")` at its top-level commas. */
export function splitExampleArguments(formula: string): string[] | undefined {
  const open = formula.indexOf('(');
  if (open < 0 || !formula.trimEnd().endsWith(')')) return undefined;
  const inner = formula.slice(open + 1, formula.trimEnd().length - 1);
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      args.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(inner.slice(start).trim());
  return args;
}

/** How many columns a table function's answer has, from its catalog example run through the core. */
function measureTableWidths(specs: readonly FunctionSpec[]): Map<string, number> {
  const widths = new Map<string, number>();
  const tables = specs.filter((s) => s.result === 'table');
  if (tables.length === 0) return widths;
  const scratch = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  const sheet = scratch.getSheetId(scratch.addSheet('probe')) as number;
  try {
    for (const spec of tables) {
      let width: number | undefined;
      const parts = splitExampleArguments(spec.example.formula);
      if (parts) {
        const args = parts.map((part) => {
          if (part === '') return undefined;
          const value = scratch.calculateFormula(`=${part}`, sheet);
          return Array.isArray(value) ? value : toHostCell(value);
        });
        const result = invoke(spec.name, args);
        if (result.ok) width = Math.max(1, ...result.grid.map((row) => row.length));
      }
      // Fallback: the example's header row, as the README shows it ("Customer, Last purchase, …; Ann, …").
      width ??= (spec.example.result.split(';')[0] ?? '').split(',').length;
      widths.set(spec.name, width);
    }
  } finally {
    scratch.destroy();
  }
  return widths;
}

/** Number of cells of an argument, from the formula alone (a range's size; a literal is 1). */
type SizeOf = (ast: unknown) => ArraySize;

/** The size the formula reserves for its answer. */
export function predictSize(
  spec: FunctionSpec,
  args: readonly unknown[],
  sizeOf: SizeOf,
  tableWidth: number,
): ArraySize {
  const first = args[0];
  if (first === undefined) return ArraySize.scalar();
  switch (spec.result) {
    case 'scalar':
      return ArraySize.scalar();
    case 'perCell': {
      const { width, height } = sizeOf(first);
      // A 2-D range is a whole-call problem: its one message goes in the formula's cell.
      if (width !== 1 && height !== 1) return ArraySize.scalar();
      return new ArraySize(width, height);
    }
    case 'perRow':
      return new ArraySize(1, sizeOf(first).height);
    case 'table': {
      let lines = 1;
      spec.params.forEach((p, i) => {
        if (p.kind !== 'range' || args[i] === undefined) return;
        const { width, height } = sizeOf(args[i]);
        lines = Math.max(lines, width * height);
      });
      return new ArraySize(tableWidth, lines + TABLE_EXTRA_ROWS);
    }
  }
}

function problemError(cell: OutCell & object, lang: Lang): CellError {
  return new CellError(ErrorType.VALUE, isProblem(cell) ? describeProblem(cell, lang) : String(cell));
}

/**
 * The plugin class. Its methods are added per catalog function below; each delegates to `calculate` and `size`,
 * which may use HyperFormula's protected helpers because they are members of a FunctionPlugin subclass.
 */
export class SegmentKitPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};
  /** The catalog function behind each HyperFormula function id. */
  static readonly specs = new Map<string, FunctionSpec>();
  static readonly tableWidths = new Map<string, number>();

  size(spec: FunctionSpec, ast: ProcedureAst, state: InterpreterState): ArraySize {
    return predictSize(
      spec,
      ast.args.map((a) => ((a as { type?: string }).type === 'EMPTY' ? undefined : a)),
      (arg) => this.arraySizeForAst(arg as never, state as never),
      SegmentKitPlugin.tableWidths.get(spec.name) ?? 1,
    );
  }

  calculate(spec: FunctionSpec, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const places = this.places(ast, state);
    return this.runFunction(ast.args as never, state as never, this.metadata(spec.name), (...raw: unknown[]) => {
      const args = raw.map(toHostArgument);
      const reserved = this.size(spec, ast, state);
      return withArgumentPlaces(spec.name, places, () => {
        let result: ReturnType<typeof invoke>;
        try {
          result = invoke(spec.name, args);
        } catch (bug) {
          // Not a whole-call problem (those come back as values): a bug. Say so in the cell and in the console.
          console.error(`${spec.name} failed`, bug);
          const message = bug instanceof Error ? bug.message : String(bug);
          const error = new CellError(ErrorType.VALUE, `internal error in ${spec.name}: ${message}`);
          return reserved.isScalar() ? error : oneCellOf(error, reserved);
        }
        return this.answer(result, reserved);
      });
    }) as InterpreterValue;
  }

  /** Where each argument of the formula is on the sheet, from its AST and the formula's own address. */
  private places(ast: ProcedureAst, state: InterpreterState): (ArgPlace | undefined)[] {
    const formula = (state as { formulaAddress?: SimpleCellAddress }).formulaAddress;
    if (!formula) return [];
    const sheets = this.dependencyGraph.sheetMapping;
    return ast.args.map((arg) => astPlace(arg, formula, (sheet) => sheets.getSheetName(sheet)));
  }

  private answer(result: ReturnType<typeof invoke>, reserved: ArraySize): InterpreterValue {
    const scalar = reserved.isScalar();
    if (!result.ok) {
      const error = new CellError(ErrorType.VALUE, result.error.messageIn(result.lang));
      return scalar ? error : oneCellOf(error, reserved);
    }
    const grid: OutGrid = result.grid;
    if (scalar) return this.cellValue(grid[0]?.[0] ?? '', result.lang) as InterpreterValue;
    const height = grid.length;
    // A loop, not Math.max(...rows): a Web Worker's stack (about 500 KB) cannot take 100,000 arguments.
    let width = 0;
    for (const row of grid) width = Math.max(width, row.length);
    if (height > reserved.height || width > reserved.width) {
      const error = new CellError(
        ErrorType.SPILL,
        `the answer has ${height}×${width} cells but the formula could reserve only ${reserved.height}×${reserved.width}`,
      );
      return oneCellOf(error, reserved);
    }
    if (height === 0 || width === 0) return filled([['']], reserved);
    const values = grid.map((row) => {
      const out = new Array<unknown>(width);
      for (let c = 0; c < width; c++) out[c] = c < row.length ? this.cellValue(row[c] as OutCell, result.lang) : '';
      return out;
    });
    return filled(values, reserved);
  }

  private cellValue(cell: OutCell, lang: Lang): unknown {
    if (typeof cell !== 'object') return cell;
    if (isDateOut(cell)) return this.returnNumberWrapper(cell.serial, 'NUMBER_DATE' as never);
    return problemError(cell, lang);
  }
}

/**
 * An error in the formula's own cell only, the rest of the reserved area blank (a bare error, or a 1×1 array, would
 * fill the whole area with it).
 */
function oneCellOf(error: CellError, reserved: ArraySize): InterpreterValue {
  const rows = reserved.height > 1 ? [[error], [EmptyValue]] : [[error, EmptyValue]];
  return filled(rows, reserved);
}

/**
 * An answer as large as the area its formula reserved, the rest blank. HyperFormula would otherwise grow it itself
 * with `splice(at, 0, ...rows)`, one call argument per missing row: 100,000 of them overflow a Web Worker's stack
 * (about 500 KB; the page's is about 1 MB), so the workbook could not open in its worker.
 *
 * @example filled([['A']], new ArraySize(1, 3)) // [['A'], [EmptyValue], [EmptyValue]]
 * Cost: O(reserved height × reserved width).
 */
function filled(rows: readonly (readonly unknown[])[], reserved: ArraySize): InterpreterValue {
  const width = Number.isFinite(reserved.width)
    ? Math.max(reserved.width, rows[0]?.length ?? 0)
    : (rows[0]?.length ?? 0);
  const height = Number.isFinite(reserved.height) ? Math.max(reserved.height, rows.length) : rows.length;
  const out: unknown[][] = new Array<unknown[]>(height);
  for (let r = 0; r < height; r++) {
    const row = rows[r] ?? [];
    const line = new Array<unknown>(width);
    for (let c = 0; c < width; c++) line[c] = c < row.length ? row[c] : EmptyValue;
    out[r] = line;
  }
  return SimpleRangeValue.onlyValues(out as never);
}

const ANY_ARGUMENT: FunctionArgument = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
let registered = false;

/** Registers every catalog function with HyperFormula (once; later calls are no-ops). Returns their names. */
export function registerSegmentKit(catalog: readonly FunctionSpec[] = CATALOG): string[] {
  if (registered) return [...SegmentKitPlugin.specs.keys()];
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};
  const prototype = SegmentKitPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of catalog) {
    const { method, size } = methodNames(spec.name);
    prototype[method] = function (this: SegmentKitPlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.calculate(spec, ast, state);
    };
    prototype[size] = function (this: SegmentKitPlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.size(spec, ast, state);
    };
    implemented[spec.name] = {
      method,
      sizeOfResultArrayMethod: size,
      // Every argument optional here: the core names a missing required argument in its own message.
      parameters: [ANY_ARGUMENT],
      repeatLastArgs: 1,
      vectorizationForbidden: true,
    };
    translations[spec.name] = spec.name;
    SegmentKitPlugin.specs.set(spec.name, spec);
  }
  for (const [name, width] of measureTableWidths(catalog)) SegmentKitPlugin.tableWidths.set(name, width);
  SegmentKitPlugin.implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(SegmentKitPlugin as never, { enGB: translations });
  registered = true;
  return [...SegmentKitPlugin.specs.keys()];
}
