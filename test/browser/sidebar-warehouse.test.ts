/**
 * The built Sheets sidebar in Chromium, walked to its last step on order lines (issue 19, item 4): the stand-in for
 * google.script.run answers as the server would, the preview computed by the core in this process from the plan the
 * sidebar sends; on the apply step the sidebar offers RFM_TABLE's BigQuery query with the input table spelled out and
 * the command line, and never offers *Open an order file* (DuckDB-Wasm cannot load there). Nothing is requested.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/engine/plan.js';
import { previewResult } from '../../core/engine/preview.js';
import { segmentTable } from '../../core/engine/segment.js';
import { sqlFor } from '../../core/sql/index.js';
import { generateOrderLines } from '../../playground/sample/orders.js';
import { buildSidebar, SIDEBAR_PATH } from '../../scripts/build-sidebar.js';
import { ARTIFACTS, openSession, type Session } from './harness.js';

const LINES = generateOrderLines(60);
const HEADERS = ['Mã đơn', 'Ngày', 'Khách hàng', 'Sản phẩm', 'Số lượng', 'Thành tiền'];
/** The sheet the stand-in server reads: the header and the order lines. */
const SHEET = [HEADERS, ...LINES.map((l) => [l.orderId, l.date, l.customer, l.product, l.quantity, l.amount])];

let session: Session;
const page = () => session.page;
const plans: Plan[] = [];

beforeAll(async () => {
  if (!existsSync(SIDEBAR_PATH)) await buildSidebar();
  session = await openSession({ width: 340, height: 900 });
  await page().exposeFunction('serverPreview', (plan: Plan) => {
    plans.push(plan);
    return previewResult(plan, segmentTable(plan, SHEET));
  });
  await page().addInitScript(
    ({ headers, sample, rows }) => {
      const answers: Record<string, unknown> = {
        segmentkitLoadSettings: { customTags: [] },
        segmentkitLastApply: null,
        segmentkitDetectTable: {
          sheetName: 'Đơn hàng',
          table: { row: 0, col: 0, rows, cols: headers.length },
          headers,
          sample,
          selectedRows: [],
        },
      };
      const calls: string[] = [];
      (window as unknown as { serverCalls: string[] }).serverCalls = calls;
      const preview = (window as unknown as { serverPreview: (plan: unknown) => Promise<unknown> }).serverPreview;
      const runner = (success?: (v: unknown) => void, failure?: (e: Error) => void): unknown =>
        new Proxy(
          {},
          {
            get(_, name: string) {
              if (name === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, failure);
              if (name === 'withFailureHandler') return (f: (e: Error) => void) => runner(success, f);
              return (...args: unknown[]) => {
                calls.push(name);
                if (name === 'segmentkitPreview') {
                  void preview(args[0]).then(success, (e: Error) => failure?.(e));
                  return;
                }
                setTimeout(() =>
                  name in answers ? success?.(answers[name]) : failure?.(new Error(`no stub answer for ${name}`)),
                );
              };
            },
          },
        );
      (window as unknown as { google: unknown }).google = { script: { run: runner() } };
    },
    { headers: HEADERS, sample: SHEET.slice(1, 11), rows: SHEET.length },
  );
  await page().goto(pathToFileURL(SIDEBAR_PATH).href);
});

afterAll(async () => {
  await session?.close();
});

describe('Sidebar.html on order lines, to the apply step', () => {
  it('walks RFM on order lines to the apply step through the bridge', async () => {
    const panel = page().getByTestId('segmentkit-panel');
    await panel.getByTestId('language').selectOption('vi');
    await panel.locator('[data-step="range"]').waitFor();
    // DuckDB-Wasm cannot load in the Apps Script sidebar: no order file to open, on any step.
    expect(await panel.getByTestId('open-order-file').count()).toBe(0);
    await panel.locator('[data-step="range"] button').click();
    await expect.poll(() => panel.getByTestId('table-found').textContent()).toContain('Đơn hàng!A1:F');
    expect(await panel.getByTestId('open-order-file').count()).toBe(0);
    await panel.getByTestId('next').click();
    await panel.locator('[data-step="method"] input[value="rfmOrders"]').check();
    expect(await panel.getByTestId('open-order-file').count()).toBe(0);
    await panel.getByTestId('next').click();
    // The columns guessed from the Vietnamese headers, order id included.
    for (const [role, header] of [
      ['customer', 'Khách hàng'],
      ['orderDate', 'Ngày'],
      ['revenue', 'Thành tiền'],
      ['orderId', 'Mã đơn'],
    ] as const) {
      const select = panel.locator(`select[data-role="${role}"]`);
      expect(await select.inputValue(), role).toBe(String(HEADERS.indexOf(header)));
    }
    await panel.getByTestId('preview').click();
    await panel.getByTestId('preview-counts').waitFor();
    expect(plans.length).toBeGreaterThan(0);
    await panel.getByTestId('next').click();
    await panel.getByTestId('apply').waitFor();
  });

  it("offers the method's BigQuery query, its input table and the command line", async () => {
    const panel = page().getByTestId('segmentkit-panel');
    const section = panel.getByTestId('warehouse-sql');
    await section.getByRole('button', { name: 'Lớn hơn một trang tính: cùng truy vấn cho BigQuery' }).click();
    const box = section.getByRole('textbox', { name: 'Lớn hơn một trang tính: cùng truy vấn cho BigQuery' });
    // The query the plan asks for: RFM_TABLE with the order ids the columns step mapped.
    const plan = plans[plans.length - 1] as Plan;
    expect(plan.method).toBe('rfmOrders');
    expect(await box.inputValue()).toBe(sqlFor('RFM_TABLE', 'bigquery', { lang: 'vi', orderIds: true }));
    const shown = (await section.textContent()) ?? '';
    expect(shown).toContain('orders(line, customer, order_id, order_date, revenue)');
    expect(shown).toContain('npx segmentkit rfm orders.csv');
    // the accordion's opening animation, for the screenshot only
    await page().waitForTimeout(600);
    await page().screenshot({ path: `${ARTIFACTS}sidebar-bigquery.png`, fullPage: true });
  });

  it('requested nothing but itself and logged no error', () => {
    expect(session.requests.filter((url) => url !== pathToFileURL(SIDEBAR_PATH).href)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
