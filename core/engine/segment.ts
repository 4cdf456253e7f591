/**
 * Runs a plan's method over a table's rows with the catalog's own functions, so the panel and the formulas always
 * agree. A method is run from its description (core/catalog/methods.ts): its columns and options become the
 * function's arguments by parameter name; order lines, rules and tags have runners of their own. Returns one label
 * per data row ('' when the row gets none), the rows that could not be read, the counts in the method's label
 * order, and the cut-offs and chart the function reported, never recomputed here.
 */
import { readNumber, serialToIso } from '../cells.js';
import { CATALOG_BY_NAME } from '../catalog/index.js';
import type { ColumnSpec, MethodSpec } from '../catalog/method.js';
import { methodSpec } from '../catalog/index.js';
import type { FunctionDetails, ParamSpec } from '../catalog/types.js';
import { describeProblem, isProblem } from '../errors.js';
import { label, type Lang } from '../labels.js';
import type { OutCell, OutGrid } from '../output.js';
import { findDateColumns, type DateColumnFinding } from './date-columns.js';
import { chartOf, thresholdsOf, formatCut, type Chart, type Threshold } from './details-view.js';
import type { Plan } from './plan.js';
import { segmentOrderLines, type LinesReport } from './rfm-orders.js';
import { resolveRules, ruleLabel } from './rules.js';
import { call, columnOf, columnsOf, headerName, several, single, type Cell, type Rows } from './table-columns.js';

export type { Chart, Threshold };

export interface RowProblem {
  /** 0-based data row (the header is not counted). */
  readonly row: number;
  readonly message: string;
}

export interface SegmentCount {
  readonly label: string;
  readonly count: number;
  readonly share: number;
}

export interface Segmentation {
  /** One label per data row ('' when the row gets none). */
  readonly labels: readonly string[];
  readonly problems: readonly RowProblem[];
  /** What `counts` count: table rows, or (RFM on order lines) customers. */
  readonly unit: 'rows' | 'customers';
  /** Per label, in the method's label order, then the others by size. */
  readonly counts: readonly SegmentCount[];
  /** Rows (RFM on order lines: lines) that could be used; none means there is nothing to apply. */
  readonly usable: number;
  /** Cut-offs and settings used, as label/value pairs for the preview. */
  readonly thresholds: readonly Threshold[];
  readonly chart: Chart;
  /** RFM on order lines: how the lines were used, and RFM_TABLE's answer (one row per customer). */
  readonly lines?: LinesReport;
  readonly customers?: OutGrid;
  /** The plan's date columns that hold 8-digit numbers or date text rather than dates. */
  readonly dateColumns: readonly DateColumnFinding[];
}

/** What a method's runner answers: one answer per data row, and what the function reported it used. */
interface MethodAnswers {
  readonly answers: readonly OutCell[];
  readonly details: readonly FunctionDetails[];
  readonly thresholds?: readonly Threshold[];
}

/** A mapped column as the function parameter takes it; null when an optional column is not mapped. */
function columnArgument(plan: Plan, rows: Rows, column: ColumnSpec): Cell[][] | null {
  const mapped = plan.columns[column.role];
  if (mapped === undefined && column.optional) return null;
  return column.several ? columnsOf(rows, several(mapped), column.role) : columnOf(rows, single(mapped), column.role);
}

function optionArgument(plan: Plan, param: ParamSpec): unknown {
  const value = plan.options.values?.[param.name];
  if (value === undefined) return null;
  return Array.isArray(value) ? [value.slice()] : value;
}

/** The function's arguments by parameter name: a mapped column, an option, the language, or left out. */
function functionArguments(method: MethodSpec, plan: Plan, rows: Rows): unknown[] {
  const fn = CATALOG_BY_NAME.get(method.fn ?? '');
  if (!fn) throw new Error(`method ${method.id} names no catalog function`);
  return fn.params.map((param) => {
    const column = method.columns.find((c) => c.param === param.name);
    if (column) return columnArgument(plan, rows, column);
    if (param.kind === 'lang') return plan.lang;
    return method.options.some((o) => o.param === param.name) ? optionArgument(plan, param) : null;
  });
}

const firstCells = (grid: OutGrid): OutCell[] => grid.map((row) => row[0] ?? '');

