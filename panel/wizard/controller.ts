/**
 * The panel's calls to its host (find the table, preview, apply with progress and cancel, convert dates, undo, load
 * and save settings), each turned into wizard actions. Plain TypeScript over a `dispatch` and a `current()` state
 * reader, so it runs (and is tested) without React; use-panel-controller.ts wires it into the panel.
 */
import type { DayMonthOrder } from '../../core/dates.js';
import type { Plan } from '../../core/engine/plan.js';
import type { Lang } from '../../core/labels.js';
import type { PanelHost, PanelSettings } from '../host.js';
import { buildPlan, writesCustomerTable } from '../plan-builder.js';
import { riskPreset, unreliablePreset } from '../presets.js';
import { withTag } from '../taxonomies.js';
import { isBusy, previewKey, type WizardAction, type WizardState, type WorkKind } from './reducer.js';

/** Runs shorter than this show no progress bar. */
export const PROGRESS_DELAY_MS = 1000;

export interface PanelActions {
  /** Loads the saved settings and the last apply; call once when the panel opens. */
  load(): Promise<void>;
  detect(): Promise<void>;
  preview(): Promise<void>;
  apply(confirmOverwrite?: boolean): Promise<void>;
  /** Stops the apply in progress; the host puts back what it changed and answers `cancelled`. */
  cancel(): void;
  convert(column: number, order?: DayMonthOrder): Promise<void>;
  undo(confirmChanged?: boolean): Promise<void>;
  changeLanguage(lang: Lang): void;
  addOwnTag(): void;
  removeOwnTag(): void;
  addPreset(which: 'risk' | 'unreliable'): void;
}

export interface ControllerDeps {
  readonly host: PanelHost;
  readonly dispatch: (action: WizardAction) => void;
  /** The state as the reducer has it now (after every action dispatched so far). */
  readonly current: () => WizardState;
  readonly timers?: { set: (run: () => void, ms: number) => unknown; clear: (id: unknown) => void };
}

