/**
 * The catalog's parameters as data (issue 15): every limit is checked by invoke with its rule's message, the
 * defaults are the methods' constants, the help states them in both languages; and the details a function reports
 * beside its answers are exactly what the answers were made with.
 */
import { describe, expect, it } from 'vitest';
import {
  CATALOG,
  CATALOG_BY_NAME,
  invoke,
  isoToSerial,
  paramHelp,
  type FunctionDetails,
  type FunctionSpec,
  type Lang,
  type OutGrid,
  type ParamSpec,
} from '../core/index.js';
import { checkArgument } from '../core/catalog/check.js';
import { ABC_DEFAULT_SHARES } from '../core/methods/abc.js';
import { KMEANS_DEFAULT_SEED } from '../core/methods/kmeans.js';
import { DEFAULT_SETTINGS } from '../core/methods/lifecycle.js';
import { DEFAULT_BINS, MAX_BINS, MIN_BINS } from '../core/methods/rfm.js';
import { TIER_DEFAULT_SHARES } from '../core/methods/tier.js';
import { XYZ_DEFAULT_CUTS } from '../core/methods/xyz.js';
import { col, flat, run } from './helpers.js';

const param = (fn: string, name: string): ParamSpec => {
  const p = CATALOG_BY_NAME.get(fn)?.params.find((q) => q.name === name);
  if (!p) throw new Error(`${fn} has no parameter ${name}`);
  return p;
};

/** The whole-call problem of a call, in both languages. */
function messages(fn: string, args: readonly unknown[]): Record<Lang, string> {
  const result = invoke(fn, args);
  if (result.ok) throw new Error(`${fn} was expected to fail but returned ${JSON.stringify(result.grid)}`);
  return { en: result.error.messageIn('en'), vi: result.error.messageIn('vi') };
}

/** Arguments that fill every required parameter with one cell, and `p` with `value`. */
function argsWith(spec: FunctionSpec, p: ParamSpec, value: unknown): unknown[] {
  return spec.params.map((q) => (q === p ? value : q.optional ? undefined : [[1]]));
}

interface Breach {
  readonly rule: string;
  readonly value: unknown;
  readonly en: string;
  readonly vi: string;
}

const list = (values: readonly number[]): string => `{${values.join(',')}}`;
/** A value a little past a bound: a whole step for whole numbers, else a small fraction. */
const step = (p: ParamSpec): number => (p.integer ? 1 : 0.001);
/** Round-off free: 0.8 + 0.001 is written 0.801 by the message. */
const past = (bound: number, by: number): number => Number((bound + by).toPrecision(12));

/** One breach per limit a number (or each number of a list) has, with the message each rule gives. */
function numberBreaches(p: ParamSpec, wrap: (value: number) => unknown): Breach[] {
  const name = p.name;
  const lo = p.min ?? p.exclusiveMin;
  const hi = p.max ?? p.exclusiveMax;
  const range = (value: number): { en: string; vi: string } => {
    const min = lo ?? '';
    const max = hi ?? '';
    if (p.exclusiveMax !== undefined) {
      return {
        en: `${name} must be more than ${min} and less than ${max}; it is ${value}`,
        vi: `${name} phải lớn hơn ${min} và nhỏ hơn ${max}; đang là ${value}`,
      };
    }
    if (p.exclusiveMin !== undefined) {
      return {
        en: `${name} must be more than ${min} and at most ${max}; it is ${value}`,
        vi: `${name} phải lớn hơn ${min} và không quá ${max}; đang là ${value}`,
      };
    }
    if (hi === undefined) {
      return {
        en: `${name} must be at least ${min}; it is ${value}`,
        vi: `${name} phải từ ${min} trở lên; đang là ${value}`,
      };
    }
    if (lo === undefined) {
      return {
        en: `${name} must be at most ${max}; it is ${value}`,
        vi: `${name} không được quá ${max}; đang là ${value}`,
      };
    }
    return {
      en: `${name} must be between ${min} and ${max}; it is ${value}`,
      vi: `${name} phải từ ${min} đến ${max}; đang là ${value}`,
    };
  };
  const breaches: Breach[] = [];
  if (p.min !== undefined)
    breaches.push({ rule: 'min', value: wrap(past(p.min, -step(p))), ...range(past(p.min, -step(p))) });
  if (p.max !== undefined)
    breaches.push({ rule: 'max', value: wrap(past(p.max, step(p))), ...range(past(p.max, step(p))) });
  if (p.exclusiveMin !== undefined)
    breaches.push({ rule: 'exclusiveMin', value: wrap(p.exclusiveMin), ...range(p.exclusiveMin) });
  if (p.exclusiveMax !== undefined)
    breaches.push({ rule: 'exclusiveMax', value: wrap(p.exclusiveMax), ...range(p.exclusiveMax) });
  if (p.integer) {
    const value = (lo ?? 0) + 1.5;
    breaches.push({
      rule: 'integer',
      value: wrap(value),
      en: `${name} must be a whole number; it is ${value}`,
      vi: `${name} phải là số nguyên; đang là ${value}`,
    });
  }
  return breaches;
}

