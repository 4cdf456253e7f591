/**
 * The panel's *Customer value* method on order lines, in English and Vietnamese: the columns guessed as for RFM on
 * order lines; every customer valued by the catalog's own CLV_TABLE and CLV_MODEL (the panel never computes a model
 * number itself), each put in its P(alive) band (Active ≥ 0.7, At risk, Likely lost < 0.3, bands editable and
 * checked), each line given its customer's band; the preview's words, distributions and the customers slipping away
 * worked out here from the formula's table; Quantity × Price the same as a revenue column; the apply writing the
 * segment column and a new sheet with the customer table, and undo taking both away.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CLV_METHOD, CLV_SEGMENT_LABELS, DEFAULT_CLV_BANDS } from '../core/catalog/clv-method.js';
import { CATALOG_BY_NAME } from '../core/catalog/index.js';
import { invoke } from '../core/catalog/invoke.js';
import { param } from '../core/catalog/types.js';
import { applyPlan } from '../core/engine/apply.js';
import {
  CLV_COLUMNS,
  clvHistogram,
  pAliveHistogram,
  SLIPPING_BELOW,
  SLIPPING_SHOWN,
} from '../core/engine/clv-orders.js';
import { guessMapping, guessRevenueSource } from '../core/engine/columns.js';
import { MemorySheet, MemoryUndoStore } from '../core/engine/memory-sheet.js';
import { PanelError } from '../core/engine/messages.js';
import { chartColorsFor, colorsFor } from '../core/engine/palette.js';
import type { Plan } from '../core/engine/plan.js';
import { previewResult } from '../core/engine/preview.js';
import { segmentTable } from '../core/engine/segment.js';
import type { CellValue } from '../core/engine/sheet-io.js';
import { summarySheet, type SummarySheet } from '../core/engine/summary-sheet.js';
import { undoLast } from '../core/engine/undo.js';
import { label, type Lang } from '../core/labels.js';
import { formatNumber } from '../core/number-format.js';
import type { OutCell, OutGrid } from '../core/output.js';
import { Chart } from '../panel/Chart.js';
import { formatAxisNumber } from '../panel/chart/chart-text.js';
import { histogramLayout } from '../panel/chart/HistogramChart.js';
import { ClvDetails } from '../panel/ClvDetails.js';
import { buildPlan, checkField, fieldDefault, optionFields, writesCustomerTable } from '../panel/plan-builder.js';
import { HEADERS, orderLines } from './panel-clv-lines.js';

function planFor(values: readonly CellValue[][], lang: Lang, change: Partial<Plan> = {}): Plan {
  const headers = (values[0] ?? []).map(String);
  const columns = guessMapping('clv', headers, values.slice(1, 21));
  return {
    sheetName: 'Orders',
    table: { row: 0, col: 0, rows: values.length, cols: headers.length },
    method: 'clv',
    columns,
    options: { revenueFrom: guessRevenueSource(columns) },
    lang,
    colorRows: true,
    ...change,
  };
}

/** The columns of the lines as the formula takes them. */
const column = (values: readonly CellValue[][], j: number): CellValue[][] => values.slice(1).map((r) => [r[j] ?? null]);

function formula(name: string, args: readonly unknown[]): OutGrid {
  const result = invoke(name, args);
  if (!result.ok) throw result.error;
  return result.grid;
}

/** CLV_TABLE on the lines, straight through the catalog. */
function clvTable(values: readonly CellValue[][], lang: Lang, asOf: string | null = null): OutGrid {
  return formula('CLV_TABLE', [
    column(values, 2),
    column(values, 1),
    column(values, 5),
    asOf,
    null,
    null,
    column(values, 0),
    lang,
  ]);
}

/** The band of a P(alive), worked out here. */
function band(p: number, lang: Lang, active = 0.7, lost = 0.3): string {
  return label(p >= active ? 'clvActive' : p < lost ? 'clvLikelyLost' : 'clvAtRisk', lang);
}

/** Customers with a P(alive): id → their row of the formula's table. */
function valued(table: OutGrid): Map<string, OutCell[]> {
  const rows = new Map<string, OutCell[]>();
  for (const row of table.slice(1))
    if (typeof row[0] === 'string' && typeof row[CLV_COLUMNS.pAlive] === 'number') rows.set(row[0], row);
  return rows;
}

const LANGS: readonly Lang[] = ['en', 'vi'];

