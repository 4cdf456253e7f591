/**
 * The summary sheet as plain data, the same in every host: a title, a line saying where the values come from (or
 * why there are none), for ABC the Pareto message, then per segment Customers, Customer share, Value, Value share
 * and Average value (SEGMENT_SUMMARY's numbers, segment-summary.ts) in the method's natural order with a total; for
 * k-means the cluster profile; for charts that need their own data (Pareto, scatter) a block the chart reads. Each
 * cell has a format key the hosts turn into their number formats, and the chart says its kind, titles, the block
 * it reads and where it goes. Hosts write the cells as they are: text stays text, numbers stay numbers.
 */
import { methodSpec } from '../catalog/index.js';
import { label, type Lang } from '../labels.js';
import { formatCount, formatPercent } from '../number-format.js';
import { fillTemplate } from '../template.js';
import { clvBands, clvSegment } from '../catalog/clv-method.js';
import { CLV_COLUMNS } from './clv-orders.js';
import { clvText, modelSentences } from './clv-text.js';
import { linesTotalText } from './lines-text.js';
import type { Plan } from './plan.js';
import { previewResult, type PreviewResult } from './preview.js';
import type { Segmentation } from './segment.js';
import { summariseSegments, type SegmentLine } from './segment-summary.js';
import type { Rect } from './sheet-io.js';

/** How a cell is shown: text, a whole count, a share (percentage), a value, an amount in đồng, a measured number. */
export type SummaryFormat = 'text' | 'count' | 'share' | 'value' | 'money' | 'decimal';

/** The number format of each format key, as Excel and Google Sheets both write it. */
export const SUMMARY_NUMBER_FORMATS: Readonly<Record<SummaryFormat, string>> = {
  text: '@',
  count: '#,##0',
  share: '0.0%',
  value: '#,##0',
  money: '#,##0 "₫"',
  decimal: '#,##0.00',
};

/** Columns per segment (counts), a Pareto (value share columns with the cumulative line), or a scatter of customers. */
export type SummaryChartKind = 'columns' | 'pareto' | 'scatter';

export interface SummaryChart {
  readonly kind: SummaryChartKind;
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /**
   * The block the chart reads, 0-based on the summary sheet: a header row (the series' names), then one row per
   * category (or point); the first column holds the categories (scatter: x), each further column one series.
   */
  readonly source: Rect;
  /** Pareto: the series (0-based among the source's series) drawn as a line over the columns. */
  readonly lineSeries?: number;
  /** Write each column's value on it (few categories). */
  readonly dataLabels: boolean;
  /** The top-left cell the chart is placed at, 0-based: beside the table. */
  readonly at: { readonly row: number; readonly col: number };
}

export interface SummarySheet {
  /** The new sheet's name (the host adds " (2)", " (3)", … when a sheet already has it). */
  readonly name: string;
  /** Rows of equal length from A1; '' is a blank cell. */
  readonly cells: readonly (readonly (string | number)[])[];
  /** The same shape as `cells`. */
  readonly formats: readonly (readonly SummaryFormat[])[];
  /** Rows to show bold: the title and the header rows. */
  readonly boldRows: readonly number[];
  /** Each column's width in pixels, wide enough for its tables' labels and numbers as formatted. */
  readonly columnWidths: readonly number[];
  readonly chart: SummaryChart;
}

