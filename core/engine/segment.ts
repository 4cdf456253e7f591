/**
 * Runs a plan's method over a table's rows with the catalog's own functions, so the panel and the formulas
 * always agree. Returns one label per data row ('' when the row gets none), the rows that could not be read,
 * the counts, the cut-offs used and what the preview chart needs.
 */
import { readNumber, readText, serialToIso } from '../cells.js';
import { describeProblem, isProblem } from '../errors.js';
import { label } from '../labels.js';
import { ABC_DEFAULT_SHARES, abcCutoffs } from '../methods/abc.js';
import { median } from '../methods/quantile.js';
import type { OutCell, OutGrid } from '../output.js';
import { findDateColumns, type DateColumnFinding } from './date-columns.js';
import type { MethodId, Plan } from './plan.js';
import { segmentOrderLines, type LinesReport } from './rfm-orders.js';
import { resolveRules, ruleLabel } from './rules.js';
import { call, columnOf, columnsOf, several, single, type Cell } from './table-columns.js';

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

export type Chart =
  | { readonly kind: 'pareto'; readonly points: readonly (readonly [number, number])[] }
  | {
      readonly kind: 'scatter';
      readonly points: readonly (readonly [number, number, string])[];
      readonly xCut: number;
      readonly yCut: number;
    }
  | { readonly kind: 'bars' };

export interface Segmentation {
  /** One label per data row ('' when the row gets none). */
  readonly labels: readonly string[];
  readonly problems: readonly RowProblem[];
  /** What `counts` count: table rows, or (RFM on order lines) customers. */
  readonly unit: 'rows' | 'customers';
  readonly counts: readonly SegmentCount[];
  /** Rows (RFM on order lines: lines) that could be used; none means there is nothing to apply. */
  readonly usable: number;
  /** Cut-offs and settings used, as label/value pairs for the preview. */
  readonly thresholds: readonly { readonly name: string; readonly value: string }[];
  readonly chart: Chart;
  /** RFM on order lines: how the lines were used, and RFM_TABLE's answer (one row per customer). */
  readonly lines?: LinesReport;
  readonly customers?: OutGrid;
  /** The plan's date columns that hold 8-digit numbers or date text rather than dates. */
  readonly dateColumns: readonly DateColumnFinding[];
}

const list = (values: readonly number[] | undefined): number[][] | null => (values ? [values.slice()] : null);

function fmt(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toPrecision(4);
}

function numbers(column: Cell[][]): number[] {
  return column.map(([c]) => readNumber(c)).filter((v): v is number => typeof v === 'number');
}

