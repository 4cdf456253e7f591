/**
 * The panel's wizard state machine (panel/wizard/reducer.ts) and its controller (panel/wizard/controller.ts) driven
 * against an in-page host over an in-memory sheet of Vietnamese customers: busy follows the phase, impossible
 * combinations cannot be reached, a preview is shown only for the choices it was made from, a new run clears the
 * previous run's message, cancel puts the sheet back, and the undo line names every method in words.
 */
import { describe, expect, it } from 'vitest';
import { METHODS } from '../core/catalog/index.js';
import type { Progress } from '../core/engine/apply.js';
import { MemorySheet, MemoryUndoStore } from '../core/engine/memory-sheet.js';
import { previewResult, type PreviewResult } from '../core/engine/preview.js';
import { segmentTable } from '../core/engine/segment.js';
import { describeTable, regionAround, TABLE_TOP_ROWS, type TableInfo } from '../core/engine/table.js';
import type { Lang } from '../core/labels.js';
import type { ApplyResult, PanelHost, PanelSettings } from '../panel/host.js';
import { actionName } from '../panel/i18n.js';
import { inPageApply } from '../panel/run-apply.js';
import { createPanelActions, PROGRESS_DELAY_MS } from '../panel/wizard/controller.js';
import { outcomeText } from '../panel/wizard/outcome-text.js';
import {
  freshPreview,
  initialState,
  isBusy,
  previewIsStale,
  previewKey,
  wizardReducer,
  type Phase,
  type WizardAction,
  type WizardState,
} from '../panel/wizard/reducer.js';
import { asSerial, CUSTOMER_SHEET, customerTable } from './hosts/customer-table.js';

const ROWS = 120;

/** An in-page host over one in-memory sheet, the way the playground and Excel hosts are built. */
function memoryHost(values = customerTable(ROWS, asSerial)): PanelHost & { sheet: MemorySheet; applyCalls: number } {
  const sheet = new MemorySheet(CUSTOMER_SHEET, values);
  const inPage = inPageApply({
    io: () => sheet,
    store: new MemoryUndoStore(),
    summaries: { add: async (title) => title, remove: async () => undefined },
  });
  let settings: PanelSettings = { customTags: [] };
  const host = {
    kind: 'playground' as const,
    sheet,
    applyCalls: 0,
    async detectTable(): Promise<TableInfo> {
      const used = await sheet.usedRect();
      const all = await sheet.readValues(used);
      const region = regionAround(all, 3, 1);
      const top = all.slice(region.row, region.row + TABLE_TOP_ROWS).map((l) => l.slice(region.col));
      return describeTable(CUSTOMER_SHEET, region, top, { row: 3, col: 1, rows: 1, cols: 1 });
    },
    async preview(plan: Parameters<PanelHost['preview']>[0]): Promise<PreviewResult> {
      return previewResult(plan, segmentTable(plan, await sheet.readValues(plan.table)));
    },
    ...inPage,
    async apply(...args: Parameters<PanelHost['apply']>): Promise<ApplyResult> {
      host.applyCalls++;
      return inPage.apply(...args);
    },
    async loadSettings() {
      return settings;
    },
    async saveSettings(next: PanelSettings) {
      settings = next;
    },
  };
  return host;
}

/** A store around the reducer, as the panel's hook keeps one, with the controller over it. */
function wizard(host: PanelHost, lang: Lang = 'vi') {
  let state = initialState(lang);
  const seen: WizardAction[] = [];
  const timers: (() => void)[] = [];
  const dispatch = (action: WizardAction): void => {
    seen.push(action);
    state = wizardReducer(state, action);
  };
  const actions = createPanelActions({
    host,
    dispatch,
    current: () => state,
    timers: { set: (run) => timers.push(run), clear: () => undefined },
  });
  return {
    actions,
    dispatch,
    seen,
    timers,
    get state(): WizardState {
      return state;
    },
  };
}

/** A wizard on the customer table, RFM with a fixed as-of date, previewed. */
async function previewed(host: PanelHost = memoryHost()) {
  const w = wizard(host);
  await w.actions.detect();
  w.dispatch({ type: 'option', param: 'as_of', value: '2025-12-31' });
  await w.actions.preview();
  return w;
}

const PHASES: Phase[] = [
  { kind: 'idle' },
  { kind: 'detecting' },
  { kind: 'previewing' },
  { kind: 'applying', showProgress: false, cancelling: false },
  { kind: 'confirmingOverwrite', target: 'K1:K121', nonEmpty: 3 },
  { kind: 'confirmingUndo', changed: 2 },
  { kind: 'undoing' },
  { kind: 'converting' },
];

