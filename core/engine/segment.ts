/**
 * Runs a plan's method over a table's rows with the catalog's own functions, so the panel and the formulas always
 * agree. A method is run from its description (core/catalog/methods.ts): its columns and options become the
 * function's arguments by parameter name; order lines, rules and tags have runners of their own. Returns one label
 * per data row ('' when the row gets none), the rows that could not be read, the counts in the method's label
 * order (rules: the user's group order; rules and tags end with the rows in no group, shares of every row), each
 * row's (or customer's) value for the summary sheet, and the cut-offs and chart the function reported, never
 * recomputed here.
 */
import { readNumber, serialToIso } from '../cells.js';
import { CATALOG_BY_NAME } from '../catalog/index.js';
import type { ColumnSpec, MethodSpec } from '../catalog/method.js';
import { methodSpec } from '../catalog/index.js';
import type { FunctionDetails, ParamSpec } from '../catalog/types.js';
import { describeProblem, isProblem, type Problem } from '../errors.js';
import { label, type Lang } from '../labels.js';
import type { OutCell, OutGrid } from '../output.js';
import { clusterProfileOf, type ClusterProfile } from './cluster-profile.js';
import { findDateColumns, type DateColumnFinding } from './date-columns.js';
import { CLV_COLUMNS, segmentClvLines, type ClvReport } from './clv-orders.js';
import { clvThresholds } from './clv-text.js';
import { customerValues, linesInDong, rowValues, type UnitValues } from './segment-values.js';
import { chartOf, thresholdsOf, formatCut, type Chart, type Threshold } from './details-view.js';
import type { Plan } from './plan.js';
import { segmentOrderLines, type LinesReport } from './rfm-orders.js';
import { resolveRules, ruleLabel } from './rules.js';
import { call, columnOf, columnsOf, headerName, several, single, type Cell, type Rows } from './table-columns.js';

export type { Chart, Threshold, UnitValues };

export interface RowProblem {
  /** 0-based data row (the header is not counted). */
  readonly row: number;
  readonly message: string;
}

export interface SegmentCount {
  readonly label: string;
  readonly count: number;
  /** Of all counted rows (rules and tags: of every row, the "no group" ones included). */
  readonly share: number;
  /** The rows no rule group (or no tag) took: shown for the whole picture, never coloured nor in the legend. */
  readonly none?: true;
}

export interface Segmentation {
  /** One label per data row ('' when the row gets none). */
  readonly labels: readonly string[];
  readonly problems: readonly RowProblem[];
  /** What `counts` count: table rows, or (RFM on order lines) customers. */
  readonly unit: 'rows' | 'customers';
  /**
   * Per label, in the method's label order, then the others by size (rules: the groups in the user's order); rules
   * and tags end with the rows left without a group or tag.
   */
  readonly counts: readonly SegmentCount[];
  /** The value of each counted unit: one per row of `labels`, or (RFM on order lines) per customer of `customerLabels`. */
  readonly values: UnitValues;
  /** RFM on order lines: the segment of each scored customer, in the order of `values`. */
  readonly customerLabels?: readonly string[];
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
  /** k-means: each cluster's size and feature means, the features named by their headers. */
  readonly profile?: ClusterProfile;
  /** Customer value: the model, the distributions and the customers slipping away (`values` are their CLVs). */
  readonly clv?: ClvReport;
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
      value: cut === undefined ? '—' : op === 'topPercent' ? `≥ ${formatCut(cut, plan.lang)}` : `≤ ${serialToIso(cut)}`,
    })),
  };
}

function runTags(plan: Plan, rows: Rows): MethodAnswers {
  const tagged = new Set(plan.options.taggedRows ?? []);
  return { answers: rows.map((_, i) => (tagged.has(i) ? (plan.options.tag ?? '') : '')), details: [] };
}

/** The labels in their natural order: the method's own, or the user's rule groups in the order they made them. */
function labelOrder(method: MethodSpec, plan: Plan): Map<string, number> {
  const ordered =
    method.run === 'rules'
      ? (plan.options.ruleGroups ?? []).map((g) => g.label)
      : (method.labels ?? []).map((key) => label(key, plan.lang));
  const rank = new Map<string, number>();
  ordered.forEach((l, i) => rank.has(l) || rank.set(l, i));
  return rank;
}

/** The label of the rows that rules or tags leave without a group, or undefined for the other methods. */
function noneLabel(method: MethodSpec, lang: Lang): string | undefined {
  if (method.run === 'rules') return label('noGroup', lang);
  if (method.run === 'tags') return label('noTag', lang);
  return undefined;
}

/**
 * Counts per label: the labels in their natural order, then the others by size. With `none`, the rows without a
 * label are counted under it (last) and shares are of every row; otherwise they are not counted.
 */
