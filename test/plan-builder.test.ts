/**
 * The wizard's choices turned into plans: with nothing typed, every method segments exactly as its formula does
 * with its optional arguments left out; typed options are checked and named when wrong.
 */
import { describe, expect, it } from 'vitest';
import type { MethodId } from '../core/engine/plan.js';
import { segmentTable } from '../core/engine/segment.js';
import type { CellValue } from '../core/engine/sheet-io.js';
import type { TableInfo } from '../core/engine/table.js';
import { METHODS } from '../core/catalog/index.js';
import type { ParamSpec } from '../core/catalog/types.js';
import { SegmentKitError } from '../core/errors.js';
import {
  buildPlan,
  checkField,
  fieldDefault,
  isoDateOf,
  optionFields,
  type WizardChoices,
} from '../panel/plan-builder.js';

const HEADERS = [
  'Customer',
  'First purchase',
  'Last purchase',
  'Orders',
  'Revenue',
  'Growth',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'Referrals',
  'Order date',
];

/** 60 customers with spread-out values (dates as Excel serials), seeded by the row number only. */
function customerRows(): CellValue[][] {
  return Array.from({ length: 60 }, (_, i) => {
    const q = (k: number): number => 10 + ((i * (7 + k) * 13) % 90) * (1 + (i % 4));
    return [
      `KH${String(i % 45).padStart(3, '0')}`,
      44_000 + ((i * 37) % 600),
      44_700 + ((i * 53) % 400),
      (i * 7) % 13,
      ((i * 7919) % 5000) * 1_000 + (i % 5 === 0 ? 2_000_000 : 0),
      ((i * 31) % 60) / 100 - 0.2,
      q(1),
      q(2),
      q(3),
      q(4),
      i % 9 === 0 ? 3 : 0,
      44_900 + ((i * 11) % 200),
    ];
  });
}

const VALUES: CellValue[][] = [HEADERS, ...customerRows()];

const TABLE: TableInfo = {
  sheetName: 'Customers',
  table: { row: 0, col: 0, rows: VALUES.length, cols: HEADERS.length },
  headers: HEADERS,
  sample: VALUES.slice(1, 21),
  selectedRows: [0, 2, 5],
};

const MAPPING: Record<MethodId, WizardChoices['mapping']> = {
  abc: { value: 4 },
  xyz: { periods: [6, 7, 8, 9] },
  bcg: { sales: 4, growth: 5 },
  priority: { attractiveness: 4, feasibility: 3 },
  rfm: { lastPurchase: 2, orders: 3, revenue: 4 },
  rfmOrders: { customer: 0, orderDate: 11, revenue: 4 },
  clv: { customer: 0, orderDate: 11, revenue: 4 },
  pyramid: { value: 4 },
  lifecycle: { firstPurchase: 1, lastPurchase: 2, orders: 3, referrals: 10 },
  kmeans: { features: [3, 4] },
  rules: {},
  tags: {},
};

function choices(method: MethodId, change: Partial<WizardChoices> = {}): WizardChoices {
  return {
    method,
    mapping: MAPPING[method],
    options: {},
    ruleGroups: [],
    tag: '',
    outputHeader: '',
    colorRows: true,
    ...change,
  };
}

/** Customer value needs order lines with repeat purchases, which this customer table is not: test/panel-clv.test.ts. */
const ON_CUSTOMER_ROWS = METHODS.filter((m) => m.id !== 'clv');
const WITH_OPTIONS = ON_CUSTOMER_ROWS.filter((m) => m.options.length > 0).map((m) => m.id);

