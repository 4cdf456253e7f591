/**
 * CLV_TABLE and CLV_MODEL through the catalog (issue 18, item 2): the published CDNOW fits from order lines built by
 * the summary's definitions, each column against the model functions and the contract's formulas, bad input per the
 * conventions (too few customers, no repeat purchase, all-returns customers, lines after as_of, unreadable lines, fits
 * that do not converge), labels in both languages, and the properties: row order changes nothing, a more recent last
 * purchase never lowers P(alive), doubling every revenue doubles the expected order value and the CLV.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG_BY_NAME, invoke, isProblem, isoToSerial, type OutCell, type OutGrid } from '../core/index.js';
import { CLV_DEFAULT_ANNUAL_DISCOUNT, CLV_DEFAULT_HORIZON_DAYS, CLV_MAX_HORIZON_DAYS } from '../core/catalog/clv.js';
import {
  expectedPurchases,
  fitBgnbd,
  probabilityAlive,
  type BgNbdFitted,
  type BgNbdParams,
} from '../core/methods/bgnbd.js';
import { fitGammaGamma, type GammaGammaParams } from '../core/methods/gamma-gamma.js';
import { seededRandom } from '../core/numeric/random.js';
import { CDNOW_AS_OF, cdnowCustomers, cdnowLines, type CdnowCustomer, type SerialLines } from './clv-cdnow.js';
import { col, failure, run, show } from './helpers.js';

const HEADER = [
  'Customer',
  'First purchase',
  'Last purchase',
  'Repeat purchases',
  'Age (days)',
  'P(alive)',
  'Expected purchases',
  'Expected order value',
  'CLV',
];

function expectRelative(got: unknown, want: number, tolerance: number): void {
  expect(typeof got).toBe('number');
  expect(Math.abs((got as number) - want), `${String(got)} vs ${want}`).toBeLessThanOrEqual(tolerance * Math.abs(want));
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const args = (l: SerialLines, ...rest: unknown[]): unknown[] => [
  col(l.customers),
  col(l.dates),
  col(l.revenues),
  ...rest,
];

/** CLV_MODEL's table as a record by parameter name. */
function model(grid: OutGrid): Record<string, number> {
  expect(grid[0]).toEqual(['Parameter', 'Value']);
  return Object.fromEntries(grid.slice(1, 12).map((row) => [row[0] as string, row[1] as number]));
}

const bgOf = (m: Record<string, number>): BgNbdParams => ({
  r: m.r as number,
  alpha: m['alpha (days)'] as number,
  a: m.a as number,
  b: m.b as number,
});
const ggOf = (m: Record<string, number>): GammaGammaParams => ({
  p: m.p as number,
  q: m.q as number,
  gamma: m.gamma as number,
});

const customers = once(cdnowCustomers);
const lines = once(() => cdnowLines(customers()));
const cdnowModel = once(() => model(run('CLV_MODEL', args(lines()))));
const cdnowTable = once(() => run('CLV_TABLE', args(lines())));
/** The BG/NBD fit in weeks of the very days the lines hold (days / 7). */
const weeklyOfDays = once(() => {
  const cs = customers();
  const fit = fitBgnbd({ x: cs.map((c) => c.x), tx: cs.map((c) => c.txDays / 7), T: cs.map((c) => c.tDays / 7) });
  if (fit.kind !== 'fitted') throw new Error(JSON.stringify(fit));
  return fit;
});
/** The BG/NBD fit of the summary as published, in weeks. */
const weeklySummary = once(() => {
  const cs = customers();
  return fitBgnbd({ x: cs.map((c) => c.x), tx: cs.map((c) => c.txWeeks), T: cs.map((c) => c.tWeeks) }) as BgNbdFitted;
});

