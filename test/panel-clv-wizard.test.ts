/**
 * Customer value through the panel's wizard and controller (panel/wizard/*) against an in-page host over an
 * in-memory sheet of order lines, in English and Vietnamese: the columns guessed on choosing the method, the band
 * fields checked before the host is asked, a preview with the model and the customers slipping away, an apply that
 * writes the customer table on a new sheet without the summary box being ticked, the undo line naming the method in
 * words, and undo taking the new sheet away with the segment column.
 */
import { describe, expect, it } from 'vitest';
import { MemorySheet, MemoryUndoStore } from '../core/engine/memory-sheet.js';
import { previewResult, type PreviewResult } from '../core/engine/preview.js';
import { segmentTable } from '../core/engine/segment.js';
import type { SummarySheet } from '../core/engine/summary-sheet.js';
import { describeTable, regionAround, TABLE_TOP_ROWS, type TableInfo } from '../core/engine/table.js';
import { label, type Lang } from '../core/labels.js';
import type { PanelHost, PanelSettings } from '../panel/host.js';
import { actionName } from '../panel/i18n.js';
import { inPageApply } from '../panel/run-apply.js';
import { createPanelActions } from '../panel/wizard/controller.js';
import { freshPreview, initialState, wizardReducer, type WizardAction } from '../panel/wizard/reducer.js';
import { orderLines } from './panel-clv-lines.js';

const SHEET = 'Orders';

/** An in-page host over one in-memory sheet of order lines; the sheets it adds are kept by name. */
function memoryHost(lang: Lang) {
  const sheet = new MemorySheet(SHEET, orderLines(lang, 40, 1));
  const added = new Map<string, SummarySheet>();
  const requests: boolean[] = [];
  const inPage = inPageApply({
    io: () => sheet,
    store: new MemoryUndoStore(),
    summaries: {
      add: async (title, summary) => {
        added.set(title, summary);
        return title;
      },
      remove: async (name) => void added.delete(name),
    },
  });
  let settings: PanelSettings = { customTags: [] };
  const host: PanelHost = {
    kind: 'playground',
    async detectTable(): Promise<TableInfo> {
      const used = await sheet.usedRect();
      const all = await sheet.readValues(used);
      const region = regionAround(all, 1, 1);
      const top = all.slice(region.row, region.row + TABLE_TOP_ROWS).map((l) => l.slice(region.col));
      return describeTable(SHEET, region, top, { row: 1, col: 1, rows: 1, cols: 1 });
    },
    async preview(plan): Promise<PreviewResult> {
      return previewResult(plan, segmentTable(plan, await sheet.readValues(plan.table)));
    },
    ...inPage,
    async apply(request, onProgress, signal) {
      requests.push(request.summarySheet);
      return inPage.apply(request, onProgress, signal);
    },
    async loadSettings() {
      return settings;
    },
    async saveSettings(next) {
      settings = next;
    },
  };
  return { host, sheet, added, requests };
}

function wizard(host: PanelHost, lang: Lang) {
  let state = initialState(lang);
  const dispatch = (action: WizardAction): void => {
    state = wizardReducer(state, action);
  };
  const actions = createPanelActions({
    host,
    dispatch,
    current: () => state,
    timers: { set: () => undefined, clear: () => undefined },
  });
  return {
    actions,
    dispatch,
    get state() {
      return state;
    },
  };
}

describe.each(['en', 'vi'] as const)('Customer value in the wizard (%s)', (lang) => {
  it('guesses the columns, checks the bands, previews, applies the customer sheet and undoes it', async () => {
    const { host, sheet, added, requests } = memoryHost(lang);
    const before = sheet.dump();
    const w = wizard(host, lang);
    await w.actions.detect();
    w.dispatch({ type: 'method', method: 'clv' });
    expect(w.state.choices.mapping).toMatchObject({ orderId: 0, orderDate: 1, customer: 2, revenue: 5 });

    // Bands out of order stop on the columns step, named at the lower band's field, before the host is asked.
    w.dispatch({ type: 'option', param: 'lost_below', value: '0.8' });
    await w.actions.preview();
    expect(w.state.step).toBe('columns');
    expect(Object.keys(w.state.problems)).toEqual(['lost_below']);
    expect(w.state.problems.lost_below).toContain(label('clvActive', lang));
    w.dispatch({ type: 'option', param: 'lost_below', value: lang === 'vi' ? '0,3' : '0.3' });

    await w.actions.preview();
    const preview = freshPreview(w.state);
    expect(preview?.unit).toBe('customers');
    expect(preview?.counts.map((c) => c.label)).toEqual(
      (['clvActive', 'clvAtRisk', 'clvLikelyLost'] as const).map((k) => label(k, lang)),
    );
    expect(preview?.clv?.slipping.length).toBeGreaterThan(0);

    expect(w.state.choices.summary).toBe(false);
    await w.actions.apply();
    expect(w.state.outcome?.kind).toBe('applied');
    expect(requests).toEqual([true]);
    expect(added.size).toBe(1);
    const [, customerSheet] = [...added][0] as [string, SummarySheet];
    const customers = preview?.counts.reduce((sum, c) => sum + c.count, 0) ?? 0;
    const header = customerSheet.cells.findIndex((r) => r[1] === label('headerPAlive', lang));
    expect(customerSheet.cells.slice(header + 1).filter((r) => r[5] !== '').length).toBe(customers);
    expect(w.state.lastApply?.method).toBe('clv');
    expect(actionName('clv', lang)).toBe(lang === 'en' ? 'Customer value' : 'Giá trị khách hàng');

    await w.actions.undo();
    expect(added.size).toBe(0);
    expect(sheet.dump()).toEqual(before);
  });
});