describe.each(LANGS)('Customer value on order lines (%s)', (lang) => {
  const values = orderLines(lang);
  const plan = planFor(values, lang);
  const table = clvTable(values, lang);
  const customers = valued(table);

  it('guesses the customer, date, order id and revenue columns as RFM on order lines does', () => {
    expect(plan.columns).toMatchObject({ orderId: 0, orderDate: 1, customer: 2, revenue: 5 });
    expect(guessMapping('clv', [...HEADERS[lang]], values.slice(1, 21))).toEqual(
      guessMapping('rfmOrders', [...HEADERS[lang]], values.slice(1, 21)),
    );
  });

  it('puts every customer in the band of the formula’s P(alive), counts customers, gives each line its band', () => {
    const segmentation = segmentTable(plan, values);
    expect(segmentation.unit).toBe('customers');
    expect(segmentation.customers).toEqual(table);
    const expected = new Map<string, number>();
    for (const row of customers.values()) {
      const b = band(row[CLV_COLUMNS.pAlive] as number, lang);
      expected.set(b, (expected.get(b) ?? 0) + 1);
    }
    // Some of each band, so agreeing is not trivial.
    expect(expected.size).toBe(3);
    const order = ['clvActive', 'clvAtRisk', 'clvLikelyLost'].map((k) => label(k as 'clvActive', lang));
    expect(segmentation.counts.map((c) => [c.label, c.count])).toEqual(
      order.filter((l) => expected.has(l)).map((l) => [l, expected.get(l)]),
    );
    values.slice(1).forEach((line, i) => {
      const row = customers.get(String(line[2]));
      expect(segmentation.labels[i], `line ${i + 2}`).toBe(band(row?.[CLV_COLUMNS.pAlive] as number, lang));
    });
    expect(segmentation.values.amounts).toEqual([...customers.values()].map((r) => r[CLV_COLUMNS.clv]));
    expect(segmentation.problems).toEqual([]);
  });

  it('shows the model in words from CLV_MODEL’s numbers, written as the language writes numbers', () => {
    const model = formula('CLV_MODEL', [
      column(values, 2),
      column(values, 1),
      column(values, 5),
      null,
      column(values, 0),
    ]);
    const get = (name: string): number => model.find((r) => r[0] === name)?.[1] as number;
    const preview = previewResult(plan, segmentTable(plan, values));
    const clv = preview.clv;
    if (!clv) throw new Error('no customer value report');
    expect(clv.model).toMatchObject({ r: get('r'), alphaDays: get('alpha (days)'), a: get('a'), b: get('b') });
    const html = renderToStaticMarkup(createElement(ClvDetails, { report: clv, lang }));
    const every = get('alpha (days)') / get('r');
    expect(html).toContain(formatNumber(every, lang, every < 10 ? 1 : 0));
    const drop = get('a') / (get('a') + get('b'));
    expect(html).toContain(`${formatNumber(drop * 100, lang, 0)}%`);
    expect(html).toContain(String(get('customers')));
    if (lang === 'vi') {
      expect(html).toContain('ngày một lần');
      expect(html).not.toMatch(/\b(customers|days|Active|every)\b/);
    } else expect(html).toContain('A typical customer buys every');
    // No internal id on screen.
    expect(html).not.toMatch(/clv[A-Z_]|active_from|lost_below|horizon_days|annual_discount/);
  });

  it('lists the customers of highest CLV with P(alive) below 0.5, and the distributions add up to every customer', () => {
    const preview = previewResult(plan, segmentTable(plan, values));
    const clv = preview.clv;
    if (!clv) throw new Error('no customer value report');
    const slipping = [...customers.values()]
      .filter((r) => (r[CLV_COLUMNS.pAlive] as number) < SLIPPING_BELOW)
      .sort((x, y) => (y[CLV_COLUMNS.clv] as number) - (x[CLV_COLUMNS.clv] as number));
    expect(slipping.length).toBeGreaterThan(0);
    expect(clv.slippingCount).toBe(slipping.length);
    expect(clv.slipping.map((s) => s.customer)).toEqual(slipping.slice(0, SLIPPING_SHOWN).map((r) => r[0]));
    const tenths = new Array<number>(10).fill(0);
    for (const r of customers.values()) tenths[Math.min(9, Math.floor((r[CLV_COLUMNS.pAlive] as number) * 10))]!++;
    expect(clv.pAlive.map((b) => b.count)).toEqual(tenths);
    expect(clv.clv.reduce((sum, b) => sum + b.count, 0)).toBe(customers.size);
    for (const b of clv.clv) {
      const inBin = [...customers.values()].filter((r) => {
        const v = r[CLV_COLUMNS.clv] as number;
        return v >= b.lo && (v < b.hi || (b === clv.clv.at(-1) && v <= b.hi));
      }).length;
      expect(b.count, `${b.lo}–${b.hi}`).toBe(inBin);
    }
    const total = [...customers.values()].reduce((sum, r) => sum + (r[CLV_COLUMNS.clv] as number), 0);
    expect(clv.totalClv).toBeCloseTo(total, 6);
    // The preview crosses the Sheets bridge as JSON: no Infinity or NaN in it.
    expect(JSON.parse(JSON.stringify(preview.clv))).toEqual(preview.clv);
    const charts = renderToStaticMarkup(createElement(Chart, { preview, lang }));
    expect(charts).toContain('data-chart="bars"');
    expect(charts).toContain('data-chart="pAlive"');
    expect(charts).toContain('data-chart="clv"');
  });

  it('gives the three bands their fixed colours, in this language as in the other', () => {
    const own = CLV_SEGMENT_LABELS.map((k) => label(k, lang));
    const english = CLV_SEGMENT_LABELS.map((k) => label(k, 'en'));
    const [tints, marks] = [colorsFor(own), chartColorsFor(own)];
    expect(new Set(tints.values()).size).toBe(3);
    own.forEach((l, i) => {
      expect(tints.get(l)).toBe(colorsFor(english).get(english[i] as string));
      expect(marks.get(l)).toBe(chartColorsFor(english).get(english[i] as string));
    });
  });

  it('applies: the band of each line beside the table and a new sheet with the customer table; undo takes both away', async () => {
    const sheet = new MemorySheet('Orders', values);
    const before = sheet.dump();
    const store = new MemoryUndoStore();
    const sheets = new Map<string, SummarySheet>();
    const env = { io: sheet, store, removeSummary: async (name: string) => void sheets.delete(name) };
    const applied = await applyPlan(
      {
        ...env,
        addSummary: async (segmentation) => {
          const made = summarySheet(plan, segmentation);
          sheets.set(made.name, made);
          return made.name;
        },
      },
      plan,
      false,
    );
    expect(applied.kind).toBe('applied');
    const written = await sheet.readValues({ row: 0, col: 6, rows: values.length, cols: 1 });
    expect(written[0]?.[0]).toBe(label('headerSegment', lang));
    const segmentation = segmentTable(plan, values);
    expect(written.slice(1).map((r) => r[0] ?? '')).toEqual(segmentation.labels);

    // The sheet is named for what it holds, in the panel's language.
    expect([...sheets.keys()]).toEqual([label('customerValueSheet', lang)]);
    const cells = sheets.get(label('customerValueSheet', lang))?.cells ?? [];
    const header = cells.findIndex(
      (r) => r[0] === label('headerCustomer', lang) && r[1] === label('headerPAlive', lang),
    );
    expect(header).toBeGreaterThan(0);
    expect(cells[header]?.slice(0, 6)).toEqual([
      label('headerCustomer', lang),
      label('headerPAlive', lang),
      label('headerExpectedPurchases', lang),
      label('headerExpectedOrderValue', lang),
      label('headerClv', lang),
      label('headerSegment', lang),
    ]);
    const rows = cells.slice(header + 1, header + 1 + customers.size);
    expect(rows.map((r) => r.slice(0, 6))).toEqual(
      [...customers.values()].map((r) => [
        r[0],
        r[CLV_COLUMNS.pAlive],
        r[CLV_COLUMNS.expectedPurchases],
        r[CLV_COLUMNS.expectedOrderValue],
        r[CLV_COLUMNS.clv],
        band(r[CLV_COLUMNS.pAlive] as number, lang),
      ]),
    );

    expect(await undoLast({ io: () => sheet, store, removeSummary: env.removeSummary })).toEqual({ kind: 'undone' });
    expect(sheets.size).toBe(0);
    expect(sheet.dump()).toEqual(before);
  });
});