/** Every breach of a parameter's limits, built from its data and its default. */
function breaches(p: ParamSpec): Breach[] {
  const name = p.name;
  if (p.kind === 'number') return numberBreaches(p, (value) => value);
  if (p.kind === 'list') {
    const fallback = p.default as readonly number[];
    const out = numberBreaches(p, (value) => [[value, ...fallback.slice(1)]]).map((b) =>
      b.rule === 'max' || b.rule === 'exclusiveMax'
        ? { ...b, value: [[...fallback.slice(0, -1), (b.value as number[][])[0]?.[0]]] }
        : b,
    );
    if (p.count !== undefined) {
      const longer = [...fallback, (fallback.at(-1) as number) + 1];
      out.push({
        rule: 'count',
        value: [longer],
        en: `${name} must have ${p.count} values; it has ${longer.length}`,
        vi: `${name} phải có ${p.count} giá trị; đang có ${longer.length}`,
      });
    }
    if (p.ascending) {
      const swapped = [fallback[1] as number, fallback[0] as number, ...fallback.slice(2)];
      out.push({
        rule: 'ascending',
        value: [swapped],
        en: `${name} must be strictly ascending; it is ${list(swapped)}`,
        vi: `${name} phải tăng dần nghiêm ngặt; đang là ${list(swapped)}`,
      });
    }
    return out;
  }
  if (p.kind === 'matrix' && p.ascending) {
    return [
      {
        rule: 'ascending',
        value: [
          [1, 2],
          [3, 3],
          [5, 6],
        ],
        en: `${name} must be strictly ascending; it is {3,3}`,
        vi: `${name} phải tăng dần nghiêm ngặt; đang là {3,3}`,
      },
    ];
  }
  if (p.values) {
    return [
      {
        rule: 'values',
        value: 'fr',
        en: 'lang must be "en" or "vi"; it is "fr"',
        vi: 'lang phải là "en" hoặc "vi"; đang là "fr"',
      },
    ];
  }
  return [];
}

const CASES = CATALOG.flatMap((spec) =>
  spec.params.flatMap((p) => breaches(p).map((b) => [`${spec.name} ${p.name}: ${b.rule}`, spec, p, b] as const)),
);

