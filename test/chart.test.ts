/**
 * The preview charts (panel/Chart.tsx and panel/chart/), rendered to markup with React's server renderer: named axes
 * with ticks in the user's language, bars with names, counts and shares in the preview's order, the Pareto curve's
 * A and B sentences, the BCG scatter's log sales axis, cut lines and corner names, screen-reader text, and no text
 * estimated to run past the 300-unit view box. Also the geometry underneath: ticks, clipped ranges, label fitting.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { methodSpec } from '../core/catalog/index.js';
import { RFM_SEGMENT_LABELS } from '../core/catalog/rfm-segment.js';
import { chartOf, type Chart as ChartData } from '../core/engine/details-view.js';
import { chartColorsFor } from '../core/engine/palette.js';
import type { PreviewResult } from '../core/engine/preview.js';
import { call } from '../core/engine/table-columns.js';
import { label, type Lang } from '../core/labels.js';
import { Chart } from '../panel/Chart.js';
import { barLayout } from '../panel/chart/BarChart.js';
import { formatAxisNumber, formatAxisPercent } from '../panel/chart/chart-text.js';
import {
  axisRange,
  CHART_WIDTH,
  fittedTicks,
  logTicks,
  niceTicks,
  position,
  shorten,
  textWidth,
  wrapLabel,
} from '../panel/chart/geometry.js';
import { curveAt, paretoSentences } from '../panel/chart/ParetoChart.js';

type Count = PreviewResult['counts'][number];

function previewOf(chart: ChartData, counts: readonly Count[], unit: PreviewResult['unit'] = 'rows'): PreviewResult {
  return { rows: 0, unit, counts, usable: 1, thresholds: [], chart, problemCount: 0, problems: [], dateColumns: [] };
}

function countsOf(labels: readonly string[], order: readonly string[]): Count[] {
  const tally = new Map<string, number>();
  for (const l of labels) if (l) tally.set(l, (tally.get(l) ?? 0) + 1);
  const n = [...tally.values()].reduce((a, b) => a + b, 0);
  return order
    .filter((l) => tally.has(l))
    .map((l) => ({ label: l, count: tally.get(l) ?? 0, share: (tally.get(l) ?? 0) / n }));
}

const render = (preview: PreviewResult, lang: Lang): string =>
  renderToStaticMarkup(createElement(Chart, { preview, lang }));

const decode = (s: string): string =>
  s
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every horizontal text of an SVG (tspans on their own), with where it is anchored and its font size. */
function texts(markup: string): { x: number; anchor: string; size: number; text: string }[] {
  const svg = markup.slice(markup.indexOf('<svg'), markup.indexOf('</svg>'));
  const found: { x: number; anchor: string; size: number; text: string }[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>(.*?)<\/text>/g)) {
    const attrs = m[1] as string;
    if (attrs.includes('rotate(')) continue;
    const attr = (name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
    const size = Number(attr('font-size'));
    const anchor = attr('text-anchor') ?? 'start';
    const spans = [...(m[2] as string).matchAll(/<tspan[^>]*\sx="([^"]*)"[^>]*>(.*?)<\/tspan>/g)];
    if (spans.length)
      for (const s of spans) found.push({ x: Number(s[1]), anchor, size, text: decode(s[2] as string) });
    else found.push({ x: Number(attr('x')), anchor, size, text: decode(m[2] as string) });
  }
  return found;
}

/** Checks that no text is estimated to start before 0 or end after the view box's width. */
function expectInsideViewBox(markup: string): void {
  const all = texts(markup);
  expect(all.length).toBeGreaterThan(5);
  for (const t of all) {
    const width = textWidth(t.text, t.size);
    const start = t.anchor === 'end' ? t.x - width : t.anchor === 'middle' ? t.x - width / 2 : t.x;
    expect(start, t.text).toBeGreaterThanOrEqual(0);
    expect(start + width, t.text).toBeLessThanOrEqual(CHART_WIDTH);
  }
}

/** The hidden table's rows, as text. */
function tableRows(markup: string): string[][] {
  const body = markup.slice(markup.indexOf('<tbody>'), markup.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) =>
    [...(r[1] as string).matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => decode(c[1] as string)),
  );
}

function expectScreenReaderText(markup: string): void {
  expect(markup).toMatch(/<svg[^>]*role="img"[^>]*aria-label="[^"]{20,}"/);
  expect(markup).toMatch(/<title>[^<]+<\/title><desc>[^<]+<\/desc>/);
  expect(markup).toMatch(/<table id="[^"]+-table"[^>]*>/);
  expect(markup).toMatch(/aria-describedby="[^"]+-table"/);
}

