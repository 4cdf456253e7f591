/**
 * The Sheets server's failures reach the sidebar in the user's language: a method's whole-call problem (thrown by the
 * core in English as a SegmentKitError) crosses the bridge as a PanelError, and refused settings say why in words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../apps-script/panel-server.js';
import { PanelError } from '../core/engine/messages.js';
import type { PanelSettings } from '../panel/host.js';
import { asDate, CUSTOMER_SHEET, customerPlan, customerTable } from './hosts/customer-table.js';
import { FakeSpreadsheetApp } from './hosts/fake-spreadsheet-app.js';

const installed: string[] = [];
afterEach(() => {
  for (const name of installed.splice(0)) delete (globalThis as Record<string, unknown>)[name];
});

function install(rows: number): void {
  const app = new FakeSpreadsheetApp(CUSTOMER_SHEET);
  app.sheet(CUSTOMER_SHEET).fill(customerTable(rows, asDate));
  for (const [name, value] of Object.entries(app.globals())) {
    installed.push(name);
    (globalThis as Record<string, unknown>)[name] = value;
  }
}

/** What the sidebar would show for what the server threw, as it crossed the bridge (only the message survives). */
function shown(run: () => unknown, lang: 'en' | 'vi'): string {
  try {
    run();
  } catch (error) {
    const crossed = new Error(error instanceof Error ? error.message : String(error));
    const panel = PanelError.from(crossed);
    if (!panel) throw new Error(`not a panel error: ${crossed.message}`);
    return panel.messageIn(lang);
  }
  throw new Error('the server did not refuse');
}

describe('Sheets server messages in the user language', () => {
  it('says a k-means whole-call problem in Vietnamese, not in the core English', () => {
    install(5);
    const plan = customerPlan(5, {
      method: 'kmeans',
      columns: { features: [7, 8] },
      options: { values: { k: '9' } },
    });
    const vi = shown(() => server.segmentkitPreview(plan), 'vi');
    const en = shown(() => server.segmentkitPreview(plan), 'en');
    expect(vi).not.toBe(en);
    expect(vi).not.toMatch(/\bmust\b|\bfeatures\b/);
  });

  it('names why settings are refused in the language', () => {
    install(3);
    const bad = { customTags: [], lang: 'fr' } as unknown as PanelSettings;
    expect(shown(() => server.segmentkitSaveSettings(bad), 'vi')).toContain('tiếng Anh hoặc tiếng Việt');
    expect(shown(() => server.segmentkitSaveSettings(bad), 'en')).toContain('English or Vietnamese');
  });
});