function runFunction(method: MethodSpec, plan: Plan, rows: Rows): MethodAnswers {
  const details: FunctionDetails[] = [];
  const answers = firstCells(call(method.fn as string, functionArguments(method, plan, rows), (d) => details.push(d)));
  const follow = { call: (name: string, args: readonly unknown[]) => firstCells(call(name, args)), lang: plan.lang };
  return { answers: method.then ? method.then(answers, follow) : answers, details };
}

function runRules(plan: Plan, headers: readonly Cell[], rows: Rows): MethodAnswers {
  const { groups, cuts } = resolveRules(plan.options.ruleGroups ?? [], rows);
  return {
    answers: rows.map((row) => ruleLabel(groups, row)),
    details: [],
    thresholds: cuts.map(({ column, op, cut }) => ({
      name: headerName(headers, column),
      value: cut === undefined ? '—' : op === 'topPercent' ? `≥ ${formatCut(cut)}` : `≤ ${serialToIso(cut)}`,
    })),
  };
}

function runTags(plan: Plan, rows: Rows): MethodAnswers {
  const tagged = new Set(plan.options.taggedRows ?? []);
  return { answers: rows.map((_, i) => (tagged.has(i) ? (plan.options.tag ?? '') : '')), details: [] };
}

/** Counts per label: the method's labels in their order, then the others by size. */
function countLabels(labels: readonly string[], method: MethodSpec, lang: Lang): SegmentCount[] {
  const tally = new Map<string, number>();
  let labelled = 0;
  for (const l of labels) {
    if (l === '') continue;
    tally.set(l, (tally.get(l) ?? 0) + 1);
    labelled++;
  }
  const rank = new Map((method.labels ?? []).map((key, i) => [label(key, lang), i]));
  const position = (l: string): number => rank.get(l) ?? Infinity;
  return [...tally]
    .map(([l, count]) => ({ label: l, count, share: labelled ? count / labelled : 0 }))
    .sort((a, b) => position(a.label) - position(b.label) || b.count - a.count || a.label.localeCompare(b.label));
}

/** Points of the scatter: the rows where both mapped columns hold numbers, with their labels. */
function scatterPoints(method: MethodSpec, plan: Plan, rows: Rows, labels: readonly string[]) {
  const [xColumn, yColumn] = method.columns.map((c) => single(plan.columns[c.role]));
  const points: (readonly [number, number, string])[] = [];
  if (xColumn === undefined || yColumn === undefined) return points;
  rows.forEach((row, i) => {
    const x = readNumber(row[xColumn] ?? null);
    const y = readNumber(row[yColumn] ?? null);
    if (typeof x === 'number' && typeof y === 'number') points.push([x, y, labels[i] ?? '']);
  });
  return points;
}

/** Segments a table (header row first) by the plan's method. */
export function segmentTable(plan: Plan, table: readonly (readonly Cell[])[]): Segmentation {
  const rows = table.slice(1);
  const headers = table[0] ?? [];
  const dateColumns = findDateColumns(plan, headers, rows);
  const method = methodSpec(plan.method);
  if (method.run === 'orderLines') {
    const orders = segmentOrderLines(plan, headers, rows);
    return {
      labels: orders.labels,
      problems: orders.problems,
      unit: 'customers',
      counts: countLabels(orders.customerSegments, method, plan.lang),
      usable: orders.lines.usedLines,
      thresholds: thresholdsOf(orders.details, method, plan.lang),
      chart: { kind: 'bars' },
      lines: orders.lines,
      customers: orders.customers,
      dateColumns,
    };
  }
  const run =
    method.run === 'rules'
      ? runRules(plan, headers, rows)
      : method.run === 'tags'
        ? runTags(plan, rows)
        : runFunction(method, plan, rows);
  const labels: string[] = [];
  const problems: RowProblem[] = [];
  run.answers.forEach((answer, row) => {
    if (isProblem(answer)) {
      problems.push({ row, message: describeProblem(answer, plan.lang) });
      labels.push('');
    } else labels.push(typeof answer === 'string' ? answer : String(answer));
  });
  return {
    labels,
    problems,
    unit: 'rows',
    counts: countLabels(labels, method, plan.lang),
    usable: rows.length - problems.length,
    thresholds: run.thresholds ?? thresholdsOf(run.details, method, plan.lang),
    chart: chartOf(run.details, method.chart === 'scatter' ? scatterPoints(method, plan, rows, labels) : []),
    dateColumns,
  };
}

/** The default header of the segment column. */
export function segmentHeader(plan: Plan): string {
  return plan.outputHeader ?? label(plan.method === 'tags' ? 'headerTag' : 'headerSegment', plan.lang);
}