describe('geometry', () => {
  it('makes round ticks that cover the range', () => {
    expect(niceTicks(0, 1335, 4)).toEqual([0, 500, 1000]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(-0.62, 0.87, 5)).toEqual([-0.5, -0.25, 0, 0.25, 0.5, 0.75]);
  });

  it('puts a log axis’s ticks on decades', () => {
    expect(logTicks(1.2e5, 9e10)).toEqual([1e6, 1e7, 1e8, 1e9, 1e10]);
    expect(logTicks(3, 250)).toEqual([5, 10, 20, 50, 100, 200]);
  });

  it('cuts a linear axis short of a few far values and counts them; a log axis spans all', () => {
    const values = [...Array.from({ length: 99 }, (_, i) => i + 1), 1_000_000];
    const linear = axisRange(values, 50, false);
    expect(linear.hi).toBeLessThan(200);
    expect(linear.clipped).toBe(1);
    expect(position(linear, 1_000_000)).toBe(1);
    const log = axisRange(values, 50, true);
    expect(log).toMatchObject({ lo: 1, hi: 1_000_000, log: true, clipped: 0 });
    // A cut outside the values still shows.
    expect(axisRange([1, 2, 3], 10, false).hi).toBe(10);
    expect(axisRange([], 0.2, false)).toMatchObject({ lo: -0.8, hi: 1.2 });
  });

  it('drops ticks whose labels would touch', () => {
    const range = axisRange([1e5, 9e10], 1e7, true);
    const ticks = fittedTicks(range, 5, 120, (v) => formatAxisNumber(v, 'vi'), 9, true);
    for (let i = 1; i < ticks.length; i++) {
      const gap = (position(range, ticks[i]!.value) - position(range, ticks[i - 1]!.value)) * 120;
      expect(gap).toBeGreaterThanOrEqual((textWidth(ticks[i]!.label, 9) + textWidth(ticks[i - 1]!.label, 9)) / 2);
    }
  });

  it('wraps every RFM segment name, in both languages, into two lines of the name column', () => {
    for (const lang of ['en', 'vi'] as const) {
      for (const key of RFM_SEGMENT_LABELS) {
        const lines = wrapLabel(label(key, lang), 102, 10, 2);
        expect(lines.length).toBeLessThanOrEqual(2);
        expect(lines.join(' ')).toBe(label(key, lang));
        for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(102);
      }
    }
  });

  it('shortens what does not fit, with an ellipsis', () => {
    const lines = wrapLabel('Khách hàng doanh nghiệp xây dựng quy mô rất lớn ở miền Bắc', 102, 10, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    expect(shorten('Supercalifragilisticexpialidocious', 60, 10)).toMatch(/^Super.*…$/);
  });

  it('writes axis numbers short, with the language’s digits', () => {
    expect(formatAxisNumber(1500, 'en')).toBe('1.5k');
    expect(formatAxisNumber(1500, 'vi')).toBe('1,5 nghìn');
    expect(formatAxisNumber(250_000_000, 'vi')).toBe('250 tr');
    expect(formatAxisNumber(2e9, 'en')).toBe('2B');
    expect(formatAxisNumber(0.25, 'vi')).toBe('0,25');
    expect(formatAxisPercent(-0.25, 'vi')).toBe('-25%');
    expect(formatAxisPercent(0.025, 'en')).toBe('2.5%');
  });
});

describe('bars', () => {
  const rfm = (lang: Lang): Count[] => {
    const counts = RFM_SEGMENT_LABELS.map((key, i) => ({ label: label(key, lang), count: 40 + i * 131, share: 0 }));
    const total = counts.reduce((s, c) => s + c.count, 0);
    return counts.map((c) => ({ ...c, share: c.count / total }));
  };

  for (const lang of ['en', 'vi'] as const) {
    it(`names all 11 RFM segments with counts and shares, in the preview’s order, inside 300 px (${lang})`, () => {
      const counts = rfm(lang);
      const markup = render(previewOf({ kind: 'bars' }, counts, 'customers'), lang);
      expectInsideViewBox(markup);
      expectScreenReaderText(markup);
      const bars = [...markup.matchAll(/data-bar="([^"]*)"/g)].map((m) => decode(m[1] as string));
      expect(bars).toEqual(counts.map((c) => c.label));
      const shown = texts(markup).map((t) => t.text);
      const last = counts[10] as Count;
      expect(shown).toContain(lang === 'en' ? '1,350 · 17.7%' : '1.350 · 17,7%');
      expect(last.count).toBe(1350);
      expect(shown).toContain(lang === 'en' ? 'Customers' : 'Số khách hàng');
      expect(tableRows(markup)).toHaveLength(11);
      expect(tableRows(markup)[0]).toEqual([counts[0]!.label, '40', lang === 'en' ? '0.5%' : '0,5%']);
    });
  }

  it('colours each bar with the segment’s fixed chart colour', () => {
    const counts = rfm('en');
    const markup = render(previewOf({ kind: 'bars' }, counts), 'en');
    const colors = chartColorsFor(counts.map((c) => c.label));
    const champions = /data-bar="Champions">.*?<rect[^>]*fill="([^"]+)"/.exec(markup)?.[1];
    expect(champions).toBe(colors.get('Champions'));
  });

  it('keeps a count axis of whole numbers for small counts, and fits a million rows', () => {
    const small = barLayout([{ label: 'Tag', count: 3, share: 1 }], 'en');
    expect(small.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3]);
    const big = previewOf({ kind: 'bars' }, [
      { label: 'Nhóm rủi ro', count: 1_048_575, share: 0.999999 },
      { label: 'Không thuộc nhóm nào', count: 1, share: 0.000001 },
    ]);
    expectInsideViewBox(render(big, 'vi'));
  });
});