describe('invoke checks every limit the parameters state, one message per rule', () => {
  it('covers every limited parameter of the catalog', () => {
    const limited = CATALOG.flatMap((spec) =>
      spec.params
        .filter((p) =>
          [p.min, p.max, p.exclusiveMin, p.exclusiveMax, p.integer, p.count, p.ascending, p.values].some(
            (limit) => limit !== undefined,
          ),
        )
        .map((p) => `${spec.name} ${p.name}`),
    );
    expect(new Set(CASES.map(([, spec, p]) => `${spec.name} ${p.name}`))).toEqual(new Set(limited));
    expect(limited).toEqual(
      expect.arrayContaining(['ABC_CLASS a_share', 'KMEANS_CLUSTER k', 'PARETO_RATIO top_share']),
    );
  });

  it.each(CASES)('%s', (_title, spec, p, breach) => {
    expect(messages(spec.name, argsWith(spec, p, breach.value))).toEqual({ en: breach.en, vi: breach.vi });
  });

  it('lets every bound itself through (inclusive bounds), and the default', () => {
    for (const spec of CATALOG) {
      for (const p of spec.params) {
        const wrap = (value: number): unknown => (p.kind === 'list' ? [[value]] : value);
        const single = { ...p, count: undefined };
        if (p.min !== undefined) expect(() => checkArgument(single, wrap(p.min as number))).not.toThrow();
        if (p.max !== undefined) expect(() => checkArgument(single, wrap(p.max as number))).not.toThrow();
        if (p.default !== undefined) {
          const given = Array.isArray(p.default) ? [p.default] : p.default;
          expect(() => checkArgument(p, given), `${spec.name} ${p.name}`).not.toThrow();
        }
      }
    }
  });

  it('gives an exclusive bound only with the bounds a message exists for', () => {
    for (const spec of CATALOG) {
      for (const p of spec.params) {
        if (p.exclusiveMax !== undefined) expect(p.exclusiveMin, `${spec.name} ${p.name}`).toBeDefined();
        if (p.exclusiveMin !== undefined) expect(p.min, `${spec.name} ${p.name}`).toBeUndefined();
        if (p.exclusiveMax !== undefined) expect(p.max, `${spec.name} ${p.name}`).toBeUndefined();
      }
    }
  });

  it('keeps rules between parameters in the functions', () => {
    expect(messages('ABC_CLASS', [col([1, 2]), null, 0.9, 0.8]).en).toBe(
      'b_share (0.8) must be greater than a_share (0.9)',
    );
    expect(messages('RFM_SCORE', [col(['2024-01-01']), col([1]), col([1]), null, 4, [[1], [2], [3]]]).en).toMatch(
      /bins is 4 but thresholds have 1 bound\(s\) per row, which makes 2 bins/,
    );
    expect(messages('KMEANS_CLUSTER', [col([1, 2, 3]), 4]).en).toMatch(/k must be a whole number from 2 to 3/);
  });
});

describe('the defaults are the methods’ constants', () => {
  it('states them once, in the parameters', () => {
    expect(param('ABC_CLASS', 'a_share')).toMatchObject({ default: ABC_DEFAULT_SHARES.a, min: 0, max: 1 });
    expect(param('ABC_CLASS', 'b_share')).toMatchObject({ default: ABC_DEFAULT_SHARES.b, min: 0, max: 1 });
    for (const fn of ['RFM_SCORE', 'RFM_TABLE']) {
      expect(param(fn, 'bins')).toMatchObject({ default: DEFAULT_BINS, min: MIN_BINS, max: MAX_BINS, integer: true });
    }
    expect(param('KMEANS_CLUSTER', 'k')).toMatchObject({ min: 2, integer: true });
    expect(param('KMEANS_CLUSTER', 'seed')).toMatchObject({ default: KMEANS_DEFAULT_SEED, integer: true });
    expect(param('CUSTOMER_TIER', 'shares')).toMatchObject({
      default: TIER_DEFAULT_SHARES,
      count: 3,
      min: 0,
      max: 1,
      ascending: true,
    });
    expect(param('XYZ_CLASS', 'cuts')).toMatchObject({ default: XYZ_DEFAULT_CUTS, count: 2, min: 0, ascending: true });
    const { newDays, atRiskDays, lostDays, loyalOrders } = DEFAULT_SETTINGS;
    expect(param('LIFECYCLE_STAGE', 'settings')).toMatchObject({
      default: [newDays, atRiskDays, lostDays, loyalOrders],
      count: 4,
      min: 0,
    });
    expect(param('MAIN_TRAIT', 'min_share')).toMatchObject({ default: 0.5, min: 0, max: 1 });
    expect(param('PARETO_LEADERS', 'share')).toMatchObject({ default: 0.8, exclusiveMin: 0, max: 1 });
    expect(param('PARETO_RATIO', 'top_share')).toMatchObject({ default: 0.2, exclusiveMin: 0, exclusiveMax: 1 });
    for (const spec of CATALOG) {
      for (const p of spec.params.filter((q) => q.kind === 'lang')) {
        expect(p).toMatchObject({ default: 'en', values: ['en', 'vi'] });
      }
    }
  });

  it('answers a call without an option as the call with its default', () => {
    const values = col([27000, 24000, 18000, 16000, 6000, 5000, 4000]);
    expect(run('ABC_CLASS', [values])).toEqual(
      run('ABC_CLASS', [values, null, ABC_DEFAULT_SHARES.a, ABC_DEFAULT_SHARES.b]),
    );
    const tiers = col([900, 500, 300, 200, 120, 100, 80, 60, 40, 0]);
    expect(run('CUSTOMER_TIER', [tiers])).toEqual(run('CUSTOMER_TIER', [tiers, null, [TIER_DEFAULT_SHARES]]));
    const periods = [
      [10, 10, 10, 10],
      [1, 3, 1, 3],
      [0, 0, 30, 10],
    ];
    expect(run('XYZ_CLASS', [periods])).toEqual(run('XYZ_CLASS', [periods, [XYZ_DEFAULT_CUTS]]));
    const features = col([1, 2, 3, 20, 21, 50]);
    expect(run('KMEANS_CLUSTER', [features, 2])).toEqual(run('KMEANS_CLUSTER', [features, 2, KMEANS_DEFAULT_SEED]));
  });
});