describe('Customer value: revenue, options and bands', () => {
  const values = orderLines('en', 36, 11);
  const base = planFor(values, 'en');

  it('Quantity × Price values the customers as the revenue column does', () => {
    const byColumn = segmentTable(base, values);
    const byProduct = segmentTable({ ...base, options: { revenueFrom: 'quantityPrice' } }, values);
    expect(byProduct.customers).toEqual(byColumn.customers);
    expect(byProduct.labels).toEqual(byColumn.labels);
  });

  it('editable bands move customers between segments exactly at the typed P(alive)', () => {
    const table = clvTable(values, 'en');
    const options = { revenueFrom: 'column' as const, values: { active_from: 0.5, lost_below: 0.2 } };
    const segmentation = segmentTable({ ...base, options }, values);
    const expected = [...valued(table).values()].map((r) => band(r[CLV_COLUMNS.pAlive] as number, 'en', 0.5, 0.2));
    expect(segmentation.customerLabels).toEqual(expected);
    expect(segmentTable(base, values).customerLabels).not.toEqual(expected);
  });

  it('passes as_of, horizon and discount to CLV_TABLE and says them in the cut-offs line', () => {
    const options = {
      revenueFrom: 'column' as const,
      values: { as_of: '2024-12-31', horizon_days: 180, annual_discount: 0.2 },
    };
    const segmentation = segmentTable({ ...base, options }, values);
    const table = formula('CLV_TABLE', [
      column(values, 2),
      column(values, 1),
      column(values, 5),
      '2024-12-31',
      180,
      0.2,
      column(values, 0),
      'en',
    ]);
    expect(segmentation.customers).toEqual(table);
    expect(segmentation.thresholds.map((t) => `${t.name} ${t.value}`)).toEqual([
      'As of 2024-12-31',
      'Horizon 180 days',
      'Annual discount 20%',
      'Active: P(alive) ≥ 0.7',
      'Likely lost: P(alive) < 0.3',
    ]);
    const vi = segmentTable(
      { ...base, lang: 'vi', options: { ...options, values: { ...options.values, lost_below: 0.25 } } },
      values,
    );
    expect(vi.thresholds.map((t) => `${t.name} ${t.value}`)).toEqual([
      'Tính đến ngày 2024-12-31',
      'Khoảng dự báo 180 ngày',
      'Chiết khấu năm 20%',
      'Đang gắn bó: Khả năng còn mua ≥ 0,7',
      'Có lẽ đã rời bỏ: Khả năng còn mua < 0,25',
    ]);
  });

  it('refuses bands out of order, in the engine (a plan may come from anywhere)', () => {
    const options = { values: { active_from: 0.3, lost_below: 0.3 } };
    expect(() => segmentTable({ ...base, options }, values)).toThrow(PanelError);
    try {
      segmentTable({ ...base, options }, values);
    } catch (error) {
      expect(PanelError.from(error)?.messageIn('vi')).toContain('Có lẽ đã rời bỏ (0.3) < Đang gắn bó (0.3)');
    }
  });

  it('a whole-call problem of the formula (fewer than 10 customers) stops the preview with its message', () => {
    const few = orderLines('en', 6, 3);
    expect(() => segmentTable(planFor(few, 'en'), few)).toThrow();
    expect(invoke('CLV_TABLE', [column(few, 2), column(few, 1), column(few, 5)]).ok).toBe(false);
  });
});