function countLabels(labels: readonly string[], rank: ReadonlyMap<string, number>, none?: string): SegmentCount[] {
  const tally = new Map<string, number>();
  let unlabelled = 0;
  for (const l of labels) {
    if (l === '') unlabelled++;
    else tally.set(l, (tally.get(l) ?? 0) + 1);
  }
  const counted = labels.length - (none === undefined ? unlabelled : 0);
  const position = (l: string): number => rank.get(l) ?? Infinity;
  const counts: SegmentCount[] = [...tally]
    .map(([l, count]) => ({ label: l, count, share: counted ? count / counted : 0 }))
    .sort((a, b) => position(a.label) - position(b.label) || b.count - a.count || a.label.localeCompare(b.label));
  if (none !== undefined && unlabelled > 0)
    counts.push({ label: none, count: unlabelled, share: unlabelled / counted, none: true });
  return counts;
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

/** The k-means profile, when the function reported one, its features named by the mapped columns' headers. */
function profileOf(
  details: readonly FunctionDetails[],
  plan: Plan,
  headers: readonly Cell[],
): { profile?: ClusterProfile } {
  const features = (several(plan.columns.features) ?? []).map((column) => headerName(headers, column));
  const profile = clusterProfileOf(details, features, plan.lang);
  return profile ? { profile } : {};
}

/**
 * A row's problem as the preview lists it after "Row 7:": the column's header instead of the argument's name, and no
 * second, range-relative row number.
 */
function rowProblemText(problem: Problem, method: MethodSpec, plan: Plan, headers: readonly Cell[]): string {
  const { row: _row, onSheet: _onSheet, cell: _cell, ...params } = problem.params;
  const arg = params.arg;
  const spec = typeof arg === 'string' ? method.columns.find((c) => (c.param ?? c.role) === arg) : undefined;
  const column = spec ? single(plan.columns[spec.role]) : undefined;
  const name = spec ? (column === undefined ? spec.label[plan.lang] : headerName(headers, column)) : undefined;
  const body = describeProblem({ code: problem.code, params }, plan.lang, name ? () => name : undefined);
  return name && !body.includes(name) ? `${name}: ${body}` : body;
}

/** Segments a table (header row first) by the plan's method. */
export function segmentTable(plan: Plan, table: readonly (readonly Cell[])[]): Segmentation {
  const rows = table.slice(1);
  const headers = table[0] ?? [];
  const dateColumns = findDateColumns(plan, headers, rows);
  const method = methodSpec(plan.method);
  if (method.run === 'orderLines' && method.fn === 'CLV_TABLE') {
    const orders = segmentClvLines(plan, headers, rows);
    return {
      labels: orders.labels,
      problems: orders.problems,
      unit: 'customers',
      counts: countLabels(orders.customerSegments, labelOrder(method, plan)),
      values: {
        source: { kind: 'perCustomer', column: String(orders.customers[0]?.[CLV_COLUMNS.clv] ?? 'CLV') },
        amounts: orders.customerClv,
        unreadable: 0,
        dong: linesInDong(headers, rows, plan),
      },
      customerLabels: orders.customerSegments,
      usable: orders.lines.usedLines,
      thresholds: clvThresholds(orders.clv, plan.lang),
      chart: { kind: 'bars' },
      lines: orders.lines,
      customers: orders.customers,
      dateColumns,
      clv: orders.clv,
    };
  }
  if (method.run === 'orderLines') {
    const orders = segmentOrderLines(plan, headers, rows);
    return {
      labels: orders.labels,
      problems: orders.problems,
      unit: 'customers',
      counts: countLabels(orders.customerSegments, labelOrder(method, plan)),
      values: customerValues(orders.customers, headers, rows, plan, label('headerRevenue', plan.lang)),
      customerLabels: orders.customerSegments,
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
      problems.push({ row, message: rowProblemText(answer, method, plan, headers) });
      labels.push('');
    } else labels.push(typeof answer === 'string' ? answer : String(answer));
  });
  return {
    labels,
    problems,
    unit: 'rows',
    counts: countLabels(labels, labelOrder(method, plan), noneLabel(method, plan.lang)),
    values: rowValues(plan, headers, rows),
    usable: rows.length - problems.length,
    thresholds: run.thresholds ?? thresholdsOf(run.details, method, plan.lang),
    chart: chartOf(
      run.details,
      method.chart === 'scatter' ? scatterPoints(method, plan, rows, labels) : [],
      method,
      plan.lang,
    ),
    ...profileOf(run.details, plan, headers),
    dateColumns,
  };
}

/** The default header of the segment column. */
export function segmentHeader(plan: Plan): string {
  return plan.outputHeader ?? label(plan.method === 'tags' ? 'headerTag' : 'headerSegment', plan.lang);
}