describe('paramHelp states the limits and the default in the user’s language', () => {
  it('appends them to the hand-written help', () => {
    expect(paramHelp(param('ABC_CLASS', 'a_share'), 'en')).toBe(
      'Running share that ends class A. 0 to 1; default 0.8.',
    );
    expect(paramHelp(param('ABC_CLASS', 'a_share'), 'vi')).toBe(
      'Tỷ trọng cộng dồn kết thúc nhóm A. Từ 0 đến 1; mặc định 0.8.',
    );
    expect(paramHelp(param('RFM_SCORE', 'bins'), 'en')).toMatch(/\. Whole number, 2 to 9; default 5\.$/);
    expect(paramHelp(param('RFM_SCORE', 'bins'), 'vi')).toMatch(/\. Số nguyên, từ 2 đến 9; mặc định 5\.$/);
    expect(paramHelp(param('KMEANS_CLUSTER', 'k'), 'en')).toMatch(/\. Whole number, at least 2\.$/);
    expect(paramHelp(param('KMEANS_CLUSTER', 'seed'), 'vi')).toMatch(/\. Số nguyên; mặc định 1\.$/);
    expect(paramHelp(param('CUSTOMER_TIER', 'shares'), 'en')).toMatch(
      /\. 3 numbers, strictly ascending, each 0 to 1; default \{0\.01,0\.05,0\.2\}\.$/,
    );
    expect(paramHelp(param('CUSTOMER_TIER', 'shares'), 'vi')).toMatch(
      /\. 3 số, tăng dần nghiêm ngặt, mỗi số từ 0 đến 1; mặc định \{0\.01,0\.05,0\.2\}\.$/,
    );
    expect(paramHelp(param('XYZ_CLASS', 'cuts'), 'en')).toMatch(/each at least 0; default \{0\.5,1\}\.$/);
    expect(paramHelp(param('LIFECYCLE_STAGE', 'settings'), 'en')).toMatch(
      /4 numbers, each at least 0; default \{90,180,365,5\}\.$/,
    );
    expect(paramHelp(param('PARETO_LEADERS', 'share'), 'en')).toMatch(/\. More than 0 and at most 1; default 0\.8\.$/);
    expect(paramHelp(param('PARETO_RATIO', 'top_share'), 'vi')).toMatch(/\. Lớn hơn 0 và nhỏ hơn 1; mặc định 0\.2\.$/);
    expect(paramHelp(param('RFM_TABLE', 'thresholds'), 'en')).toMatch(/\. Each row strictly ascending\.$/);
    expect(paramHelp(param('ABC_CLASS', 'lang'), 'en')).toBe('Label language. "en" (default) or "vi".');
    expect(paramHelp(param('ABC_CLASS', 'lang'), 'vi')).toBe('Ngôn ngữ nhãn. "en" (mặc định) hoặc "vi".');
    expect(paramHelp(param('ABC_CLASS', 'values'), 'en')).toBe(param('ABC_CLASS', 'values').help.en);
  });

  it('is the only place a default the data holds is stated', () => {
    for (const spec of CATALOG) {
      for (const p of spec.params.filter((q) => q.default !== undefined)) {
        expect(p.help.en, `${spec.name} ${p.name}`).not.toMatch(/default/i);
        expect(p.help.vi, `${spec.name} ${p.name}`).not.toMatch(/mặc định/i);
        const stated = Array.isArray(p.default) ? list(p.default) : String(p.default);
        for (const lang of ['en', 'vi'] as const) expect(paramHelp(p, lang)).toContain(stated);
      }
    }
  });
});