export const SUMMARY_TEXT = {
  title: { en: '{sheet}: {method}', vi: '{sheet}: {method}' },
  valueMethod: { en: 'Value: the “{column}” column.', vi: 'Giá trị: cột “{column}”.' },
  valueGuessed: {
    en: 'Value: the “{column}” column, found by its header.',
    vi: 'Giá trị: cột “{column}”, nhận ra theo tiêu đề.',
  },
  valuePerCustomer: {
    en: 'Value: revenue per customer, from “{column}”.',
    vi: 'Giá trị: doanh thu của từng khách hàng, từ “{column}”.',
  },
  noValue: {
    en: 'Counts only: the table has no revenue or value column (a header such as Revenue, Sales or Amount).',
    vi: 'Chỉ có số lượng: bảng không có cột doanh thu hay giá trị (tiêu đề như Doanh thu, Doanh số, Thành tiền).',
  },
  unreadable: {
    en: '{n} values are not numbers: those customers are counted and add no value.',
    vi: '{n} giá trị không phải là số: các khách hàng đó vẫn được đếm nhưng không cộng giá trị.',
  },
  pareto: {
    en: '{customers} of customers (class A) bring {value} of revenue.',
    vi: '{customers} khách hàng (nhóm A) mang lại {value} doanh thu.',
  },
  columnsTitle: { en: 'Customers per segment', vi: 'Số khách hàng theo phân khúc' },
  paretoTitle: { en: 'Share of value per class, and cumulative', vi: 'Tỷ lệ giá trị theo nhóm và cộng dồn' },
  scatterTitle: { en: '{x} and {y} of each customer', vi: '{x} và {y} của từng khách hàng' },
  classAxis: { en: 'Class', vi: 'Nhóm' },
  shareAxis: { en: 'Share of value', vi: 'Tỷ lệ giá trị' },
  chartData: { en: 'Chart data', vi: 'Dữ liệu biểu đồ' },
  chartPoints: {
    en: 'Chart data: {shown} of {total} customers',
    vi: 'Dữ liệu biểu đồ: {shown} trong {total} khách hàng',
  },
  profile: {
    en: 'Cluster profile: size and the mean of each column, in its own units',
    vi: 'Hồ sơ cụm: số khách hàng và giá trị trung bình của từng cột, theo đơn vị của cột',
  },
  cluster: { en: 'Cluster', vi: 'Cụm' },
  mean: { en: '{feature} (mean)', vi: '{feature} (trung bình)' },
} as const;

type TextKey = keyof typeof SUMMARY_TEXT;
const say = (key: TextKey, lang: Lang, values: Record<string, string | number> = {}): string =>
  fillTemplate(SUMMARY_TEXT[key][lang], values);

/** Rows being laid out, each with its formats; padded to one width at the end. */
class Layout {
  readonly cells: (string | number)[][] = [];
  readonly formats: SummaryFormat[][] = [];
  readonly bold: number[] = [];

  get next(): number {
    return this.cells.length;
  }

  add(cells: (string | number)[], formats: SummaryFormat[] = cells.map(() => 'text'), bold = false): number {
    if (bold) this.bold.push(this.cells.length);
    this.cells.push(cells);
    this.formats.push(formats);
    return this.cells.length - 1;
  }

  blank(): void {
    this.add([]);
  }

  /** Every row as wide as the widest; blanks as text. */
  padded(): { cells: (string | number)[][]; formats: SummaryFormat[][] } {
    const width = Math.max(1, ...this.cells.map((r) => r.length));
    const pad = <T>(row: T[], fill: T): T[] => [...row, ...new Array<T>(width - row.length).fill(fill)];
    return {
      cells: this.cells.map((r) => pad(r, '')),
      formats: this.formats.map((r) => pad(r, 'text' as SummaryFormat)),
    };
  }
}

const PIXELS_PER_CHARACTER = 8;
const CELL_PADDING = 24;
const MIN_WIDTH = 64;
const MAX_WIDTH = 280;

/** About how many characters a cell takes as its format shows it. */
function shownLength(value: string | number, format: SummaryFormat): number {
  if (typeof value === 'string') return value.length;
  const digits = String(Math.round(Math.abs(value))).length;
  const grouped = digits + Math.floor((digits - 1) / 3) + (value < 0 ? 1 : 0);
  if (format === 'share') return 6;
  if (format === 'money') return grouped + 2;
  if (format === 'decimal') return grouped + 3;
  return grouped;
}

/** Widths from the rows of tables (rows with two cells or more; a line of text runs on over the empty cells). */
function columnWidths(
  cells: readonly (readonly (string | number)[])[],
  formats: readonly (readonly SummaryFormat[])[],
) {
  const widths = (cells[0] ?? []).map(() => MIN_WIDTH);
  cells.forEach((line, r) => {
    if (line.filter((v) => v !== '').length < 2) return;
    line.forEach((v, c) => {
      const px = shownLength(v, formats[r]?.[c] ?? 'text') * PIXELS_PER_CHARACTER + CELL_PADDING;
      widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c] ?? MIN_WIDTH, px));
    });
  });
  return widths;
}