describe('busy follows the phase', () => {
  it('is busy exactly while work is going on, not while idle or asking a question', () => {
    expect(PHASES.filter(isBusy).map((p) => p.kind)).toEqual([
      'detecting',
      'previewing',
      'applying',
      'undoing',
      'converting',
    ]);
  });

  it('is busy during a host call and idle after it', async () => {
    const host = memoryHost();
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    const w = wizard({
      ...host,
      detectTable: async () => {
        await gate;
        return host.detectTable();
      },
    });
    const running = w.actions.detect();
    expect(w.state.phase.kind).toBe('detecting');
    expect(isBusy(w.state.phase)).toBe(true);
    release();
    await running;
    expect(w.state.phase.kind).toBe('idle');
    expect(w.state.table?.headers[0]).toBe('Khách hàng');
    // The guessed RFM columns of the Vietnamese headers.
    expect(w.state.choices.mapping).toMatchObject({ lastPurchase: 6, orders: 7, revenue: 8 });
  });
});

describe('impossible combinations cannot be reached', () => {
  it('a second run does not start while one is going on, and a double click applies once', async () => {
    const host = memoryHost();
    const w = await previewed(host);
    const first = w.actions.apply();
    const second = w.actions.apply();
    await w.actions.undo();
    await Promise.all([first, second]);
    expect(host.applyCalls).toBe(1);
    expect(w.state.outcome?.kind).toBe('applied');
    // Three runs: detect, preview, apply; the second apply and the undo never started.
    expect(w.state.run).toBe(3);
  });

  it('answers of a run that is no longer the current one change nothing', () => {
    let state = wizardReducer(initialState('en'), { type: 'started', run: 1, work: 'detecting' });
    state = wizardReducer(state, { type: 'failed', run: 1, error: new Error('no table') });
    state = wizardReducer(state, { type: 'started', run: 2, work: 'undoing' });
    const before = state;
    for (const late of [
      { type: 'failed', run: 1, error: new Error('late') },
      { type: 'applyAnswered', run: 1, key: '', result: { kind: 'cancelled' } },
      { type: 'progress', run: 1, progress: { phase: 'write', fraction: 0.5 } },
      { type: 'finished', run: 1 },
    ] as WizardAction[])
      expect(wizardReducer(state, late)).toBe(before);
    // A run id that was used already cannot start again.
    expect(
      wizardReducer(wizardReducer(state, { type: 'finished', run: 2 }), { type: 'started', run: 2, work: 'detecting' })
        .phase.kind,
    ).toBe('idle');
  });

  it('a question leads only to its own action or back to idle; steps do not change under work', () => {
    const asking: WizardState = { ...initialState('en'), run: 3, phase: PHASES[4]! };
    expect(wizardReducer(asking, { type: 'started', run: 4, work: 'undoing' })).toBe(asking);
    expect(wizardReducer(asking, { type: 'started', run: 4, work: 'applying' }).phase.kind).toBe('applying');
    expect(wizardReducer(asking, { type: 'dismissed' }).phase.kind).toBe('idle');
    expect(wizardReducer({ ...asking, phase: PHASES[1]! }, { type: 'dismissed' }).phase.kind).toBe('detecting');
    const working: WizardState = { ...asking, phase: PHASES[6]! };
    expect(wizardReducer(working, { type: 'goTo', step: 'range' })).toBe(working);
    // No step after the first without a table.
    expect(wizardReducer(initialState('en'), { type: 'goTo', step: 'apply' }).step).toBe('range');
  });

  it('progress belongs to an apply: it shows only in the applying phase', () => {
    const progress: Progress = { phase: 'write', fraction: 0.4 };
    const undoing: WizardState = { ...initialState('en'), run: 1, phase: { kind: 'undoing' } };
    expect(wizardReducer(undoing, { type: 'progress', run: 1, progress })).toBe(undoing);
    expect(wizardReducer(undoing, { type: 'progressShown', run: 1 })).toBe(undoing);
  });
});

