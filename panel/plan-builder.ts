/**
 * The wizard's choices as plain data, checked and turned into an engine Plan. Options are kept as the text the
 * user typed, so a half-typed number is not lost; `buildPlan` reads them and names what is wrong. Every option
 * field is a parameter of the method's catalog function: its default, limits and kind come from that ParamSpec,
 * so the panel accepts exactly what the formula accepts. A date field (`as_of`) also takes the user's own writing:
 * ISO, yyyymmdd, or day/month/year with `/`, `-` or `.` (read by the core's cell reader; Vietnamese is day first, and
 * in English a date whose order it does not show is asked about), and hands the plan ISO text.
 */
import { BLANK, readDate, serialToIso } from '../core/cells.js';
import { CATALOG_BY_NAME } from '../core/catalog/index.js';
import type { MethodSpec, OptionSpec } from '../core/catalog/method.js';
import { methodSpec } from '../core/catalog/index.js';
import type { ParamSpec } from '../core/catalog/types.js';
import { UNSETTLED, type DateOrder } from '../core/dates.js';
import type { Lang } from '../core/labels.js';
import type { ColumnMapping, MethodId, MethodOptions, OptionValue, Plan, RevenueSource } from '../core/engine/plan.js';
import type { RuleGroup } from '../core/engine/rules.js';
import type { TableInfo } from '../core/engine/table.js';
import { text, type TextKey } from './i18n.js';

/** Whether a method's result is a customer table on a new sheet (Customer value), written with every apply. */
export function writesCustomerTable(method: MethodId): boolean {
  return methodSpec(method).fn === 'CLV_TABLE';
}

/** An option field of a method with the catalog parameter behind it. */
export interface OptionField {
  readonly option: OptionSpec;
  readonly param: ParamSpec;
}

/** The option fields of a method, each with its catalog parameter. */
export function optionFields(method: MethodSpec): OptionField[] {
  const fn = CATALOG_BY_NAME.get(method.fn ?? '');
  return method.options.map((option) => {
    const param = option.own ?? fn?.params.find((p) => p.name === option.param);
    if (!param) throw new Error(`${method.id}: ${method.fn ?? '(no function)'} has no parameter ${option.param}`);
    return { option, param };
  });
}

/** What a field starts with: the parameter's default, so the panel and the formula agree; blank when it has none. */
export function fieldDefault(param: ParamSpec): string {
  const value = param.default;
  if (value === undefined) return '';
  return typeof value === 'object' ? value.join(', ') : String(value);
}

export interface WizardChoices {
  readonly method: MethodId;
  readonly mapping: Readonly<Record<string, number | readonly number[] | undefined>>;
  /** The option fields as typed, by parameter name; a field not typed in shows its default. */
  readonly options: Readonly<Partial<Record<string, string>>>;
  readonly ruleGroups: readonly RuleGroup[];
  readonly tag: string;
  readonly outputHeader: string;
  readonly colorRows: boolean;
  /** RFM on order lines: the revenue column, or Quantity × Price (default: the column). */
  readonly revenueFrom?: RevenueSource;
}

export type Problems = Partial<Record<string, string>>;

type Checked = { value: OptionValue } | { problem: TextKey; values?: Record<string, string | number> };

function parseNumber(raw: string): number {
  return raw === '' ? NaN : Number(raw.replace(',', '.'));
}

/** One number against the parameter's limits; a limit the parameter does not have is never named ("Infinity"). */
function checkNumber(value: number, param: ParamSpec): Checked | undefined {
  const { min, max, integer, exclusiveMin, exclusiveMax } = param;
  const whole = !integer || Number.isInteger(value);
  const inRange =
    (min === undefined || value >= min) &&
    (max === undefined || value <= max) &&
    (exclusiveMin === undefined || value > exclusiveMin) &&
    (exclusiveMax === undefined || value < exclusiveMax);
  if (Number.isFinite(value) && whole && inRange) return undefined;
  if (exclusiveMin !== undefined && exclusiveMax !== undefined)
    return { problem: 'numberBetweenOpen', values: { min: exclusiveMin, max: exclusiveMax } };
  if (exclusiveMin !== undefined)
    return max === undefined
      ? { problem: 'numberAbove', values: { min: exclusiveMin } }
      : { problem: 'numberAboveAtMost', values: { min: exclusiveMin, max } };
  if (min !== undefined && max !== undefined)
    return { problem: integer ? 'badWhole' : 'badNumber', values: { min, max } };
  if (!Number.isFinite(value) || !whole) return { problem: integer ? 'wholeNeeded' : 'numberNeeded' };
  return min !== undefined
    ? { problem: 'numberAtLeast', values: { min } }
    : { problem: 'numberAtMost', values: { max: max ?? '' } };
}

