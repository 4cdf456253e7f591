/** LIFECYCLE_STAGE: the cell reading and shapes around the pure method in methods/lifecycle.ts. */
import {
  alongside,
  dateArg,
  isAbsent,
  listArg,
  parallelVectors,
  readLang,
  readVectorDates,
  readVectorNumbers,
  shapeLike,
} from '../args.js';
import { BLANK_STATE, PROBLEM, type NumberColumn } from '../cells.js';
import { at, fail, type Problem } from '../errors.js';
import { label, type LabelKey } from '../labels.js';
import {
  DEFAULT_SETTINGS,
  afterAsOf,
  lifecycleShape,
  stageOf,
  type LifecycleSettings,
  type Stage,
} from '../methods/lifecycle.js';
import type { OutCell } from '../output.js';
import { LANG_PARAM, param, type DetailSink, type FunctionSpec } from './types.js';
import { FIRST_PURCHASE, LAST_PURCHASE, ORDERS, REFERRALS, as } from './column-roles.js';
import { defineMethod } from './method.js';
import { AS_OF_FIELD } from './rfm-options.js';

export const STAGE_LABEL: Record<Stage, LabelKey> = {
  Prospect: 'stageProspect',
  Lost: 'stageLost',
  AtRisk: 'stageAtRisk',
  New: 'stageNew',
  Evangelist: 'stageEvangelist',
  Loyal: 'stageLoyal',
  Active: 'stageActive',
};

/** The settings in the order the `settings` list takes them. */
const SETTING_ORDER = [
  'newDays',
  'atRiskDays',
  'lostDays',
  'loyalOrders',
] as const satisfies readonly (keyof LifecycleSettings)[];

const AS_OF = param(
  'as_of',
  'date',
  {
    en: 'The date days are counted to. Default: the latest last purchase in the data, never today (answers would change overnight). Pass it in row-by-row formulas.',
    vi: 'Ngày dùng để đếm số ngày. Mặc định: ngày mua cuối gần nhất trong dữ liệu, không bao giờ là hôm nay (kết quả sẽ đổi qua đêm). Hãy truyền khi viết công thức từng dòng.',
  },
  true,
);
const SETTINGS = param(
  'settings',
  'list',
  {
    en: 'new_days, at_risk_days, lost_days, loyal_orders; at_risk_days must be below lost_days.',
    vi: 'new_days, at_risk_days, lost_days, loyal_orders; at_risk_days phải nhỏ hơn lost_days.',
  },
  true,
  { default: SETTING_ORDER.map((key) => DEFAULT_SETTINGS[key]), count: SETTING_ORDER.length, min: 0 },
);

/** The settings list (its limits checked by invoke) with at_risk_days below lost_days. */
function readSettings(raw: unknown): LifecycleSettings {
  const [newDays, atRiskDays, lostDays, loyalOrders] = listArg(SETTINGS, raw) as [number, number, number, number];
  if (!(atRiskDays < lostDays)) {
    fail('sharesOrder', {
      arg: 'settings lost_days',
      value: lostDays,
      other: 'at_risk_days',
      otherValue: atRiskDays,
    });
  }
  return { newDays, atRiskDays, lostDays, loyalOrders };
}

/**
 * Reports the as_of and the settings the stages were given with; nothing when there is no as_of (none given, and
 * no row with dates to take it from), as no row was staged.
 */
function report(details: DetailSink | undefined, asOf: number, settings: LifecycleSettings): void {
  if (!Number.isFinite(asOf)) return;
  details?.({ kind: 'lifecycle', asOf, settings: SETTING_ORDER.map((key) => settings[key]) });
}

const valueOr = (column: NumberColumn | undefined, i: number): number =>
  column && column.state[i] === 0 ? (column.values[i] as number) : NaN;