describe('buildPlan', () => {
  it.each(WITH_OPTIONS)('%s with the fields as they start segments as the formula does by default', (method) => {
    const { plan, problems } = buildPlan(TABLE, choices(method), 'en');
    expect(problems).toEqual({});
    if (!plan) throw new Error('no plan');
    const panel = segmentTable(plan, VALUES);
    const formula = segmentTable({ ...plan, options: {} }, VALUES);
    expect(panel.problems).toEqual([]);
    expect(panel.labels).toEqual(formula.labels);
    expect(panel.thresholds).toEqual(formula.thresholds);
    // More than one segment, so agreeing is not trivial.
    expect(new Set(panel.labels).size).toBeGreaterThan(1);
  });

  it('names each option typed wrong, and the column not chosen', () => {
    const { plan, problems } = buildPlan(
      TABLE,
      choices('abc', { mapping: {}, options: { a_share: '1.5', b_share: 'abc' } }),
      'en',
    );
    expect(plan).toBeUndefined();
    expect(Object.keys(problems).sort()).toEqual(['a_share', 'b_share', 'value']);
    expect(problems.a_share).toBe('Type a number between 0 and 1.');
    const lists = buildPlan(
      TABLE,
      choices('lifecycle', { options: { settings: '90,,365', as_of: '31/13/2025' } }),
      'vi',
    );
    expect(lists.problems).toEqual({
      settings: 'Hãy nhập các số, cách nhau bằng dấu phẩy.',
      as_of: 'Tính đến ngày: hãy nhập ngày như 22/09/2026, 2026-09-22 hoặc 20260922, hoặc chọn trên lịch.',
    });
  });

  it('never names a limit a parameter does not have', () => {
    const open = buildPlan(TABLE, choices('bcg', { options: { sales_cut: 'abc' } }), 'en');
    expect(open.problems.sales_cut).toBe('Type a number.');
    const atLeast = buildPlan(TABLE, choices('kmeans', { options: { k: '1' } }), 'vi');
    expect(atLeast.problems.k).toBe('Hãy nhập số từ 2 trở lên.');
    const whole = buildPlan(TABLE, choices('kmeans', { options: { k: '2.5' } }), 'en');
    expect(whole.problems.k).toBe('Type a whole number.');
  });

  it('reads a decimal comma and keeps a typed option', () => {
    const { plan } = buildPlan(TABLE, choices('abc', { options: { a_share: '0,7' } }), 'en');
    expect(plan?.options).toEqual({ values: { a_share: 0.7, b_share: 0.95 } });
  });

  it('tags the selected rows with the trimmed tag, which stays text even when it looks like a formula', () => {
    const { plan } = buildPlan(TABLE, choices('tags', { tag: ' =1+1 ' }), 'en');
    expect(plan?.options).toEqual({ tag: '=1+1', taggedRows: [0, 2, 5] });
    const none = buildPlan({ ...TABLE, selectedRows: [] }, choices('tags'), 'en');
    expect(Object.keys(none.problems).sort()).toEqual(['selection', 'tag']);
  });

  it('keeps only rule groups with a name and a condition', () => {
    const empty = buildPlan(
      TABLE,
      choices('rules', {
        ruleGroups: [{ label: ' ', combine: 'and', conditions: [{ column: 3, op: 'gt', value: '5' }] }],
      }),
      'en',
    );
    expect(Object.keys(empty.problems)).toEqual(['rules']);
    const { plan } = buildPlan(
      TABLE,
      choices('rules', {
        ruleGroups: [
          {
            label: ' Big ',
            combine: 'and',
            conditions: [
              { column: 3, op: 'gt', value: '5' },
              { column: 4, op: 'ge', value: ' ' },
            ],
          },
        ],
      }),
      'en',
    );
    expect(plan?.options).toEqual({
      ruleGroups: [{ label: 'Big', combine: 'and', conditions: [{ column: 3, op: 'gt', value: '5' }] }],
    });
  });
});

/**
 * Every option field against the catalog function behind it: the panel accepts a value exactly when the formula does,
 * and starts from the formula's own default. The panel takes both from the parameter's data, so a limit or default
 * written by hand on either side (in a run function, or in the panel) makes this fail.
 */
describe('option fields and the catalog agree', () => {
  const CROSS_RULES = new Set(['sharesOrder', 'binsMismatch']);
  /** The typed texts worth trying on a parameter: on and just past each limit, a fraction, a wrong count or order. */
  function probes(param: ParamSpec): string[] {
    const numbers = new Set<number>([0, 1, 2, 0.5, -1]);
    for (const limit of [param.min, param.max]) {
      if (limit === undefined) continue;
      for (const delta of [0, 1, -1, 0.01, -0.01]) numbers.add(Math.round((limit + delta) * 100) / 100);
    }
    if (param.kind !== 'list') return [...numbers].map(String);
    const fallback = Array.isArray(param.default) ? (param.default as number[]) : [0.1, 0.2, 0.3];
    const base = fallback.slice();
    const texts = [base.join(', '), base.slice(0, -1).join(', '), [...base, (base.at(-1) ?? 0) + 1].join(', ')];
    texts.push(base.slice().reverse().join(', '));
    for (const n of numbers) texts.push(base.map((v, i) => (i === 0 ? n : v)).join(', '));
    for (const n of numbers) texts.push(base.map((v, i) => (i === base.length - 1 ? n : v)).join(', '));
    return texts;
  }

  const FIELDS = ON_CUSTOMER_ROWS.flatMap((method) =>
    optionFields(method)
      .filter(({ param }) => param.kind !== 'date')
      .map(({ param }) => [method.id, param.name, param] as const),
  );

  it.each(FIELDS)('%s %s: accepted by the panel exactly when the formula accepts it', (method, name, param) => {
    for (const typed of probes(param)) {
      const panel = checkField(typed, param);
      const plan = {
        ...(buildPlan(TABLE, choices(method), 'en').plan as NonNullable<ReturnType<typeof buildPlan>['plan']>),
      };
      let formulaError: unknown;
      if ('value' in panel) {
        try {
          segmentTable({ ...plan, options: { values: { [name]: panel.value } } }, VALUES);
        } catch (error) {
          formulaError = error;
        }
        // Rules between two parameters (a_share below b_share) are the formula's; each field alone must agree.
        const crossRule = formulaError instanceof SegmentKitError && CROSS_RULES.has(formulaError.code);
        if (!crossRule) {
          expect(
            formulaError,
            `${method} ${name} = ${typed}: the panel accepts it, the formula refuses`,
          ).toBeUndefined();
        }
      } else {
        const numbers = typed.split(',').map((t) => Number(t));
        const value = param.kind === 'list' ? numbers : numbers[0];
        try {
          segmentTable({ ...plan, options: { values: { [name]: value as number | number[] } } }, VALUES);
        } catch (error) {
          formulaError = error;
        }
        expect(formulaError, `${method} ${name} = ${typed}: the panel refuses it, the formula accepts`).toBeDefined();
      }
    }
  });

  it.each(FIELDS)('%s %s: the field starts at the formula’s default', (method, name, param) => {
    const typed = fieldDefault(param);
    const plan = buildPlan(TABLE, choices(method), 'en').plan;
    if (!plan) throw new Error('no plan');
    const withDefault = segmentTable(plan, VALUES);
    const leftOut = segmentTable({ ...plan, options: {} }, VALUES);
    expect(withDefault.labels, `${method} ${name} starts at “${typed}”`).toEqual(leftOut.labels);
    if (typed === '') expect(param.default).toBeUndefined();
  });
});