describe('CLV_MODEL on order lines built from the CDNOW summary', () => {
  it('gives α in days 7 times the weekly α, and r, a, b unchanged', () => {
    const m = cdnowModel();
    const weekly = weeklyOfDays().params;
    expectRelative(m['alpha (days)'], 7 * weekly.alpha, 1e-6);
    expectRelative(m.r, weekly.r, 1e-6);
    expectRelative(m.a, weekly.a, 1e-6);
    expectRelative(m.b, weekly.b, 1e-6);
    // the summary's own weeks (rounded to 2 decimals, so 0.03 day off whole days): the same fit to 1e-4
    const summary = weeklySummary().params;
    expectRelative(m['alpha (days)'], 7 * summary.alpha, 1e-4);
    for (const key of ['r', 'a', 'b'] as const) expectRelative(m[key], summary[key], 1e-4);
  });

  it('reproduces the published fits: r 0.243, α 4.414 weeks (30.90 days), a 0.793, b 2.426; p 6.25, q 3.74, γ 15.44', () => {
    const m = cdnowModel();
    expectRelative(m.r, 0.243, 0.005);
    expectRelative(m['alpha (days)'], 30.9, 0.005);
    expectRelative(m.a, 0.793, 0.005);
    expectRelative(m.b, 2.426, 0.005);
    expectRelative(m.p, 6.25, 0.005);
    expectRelative(m.q, 3.74, 0.005);
    expectRelative(m.gamma, 15.44, 0.005);
    expect(m.customers).toBe(2357);
    expect(m['customers with repeat purchases']).toBe(946);
  });

  it('gives the log-likelihoods of the data in days and of the mean repeat values', () => {
    const m = cdnowModel();
    const cs = customers();
    const repeats = cs.reduce((s, c) => s + c.x, 0);
    // Each of the Σx purchase times is a density in 1/time: ln L(days) = ln L(weeks) − Σx · ln 7.
    expectRelative(m['BG/NBD log-likelihood'], weeklyOfDays().logLikelihood - repeats * Math.log(7), 1e-9);
    const withRepeat = cs.filter((c) => c.x > 0);
    const gg = fitGammaGamma({ x: withRepeat.map((c) => c.x), meanValue: withRepeat.map((c) => c.zbar) });
    if (gg.kind !== 'fitted') throw new Error(JSON.stringify(gg));
    expectRelative(m['Gamma-Gamma log-likelihood'], gg.logLikelihood, 1e-9);
    for (const key of ['p', 'q', 'gamma'] as const) expectRelative(m[key], gg.params[key], 1e-6);
  });
});

describe('CLV_TABLE on the same lines', () => {
  /** Sum over months of the contract, written out again from E[Y(t)]. */
  function contractClv(bg: BgNbdParams, c: CdnowCustomer, value: number, horizon: number, discount: number): number {
    let clv = 0;
    for (let k = 1; k <= Math.ceil(horizon / 30); k++) {
      const step =
        expectedPurchases(bg, c.x, c.txDays, c.tDays, Math.min(30 * k, horizon)) -
        expectedPurchases(bg, c.x, c.txDays, c.tDays, 30 * (k - 1));
      clv += (step * value) / (1 + discount) ** (k / 12);
    }
    return clv;
  }

  it('spills a header and one row per customer, each column as the contract defines it', () => {
    const grid = cdnowTable();
    const m = cdnowModel();
    const bg = bgOf(m);
    const gg = ggOf(m);
    expect(grid[0]).toEqual(HEADER);
    expect(grid).toHaveLength(2358);
    const cs = customers();
    for (const i of [0, 1, 2, 17, 1000, 2356]) {
      const c = cs[i] as CdnowCustomer;
      const row = grid[i + 1] as OutCell[];
      const first = CDNOW_AS_OF - c.tDays;
      expect(row.slice(0, 5)).toEqual([
        c.id,
        { kind: 'date', serial: first },
        { kind: 'date', serial: first + (c.x > 0 ? c.txDays : 0) },
        c.x,
        c.tDays,
      ]);
      expectRelative(row[5], probabilityAlive(bg, c.x, c.txDays, c.tDays), 1e-12);
      expectRelative(row[6], expectedPurchases(bg, c.x, c.txDays, c.tDays, 365), 1e-12);
      const value =
        c.x > 0 ? (gg.p * (gg.gamma + c.x * c.zbar)) / (gg.p * c.x + gg.q - 1) : (gg.p * gg.gamma) / (gg.q - 1);
      expectRelative(row[7], value, 1e-12);
      expectRelative(row[8], contractClv(bg, c, value, 365, 0.1), 1e-12);
    }
  });

  it('is the call with the defaults (365 days, 10 %) when they are left out; no discount telescopes to E[Y(H)] × value', () => {
    const l = lines();
    expect(run('CLV_TABLE', args(l, null, 365, 0.1))).toEqual(cdnowTable());
    const grid = run('CLV_TABLE', args(l, CDNOW_AS_OF, 730, 0));
    for (const row of grid.slice(1, 40)) expectRelative(row[8], (row[6] as number) * (row[7] as number), 1e-12);
  });

  it('says the header in Vietnamese with lang "vi"', () => {
    expect(run('CLV_TABLE', args(lines(), null, null, null, null, 'vi'))[0]).toEqual([
      'Khách hàng',
      'Lần mua đầu',
      'Lần mua cuối',
      'Số lần mua lại',
      'Số ngày từ lần mua đầu',
      'Khả năng còn mua',
      'Số lần mua dự kiến',
      'Giá trị đơn dự kiến',
      'Giá trị vòng đời',
    ]);
  });
});