export const LIFECYCLE_STAGE: FunctionSpec = {
  name: 'LIFECYCLE_STAGE',
  summary: {
    en: 'Engagement stage of each customer row, first match wins: Prospect (no orders, no purchase dates) → Lost (days since last purchase ≥ lost_days) → At Risk (≥ at_risk_days) → New (days since first purchase < new_days) → Evangelist (orders ≥ loyal_orders and referrals ≥ 1) → Loyal (orders ≥ loyal_orders) → Active. An all-blank row gives a blank answer; orders without dates, one date missing, a first purchase after the last, or a purchase after as_of gets #VALUE!.',
    vi: 'Giai đoạn gắn bó của từng khách hàng, điều kiện khớp đầu tiên được chọn: Tiềm năng (không có đơn, không có ngày mua) → Đã mất (số ngày từ lần mua cuối ≥ lost_days) → Nguy cơ (≥ at_risk_days) → Mới (số ngày từ lần mua đầu < new_days) → Truyền giáo (số đơn ≥ loyal_orders và giới thiệu ≥ 1) → Trung thành (số đơn ≥ loyal_orders) → Hiện hữu. Dòng trống hoàn toàn cho kết quả trống; có đơn mà không có ngày, thiếu một ngày, lần mua đầu sau lần mua cuối, hoặc ngày mua sau as_of nhận #VALUE!.',
  },
  params: [
    param('first_purchase', 'range', {
      en: 'Date of each customer’s first purchase (a column or row, or one cell): date cells, serials, or text such as 2024-05-31, 20240531 or 31/05/2024 (day or month first as the column’s own dates settle). Blank with last_purchase blank: no purchase yet.',
      vi: 'Ngày mua đầu tiên của từng khách hàng (một cột, một dòng hoặc một ô): ô ngày, số sê-ri, hoặc chữ như 2024-05-31, 20240531 hay 31/05/2024 (ngày hay tháng trước do chính các ngày trong cột xác định). Trống cùng với last_purchase: chưa mua lần nào.',
    }),
    param('last_purchase', 'range', {
      en: 'Date of each customer’s last purchase, same length as first_purchase.',
      vi: 'Ngày mua cuối của từng khách hàng, cùng độ dài với first_purchase.',
    }),
    param('orders', 'range', {
      en: 'Number of orders of each customer, a whole number ≥ 0, same length. Blank or 0 with no dates is a Prospect; blank with dates never reaches loyal_orders. Excel builds that pass a blank as 0 make an empty row a Prospect.',
      vi: 'Số đơn hàng của từng khách hàng, số nguyên ≥ 0, cùng độ dài. Trống hoặc 0 và không có ngày là Tiềm năng; trống mà có ngày thì không đạt loyal_orders. Các bản Excel truyền ô trống thành 0 sẽ xếp dòng trống là Tiềm năng.',
    }),
    AS_OF,
    param(
      'referrals',
      'range',
      {
        en: 'Number of customers each one referred, same length; blank counts as none. Needed for Evangelist.',
        vi: 'Số khách hàng mà mỗi người đã giới thiệu, cùng độ dài; trống là không có. Cần cho Truyền giáo.',
      },
      true,
    ),
    SETTINGS,
    LANG_PARAM,
  ],
  result: 'perCell',
  example: {
    formula:
      '=LIFECYCLE_STAGE({"2023-01-10";"2024-05-01";"";"2022-03-01"}, {"2024-06-20";"2024-06-01";"";"2023-05-01"}, {7;1;0;3}, "2024-06-30", {2;0;0;0})',
    result: 'Evangelist; New; Prospect; Lost',
  },
  run([firstRaw, lastRaw, ordersRaw, asOfRaw, referralsRaw, settingsRaw, langRaw], details) {
    const lang = readLang(langRaw);
    const [firstVector, lastVector, ordersVector] = parallelVectors([
      [firstRaw, 'first_purchase'],
      [lastRaw, 'last_purchase'],
      [ordersRaw, 'orders'],
    ]);
    const referrals: NumberColumn | undefined = isAbsent(referralsRaw)
      ? undefined
      : readVectorNumbers(alongside(firstVector, 'first_purchase', referralsRaw, 'referrals'));
    const explicitAsOf = dateArg(AS_OF, asOfRaw);
    const settings = readSettings(settingsRaw);
    const labels = Object.fromEntries(
      (Object.keys(STAGE_LABEL) as Stage[]).map((stage) => [stage, label(STAGE_LABEL[stage], lang)]),
    ) as Record<Stage, string>;

    const first = readVectorDates(firstVector);
    const last = readVectorDates(lastVector);
    const orders = readVectorNumbers(ordersVector);
    const n = first.values.length;
    const answers = new Array<OutCell>(n);
    const dated = new Uint8Array(n);
    let latest = -Infinity;
    for (let i = 0; i < n; i++) {
      if (first.state[i] === PROBLEM) answers[i] = at(first.problems.get(i) as Problem, 'first_purchase', i + 1);
      else if (last.state[i] === PROBLEM) answers[i] = at(last.problems.get(i) as Problem, 'last_purchase', i + 1);
      else if (orders.state[i] === PROBLEM) answers[i] = at(orders.problems.get(i) as Problem, 'orders', i + 1);
      else if (referrals && referrals.state[i] === PROBLEM) {
        answers[i] = at(referrals.problems.get(i) as Problem, 'referrals', i + 1);
      } else {
        const shape = lifecycleShape(valueOr(first, i), valueOr(last, i), valueOr(orders, i), valueOr(referrals, i));
        if (shape === 'blank') answers[i] = '';
        else if (shape === 'prospect') answers[i] = labels.Prospect;
        else if (shape === 'dated') {
          dated[i] = 1;
          if ((last.values[i] as number) > latest) latest = last.values[i] as number;
        } else answers[i] = at(shape.problem, shape.arg, i + 1);
      }
    }
    const asOf = explicitAsOf ?? latest;
    report(details, asOf, settings);
    for (let i = 0; i < n; i++) {
      if (!dated[i]) continue;
      const lastDate = last.values[i] as number;
      const late = afterAsOf(lastDate, asOf);
      if (late) {
        answers[i] = at(late, 'last_purchase', i + 1);
        continue;
      }
      const orderCount = orders.state[i] === BLANK_STATE ? NaN : (orders.values[i] as number);
      const stage = stageOf(
        asOf - (first.values[i] as number),
        asOf - lastDate,
        orderCount,
        valueOr(referrals, i),
        settings,
      );
      answers[i] = labels[stage];
    }
    return shapeLike(firstVector, answers);
  },
};

export const LIFECYCLE_METHOD = defineMethod({
  id: 'lifecycle',
  name: { en: 'Lifecycle stage', vi: 'Giai đoạn vòng đời' },
  about: {
    en: 'Prospect, New, Active, Loyal, Evangelist, At Risk, Lost.',
    vi: 'Tiềm năng, Mới, Hiện hữu, Trung thành, Truyền giáo, Nguy cơ, Đã mất.',
  },
  run: 'function',
  fn: 'LIFECYCLE_STAGE',
  columns: [
    as(FIRST_PURCHASE, 'first_purchase'),
    as(LAST_PURCHASE, 'last_purchase'),
    as(ORDERS, 'orders'),
    as(REFERRALS, 'referrals'),
  ],
  options: [
    AS_OF_FIELD,
    {
      param: 'settings',
      label: {
        en: 'Days for new, at risk, lost; orders for loyal (e.g. 90, 180, 365, 5)',
        vi: 'Số ngày: mới, nguy cơ, mất; số đơn: trung thành (vd 90, 180, 365, 5)',
      },
    },
  ],
  chart: 'bars',
  labels: ['stageProspect', 'stageNew', 'stageActive', 'stageLoyal', 'stageEvangelist', 'stageAtRisk', 'stageLost'],
});
