/**
 * The side panel's wizard as one pure state machine: the step on show, the table, the user's choices, the preview
 * keyed to the choices it was computed from, and one `phase` for the asynchronous work (detecting, previewing,
 * applying with its progress, the two questions, undoing, converting dates). `busy` is derived from the phase, so a
 * panel cannot be applying and asking a question at once. Every run gets an id; what it ends with (an error, a notice,
 * the applied result) is an `outcome` tagged with that id, cleared when the next run starts, and answers that arrive
 * for a run that is no longer the current one are ignored.
 */
import type { Progress } from '../../core/engine/apply.js';
import { guessMapping, guessRevenueSource } from '../../core/engine/columns.js';
import type { MethodId, RevenueSource } from '../../core/engine/plan.js';
import type { PreviewResult } from '../../core/engine/preview.js';
import type { RuleGroup } from '../../core/engine/rules.js';
import { a1Range } from '../../core/engine/sheet-io.js';
import type { TableInfo } from '../../core/engine/table.js';
import type { Lang } from '../../core/labels.js';
import type { ApplyResult, LastApply, PanelSettings } from '../host.js';
import type { TextKey } from '../i18n.js';
import type { Problems } from '../plan-builder.js';
import type { TaxonomyId } from '../taxonomies.js';

export const STEPS = ['range', 'method', 'columns', 'preview', 'apply'] as const;
export type Step = (typeof STEPS)[number];

export type Mapping = Readonly<Record<string, number | readonly number[] | undefined>>;

/** What the user chose; the preview key is built from the part of it a preview depends on. */
export interface Choices {
  readonly method: MethodId;
  readonly mapping: Mapping;
  readonly revenueFrom: RevenueSource;
  readonly options: Readonly<Partial<Record<string, string>>>;
  readonly ruleGroups: readonly RuleGroup[];
  readonly taxonomy: TaxonomyId;
  readonly tag: string;
  readonly newTag: string;
  readonly outputHeader: string;
  readonly colorRows: boolean;
  readonly summary: boolean;
}

/** The asynchronous phase; everything but `idle` and the two questions is work in progress. */
export type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'detecting' }
  | { readonly kind: 'previewing' }
  | {
      readonly kind: 'applying';
      readonly progress?: Progress;
      /** The run has lasted long enough to show its progress bar. */
      readonly showProgress: boolean;
      /** Cancel was pressed; the host is putting the sheet back. */
      readonly cancelling: boolean;
    }
  | { readonly kind: 'confirmingOverwrite'; readonly target: string; readonly nonEmpty: number }
  | { readonly kind: 'confirmingUndo'; readonly changed: number }
  | { readonly kind: 'undoing' }
  | { readonly kind: 'converting' };

export type PhaseKind = Phase['kind'];
/** The phases a run starts in. */
export type WorkKind = 'detecting' | 'previewing' | 'applying' | 'undoing' | 'converting';

export type Applied = Extract<ApplyResult, { kind: 'applied' }>;

/** How a run ended, as the panel tells it (rendered in the language on show, so a language switch re-words it). */
export type Outcome =
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'warning'; readonly key: TextKey }
  | { readonly kind: 'notice'; readonly key: TextKey }
  | { readonly kind: 'converted'; readonly cells: number; readonly target: string }
  | { readonly kind: 'applied'; readonly result: Applied };

export interface KeyedPreview {
  readonly result: PreviewResult;
  /** previewKey() of the table and choices it was computed from. */
  readonly key: string;
}

export interface WizardState {
  readonly lang: Lang;
  readonly settings: PanelSettings;
  readonly step: Step;
  readonly table?: TableInfo;
  readonly choices: Choices;
  readonly problems: Problems;
  readonly preview?: KeyedPreview;
  readonly phase: Phase;
  /** The id of the current (or last) run; 0 before the first. */
  readonly run: number;
  readonly outcome?: { readonly run: number } & Outcome;
  readonly lastApply?: LastApply;
}