describe('Customer value in the panel’s fields', () => {
  const values = orderLines('en', 30, 5);
  const table = {
    sheetName: 'Orders',
    table: { row: 0, col: 0, rows: values.length, cols: 6 },
    headers: [...HEADERS.en],
    sample: values.slice(1, 21),
    selectedRows: [],
  };
  const choices = (options: Record<string, string> = {}) => ({
    method: 'clv' as const,
    mapping: guessMapping('clv', [...HEADERS.en], values.slice(1, 21)),
    options,
    ruleGroups: [],
    tag: '',
    outputHeader: '',
    colorRows: true,
    revenueFrom: 'column' as const,
  });

  it('offers as of, horizon, discount and the two bands, the bands starting at 0.7 and 0.3', () => {
    const fields = optionFields(CLV_METHOD);
    expect(fields.map((f) => f.param.name)).toEqual([
      'as_of',
      'horizon_days',
      'annual_discount',
      'active_from',
      'lost_below',
    ]);
    expect(fields.slice(3).map((f) => f.param.default)).toEqual([
      DEFAULT_CLV_BANDS.activeFrom,
      DEFAULT_CLV_BANDS.lostBelow,
    ]);
    const { plan, problems } = buildPlan(table, choices(), 'en');
    expect(problems).toEqual({});
    expect(plan?.options.values).toMatchObject({
      horizon_days: 365,
      annual_discount: 0.1,
      active_from: 0.7,
      lost_below: 0.3,
    });
  });

  it('checks each band (more than 0, less than 1) and the two together, in both languages', () => {
    expect(buildPlan(table, choices({ active_from: '1' }), 'en').problems).toEqual({
      active_from: 'Type a number more than 0 and less than 1.',
    });
    expect(buildPlan(table, choices({ lost_below: '0' }), 'vi').problems).toEqual({
      lost_below: 'Hãy nhập số lớn hơn 0 và nhỏ hơn 1.',
    });
    const crossed = buildPlan(table, choices({ active_from: '0,4', lost_below: '0.6' }), 'en');
    expect(crossed.plan).toBeUndefined();
    expect(crossed.problems.lost_below).toMatch(/^Likely lost must start below Active/);
    expect(buildPlan(table, choices({ active_from: '0.4', lost_below: '0.6' }), 'vi').problems.lost_below).toMatch(
      /^Mức Có lẽ đã rời bỏ phải thấp hơn mức Đang gắn bó/,
    );
    expect(buildPlan(table, choices({ active_from: '0.6', lost_below: '0.4' }), 'en').problems).toEqual({});
  });

  it('horizon and discount start at CLV_TABLE’s defaults and take exactly what the formula takes', () => {
    const fn = CATALOG_BY_NAME.get('CLV_TABLE');
    for (const { param } of optionFields(CLV_METHOD).filter((f) => !f.option.own && f.param.kind === 'number')) {
      expect(fieldDefault(param)).toBe(String(fn?.params.find((p) => p.name === param.name)?.default));
      for (const typed of ['0', '0.5', '1', '30', '365.5', '3650', '3651', '-0.5', '-1', 'abc']) {
        const panel = checkField(typed, param);
        const args: unknown[] = [column(values, 2), column(values, 1), column(values, 5), null, null, null, null, 'en'];
        args[fn?.params.findIndex((p) => p.name === param.name) ?? -1] = Number(typed);
        const accepted = typed !== 'abc' && invoke('CLV_TABLE', args).ok;
        expect('value' in panel, `${param.name} = ${typed}`).toBe(accepted);
      }
    }
  });

  it('names an exclusive lower bound as “more than”, with or without an upper one', () => {
    const help = { en: '', vi: '' };
    expect(checkField('0', param('x', 'number', help, true, { exclusiveMin: 0, max: 1 }))).toEqual({
      problem: 'numberAboveAtMost',
      values: { min: 0, max: 1 },
    });
    expect(checkField('-2', param('x', 'number', help, true, { exclusiveMin: 0 }))).toEqual({
      problem: 'numberAbove',
      values: { min: 0 },
    });
    expect(checkField('0.001', param('x', 'number', help, true, { exclusiveMin: 0 }))).toEqual({ value: 0.001 });
  });

  it('always writes its customer table on a new sheet; the other methods only when asked', () => {
    expect(writesCustomerTable('clv')).toBe(true);
    expect(writesCustomerTable('rfmOrders')).toBe(false);
  });
});