/**
 * A seeded population of `n` customers over 300 days, as order lines: first purchases on 12 possible days (so many
 * customers share an age), purchase rates and dropout probabilities that differ widely between customers, two lines
 * on some days, order values around a customer's own mean.
 */
function population(seed: number, n = 300): SerialLines {
  const random = seededRandom(seed);
  const start = isoToSerial('2024-01-01') as number;
  const l: SerialLines = { customers: [], dates: [], revenues: [] };
  for (let c = 0; c < n; c++) {
    let day = start + 10 * Math.floor(random() * 12);
    const rate = (0.05 + 4 * random() ** 3) / 30;
    const drop = 0.7 * random() ** 2;
    const mean = 20 + Math.round(200 * random() ** 2);
    while (day <= start + 300) {
      const lineCount = random() < 0.2 ? 2 : 1;
      for (let k = 0; k < lineCount; k++) {
        l.customers.push(`K${c}`);
        l.dates.push(day);
        l.revenues.push(Math.max(1, Math.round(mean * (0.5 + random()))));
      }
      if (random() < drop) break;
      day += Math.max(1, Math.round(-Math.log(1 - random()) / rate));
    }
  }
  return l;
}
const AS_OF = (isoToSerial('2024-01-01') as number) + 300;

/**
 * Whether both models fit these lines. About 1 in 60 of these populations has its maximum likelihood at a boundary
 * (a parameter going to infinity: the fit says it did not converge); the properties are about fitted answers.
 */
const fits = (l: SerialLines): boolean => invoke('CLV_MODEL', args(l, AS_OF)).ok;

const permuted = (l: SerialLines, order: readonly number[]): SerialLines => ({
  customers: order.map((i) => l.customers[i] as string),
  dates: order.map((i) => l.dates[i] as number),
  revenues: order.map((i) => l.revenues[i] as number),
});

function shuffle(n: number, seed: number): number[] {
  const random = seededRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

const byCustomer = (grid: OutGrid): Map<string, OutCell[]> =>
  new Map(grid.slice(1).map((row) => [row[0] as string, row]));

describe('properties of CLV_TABLE and CLV_MODEL', () => {
  it('row order changes nothing: the same rows per customer and the same parameters to 1e-9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer(), (seed, order) => {
        const l = population(seed);
        fc.pre(fits(l));
        const shuffled = permuted(l, shuffle(l.customers.length, order));
        const m = model(run('CLV_MODEL', args(l, AS_OF)));
        const ms = model(run('CLV_MODEL', args(shuffled, AS_OF)));
        for (const key of Object.keys(m)) expectRelative(ms[key], m[key] as number, 1e-9);
        const rows = byCustomer(run('CLV_TABLE', args(l, AS_OF)));
        const rowsShuffled = byCustomer(run('CLV_TABLE', args(shuffled, AS_OF)));
        expect([...rowsShuffled.keys()].sort()).toEqual([...rows.keys()].sort());
        for (const [id, row] of rows) {
          const other = rowsShuffled.get(id) as OutCell[];
          expect(other.slice(0, 5)).toEqual(row.slice(0, 5));
          for (let j = 5; j < 9; j++) expectRelative(other[j], row[j] as number, 1e-9);
        }
      }),
      { numRuns: 6 },
    );
  });

  it('a more recent last purchase never lowers P(alive) (one fit: same repeat purchases and age)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const l = population(seed);
        fc.pre(fits(l));
        const grid = run('CLV_TABLE', args(l, AS_OF)).slice(1);
        let pairs = 0;
        for (const a of grid) {
          for (const b of grid) {
            if (a[3] !== b[3] || a[4] !== b[4] || a[3] === 0) continue;
            const lastA = (a[2] as { serial: number }).serial;
            const lastB = (b[2] as { serial: number }).serial;
            if (lastA < lastB) {
              pairs++;
              expect(b[5] as number).toBeGreaterThanOrEqual(a[5] as number);
            }
          }
        }
        expect(pairs).toBeGreaterThan(0);
      }),
      { numRuns: 5 },
    );
  });

  it('a more recent last purchase never lowers P(alive) (the model, any parameters)', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.01, max: 20, noNaN: true }),
          alpha: fc.double({ min: 0.01, max: 1000, noNaN: true }),
          a: fc.double({ min: 0.01, max: 20, noNaN: true }),
          b: fc.double({ min: 0.01, max: 20, noNaN: true }),
        }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (params, x, t1, t2, t) => {
          const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const T = Math.max(late, t);
          expect(probabilityAlive(params, x, late, T)).toBeGreaterThanOrEqual(probabilityAlive(params, x, early, T));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a later last purchase of one CDNOW customer, refitted, does not lower that customer’s P(alive)', () => {
    const cs = customers();
    const before = cdnowTable();
    const chosen = cs.flatMap((c, i) => (c.x > 0 && c.txDays + 30 <= c.tDays ? [i] : [])).slice(0, 3);
    expect(chosen).toHaveLength(3);
    for (const i of chosen) {
      const moved = cs.map((d, j) => (j === i ? { ...d, txDays: d.txDays + 30 } : d));
      const after = run('CLV_TABLE', args(cdnowLines(moved)));
      expect((after[i + 1] as OutCell[])[5]).toBeGreaterThan((before[i + 1] as OutCell[])[5] as number);
    }
  });

  it('doubling every revenue doubles the expected order value and the CLV, exactly, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const l = population(seed);
        fc.pre(fits(l));
        const doubled = { ...l, revenues: l.revenues.map((v) => 2 * v) };
        const once_ = run('CLV_TABLE', args(l, AS_OF));
        const twice = run('CLV_TABLE', args(doubled, AS_OF));
        expect(twice).toHaveLength(once_.length);
        once_.slice(1).forEach((row, i) => {
          const other = twice[i + 1] as OutCell[];
          expect(other.slice(0, 7)).toEqual(row.slice(0, 7));
          expect(other[7]).toBe(2 * (row[7] as number));
          expect(other[8]).toBe(2 * (row[8] as number));
        });
        const m = model(run('CLV_MODEL', args(l, AS_OF)));
        const m2 = model(run('CLV_MODEL', args(doubled, AS_OF)));
        expect([m2.p, m2.q, m2.gamma]).toEqual([m.p, m.q, 2 * (m.gamma as number)]);
      }),
      { numRuns: 5 },
    );
  });
});