export type WizardAction =
  | { readonly type: 'settingsLoaded'; readonly settings: PanelSettings }
  | { readonly type: 'settingsChanged'; readonly settings: PanelSettings }
  | { readonly type: 'language'; readonly lang: Lang }
  | { readonly type: 'goTo'; readonly step: Step }
  | { readonly type: 'method'; readonly method: MethodId }
  | { readonly type: 'column'; readonly role: string; readonly column: number | readonly number[] | undefined }
  | { readonly type: 'revenueFrom'; readonly source: RevenueSource }
  | { readonly type: 'option'; readonly param: string; readonly value: string }
  | { readonly type: 'ruleGroups'; readonly groups: readonly RuleGroup[] }
  | { readonly type: 'taxonomy'; readonly taxonomy: TaxonomyId }
  | { readonly type: 'tag'; readonly tag: string }
  | { readonly type: 'newTag'; readonly text: string }
  | { readonly type: 'outputHeader'; readonly header: string }
  | { readonly type: 'colorRows'; readonly on: boolean }
  | { readonly type: 'summary'; readonly on: boolean }
  /** A message outside a run (a preset that found no column, a setting not saved). */
  | { readonly type: 'said'; readonly outcome: Outcome }
  /** The choices do not make a plan: the problems by field, shown on the columns step. */
  | { readonly type: 'planRejected'; readonly problems: Problems }
  | { readonly type: 'started'; readonly run: number; readonly work: WorkKind }
  | { readonly type: 'detected'; readonly run: number; readonly table: TableInfo }
  | { readonly type: 'previewed'; readonly run: number; readonly key: string; readonly result: PreviewResult }
  | { readonly type: 'progress'; readonly run: number; readonly progress: Progress }
  | { readonly type: 'progressShown'; readonly run: number }
  | { readonly type: 'cancelRequested'; readonly run: number }
  | { readonly type: 'applyAnswered'; readonly run: number; readonly key: string; readonly result: ApplyResult }
  | { readonly type: 'undoAnswered'; readonly run: number; readonly changed?: number; readonly undone: boolean }
  | { readonly type: 'converted'; readonly run: number; readonly cells: number; readonly target: string }
  /** A run failed: its error is its outcome, the phase goes back to idle. */
  | { readonly type: 'failed'; readonly run: number; readonly error: unknown }
  /** A run ends (after its outcome was set, e.g. a conversion's preview again). */
  | { readonly type: 'finished'; readonly run: number }
  /** The user answered "keep them" to a question. */
  | { readonly type: 'dismissed' }
  | { readonly type: 'lastApply'; readonly lastApply: LastApply | undefined };

export const DEFAULT_CHOICES: Choices = {
  method: 'rfm',
  mapping: {},
  revenueFrom: 'column',
  options: {},
  ruleGroups: [],
  taxonomy: 'buyingRoles',
  tag: '',
  newTag: '',
  outputHeader: '',
  colorRows: true,
  summary: false,
};

export function initialState(lang: Lang): WizardState {
  return {
    lang,
    settings: { customTags: [] },
    step: 'range',
    choices: DEFAULT_CHOICES,
    problems: {},
    phase: { kind: 'idle' },
    run: 0,
  };
}

const IDLE: Phase = { kind: 'idle' };

/** True while work is in progress: the controls that start runs are off. The questions are not work. */
export function isBusy(phase: Phase): boolean {
  return phase.kind !== 'idle' && phase.kind !== 'confirmingOverwrite' && phase.kind !== 'confirmingUndo';
}

/** The phase a run may start from: a new run from idle, an answer to a question from that question. */
function canStart(phase: Phase, work: WorkKind): boolean {
  if (phase.kind === 'idle') return true;
  if (phase.kind === 'confirmingOverwrite') return work === 'applying';
  if (phase.kind === 'confirmingUndo') return work === 'undoing';
  return false;
}

/** A JSON text with object keys sorted, so equal choices give equal keys whatever order they were set in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * What a preview depends on: the table (where it is, its headers, the selected rows), the language of its labels,
 * and the method, columns, revenue source, options, rule groups and tag. A preview made from other values is stale.
 */
export function previewKey(state: Pick<WizardState, 'table' | 'lang' | 'choices'>): string {
  const { table, lang, choices } = state;
  const { method, mapping, revenueFrom, options, ruleGroups, tag } = choices;
  const where = table && {
    sheet: table.sheetName,
    range: a1Range(table.table),
    headers: table.headers,
    selected: table.selectedRows,
  };
  const mapped = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== undefined));
  return stableJson({ where, lang, method, mapped, revenueFrom, options, ruleGroups, tag: tag.trim() });
}

/** The preview when it was made from the choices on show now; a stale one is left out. */
export function freshPreview(state: WizardState): PreviewResult | undefined {
  return state.preview && state.preview.key === previewKey(state) ? state.preview.result : undefined;
}

/** True when there is a preview, but of other choices than the ones on show. */
export function previewIsStale(state: WizardState): boolean {
  return state.preview !== undefined && state.preview.key !== previewKey(state);
}

/** The columns guessed for a method on a table, and whether order-line revenue is a column or Quantity × Price. */
function guessed(method: MethodId, table: TableInfo | undefined, choices: Choices): Choices {
  if (!table) return { ...choices, method };
  const mapping = guessMapping(method, table.headers, table.sample);
  return { ...choices, method, mapping, revenueFrom: guessRevenueSource(mapping) };
}

/** Whether a table found again is the one the choices were made for: same sheet, same headers. */
function sameTable(before: TableInfo | undefined, after: TableInfo): boolean {
  return (
    before !== undefined &&
    before.sheetName === after.sheetName &&
    before.headers.length === after.headers.length &&
    before.headers.every((h, i) => h === after.headers[i])
  );
}

function choose(state: WizardState, change: Partial<Choices>): WizardState {
  return { ...state, choices: { ...state.choices, ...change } };
}

/** The state after an answer of the current run; answers of older runs change nothing. */
function answer(state: WizardState, run: number, next: (state: WizardState) => WizardState): WizardState {
  return run === state.run && isBusy(state.phase) ? next(state) : state;
}