describe('as_of typed as the user writes dates', () => {
  /** The as_of the plan gets for a typed text, or the field's message. */
  function asOf(method: 'rfm' | 'lifecycle', typed: string, lang: 'en' | 'vi'): { value?: unknown; problem?: string } {
    const { plan, problems } = buildPlan(TABLE, choices(method, { options: { as_of: typed } }), lang);
    return plan ? { value: plan.options.values?.as_of } : { problem: problems.as_of };
  }

  it.each(['en', 'vi'] as const)('reads ISO, day-first text with / - . and yyyymmdd as the same day (%s)', (lang) => {
    for (const typed of ['2026-09-22', '22/09/2026', '22-09-2026', '22.09.2026', '20260922', ' 22/9/2026 ']) {
      expect(asOf('rfm', typed, lang), typed).toEqual({ value: '2026-09-22' });
    }
    expect(asOf('lifecycle', '2025-12-31', lang)).toEqual({ value: '2025-12-31' });
  });

  it('reads a date whose order it does not show day first in Vietnamese, and asks in English', () => {
    expect(asOf('rfm', '01/02/2026', 'vi')).toEqual({ value: '2026-02-01' });
    expect(asOf('rfm', '01/02/2026', 'en')).toEqual({
      problem:
        'As of: "01/02/2026" could be 2026-02-01 (day first) or 2026-01-02 (month first): type 2026-02-01 or 2026-01-02.',
    });
    // A month-first date that shows its order is read in English.
    expect(asOf('rfm', '09/22/2026', 'en')).toEqual({ value: '2026-09-22' });
  });

  it.each([
    ['en', 'As of: type a date such as 2026-09-22, 22/09/2026 or 20260922, or pick one.'],
    ['vi', 'Tính đến ngày: hãy nhập ngày như 22/09/2026, 2026-09-22 hoặc 20260922, hoặc chọn trên lịch.'],
  ] as const)('names the field and an example for anything else (%s)', (lang, message) => {
    for (const typed of ['hôm qua', '31/02/2026', '2026-13-01', '46287', '22/09', '2026/09/22/1']) {
      expect(asOf('rfm', typed, lang), typed).toEqual({ problem: message });
    }
  });

  it('the date read is the one the formula uses: LIFECYCLE_STAGE counts days from it', () => {
    const plan = (typed: string) => {
      const built = buildPlan(TABLE, choices('lifecycle', { options: { as_of: typed } }), 'vi').plan;
      if (!built) throw new Error(`no plan for ${typed}`);
      return segmentTable(built, VALUES);
    };
    const typed = plan('01.07.2023');
    expect(typed.problems).toEqual([]);
    expect(typed.labels).toEqual(plan('2023-07-01').labels);
    expect(plan('01.07.2024').labels, 'a year later').not.toEqual(typed.labels);
  });

  it('gives the date picker ISO text for what reads as a date, nothing for the rest', () => {
    expect(isoDateOf('22/09/2026', 'vi')).toBe('2026-09-22');
    expect(isoDateOf('01/02/2026', 'vi')).toBe('2026-02-01');
    expect(isoDateOf('01/02/2026', 'en')).toBeUndefined();
    expect(isoDateOf('20260922', 'en')).toBe('2026-09-22');
    expect(isoDateOf('', 'en')).toBeUndefined();
    expect(isoDateOf('22/09/20', 'vi')).toBeUndefined();
  });
});