describe('bad input, per the conventions', () => {
  const small = (customersCount: number, repeat: boolean): SerialLines => {
    const l: SerialLines = { customers: [], dates: [], revenues: [] };
    for (let c = 0; c < customersCount; c++) {
      const days = repeat ? [0, 10 + c] : [0, 0];
      for (const d of days) {
        l.customers.push(`K${c}`);
        l.dates.push(45_000 + c + d);
        l.revenues.push(100 + c);
      }
    }
    return l;
  };

  it('fewer than 10 customers with a purchase: a whole-call problem that says so, in the call’s language', () => {
    for (const fn of ['CLV_TABLE', 'CLV_MODEL']) {
      expect(failure(fn, args(small(9, true)))).toBe(
        'the lifetime-value models need at least 10 customers with a purchase up to as_of; the lines have 9: give the order lines of more customers',
      );
    }
    const vi = invoke('CLV_TABLE', args(small(9, true), null, null, null, null, 'vi'));
    expect(vi.ok ? '' : vi.error.messageIn(vi.lang)).toBe(
      'mô hình giá trị vòng đời cần ít nhất 10 khách hàng có mua hàng đến ngày as_of; dữ liệu chỉ có 9: hãy đưa vào dòng đơn hàng của nhiều khách hàng hơn',
    );
  });

  it('no repeat purchase at all (two purchases on one day are one occasion): a whole-call problem', () => {
    for (const fn of ['CLV_TABLE', 'CLV_MODEL']) {
      expect(failure(fn, args(small(12, false)))).toBe(
        'none of the 12 customers bought on two different days up to as_of, so how often customers come back cannot be estimated: give order lines over a longer period',
      );
    }
  });

  it('customers with returns only (or a 0 line) have no occasion: blank model columns, not in the fit', () => {
    const l = population(5);
    const withReturns: SerialLines = {
      customers: ['Ret', ...l.customers, 'Ret', 'Zero'],
      dates: [45_300, ...l.dates, 45_301, 45_302],
      revenues: [-50, ...l.revenues, -20, 0],
    };
    const grid = run('CLV_TABLE', args(withReturns, AS_OF));
    expect(grid[1]).toEqual(['Ret', '', '', '', '', '', '', '', '']);
    expect(grid.at(-1)).toEqual(['Zero', '', '', '', '', '', '', '', '']);
    expect(grid.slice(2, -1)).toEqual(run('CLV_TABLE', args(l, AS_OF)).slice(1));
    expect(model(run('CLV_MODEL', args(withReturns, AS_OF)))).toEqual(model(run('CLV_MODEL', args(l, AS_OF))));
  });

  it('a return nets inside its order (order_ids) but is never an occasion of its own', () => {
    const l = population(6);
    const ids = l.customers.map((_, i) => `O${i}`);
    // a cancellation of K0's first order on a later day: K0 keeps its occasions
    const withCancel = {
      customers: [...l.customers, 'K0'],
      dates: [...l.dates, AS_OF],
      revenues: [...l.revenues, -(l.revenues[0] as number)],
    };
    const grid = run('CLV_TABLE', [...args(withCancel, AS_OF, null, null), col([...ids, 'C1'])]);
    expect(grid.slice(1)).toEqual(run('CLV_TABLE', [...args(l, AS_OF, null, null), col(ids)]).slice(1));
  });

  it('lines after as_of are left out and reported in a final row; their customers keep their earlier lines', () => {
    const l = population(7);
    const late = {
      customers: [...l.customers, 'K1', 'K2', 'Later'],
      dates: [...l.dates, AS_OF + 1, AS_OF + 40, AS_OF + 2],
      revenues: [...l.revenues, 10, 20, 30],
    };
    const n = l.customers.length;
    const grid = run('CLV_TABLE', args(late, AS_OF));
    const plain = run('CLV_TABLE', args(l, AS_OF));
    expect(grid.slice(0, plain.length)).toEqual(plain);
    expect(grid[plain.length]).toEqual(['Later', '', '', '', '', '', '', '', '']);
    expect(grid.slice(plain.length + 1).map((row) => row.map(show))).toEqual([
      [
        `#VALUE! 3 line(s) after as_of left out: order_dates, row ${n + 1} of the range: the date 2024-10-28 is after as_of (2024-10-27); order_dates, row ${n + 2} of the range: the date 2024-12-06 is after as_of (2024-10-27); order_dates, row ${n + 3} of the range: the date 2024-10-29 is after as_of (2024-10-27). The models observe customers up to as_of only: leave as_of blank or give a later one to use these lines`,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ]);
    const m = run('CLV_MODEL', args(late, AS_OF));
    expect(model(m)).toEqual(model(run('CLV_MODEL', args(l, AS_OF))));
    expect(m).toHaveLength(13);
    expect(show((m[12] as OutCell[])[0] as OutCell)).toMatch(/^#VALUE! 3 line\(s\) after as_of left out: /);
  });

  it('a line that cannot be read leaves its customer out of the fit, with the problem in its row; no customer: final row', () => {
    const l = population(8);
    const bad = {
      customers: [...l.customers, 'K3', ''],
      dates: [...l.dates, 'soon', 45_500] as unknown[],
      revenues: [...l.revenues, 10, 10],
    };
    const n = l.customers.length;
    const grid = run('CLV_TABLE', [col(bad.customers), col(bad.dates), col(bad.revenues), AS_OF]);
    const k3 = grid.findIndex((row) => row[0] === 'K3');
    expect(grid[k3]?.map(show)).toEqual([
      'K3',
      `#VALUE! 1 line(s) left out: order_dates, row ${n + 1} of the range: "soon" is not a date: use a date cell, or text such as 2024-05-31, 20240531 or 31/05/2024`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(show((grid.at(-1) as OutCell[])[0] as OutCell)).toBe(
      `#VALUE! 1 line(s) left out: customers, row ${n + 2} of the range: the cell is blank but the rest of the line is filled`,
    );
    // the fit is the fit without K3
    const withoutK3 = permuted(
      l,
      l.customers.flatMap((c, i) => (c === 'K3' ? [] : [i])),
    );
    const m = run('CLV_MODEL', [col(bad.customers), col(bad.dates), col(bad.revenues), AS_OF]);
    const fitted = model(m);
    const reference = model(run('CLV_MODEL', args(withoutK3, AS_OF)));
    for (const key of Object.keys(reference)) expectRelative(fitted[key], reference[key] as number, 1e-9);
    expect(show((m[12] as OutCell[])[0] as OutCell)).toBe(
      `#VALUE! 2 line(s) left out: order_dates, row ${n + 1} of the range: "soon" is not a date: use a date cell, or text such as 2024-05-31, 20240531 or 31/05/2024; customers, row ${n + 2} of the range: the cell is blank but the rest of the line is filled; their 1 customer(s) are left out of the fit: correct those cells to include them`,
    );
  });

  it('a purchase model that does not converge says so (identical, perfectly regular buyers)', () => {
    const l: SerialLines = { customers: [], dates: [], revenues: [] };
    for (let c = 0; c < 12; c++) {
      for (let k = 0; k < 6; k++) {
        l.customers.push(`K${c}`);
        l.dates.push(45_000 + 30 * k);
        l.revenues.push(100 + k);
      }
    }
    // The optimiser's reason (iterations, lineSearch, …) is an internal code: it stays out of the message.
    expect(failure('CLV_TABLE', args(l))).toBe(
      'the BG/NBD model did not converge on these customers, so it gives no numbers: its best fit may lie at a limit, as when customers never stop buying or all spend exactly the same; check the dates, revenues and as_of, or give the order lines of more customers',
    );
    const vi = invoke('CLV_TABLE', args(l, null, null, null, null, 'vi'));
    expect(vi.ok ? '' : vi.error.messageIn(vi.lang)).toBe(
      'mô hình BG/NBD không hội tụ trên các khách hàng này nên không cho kết quả: điểm khớp tốt nhất có thể nằm ở giới hạn, như khi khách hàng không bao giờ ngừng mua hoặc mọi khách chi tiêu đúng như nhau; hãy kiểm tra ngày, doanh thu và as_of, hoặc đưa vào dòng đơn hàng của nhiều khách hàng hơn',
    );
  });

  it('a spend model whose mean is infinite (q ≤ 1, simulated with q = 0.6) says so', () => {
    const random = seededRandom(3);
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    // Marsaglia and Tsang's gamma variate
    const gamma = (shape: number): number => {
      if (shape < 1) return gamma(shape + 1) * random() ** (1 / shape);
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        let x: number;
        let v: number;
        do {
          x = normal();
          v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        if (Math.log(random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
      }
    };
    // ν ~ Gamma(q = 0.6, γ = 15) per customer, the mean repeat value ~ Gamma(p·x, ν·x) with p = 6
    const heavy = customers().map((c) => ({
      ...c,
      zbar: c.x > 0 ? Math.max(1, Math.round(gamma(6 * c.x) / ((gamma(0.6) / 15) * c.x))) : 0,
    }));
    expect(failure('CLV_MODEL', args(cdnowLines(heavy)))).toMatch(
      /^the spend model \(Gamma-Gamma\) fits q = 0\.\d+, not above 1, under which the expected order value is infinite: spend varies too much between customers; check the largest revenues \(a wholesale order, a typing error\) or leave them out$/,
    );
  });

  it('states its defaults and limits once, in the parameters', () => {
    const param = (name: string) => CATALOG_BY_NAME.get('CLV_TABLE')?.params.find((p) => p.name === name);
    expect(param('horizon_days')).toMatchObject({
      default: CLV_DEFAULT_HORIZON_DAYS,
      min: 1,
      max: CLV_MAX_HORIZON_DAYS,
      integer: true,
    });
    expect(param('annual_discount')).toMatchObject({ default: CLV_DEFAULT_ANNUAL_DISCOUNT, min: 0, max: 1 });
    expect(CATALOG_BY_NAME.get('CLV_MODEL')?.params.map((p) => p.name)).toEqual([
      'customers',
      'order_dates',
      'revenues',
      'as_of',
      'order_ids',
    ]);
  });

  it('checks horizon_days and annual_discount against their limits', () => {
    const l = lines();
    expect(failure('CLV_TABLE', args(l, null, 0))).toBe('horizon_days must be between 1 and 3650; it is 0');
    expect(failure('CLV_TABLE', args(l, null, 30.5))).toBe('horizon_days must be a whole number; it is 30.5');
    expect(failure('CLV_TABLE', args(l, null, null, 1.5))).toBe('annual_discount must be between 0 and 1; it is 1.5');
  });
});

describe('answers are numbers or problems, never a silent NaN', () => {
  it('every model cell of the CDNOW table is a finite number, P(alive) in [0, 1]', () => {
    for (const row of cdnowTable().slice(1)) {
      for (const cell of row.slice(3)) expect(!isProblem(cell) && Number.isFinite(cell)).toBe(true);
      expect(row[5] as number).toBeGreaterThanOrEqual(0);
      expect(row[5] as number).toBeLessThanOrEqual(1);
    }
  });
});