function ended(state: WizardState, outcome?: Outcome): WizardState {
  return { ...state, phase: IDLE, ...(outcome ? { outcome: { run: state.run, ...outcome } } : {}) };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'settingsLoaded':
      return { ...state, settings: action.settings, ...(action.settings.lang ? { lang: action.settings.lang } : {}) };
    case 'settingsChanged':
      return { ...state, settings: action.settings };
    case 'language':
      return { ...state, lang: action.lang, settings: { ...state.settings, lang: action.lang } };
    case 'goTo':
      if (isBusy(state.phase) || (action.step !== 'range' && !state.table)) return state;
      return { ...state, step: action.step };
    case 'method':
      return { ...state, choices: guessed(action.method, state.table, state.choices), problems: {} };
    case 'column':
      return choose(state, { mapping: { ...state.choices.mapping, [action.role]: action.column } });
    case 'revenueFrom':
      return choose(state, { revenueFrom: action.source });
    case 'option':
      return choose(state, { options: { ...state.choices.options, [action.param]: action.value } });
    case 'ruleGroups':
      return choose(state, { ruleGroups: action.groups });
    case 'taxonomy':
      return choose(state, { taxonomy: action.taxonomy, tag: '' });
    case 'tag':
      return choose(state, { tag: action.tag });
    case 'newTag':
      return choose(state, { newTag: action.text });
    case 'outputHeader':
      return choose(state, { outputHeader: action.header });
    case 'colorRows':
      return choose(state, { colorRows: action.on });
    case 'summary':
      return choose(state, { summary: action.on });
    case 'said':
      return { ...state, outcome: { run: state.run, ...action.outcome } };
    case 'planRejected':
      return isBusy(state.phase) ? state : { ...state, problems: action.problems, step: 'columns' };
    case 'started': {
      if (action.run <= state.run || !canStart(state.phase, action.work)) return state;
      const phase: Phase =
        action.work === 'applying'
          ? { kind: 'applying', showProgress: false, cancelling: false }
          : { kind: action.work };
      const { outcome: _cleared, ...rest } = state;
      return {
        ...rest,
        run: action.run,
        phase,
        problems: action.work === 'previewing' || action.work === 'applying' ? {} : state.problems,
        step: action.work === 'previewing' ? 'preview' : state.step,
      };
    }
    case 'detected':
      return answer(state, action.run, (s) => {
        // Options and rules were made for the table before (its columns, its dates): another table starts afresh.
        const kept = sameTable(s.table, action.table) ? s.choices : { ...s.choices, options: {}, ruleGroups: [] };
        return ended({ ...s, table: action.table, choices: guessed(s.choices.method, action.table, kept) });
      });
    case 'previewed':
      // A conversion previews again within its own run: its notice stays, the phase ends with 'finished'.
      return answer(state, action.run, (s) => {
        const withPreview = { ...s, preview: { result: action.result, key: action.key } };
        return s.phase.kind === 'previewing' ? ended(withPreview) : withPreview;
      });
    case 'progress':
      return answer(state, action.run, (s) =>
        s.phase.kind === 'applying' ? { ...s, phase: { ...s.phase, progress: action.progress } } : s,
      );
    case 'progressShown':
      return answer(state, action.run, (s) =>
        s.phase.kind === 'applying' ? { ...s, phase: { ...s.phase, showProgress: true } } : s,
      );
    case 'cancelRequested':
      return answer(state, action.run, (s) =>
        s.phase.kind === 'applying' ? { ...s, phase: { ...s.phase, cancelling: true } } : s,
      );
    case 'applyAnswered':
      return answer(state, action.run, (s) => {
        const { result } = action;
        if (result.kind === 'needsConfirmation')
          return { ...s, phase: { kind: 'confirmingOverwrite', target: result.target, nonEmpty: result.nonEmpty } };
        if (result.kind === 'cancelled') return ended(s, { kind: 'notice', key: 'cancelled' });
        return ended({ ...s, preview: { result: result.preview, key: action.key } }, { kind: 'applied', result });
      });
    case 'undoAnswered':
      return answer(state, action.run, (s) =>
        action.changed !== undefined
          ? { ...s, phase: { kind: 'confirmingUndo', changed: action.changed } }
          : ended(s, { kind: 'notice', key: action.undone ? 'undone' : 'nothingToUndo' }),
      );
    case 'converted':
      return answer(state, action.run, (s) => ({
        ...s,
        outcome: { run: s.run, kind: 'converted', cells: action.cells, target: action.target },
      }));
    case 'failed':
      return answer(state, action.run, (s) => ended(s, { kind: 'error', error: action.error }));
    case 'finished':
      return answer(state, action.run, (s) => ended(s));
    case 'dismissed':
      return state.phase.kind === 'confirmingOverwrite' || state.phase.kind === 'confirmingUndo'
        ? { ...state, phase: IDLE }
        : state;
    case 'lastApply':
      return action.lastApply ? { ...state, lastApply: action.lastApply } : omitLastApply(state);
  }
}

function omitLastApply(state: WizardState): WizardState {
  const { lastApply: _gone, ...rest } = state;
  return rest;
}