describe('the preview belongs to the choices it was made from', () => {
  it('a changed column, option, method, revenue source, rule, tag or language hides it; changing back shows it', async () => {
    const w = await previewed();
    const shown = freshPreview(w.state);
    expect(shown?.counts.length).toBeGreaterThan(3);
    expect(w.state.step).toBe('preview');
    const changes: WizardAction[] = [
      { type: 'column', role: 'revenue', column: 4 },
      { type: 'option', param: 'as_of', value: '2025-06-30' },
      { type: 'method', method: 'abc' },
      { type: 'revenueFrom', source: 'quantityPrice' },
      {
        type: 'ruleGroups',
        groups: [{ label: 'Lớn', combine: 'and', conditions: [{ column: 4, op: 'ge', value: '200' }] }],
      },
      { type: 'tag', tag: 'Người mua' },
      { type: 'language', lang: 'en' },
    ];
    for (const change of changes) {
      const changed = wizardReducer(w.state, change);
      expect(freshPreview(changed), change.type).toBeUndefined();
      expect(previewIsStale(changed), change.type).toBe(true);
    }
    // The result column's name and the row colours do not change what a preview shows.
    let same = wizardReducer(w.state, { type: 'outputHeader', header: 'Nhóm RFM' });
    same = wizardReducer(same, { type: 'colorRows', on: false });
    expect(freshPreview(same)).toBe(shown);
    // Back to the column it was made from: the same preview again.
    const back = wizardReducer(wizardReducer(w.state, { type: 'column', role: 'revenue', column: 4 }), {
      type: 'column',
      role: 'revenue',
      column: 8,
    });
    expect(freshPreview(back)).toBe(shown);
  });

  it('the key does not depend on the order the choices were made in', () => {
    const base = initialState('vi');
    const a = wizardReducer(wizardReducer(base, { type: 'option', param: 'x', value: '1' }), {
      type: 'option',
      param: 'y',
      value: '2',
    });
    const b = wizardReducer(wizardReducer(base, { type: 'option', param: 'y', value: '2' }), {
      type: 'option',
      param: 'x',
      value: '1',
    });
    expect(previewKey(a)).toBe(previewKey(b));
  });

  it('previewing again after a change shows the new choices', async () => {
    const w = await previewed();
    const before = freshPreview(w.state)!;
    w.dispatch({ type: 'method', method: 'abc' });
    expect(freshPreview(w.state)).toBeUndefined();
    await w.actions.preview();
    const after = freshPreview(w.state)!;
    expect(after).not.toBe(before);
    expect(after.counts.map((c) => c.label).sort()).toEqual(['A', 'B', 'C']);
  });

  it('keeps options and rules when the same table is found again, and starts afresh on another table', async () => {
    const w = await previewed();
    w.dispatch({ type: 'ruleGroups', groups: [{ label: 'VIP', combine: 'and', conditions: [] }] });
    await w.actions.detect();
    expect(w.state.choices.options).toEqual({ as_of: '2025-12-31' });
    expect(w.state.choices.ruleGroups).toHaveLength(1);
    // The same sheet with another header: another table (its dates and columns are not the ones chosen for).
    const other = memoryHost();
    const v = wizard(other);
    await v.actions.detect();
    v.dispatch({ type: 'option', param: 'as_of', value: '2025-12-31' });
    const first = v.state.table!;
    v.dispatch({ type: 'ruleGroups', groups: [{ label: 'VIP', combine: 'and', conditions: [] }] });
    other.sheet.write({ row: 0, col: 0, rows: 1, cols: 1 }, [['Mã khách hàng']], null);
    await other.sheet.commit();
    await v.actions.detect();
    expect(v.state.table!.headers).not.toEqual(first.headers);
    expect(v.state.choices.options).toEqual({});
    expect(v.state.choices.ruleGroups).toEqual([]);
  });

  it('choices that make no plan stop before the host and show their problems on the columns step', async () => {
    const host = memoryHost();
    const w = wizard(host);
    await w.actions.detect();
    w.dispatch({ type: 'column', role: 'revenue', column: undefined });
    w.dispatch({ type: 'goTo', step: 'apply' });
    await w.actions.apply();
    expect(host.applyCalls).toBe(0);
    expect(w.state.step).toBe('columns');
    expect(w.state.problems.revenue).toBe('Hãy chọn cột cho mục này.');
    expect(w.state.phase.kind).toBe('idle');
  });
});

describe('a message belongs to the run that made it', () => {
  it("a new run clears the previous run's error, notice and applied result", async () => {
    const host = memoryHost();
    const w = await previewed(host);
    await w.actions.apply();
    expect(w.state.outcome?.kind).toBe('applied');
    const appliedRun = w.state.outcome?.run;
    await w.actions.undo();
    expect(w.state.outcome).toMatchObject({ kind: 'notice', key: 'undone' });
    expect(w.state.outcome?.run).toBeGreaterThan(appliedRun!);
    // A failing run: its error, then the next run starts without it.
    const failing = wizard({ ...host, detectTable: () => Promise.reject(new Error('Không có bảng')) });
    await failing.actions.detect();
    expect(failing.state.outcome).toMatchObject({ kind: 'error' });
    expect(outcomeText(failing.state.outcome!, 'vi')).toBe('Không có bảng');
    failing.dispatch({ type: 'started', run: failing.state.run + 1, work: 'detecting' });
    expect(failing.state.outcome).toBeUndefined();
  });

  it('a message is worded in the language on show, also after a switch', () => {
    let state = wizardReducer(initialState('en'), { type: 'said', outcome: { kind: 'notice', key: 'cancelled' } });
    expect(outcomeText(state.outcome!, state.lang)).toBe('Cancelled. The sheet is as it was.');
    state = wizardReducer(state, { type: 'language', lang: 'vi' });
    expect(outcomeText(state.outcome!, state.lang)).toBe('Đã hủy. Trang tính giữ nguyên như trước.');
    const converted = { kind: 'converted', cells: 1234, target: 'A1:A1235' } as const;
    expect(outcomeText(converted, 'vi')).toContain('1.234');
    expect(outcomeText(converted, 'en')).toContain('1,234');
  });
});