/** Runs a function and collects what it reported. */
function withDetails(fn: string, args: readonly unknown[]): { grid: OutGrid; details: FunctionDetails[] } {
  const details: FunctionDetails[] = [];
  const result = invoke(fn, args, (d) => details.push(d));
  if (!result.ok) throw result.error;
  return { grid: result.grid, details };
}

function only<K extends FunctionDetails['kind']>(
  details: readonly FunctionDetails[],
  kind: K,
): Extract<FunctionDetails, { kind: K }> {
  expect(details).toHaveLength(1);
  expect(details[0]?.kind).toBe(kind);
  return details[0] as Extract<FunctionDetails, { kind: K }>;
}

describe('details: what a function used, reported beside its answers', () => {
  const BCG_SIDES: Record<string, [boolean, boolean]> = {
    Star: [true, true],
    'Question Mark': [false, true],
    'Cash Cow': [true, false],
    Dog: [false, false],
  };

  /** Every answered row's label agrees with the reported cuts (high means ≥ the cut). */
  function expectLabelsFromCuts(
    sales: number[],
    growth: (number | string)[],
  ): { xCut: number; yCut: number; labels: unknown[] } {
    const { grid, details } = withDetails('BCG_QUADRANT', [col(sales), col(growth)]);
    const { xCut, yCut } = only(details, 'quadrant');
    const labels = flat(grid);
    labels.forEach((answer, i) => {
      if (growth[i] === '') expect(answer).toBe('');
      else expect(BCG_SIDES[answer as string]).toEqual([(sales[i] as number) >= xCut, (growth[i] as number) >= yCut]);
    });
    return { xCut, yCut, labels };
  }

  it('BCG_QUADRANT reports the medians the labels were made with, a blank growth left out of its median only', () => {
    const growth = [0.3, '', 0.25, 0.01, 0.1];
    const before = expectLabelsFromCuts([100, 80, 30, 20, 50], growth);
    expect(before).toMatchObject({ xCut: 50, yCut: (0.1 + 0.25) / 2 });
    // A smaller first sales value moves the sales median to 30, and row 3 (sales 30) becomes high with it.
    const after = expectLabelsFromCuts([10, 80, 30, 20, 50], growth);
    expect(after.xCut).toBe(30);
    expect(before.labels[2]).toBe('Question Mark');
    expect(after.labels[2]).toBe('Star');
    // Given cuts are reported as given.
    const given = withDetails('PRIORITY_QUADRANT', [col([8, 9, 3, 2]), col([7, 2, 8, 1]), 4, 5]);
    expect(only(given.details, 'quadrant')).toEqual({ kind: 'quadrant', xCut: 4, yCut: 5 });
  });

  const ABC_VALUES = [27000, 24000, 18000, 16000, 6000, 5000, 4000];

  it('ABC_CLASS reports its cut-offs, and where A and B end on the curve for the shares passed', () => {
    const byDefault = only(withDetails('ABC_CLASS', [col(ABC_VALUES)]).details, 'abc');
    expect(byDefault).toMatchObject({ aShare: 0.8, bShare: 0.95, aMin: 18000, bMin: 6000 });
    expect(byDefault.aEnd[0]).toBeCloseTo(3 / 7, 12);
    expect(byDefault.aEnd[1]).toBeCloseTo(0.69, 12);
    expect(byDefault.bEnd[0]).toBeCloseTo(5 / 7, 12);
    expect(byDefault.bEnd[1]).toBeCloseTo(0.91, 12);

    const { grid, details } = withDetails('ABC_CLASS', [col(ABC_VALUES), null, 0.5, 0.7]);
    const narrow = only(details, 'abc');
    expect(flat(grid)).toEqual(['A', 'B', 'B', 'C', 'C', 'C', 'C']);
    expect(narrow).toMatchObject({ aShare: 0.5, bShare: 0.7, aMin: 27000, bMin: 18000 });
    expect(narrow.aEnd[0]).toBeCloseTo(1 / 7, 12);
    expect(narrow.aEnd[1]).toBeCloseTo(0.27, 12);
    expect(narrow.bEnd[0]).toBeCloseTo(3 / 7, 12);
    expect(narrow.bEnd[1]).toBeCloseTo(0.69, 12);
    // The curve: from (0, 0) to exactly (1, 1), every value counted, through both ends.
    expect(narrow.curve[0]).toEqual([0, 0]);
    expect(narrow.curve.at(-1)).toEqual([1, 1]);
    expect(narrow.curve).toHaveLength(ABC_VALUES.length + 1);
    expect(narrow.curve).toContainEqual(narrow.aEnd);
    expect(narrow.curve).toContainEqual(narrow.bEnd);
  });

  it('ABC_CLASS thins a long curve to about 200 points, keeping its ends exact', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => 1 + ((i * 7919) % 100_003));
    const { curve, aEnd, bEnd } = only(withDetails('ABC_CLASS', [col(values), null, 0.6, 0.9]).details, 'abc');
    expect(curve.length).toBeLessThanOrEqual(203);
    expect(curve.length).toBeGreaterThan(150);
    expect(curve[0]).toEqual([0, 0]);
    expect(curve.at(-1)).toEqual([1, 1]);
    expect(curve).toContainEqual(aEnd);
    expect(curve).toContainEqual(bEnd);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]?.[0]).toBeGreaterThan(curve[i - 1]?.[0] as number);
      expect(curve[i]?.[1]).toBeGreaterThanOrEqual(curve[i - 1]?.[1] as number);
    }
    expect(aEnd[1]).toBeLessThanOrEqual(0.6);
    expect(bEnd[1]).toBeLessThanOrEqual(0.9);
  });

  it('ABC_CLASS and CUSTOMER_TIER row by row report the cached cut-offs of the population', () => {
    const population = col(ABC_VALUES);
    const spilled = only(withDetails('ABC_CLASS', [population]).details, 'abc');
    for (let i = 0; i < ABC_VALUES.length; i++) {
      expect(only(withDetails('ABC_CLASS', [ABC_VALUES[i], population]).details, 'abc')).toEqual(spilled);
    }
    const tiers = only(withDetails('CUSTOMER_TIER', [population]).details, 'tier');
    expect(only(withDetails('CUSTOMER_TIER', [5000, population]).details, 'tier')).toEqual(tiers);
  });

  it('CUSTOMER_TIER reports the shares and the smallest value of each tier but the last', () => {
    const values = col([900, 500, 300, 200, 120, 100, 80, 60, 40, 0]);
    const { grid, details } = withDetails('CUSTOMER_TIER', [values, null, [[0.1, 0.2, 0.5]]]);
    expect(flat(grid).slice(0, 5)).toEqual(['Top', 'Large', 'Medium', 'Medium', 'Medium']);
    expect(only(details, 'tier')).toEqual({ kind: 'tier', shares: [0.1, 0.2, 0.5], minimums: [900, 500, 120] });
  });

  it('XYZ_CLASS reports its cuts', () => {
    const matrix = [
      [10, 10, 10, 10],
      [1, 3, 1, 3],
    ];
    expect(only(withDetails('XYZ_CLASS', [matrix]).details, 'xyz')).toEqual({
      kind: 'xyz',
      cuts: [...XYZ_DEFAULT_CUTS],
    });
    expect(only(withDetails('XYZ_CLASS', [matrix, [[0.2, 0.4]]]).details, 'xyz').cuts).toEqual([0.2, 0.4]);
  });

  it('RFM_SCORE and RFM_TABLE score a population the same way and report the same cuts', () => {
    const customers = ['a', 'b', 'c', 'd', 'e'];
    const dates = ['2024-06-30', '2024-05-01', '2024-03-01', '2024-01-15', '2023-11-01'];
    const revenue = [900, 400, 300, 120, 40];
    const asOf = '2024-06-30';
    const score = withDetails('RFM_SCORE', [col(dates), col([1, 1, 1, 1, 1]), col(revenue), asOf]);
    const table = withDetails('RFM_TABLE', [col(customers), col(dates), col(revenue), asOf]);
    const scoreDetails = only(score.details, 'rfm');
    expect(only(table.details, 'rfm')).toEqual(scoreDetails);
    expect(scoreDetails).toMatchObject({ asOf: isoToSerial('2024-06-30'), bins: DEFAULT_BINS, mode: 'quantile' });
    expect(scoreDetails.r).toHaveLength(DEFAULT_BINS - 1);
    // The scores of the table's rows are the scores RFM_SCORE gives.
    expect(table.grid.slice(1).map((r) => r[8])).toEqual(flat(score.grid));
    // Thresholds are reported as given, in threshold mode; as_of defaults to the latest date.
    const thresholds = [
      [30, 90],
      [2, 4],
      [100, 500],
    ];
    const bounds = only(
      withDetails('RFM_SCORE', [col(dates), col([1, 1, 1, 1, 1]), col(revenue), null, null, thresholds]).details,
      'rfm',
    );
    expect(bounds).toEqual({
      kind: 'rfm',
      asOf: isoToSerial('2024-06-30'),
      bins: 3,
      mode: 'threshold',
      r: [30, 90],
      f: [2, 4],
      m: [100, 500],
    });
  });

  it('LIFECYCLE_STAGE reports as_of (the latest last purchase when not given) and the settings', () => {
    const args = [col(['2023-01-10', '2024-05-01']), col(['2024-06-20', '2024-06-01']), col([7, 1])];
    expect(only(withDetails('LIFECYCLE_STAGE', args).details, 'lifecycle')).toEqual({
      kind: 'lifecycle',
      asOf: isoToSerial('2024-06-20'),
      settings: [90, 180, 365, 5],
    });
    const given = withDetails('LIFECYCLE_STAGE', [...args, '2024-06-30', null, [[30, 60, 120, 3]]]);
    expect(only(given.details, 'lifecycle')).toEqual({
      kind: 'lifecycle',
      asOf: isoToSerial('2024-06-30'),
      settings: [30, 60, 120, 3],
    });
  });

  it('KMEANS_CLUSTER reports k (given or chosen by silhouette) and the seed', () => {
    const features = col([1, 2, 3, 20, 21, 50]);
    expect(only(withDetails('KMEANS_CLUSTER', [features]).details, 'kmeans')).toEqual({
      kind: 'kmeans',
      k: 3,
      seed: KMEANS_DEFAULT_SEED,
      chosenBySilhouette: true,
      logScaled: [false],
      blanks: [0],
      clusters: [
        { size: 3, means: [2] },
        { size: 2, means: [20.5] },
        { size: 1, means: [50] },
      ],
    });
    expect(only(withDetails('KMEANS_CLUSTER', [features, 2, 7]).details, 'kmeans')).toEqual({
      kind: 'kmeans',
      k: 2,
      seed: 7,
      chosenBySilhouette: false,
      logScaled: [false],
      blanks: [0],
      clusters: [
        { size: 5, means: [9.4] },
        { size: 1, means: [50] },
      ],
    });
  });

  it('functions without cut-offs report nothing', () => {
    expect(withDetails('SEGMENT_SUMMARY', [col(['A', 'B']), col([1, 2])]).details).toEqual([]);
    expect(withDetails('RFM_SEGMENT', [col([555])]).details).toEqual([]);
    expect(withDetails('PARETO_RATIO', [col([100, 10, 10, 10, 10])]).details).toEqual([]);
  });
});
