/**
 * The wizard's choices as plain data, checked and turned into an engine Plan. Options are kept as the text the
 * user typed, so a half-typed number is not lost; `buildPlan` reads them and names what is wrong.
 */
import { isoToSerial } from '../core/cells.js';
import { ABC_DEFAULT_SHARES } from '../core/methods/abc.js';
import { KMEANS_DEFAULT_SEED } from '../core/methods/kmeans.js';
import { DEFAULT_SETTINGS as LIFECYCLE_DEFAULTS } from '../core/methods/lifecycle.js';
import { DEFAULT_BINS } from '../core/methods/rfm.js';
import { TIER_DEFAULT_SHARES } from '../core/methods/tier.js';
import { XYZ_DEFAULT_CUTS } from '../core/methods/xyz.js';
import type { Lang } from '../core/labels.js';
import { METHOD_ROLES } from '../core/engine/columns.js';
import type { ColumnMapping, MethodId, MethodOptions, Plan, RevenueSource } from '../core/engine/plan.js';
import type { RuleGroup } from '../core/engine/rules.js';
import type { TableInfo } from '../core/engine/table.js';
import { text, type TextKey } from './i18n.js';

export type OptionKey =
  | 'aShare'
  | 'bShare'
  | 'xyzCuts'
  | 'xCut'
  | 'yCut'
  | 'asOf'
  | 'bins'
  | 'tierShares'
  | 'lifecycleSettings'
  | 'k'
  | 'seed';

export const METHOD_OPTIONS: Record<MethodId, readonly OptionKey[]> = {
  abc: ['aShare', 'bShare'],
  xyz: ['xyzCuts'],
  bcg: ['xCut', 'yCut'],
  priority: ['xCut', 'yCut'],
  rfm: ['asOf', 'bins'],
  rfmOrders: ['asOf', 'bins'],
  pyramid: ['tierShares'],
  lifecycle: ['asOf', 'lifecycleSettings'],
  kmeans: ['k', 'seed'],
  rules: [],
  tags: [],
};

const list = (values: readonly number[]): string => values.join(', ');
const { newDays, atRiskDays, lostDays, loyalOrders } = LIFECYCLE_DEFAULTS;

/**
 * What each option field starts with: the formulas' own defaults, so the panel and `=ABC_CLASS(…)` agree.
 * Blank means the method decides (medians for the quadrant cuts, the latest date for as-of, k by silhouette).
 */
export const OPTION_DEFAULTS: Record<OptionKey, string> = {
  aShare: String(ABC_DEFAULT_SHARES.a),
  bShare: String(ABC_DEFAULT_SHARES.b),
  xyzCuts: list(XYZ_DEFAULT_CUTS),
  xCut: '',
  yCut: '',
  asOf: '',
  bins: String(DEFAULT_BINS),
  tierShares: list(TIER_DEFAULT_SHARES),
  lifecycleSettings: list([newDays, atRiskDays, lostDays, loyalOrders]),
  k: '',
  seed: String(KMEANS_DEFAULT_SEED),
};

export interface WizardChoices {
  readonly method: MethodId;
  readonly mapping: Readonly<Record<string, number | readonly number[] | undefined>>;
  readonly options: Readonly<Partial<Record<OptionKey, string>>>;
  readonly ruleGroups: readonly RuleGroup[];
  readonly tag: string;
  readonly outputHeader: string;
  readonly colorRows: boolean;
  /** RFM on order lines: the revenue column, or Quantity × Price (default: the column). */
  readonly revenueFrom?: RevenueSource;
}

export type Problems = Partial<Record<string, string>>;

const NUMBER_RANGE: Partial<Record<OptionKey, [number, number, boolean]>> = {
  aShare: [0, 1, false],
  bShare: [0, 1, false],
  bins: [2, 10, true],
  k: [1, 50, true],
  seed: [0, 2 ** 31, true],
};

function parseList(raw: string): number[] | undefined {
  const parts = raw.split(/[,;]/).map((p) => p.trim());
  if (parts.some((p) => p === '')) return undefined;
  const numbers = parts.map(Number);
  return numbers.every(Number.isFinite) ? numbers : undefined;
}

/** The plan for the table and choices, or the problems by field (role names, option keys, 'rules', 'tag'). */
export function buildPlan(table: TableInfo, choices: WizardChoices, lang: Lang): { plan?: Plan; problems: Problems } {
  const problems: Problems = {};
  const say = (field: string, key: TextKey, values: Record<string, string | number> = {}): void => {
    problems[field] = text(key, lang, values);
  };
  const columns: Record<string, number | readonly number[]> = {};
  const revenueFrom = choices.revenueFrom ?? 'column';
  for (const { role, several, optional, revenueFrom: source } of METHOD_ROLES[choices.method]) {
    if (source !== undefined && source !== revenueFrom) continue;
    const chosen = choices.mapping[role];
    const empty = chosen === undefined || (Array.isArray(chosen) && chosen.length === 0);
    if (empty) {
      if (!optional) say(role, 'required');
    } else columns[role] = several && typeof chosen === 'number' ? [chosen] : (chosen as number | readonly number[]);
  }

  const options: Record<string, unknown> = {};
  if (choices.method === 'rfmOrders') options.revenueFrom = revenueFrom;
  for (const key of METHOD_OPTIONS[choices.method]) {
    const raw = (choices.options[key] ?? OPTION_DEFAULTS[key]).trim();
    if (raw === '') continue;
    if (key === 'asOf') {
      if (isoToSerial(raw) === undefined) say(key, 'badDate');
      else options.asOf = raw;
    } else if (key === 'xyzCuts' || key === 'tierShares' || key === 'lifecycleSettings') {
      const list = parseList(raw);
      if (!list) say(key, 'badList');
      else options[key] = list;
    } else {
      const value = Number(raw.replace(',', '.'));
      const [min, max, whole] = NUMBER_RANGE[key] ?? [-Infinity, Infinity, false];
      if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value)))
        say(key, 'badNumber', { min, max });
      else if (key === 'xCut') options.salesCut = value;
      else if (key === 'yCut') options.growthCut = value;
      else options[key] = value;
    }
  }

  if (choices.method === 'rules') {
    const groups = choices.ruleGroups
      .map((g) => ({
        ...g,
        label: g.label.trim(),
        conditions: g.conditions.filter((c) => c.value.trim() !== '' || c.op === 'eq' || c.op === 'ne'),
      }))
      .filter((g) => g.label !== '' && g.conditions.length > 0);
    if (groups.length === 0) say('rules', 'noRules');
    else options.ruleGroups = groups;
  }
  if (choices.method === 'tags') {
    if (choices.tag.trim() === '') say('tag', 'chooseTag');
    if (table.selectedRows.length === 0) say('selection', 'noSelection');
    options.tag = choices.tag.trim();
    options.taggedRows = [...table.selectedRows];
  }

  if (Object.keys(problems).length > 0) return { problems };
  const header = choices.outputHeader.trim();
  const plan: Plan = {
    sheetName: table.sheetName,
    table: table.table,
    method: choices.method,
    columns: columns as ColumnMapping,
    options: options as MethodOptions,
    lang,
    colorRows: choices.colorRows,
    ...(header ? { outputHeader: header } : {}),
    ...(table.outputColumn === undefined ? {} : { outputColumn: table.outputColumn }),
  };
  return { plan, problems };
}