describe('Customer value’s distributions', () => {
  it('CLV in round steps up to about the 95th percentile, the largest values in one open bin', () => {
    const values = [...Array.from({ length: 95 }, (_, i) => i * 10), 5_000, 8_000, 12_000, 20_000, 50_000];
    const bins = clvHistogram(values);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(values.length);
    const open = bins.at(-1);
    expect(open?.open).toBe(true);
    expect(open?.hi).toBe(50_000);
    // What crosses the Sheets bridge as JSON comes back the same.
    expect(JSON.parse(JSON.stringify(bins))).toEqual(bins);
    expect(open?.count).toBe(values.filter((v) => v >= (open?.lo ?? 0)).length);
    const step = (bins[0]?.hi ?? 0) - (bins[0]?.lo ?? 0);
    expect([1, 2, 2.5, 5].map((m) => m * 10 ** Math.floor(Math.log10(step)))).toContain(step);
    for (const b of bins.slice(0, -1)) expect(b.count).toBe(values.filter((v) => v >= b.lo && v < b.hi).length);
    // Equal values, and none at all.
    expect(clvHistogram([7, 7, 7]).reduce((sum, b) => sum + b.count, 0)).toBe(3);
    expect(clvHistogram([])).toEqual([]);
  });

  it('P(alive) in tenths, 1 in the last', () => {
    expect(pAliveHistogram([0, 0.05, 0.1, 0.95, 1]).map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it.each(LANGS)('labels the bin edges without overlap, the open bin as ≥ (%s)', (lang) => {
    const bins = clvHistogram([...Array.from({ length: 200 }, (_, i) => i * 1_234.5), 9_999_999]);
    const layout = histogramLayout(bins, lang, formatAxisNumber);
    for (let i = 1; i < layout.edges.length; i++) expect(layout.edges[i]!.x).toBeGreaterThan(layout.edges[i - 1]!.x);
    expect(layout.edges.at(-1)?.text.startsWith('≥ ')).toBe(true);
    if (lang === 'vi') expect(layout.edges.map((e) => e.text).join(' ')).toContain('nghìn');
    expect(layout.columns.map((c) => c.count)).toEqual(bins.map((b) => formatNumber(b.count, lang)));
  });
});