describe('Pareto curve', () => {
  const chart: Extract<ChartData, { kind: 'pareto' }> = {
    kind: 'pareto',
    points: [
      [0.1, 0.55],
      [0.26, 0.8],
      [0.5, 0.95],
      [0.8, 0.99],
      [1, 1],
    ],
    aEnd: [0.26, 0.8],
    bEnd: [0.5, 0.95],
  };

  it('says where A and B end, in each language', () => {
    expect(paretoSentences(chart, 'en')).toEqual([
      'A: 26% of customers → 80% of revenue',
      'A + B: 50% of customers → 95% of revenue',
    ]);
    expect(paretoSentences(chart, 'vi')).toEqual([
      'A: 26% khách hàng → 80% doanh thu',
      'A + B: 50% khách hàng → 95% doanh thu',
    ]);
  });

  for (const lang of ['en', 'vi'] as const) {
    it(`has 0–100 % ticks on both axes, both axis names, the cut points, inside 300 px (${lang})`, () => {
      const markup = render(previewOf(chart, []), lang);
      expectInsideViewBox(markup);
      expectScreenReaderText(markup);
      const shown = texts(markup).map((t) => t.text);
      for (const tick of ['0%', '25%', '50%', '75%', '100%']) expect(shown.filter((s) => s === tick)).toHaveLength(2);
      expect(shown).toEqual(expect.arrayContaining(paretoSentences(chart, lang)));
      expect(markup).toContain(
        lang === 'en' ? 'Share of customers, largest first' : 'Tỷ lệ khách hàng, lớn nhất trước',
      );
      expect(markup).toContain('data-cut="A"');
      expect(markup).toContain('data-cut="A + B"');
      expect(tableRows(markup)[0]).toEqual([
        lang === 'en' ? 'A: 26.0%' : 'A: 26,0%',
        lang === 'en' ? '80.0%' : '80,0%',
      ]);
    });
  }

  it('reads the curve between its points', () => {
    expect(curveAt(chart.points, 0.05)).toBeCloseTo(0.275, 12);
    expect(curveAt(chart.points, 0.26)).toBeCloseTo(0.8, 12);
    expect(curveAt(chart.points, 1)).toBe(1);
  });
});