describe('cancel', () => {
  it('stops a long apply: progress shows after a while, cancel is marked, the sheet is as it was', async () => {
    const host = memoryHost();
    const before = await host.sheet.readValues(await host.sheet.usedRect());
    let started!: () => void;
    const running = new Promise<void>((done) => (started = done));
    const slow: PanelHost = {
      ...host,
      apply: async (request, onProgress, signal) => {
        onProgress({ phase: 'read', fraction: 0.1 });
        started();
        await new Promise<void>((done) => signal.addEventListener('abort', () => done()));
        return host.apply(request, onProgress, signal);
      },
    };
    const w = wizard(slow);
    await w.actions.detect();
    w.dispatch({ type: 'option', param: 'as_of', value: '2025-12-31' });
    const applying = w.actions.apply();
    await running;
    expect(w.state.phase).toMatchObject({ kind: 'applying', showProgress: false, progress: { fraction: 0.1 } });
    // The delayed progress bar: the timer the controller set for PROGRESS_DELAY_MS.
    expect(PROGRESS_DELAY_MS).toBeGreaterThan(0);
    w.timers.forEach((fire) => fire());
    expect(w.state.phase).toMatchObject({ kind: 'applying', showProgress: true, cancelling: false });
    w.actions.cancel();
    expect(w.state.phase).toMatchObject({ kind: 'applying', cancelling: true });
    await applying;
    expect(w.state.phase.kind).toBe('idle');
    expect(w.state.outcome).toMatchObject({ kind: 'notice', key: 'cancelled' });
    expect(await host.sheet.readValues(await host.sheet.usedRect())).toEqual(before);
    // A timer that fires after the run ended changes nothing.
    const after = w.state;
    w.timers.forEach((fire) => fire());
    expect(w.state).toBe(after);
  });

  it('does nothing when no apply is going on', async () => {
    const w = await previewed();
    const before = w.state;
    w.actions.cancel();
    expect(w.state).toBe(before);
  });

  it('an overwrite question: "keep them" goes back to idle, "replace" applies with the overwrite confirmed', async () => {
    const host = memoryHost();
    const asked: boolean[] = [];
    const careful: PanelHost = {
      ...host,
      apply: async (request, onProgress, signal) => {
        asked.push(request.confirmOverwrite);
        return request.confirmOverwrite
          ? host.apply(request, onProgress, signal)
          : { kind: 'needsConfirmation', target: 'K1:K121', nonEmpty: 1 };
      },
    };
    const w = await previewed(careful);
    await w.actions.apply();
    expect(w.state.phase).toEqual({ kind: 'confirmingOverwrite', target: 'K1:K121', nonEmpty: 1 });
    expect(isBusy(w.state.phase)).toBe(false);
    // While the question is open, nothing else starts.
    await w.actions.undo();
    await w.actions.detect();
    expect(w.state.phase.kind).toBe('confirmingOverwrite');
    w.dispatch({ type: 'dismissed' });
    expect(w.state.phase.kind).toBe('idle');
    expect(w.state.outcome).toBeUndefined();
    await w.actions.apply();
    await w.actions.apply(true);
    expect(asked).toEqual([false, false, true]);
    expect(w.state.outcome?.kind).toBe('applied');
    expect(w.state.lastApply).toMatchObject({ method: 'rfm', header: 'Phân khúc', unfinished: false });
  });
});

describe('the undo line', () => {
  it('names every method and the date conversion in words, in both languages, never by its id', () => {
    for (const lang of ['en', 'vi'] as const) {
      for (const id of [...METHODS.map((m) => m.id), 'convertDates' as const]) {
        const name = actionName(id, lang);
        expect(name.trim()).not.toBe('');
        expect(name).not.toBe(id);
        expect(name).not.toMatch(/[a-z][A-Z]/);
      }
    }
    expect(actionName('rfmOrders', 'vi')).toBe('RFM trên dòng đơn hàng');
  });
});