/** How each language writes a day/month/year date it does not otherwise show the order of: Vietnamese day first. */
const DATE_ORDER: Readonly<Record<Lang, DateOrder>> = { en: UNSETTLED, vi: { order: 'dmy' } };

/** A date as the user typed it, as a day serial, or why not (readDate: ISO, yyyymmdd, day/month/year). */
function readTypedDate(raw: string, lang: Lang): number | Checked {
  const read = readDate(raw, DATE_ORDER[lang]);
  if (typeof read === 'number') return read;
  if (read !== BLANK && read.code === 'ambiguousDayMonth') {
    const { dayFirst, monthFirst } = read.params;
    return { problem: 'ambiguousDate', values: { text: raw, dayFirst: dayFirst ?? '', monthFirst: monthFirst ?? '' } };
  }
  return { problem: 'badDate' };
}

/** A date field's text as ISO (`2026-09-22`) when it reads as a date, for a native date picker; else undefined. */
export function isoDateOf(raw: string, lang: Lang): string | undefined {
  const read = raw.trim() === '' ? undefined : readTypedDate(raw.trim(), lang);
  return typeof read === 'number' ? serialToIso(read) : undefined;
}

/** A typed field read as its parameter reads it, or the rule it breaks. Dates are read as `lang` writes them. */
export function checkField(raw: string, param: ParamSpec, lang: Lang = 'en'): Checked {
  if (param.kind === 'date') {
    const read = readTypedDate(raw, lang);
    return typeof read === 'number' ? { value: serialToIso(read) } : read;
  }
  if (param.kind === 'list') {
    const parts = raw.split(/[,;]/).map((p) => p.trim());
    const numbers = parts.map(parseNumber);
    if (parts.some((p) => p === '') || !numbers.every(Number.isFinite)) return { problem: 'badList' };
    if (param.count !== undefined && numbers.length !== param.count) {
      return { problem: 'badListCount', values: { n: param.count } };
    }
    for (const n of numbers) {
      const bad = checkNumber(n, param);
      if (bad) return bad;
    }
    if (param.ascending && numbers.some((n, i) => i > 0 && !(n > (numbers[i - 1] as number)))) {
      return { problem: 'badAscending' };
    }
    return { value: numbers };
  }
  const value = parseNumber(raw);
  return checkNumber(value, param) ?? { value };
}

/** A field's label as a name in a sentence: without a format note in brackets (`As of (YYYY-MM-DD)` → `As of`). */
function fieldName(label: string): string {
  return label.replace(/\s*\([^()]*\)\s*$/, '');
}

/** The plan for the table and choices, or the problems by field (role names, parameter names, 'rules', 'tag'). */
export function buildPlan(table: TableInfo, choices: WizardChoices, lang: Lang): { plan?: Plan; problems: Problems } {
  const problems: Problems = {};
  const say = (field: string, key: TextKey, values: Record<string, string | number> = {}): void => {
    problems[field] = text(key, lang, values);
  };
  const method = methodSpec(choices.method);
  const columns: Record<string, number | readonly number[]> = {};
  const revenueFrom = choices.revenueFrom ?? 'column';
  for (const { role, several, optional, revenueFrom: source } of method.columns) {
    if (source !== undefined && source !== revenueFrom) continue;
    const chosen = choices.mapping[role];
    const empty = chosen === undefined || (Array.isArray(chosen) && chosen.length === 0);
    if (empty) {
      if (!optional) say(role, 'required');
    } else columns[role] = several && typeof chosen === 'number' ? [chosen] : (chosen as number | readonly number[]);
  }

  const values: Record<string, OptionValue> = {};
  for (const { option, param } of optionFields(method)) {
    const raw = (choices.options[param.name] ?? fieldDefault(param)).trim();
    if (raw === '') continue;
    const checked = checkField(raw, param, lang);
    if ('problem' in checked)
      say(param.name, checked.problem, { field: fieldName(option.label[lang]), ...checked.values });
    else values[param.name] = checked.value;
  }
  if (Object.keys(problems).length === 0) {
    const across = method.checkOptions?.(values);
    if (across) problems[across.param] = across.message[lang];
  }
  const options: { -readonly [K in keyof MethodOptions]: MethodOptions[K] } = {};
  if (Object.keys(values).length > 0) options.values = values;
  if (method.run === 'orderLines') options.revenueFrom = revenueFrom;

  if (method.run === 'rules') {
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
  if (method.run === 'tags') {
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
    options,
    lang,
    colorRows: choices.colorRows,
    ...(header ? { outputHeader: header } : {}),
    ...(table.outputColumn === undefined ? {} : { outputColumn: table.outputColumn }),
  };
  return { plan, problems };
}