describe('quadrant scatter', () => {
  /** Sales and growth of n customers: log-normal sales with one customer 1,000 times the typical one. */
  function customers(n: number): { sales: number[]; growth: number[] } {
    let seed = 11;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const normal = (): number => Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
    const sales = Array.from({ length: n }, () => Math.round(Math.exp(17 + normal())));
    sales[3] = 2.4e10;
    return { sales, growth: Array.from({ length: n }, () => Math.round((normal() * 0.3 + 0.05) * 1000) / 1000) };
  }

  function scatter(method: 'bcg' | 'priority', xs: number[], ys: number[], lang: Lang): PreviewResult {
    const details: Parameters<typeof chartOf>[0][number][] = [];
    const fn = method === 'bcg' ? 'BCG_QUADRANT' : 'PRIORITY_QUADRANT';
    const column = (values: number[]) => values.map((v) => [v]);
    const answers = call(fn, [column(xs), column(ys), null, null, lang], (d) => details.push(d)).map((r) =>
      String(r[0]),
    );
    const spec = methodSpec(method);
    const chart = chartOf(
      details,
      xs.map((x, i) => [x, ys[i] as number, answers[i] as string] as const),
      spec,
      lang,
    );
    return previewOf(
      chart,
      countsOf(
        answers,
        (spec.labels ?? []).map((k) => label(k, lang)),
      ),
    );
  }

  it('names each corner with the quadrant the function gives the rows there', () => {
    for (const method of ['bcg', 'priority'] as const) {
      for (const lang of ['en', 'vi'] as const) {
        // Cuts are the medians (5 and 5): the four rows sit in the four corners.
        const xs = [9, 9, 1, 1, 5];
        const ys = [9, 1, 9, 1, 5];
        const { chart } = scatter(method, xs, ys, lang);
        const answers = call(method === 'bcg' ? 'BCG_QUADRANT' : 'PRIORITY_QUADRANT', [
          xs.map((v) => [v]),
          ys.map((v) => [v]),
          null,
          null,
          lang,
        ]).map((r) => r[0]);
        if (chart.kind !== 'scatter') throw new Error(chart.kind);
        expect(chart.corners).toEqual({
          highHigh: answers[0],
          highLow: answers[1],
          lowHigh: answers[2],
          lowLow: answers[3],
        });
      }
    }
  });

  for (const lang of ['en', 'vi'] as const) {
    it(`draws a skewed sales column on a log axis, with axis names, cut lines and corner names (${lang})`, () => {
      const { sales, growth } = customers(600);
      const preview = scatter('bcg', sales, growth, lang);
      const { chart } = preview;
      if (chart.kind !== 'scatter') throw new Error(chart.kind);
      expect(chart.x).toEqual({ name: lang === 'en' ? 'Sales' : 'Doanh số', percent: false, log: true });
      expect(chart.y).toEqual({ name: lang === 'en' ? 'Growth' : 'Tăng trưởng', percent: true, log: false });
      const markup = render(preview, lang);
      expectInsideViewBox(markup);
      expectScreenReaderText(markup);
      const shown = texts(markup).map((t) => t.text);
      expect(shown).toContain(lang === 'en' ? 'Sales (log scale)' : 'Doanh số (thang log)');
      expect(markup).toContain(lang === 'en' ? '>Growth</text>' : '>Tăng trưởng</text>');
      expect(shown).toContain(lang === 'en' ? '10M' : '10 tr');
      expect(shown.some((s) => /^-?\d+%$/.test(s))).toBe(true);
      for (const corner of Object.values(chart.corners)) expect(shown).toContain(corner);
      expect(markup).toContain(`data-corner="highHigh"`);
      expect(/data-corner="highHigh".*?<\/g>/.exec(markup)?.[0]).toContain(chart.corners.highHigh);
      expect(markup).toContain('data-cut="x"');
      expect(markup).toContain('data-cut="y"');
      expect(markup.match(/<circle[^>]*r="2.6"/g)).toHaveLength(600);
      // The table: four quadrants and the two cuts, growth's as a percentage.
      const rows = tableRows(markup);
      expect(rows).toHaveLength(6);
      expect(rows[5]?.[1]).toMatch(lang === 'en' ? /^-?\d+(\.\d+)?%$/ : /^-?\d+(,\d+)?%$/);
    });
  }

  it('keeps a linear axis and says how many far values are drawn at its edge', () => {
    const xs = Array.from({ length: 100 }, (_, i) => (i % 10) + 1);
    const ys = Array.from({ length: 100 }, (_, i) => (i * 7) % 10);
    ys[0] = 900;
    const preview = scatter('priority', xs, ys, 'vi');
    if (preview.chart.kind !== 'scatter') throw new Error(preview.chart.kind);
    expect(preview.chart.x.log).toBe(false);
    expect(preview.chart.y.log).toBe(false);
    const markup = render(preview, 'vi');
    expect(markup).toContain('Một điểm nằm ngoài trục Khả năng thực hiện, được vẽ ở mép trục.');
    expectInsideViewBox(markup);
  });
});