/** What the second line says about the values. */
function valueLine(segmentation: Segmentation, lang: Lang): string {
  const { source } = segmentation.values;
  switch (source.kind) {
    case 'method':
      return say('valueMethod', lang, { column: source.column });
    case 'guessed':
      return say('valueGuessed', lang, { column: source.column });
    case 'perCustomer':
      return say('valuePerCustomer', lang, { column: source.column });
    case 'none':
      return say('noValue', lang);
  }
}

/** A share as the message says it: whole percent, one decimal below 10 %. */
const messageShare = (share: number, lang: Lang): string => formatPercent(share, lang, share < 0.1 ? 1 : 0);

function paretoMessage(lines: readonly SegmentLine[], lang: Lang): string | undefined {
  const a = lines.find((l) => l.label === label('abcA', lang));
  if (!a || typeof a.customerShare !== 'number' || typeof a.valueShare !== 'number') return undefined;
  return say('pareto', lang, {
    customers: messageShare(a.customerShare, lang),
    value: messageShare(a.valueShare, lang),
  });
}

/** The segment table: header, one row per segment, the total; answers its rows' range and the Pareto's cumulative. */
function segmentTable(layout: Layout, preview: PreviewResult, segmentation: Segmentation, lang: Lang, abc: boolean) {
  const summary = summariseSegments(segmentation, lang);
  const valued = segmentation.values.source.kind !== 'none';
  const money: SummaryFormat = segmentation.values.dong ? 'money' : 'value';
  const header = [label('headerSegment', lang), label('headerCustomers', lang), label('headerCustomerShare', lang)];
  if (valued)
    header.push(label('headerValue', lang), label('headerValueShare', lang), label('headerAverageValue', lang));
  if (valued && abc) header.push(label('headerCumulativeShare', lang));
  const headerRow = layout.add(header, undefined, true);
  const valueFormats: SummaryFormat[] = valued ? [money, 'share', money] : [];
  const formats: SummaryFormat[] = ['text', 'count', 'share', ...valueFormats];
  let cumulative = 0;
  const cumulativeShares: number[] = [];
  const row = (line: SegmentLine): (string | number)[] => [
    line.label,
    line.customers,
    line.customerShare,
    ...(valued ? [line.value ?? '', line.valueShare ?? '', line.average ?? ''] : []),
  ];
  for (const line of summary.lines) {
    const cells = row(line);
    if (valued && abc) {
      cumulative += typeof line.valueShare === 'number' ? line.valueShare : 0;
      cumulativeShares.push(cumulative);
      layout.add([...cells, cumulative], [...formats, 'share']);
    } else layout.add(cells, formats);
  }
  const totalLabel = preview.lines ? linesTotalText(preview.lines, lang) : label('headerTotal', lang);
  layout.add(row({ ...summary.total, label: totalLabel }), formats, true);
  return { headerRow, lines: summary.lines, cumulativeShares, width: header.length };
}

function profileTable(layout: Layout, preview: PreviewResult, lang: Lang): void {
  const profile = preview.profile;
  if (!profile || profile.clusters.length === 0) return;
  layout.blank();
  layout.add([say('profile', lang)], ['text'], true);
  layout.add(
    [
      say('cluster', lang),
      label('headerCustomers', lang),
      ...profile.features.map((f) => say('mean', lang, { feature: f })),
    ],
    undefined,
    true,
  );
  for (const c of profile.clusters)
    layout.add(
      [c.label, c.size, ...c.means.map((m) => (Number.isFinite(m) ? m : ''))],
      ['text', 'count', ...c.means.map((): SummaryFormat => 'decimal')],
    );
}

/**
 * Customer value: one row per customer of CLV_TABLE's answer (in its order, first appearance), with P(alive),
 * expected purchases, expected order value, CLV and the band; a customer without a purchase keeps blank numbers.
 */