const REAL_TIMERS = {
  set: (run: () => void, ms: number): unknown => setTimeout(run, ms),
  clear: (id: unknown): void => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export function createPanelActions({ host, dispatch, current, timers = REAL_TIMERS }: ControllerDeps): PanelActions {
  let lastRun = 0;
  let abort: AbortController | undefined;

  /** Starts a run when the phase allows it; answers its id, or undefined when another run is going on. */
  const begin = (work: WorkKind): number | undefined => {
    const before = current();
    const run = Math.max(lastRun, before.run) + 1;
    dispatch({ type: 'started', run, work });
    if (current().run !== run) return undefined;
    lastRun = run;
    return run;
  };

  /** The plan for the choices on show, or undefined after showing what is wrong with them. */
  const plan = (): { plan: Plan; key: string } | undefined => {
    const state = current();
    if (!state.table) return undefined;
    const built = buildPlan(state.table, state.choices, state.lang);
    if (!built.plan) {
      dispatch({ type: 'planRejected', problems: built.problems });
      return undefined;
    }
    return { plan: built.plan, key: previewKey(state) };
  };

  const saveSettings = (settings: PanelSettings): void => {
    dispatch({ type: 'settingsChanged', settings });
    host
      .saveSettings(settings)
      .catch((error: unknown) => dispatch({ type: 'said', outcome: { kind: 'error', error } }));
  };

  const refreshLastApply = async (): Promise<void> => {
    const lastApply = await host.lastApply().catch(() => current().lastApply);
    dispatch({ type: 'lastApply', lastApply });
  };

  return {
    async load() {
      await Promise.all([
        host
          .loadSettings()
          .then((settings) => dispatch({ type: 'settingsLoaded', settings }))
          .catch((error: unknown) => dispatch({ type: 'said', outcome: { kind: 'error', error } })),
        refreshLastApply(),
      ]);
    },

    async detect() {
      const run = begin('detecting');
      if (run === undefined) return;
      try {
        dispatch({ type: 'detected', run, table: await host.detectTable() });
      } catch (error) {
        dispatch({ type: 'failed', run, error });
      }
    },

    async preview() {
      if (isBusy(current().phase)) return;
      const made = plan();
      if (!made) return;
      const run = begin('previewing');
      if (run === undefined) return;
      try {
        dispatch({ type: 'previewed', run, key: made.key, result: await host.preview(made.plan) });
      } catch (error) {
        dispatch({ type: 'failed', run, error });
      }
    },

    async apply(confirmOverwrite = false) {
      const state = current();
      if (isBusy(state.phase)) return;
      const made = plan();
      if (!made) return;
      const run = begin('applying');
      if (run === undefined) return;
      const controller = new AbortController();
      abort = controller;
      const timer = timers.set(() => dispatch({ type: 'progressShown', run }), PROGRESS_DELAY_MS);
      try {
        const result = await host.apply(
          {
            plan: made.plan,
            confirmOverwrite,
            summarySheet: state.choices.summary || writesCustomerTable(made.plan.method),
          },
          (progress) => dispatch({ type: 'progress', run, progress }),
          controller.signal,
        );
        dispatch({ type: 'applyAnswered', run, key: made.key, result });
        if (result.kind === 'applied') await refreshLastApply();
      } catch (error) {
        dispatch({ type: 'failed', run, error });
      } finally {
        timers.clear(timer);
        if (abort === controller) abort = undefined;
      }
    },

    cancel() {
      const state = current();
      if (state.phase.kind !== 'applying' || !abort) return;
      dispatch({ type: 'cancelRequested', run: state.run });
      abort.abort();
    },

    async convert(column, order) {
      const table = current().table;
      if (!table) return;
      const run = begin('converting');
      if (run === undefined) return;
      try {
        const result = await host.convertDates({
          sheetName: table.sheetName,
          table: table.table,
          column,
          ...(order ? { order } : {}),
        });
        dispatch({ type: 'converted', run, cells: result.cells, target: result.target });
        await refreshLastApply();
        // The same choices, previewed again on the converted column.
        const state = current();
        const built = buildPlan(table, state.choices, state.lang);
        if (built.plan)
          dispatch({ type: 'previewed', run, key: previewKey(state), result: await host.preview(built.plan) });
        dispatch({ type: 'finished', run });
      } catch (error) {
        dispatch({ type: 'failed', run, error });
      }
    },

    async undo(confirmChanged = false) {
      const run = begin('undoing');
      if (run === undefined) return;
      try {
        const result = await host.undo(confirmChanged);
        dispatch({
          type: 'undoAnswered',
          run,
          undone: result.kind === 'undone',
          ...(result.kind === 'needsConfirmation' ? { changed: result.changed } : {}),
        });
      } catch (error) {
        dispatch({ type: 'failed', run, error });
      } finally {
        await refreshLastApply();
      }
    },

    changeLanguage(lang) {
      dispatch({ type: 'language', lang });
      saveSettings({ ...current().settings, lang });
    },

    addOwnTag() {
      const { settings, choices } = current();
      const tag = choices.newTag.trim();
      if (tag === '') return;
      saveSettings({ ...settings, customTags: withTag(settings.customTags, tag) });
      dispatch({ type: 'tag', tag });
      dispatch({ type: 'newTag', text: '' });
    },

    removeOwnTag() {
      const { settings, choices } = current();
      saveSettings({ ...settings, customTags: settings.customTags.filter((x) => x !== choices.tag) });
      dispatch({ type: 'tag', tag: '' });
    },

    addPreset(which) {
      const { table, lang, choices } = current();
      if (!table) return;
      const group = which === 'risk' ? riskPreset(table, lang) : unreliablePreset(table, lang);
      if (group) dispatch({ type: 'ruleGroups', groups: [...choices.ruleGroups, group] });
      else dispatch({ type: 'said', outcome: { kind: 'warning', key: 'presetNoColumns' } });
    },
  };
}