/** One answer per data row, from the plan's method. */
function answersFor(
  plan: Plan,
  method: Exclude<MethodId, 'rfmOrders'>,
  headers: readonly Cell[],
  rows: readonly (readonly Cell[])[],
): { answers: OutCell[]; extra: Partial<Segmentation> } {
  const { columns: m, options: o, lang } = plan;
  const flat = (grid: OutGrid): OutCell[] => grid.map((r) => r[0] ?? '');
  switch (method) {
    case 'abc': {
      const values = columnOf(rows, single(m.value), 'value');
      const aShare = o.aShare ?? ABC_DEFAULT_SHARES.a;
      const bShare = o.bShare ?? ABC_DEFAULT_SHARES.b;
      const positives = numbers(values)
        .filter((v) => v > 0)
        .sort((a, b) => b - a);
      const cut = abcCutoffs(positives, aShare, bShare);
      const total = positives.reduce((s, v) => s + v, 0);
      let running = 0;
      const step = Math.max(1, Math.floor(positives.length / 200));
      const points: [number, number][] = [[0, 0]];
      positives.forEach((v, i) => {
        running += v;
        if (i % step === 0 || i === positives.length - 1) points.push([(i + 1) / positives.length, running / total]);
      });
      return {
        answers: flat(call('ABC_CLASS', [values, null, aShare, bShare, lang])),
        extra: {
          thresholds: [
            { name: `A ≥`, value: Number.isFinite(cut.aMin) ? fmt(cut.aMin) : '—' },
            { name: `B ≥`, value: Number.isFinite(cut.bMin) ? fmt(cut.bMin) : '—' },
          ],
          chart: { kind: 'pareto', points },
        },
      };
    }
    case 'xyz':
      return {
        answers: flat(call('XYZ_CLASS', [columnsOf(rows, several(m.periods), 'periods'), list(o.xyzCuts)])),
        extra: {},
      };
    case 'bcg':
    case 'priority': {
      const [xRole, yRole, fn] =
        plan.method === 'bcg'
          ? ['sales', 'growth', 'BCG_QUADRANT']
          : ['attractiveness', 'feasibility', 'PRIORITY_QUADRANT'];
      const x = columnOf(rows, single(m[xRole as string]), xRole as string);
      const y = columnOf(rows, single(m[yRole as string]), yRole as string);
      const answers = flat(call(fn as string, [x, y, o.salesCut ?? null, o.growthCut ?? null, lang]));
      const readable = x.map(([a], i) => [readNumber(a), readNumber(y[i]?.[0]), answers[i]] as const);
      const both = readable.filter(
        (t): t is readonly [number, number, OutCell] => typeof t[0] === 'number' && typeof t[1] === 'number',
      );
      const xCut = o.salesCut ?? median(both.map((t) => t[0]));
      const yCut = o.growthCut ?? median(both.map((t) => t[1]));
      return {
        answers,
        extra: {
          thresholds: [
            { name: xRole as string, value: fmt(xCut) },
            { name: yRole as string, value: fmt(yCut) },
          ],
          chart: {
            kind: 'scatter',
            points: both.map(([a, b, c]) => [a, b, typeof c === 'string' ? c : ''] as const),
            xCut,
            yCut,
          },
        },
      };
    }
    case 'rfm': {
      const scores = call('RFM_SCORE', [
        columnOf(rows, single(m.lastPurchase), 'lastPurchase'),
        columnOf(rows, single(m.orders), 'orders'),
        columnOf(rows, single(m.revenue), 'revenue'),
        o.asOf ?? null,
        o.bins ?? null,
      ]);
      const segments = flat(
        call('RFM_SEGMENT', [scores.map((r) => [isProblem(r[0]) ? '' : (r[0] ?? '')]), null, lang]),
      );
      return { answers: scores.map((r, i) => (isProblem(r[0]) ? (r[0] as OutCell) : (segments[i] ?? ''))), extra: {} };
    }
    case 'pyramid':
      return {
        answers: flat(
          call('CUSTOMER_TIER', [columnOf(rows, single(m.value), 'value'), null, list(o.tierShares), lang]),
        ),
        extra: {},
      };
    case 'lifecycle':
      return {
        answers: flat(
          call('LIFECYCLE_STAGE', [
            columnOf(rows, single(m.firstPurchase), 'firstPurchase'),
            columnOf(rows, single(m.lastPurchase), 'lastPurchase'),
            columnOf(rows, single(m.orders), 'orders'),
            o.asOf ?? null,
            m.referrals === undefined ? null : columnOf(rows, single(m.referrals), 'referrals'),
            list(o.lifecycleSettings),
            lang,
          ]),
        ),
        extra: {},
      };
    case 'kmeans': {
      const clusters = flat(
        call('KMEANS_CLUSTER', [columnsOf(rows, several(m.features), 'features'), o.k ?? null, o.seed ?? null]),
      );
      const name = lang === 'vi' ? 'Cụm' : 'Cluster';
      return { answers: clusters.map((c) => (typeof c === 'number' ? `${name} ${c}` : c)), extra: {} };
    }
    case 'rules': {
      const { groups, cuts } = resolveRules(o.ruleGroups ?? [], rows);
      const header = (column: number): string => {
        const text = readText(headers[column] ?? null);
        return typeof text === 'string' && text !== '' ? text : `#${column + 1}`;
      };
      return {
        answers: rows.map((row) => ruleLabel(groups, row)),
        extra: {
          thresholds: cuts.map(({ column, op, cut }) => ({
            name: header(column),
            value: cut === undefined ? '—' : op === 'topPercent' ? `≥ ${fmt(cut)}` : `≤ ${serialToIso(cut)}`,
          })),
        },
      };
    }
    case 'tags': {
      const tagged = new Set(o.taggedRows ?? []);
      return { answers: rows.map((_, i) => (tagged.has(i) ? (o.tag ?? '') : '')), extra: {} };
    }
  }
}

const defaultThresholds = (plan: Plan): Segmentation['thresholds'] =>
  plan.options.asOf ? [{ name: 'as_of', value: plan.options.asOf }] : [];

/** Segments a table (header row first) by the plan's method. */
export function segmentTable(plan: Plan, table: readonly (readonly Cell[])[]): Segmentation {
  const rows = table.slice(1);
  const headers = table[0] ?? [];
  const dateColumns = findDateColumns(plan, headers, rows);
  const method = plan.method;
  if (method === 'rfmOrders') {
    const orders = segmentOrderLines(plan, headers, rows);
    return {
      labels: orders.labels,
      problems: orders.problems,
      unit: 'customers',
      counts: orders.counts,
      usable: orders.lines.usedLines,
      thresholds: defaultThresholds(plan),
      chart: { kind: 'bars' },
      lines: orders.lines,
      customers: orders.customers,
      dateColumns,
    };
  }
  const { answers, extra } = answersFor(plan, method, headers, rows);
  const labels: string[] = [];
  const problems: RowProblem[] = [];
  answers.forEach((answer, row) => {
    if (isProblem(answer)) {
      problems.push({ row, message: describeProblem(answer, plan.lang) });
      labels.push('');
    } else labels.push(typeof answer === 'string' ? answer : String(answer));
  });
  const tally = new Map<string, number>();
  for (const l of labels) if (l !== '') tally.set(l, (tally.get(l) ?? 0) + 1);
  const labelled = labels.filter((l) => l !== '').length;
  const counts = [...tally]
    .map(([l, count]) => ({ label: l, count, share: labelled ? count / labelled : 0 }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return {
    labels,
    problems,
    unit: 'rows',
    counts,
    usable: rows.length - problems.length,
    thresholds: extra.thresholds ?? defaultThresholds(plan),
    chart: extra.chart ?? { kind: 'bars' },
    dateColumns,
  };
}

/** The default header of the segment column. */
export function segmentHeader(plan: Plan): string {
  return plan.outputHeader ?? label(plan.method === 'tags' ? 'headerTag' : 'headerSegment', plan.lang);
}