function clvCustomerTable(layout: Layout, plan: Plan, segmentation: Segmentation): void {
  const grid = segmentation.customers;
  if (!segmentation.clv || !grid) return;
  const { lang } = plan;
  const c = CLV_COLUMNS;
  const columns = [c.customer, c.pAlive, c.expectedPurchases, c.expectedOrderValue, c.clv];
  const money: SummaryFormat = segmentation.values.dong ? 'money' : 'decimal';
  const formats: SummaryFormat[] = ['text', 'share', 'decimal', money, money, 'text'];
  const bands = clvBands(plan.options.values);
  layout.blank();
  layout.add([clvText('customersTitle', lang)], ['text'], true);
  const header = grid[0] ?? [];
  layout.add([...columns.map((j) => String(header[j] ?? '')), label('headerSegment', lang)], undefined, true);
  for (const row of grid.slice(1)) {
    const id = row[c.customer];
    if (typeof id !== 'string') continue;
    const p = row[c.pAlive];
    const cells = columns.map((j) => {
      const v = row[j];
      return typeof v === 'number' || typeof v === 'string' ? v : '';
    });
    layout.add([...cells, typeof p === 'number' ? label(clvSegment(p, bands), lang) : ''], formats);
  }
}

/** Builds the summary sheet of an apply's segmentation. */
export function summarySheet(plan: Plan, segmentation: Segmentation): SummarySheet {
  const { lang } = plan;
  const method = methodSpec(plan.method);
  const preview = previewResult(plan, segmentation);
  const layout = new Layout();
  const name = label(segmentation.clv ? 'customerValueSheet' : 'summarySheet', lang);
  layout.add([say('title', lang, { sheet: name, method: method.name[lang] })], ['text'], true);
  if (segmentation.clv) for (const sentence of modelSentences(segmentation.clv, lang)) layout.add([sentence]);
  else layout.add([valueLine(segmentation, lang)]);
  if (segmentation.values.unreadable > 0)
    layout.add([say('unreadable', lang, { n: formatCount(segmentation.values.unreadable, lang) })]);
  const abc = preview.chart.kind === 'pareto' && segmentation.values.source.kind !== 'none';
  const table = segmentTable(layout, preview, segmentation, lang, abc);
  const message = abc ? paretoMessage(table.lines, lang) : undefined;
  if (message) layout.add([message], ['text'], true);
  profileTable(layout, preview, lang);
  clvCustomerTable(layout, plan, segmentation);
  const at = { row: table.headerRow, col: table.width + 1 };
  const segments = table.lines.length;

  let chart: SummaryChart;
  if (abc) {
    layout.blank();
    layout.add([say('chartData', lang)], ['text'], true);
    const top = layout.add(
      [label('headerSegment', lang), label('headerValueShare', lang), label('headerCumulativeShare', lang)],
      undefined,
      true,
    );
    table.lines.forEach((line, i) =>
      layout.add([line.label, line.valueShare ?? '', table.cumulativeShares[i] ?? ''], ['text', 'share', 'share']),
    );
    chart = {
      kind: 'pareto',
      title: say('paretoTitle', lang),
      xTitle: say('classAxis', lang),
      yTitle: say('shareAxis', lang),
      source: { row: top, col: 0, rows: segments + 1, cols: 3 },
      lineSeries: 1,
      dataLabels: true,
      at,
    };
  } else if (preview.chart.kind === 'scatter' && preview.chart.points.length > 0) {
    const [x, y] = method.columns.map((c) => c.label[lang]);
    const xName = x ?? 'x';
    const yName = y ?? 'y';
    const points = preview.chart.points;
    const total = segmentation.chart.kind === 'scatter' ? segmentation.chart.points.length : points.length;
    layout.blank();
    const caption =
      total > points.length
        ? say('chartPoints', lang, { shown: formatCount(points.length, lang), total: formatCount(total, lang) })
        : say('chartData', lang);
    layout.add([caption], ['text'], true);
    const top = layout.add([xName, yName], undefined, true);
    for (const [px, py] of points) layout.add([px, py], ['decimal', 'decimal']);
    chart = {
      kind: 'scatter',
      title: say('scatterTitle', lang, { x: xName, y: yName }),
      xTitle: xName,
      yTitle: yName,
      source: { row: top, col: 0, rows: points.length + 1, cols: 2 },
      dataLabels: false,
      at,
    };
  } else {
    chart = {
      kind: 'columns',
      title: say('columnsTitle', lang),
      xTitle: label(plan.method === 'tags' ? 'headerTag' : 'headerSegment', lang),
      yTitle: label('headerCustomers', lang),
      source: { row: table.headerRow, col: 0, rows: segments + 1, cols: 2 },
      dataLabels: segments <= 20,
      at,
    };
  }
  const { cells, formats } = layout.padded();
  return { name, cells, formats, boldRows: layout.bold, columnWidths: columnWidths(cells, formats), chart };
}
