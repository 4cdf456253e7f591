/**
 * The built Sheets sidebar (dist/apps-script/Sidebar.html, one self-contained file) in Chromium with a stand-in
 * for google.script.run answering as the server would: it renders the panel's first step, finds the table through
 * the bridge, requests nothing, logs no error.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSidebar, SIDEBAR_PATH } from '../../scripts/build-sidebar.js';
import { ARTIFACTS, openSession, type Session } from './harness.js';

let session: Session;
const page = () => session.page;

beforeAll(async () => {
  if (!existsSync(SIDEBAR_PATH)) await buildSidebar();
  session = await openSession({ width: 340, height: 800 });
  await page().addInitScript(() => {
    const answers: Record<string, unknown> = {
      segmentkitLoadSettings: { customTags: [] },
      segmentkitLastApply: null,
      segmentkitDetectTable: {
        sheetName: 'Khách hàng',
        table: { row: 0, col: 0, rows: 2001, cols: 5 },
        headers: ['Khách hàng', 'Ngày mua cuối', 'Số đơn', 'Doanh thu', 'Vùng'],
        sample: [['An Phát', 45600, 12, 27000000, 'Bắc']],
        selectedRows: [],
      },
    };
    const calls: string[] = [];
    (window as unknown as { serverCalls: string[] }).serverCalls = calls;
    const runner = (success?: (v: unknown) => void, failure?: (e: Error) => void): unknown =>
      new Proxy(
        {},
        {
          get(_, name: string) {
            if (name === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, failure);
            if (name === 'withFailureHandler') return (f: (e: Error) => void) => runner(success, f);
            return () => {
              calls.push(name);
              setTimeout(() =>
                name in answers ? success?.(answers[name]) : failure?.(new Error(`no stub answer for ${name}`)),
              );
            };
          },
        },
      );
    (window as unknown as { google: unknown }).google = { script: { run: runner() } };
  });
  await page().goto(pathToFileURL(SIDEBAR_PATH).href);
});

afterAll(async () => {
  await session?.close();
});

describe('Sidebar.html in Chromium', () => {
  it('renders the first step of the panel', async () => {
    await page().getByTestId('segmentkit-panel').locator('[data-step="range"]').waitFor();
  });

  it('finds the table through the bridge', async () => {
    await page().locator('[data-step="range"] button').click();
    await expect.poll(() => page().getByTestId('table-found').textContent()).toContain('Khách hàng!A1:E2001');
    const calls = await page().evaluate(() => (window as unknown as { serverCalls: string[] }).serverCalls);
    expect(calls).toEqual(
      expect.arrayContaining(['segmentkitLoadSettings', 'segmentkitLastApply', 'segmentkitDetectTable']),
    );
    await expect.poll(() => page().getByTestId('next').isEnabled()).toBe(true);
    await page().screenshot({ path: `${ARTIFACTS}sidebar.png`, fullPage: true });
  });

  it('requested nothing but itself and logged no error', () => {
    expect(session.requests.filter((url) => url !== pathToFileURL(SIDEBAR_PATH).href)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
