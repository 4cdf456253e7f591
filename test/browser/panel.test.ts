/**
 * The side panel in the playground, in Chromium: select the sample customers, run the RFM wizard, preview, apply,
 * see the Segment column and the row colours, undo and find the sheet exactly as before; then the same in
 * Vietnamese. Screenshots go to test/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, isLocal, openPlayground, openSession, type Session } from './harness.js';

let session: Session;

beforeAll(async () => {
  session = await openSession({ width: 1600, height: 900 });
  await openPlayground(session);
});

afterAll(async () => {
  await session?.close();
});

/** Values, inputs and fills of the Customers sheet over the table and the column after it. */
async function customers(): Promise<unknown[]> {
  return session.page.evaluate(() => {
    const workbook = window.segmentkitPlayground!.workbook;
    const id = workbook.sheetId('Customers');
    const out: unknown[] = [];
    for (let r = 0; r < 2002; r++)
      for (let c = 0; c < 24; c++) {
        const v = workbook.value(id, r, c);
        out.push([typeof v === 'object' && v !== null ? 'error' : v, workbook.background(id, r, c)]);
      }
    return out;
  });
}

async function cell(row: number, col: number): Promise<{ value: unknown; fill: string | null }> {
  return session.page.evaluate(
    ({ row, col }) => {
      const workbook = window.segmentkitPlayground!.workbook;
      const id = workbook.sheetId('Customers');
      return { value: workbook.value(id, row, col), fill: workbook.background(id, row, col) };
    },
    { row, col },
  );
}

async function goTo(address: string): Promise<void> {
  const nameBox = session.page.getByRole('textbox', { name: 'Name box' });
  await nameBox.click();
  await nameBox.fill(address);
  await nameBox.press('Enter');
}

async function runRfm(lang: 'en' | 'vi', expected: { header: string; someLabel: RegExp }): Promise<void> {
  const { page } = session;
  const panel = page.getByTestId('segmentkit-panel');
  await panel.getByTestId('language').selectOption(lang);
  await page.getByRole('tab', { name: 'Customers' }).click();
  await goTo('B5');
  // Step 1: the table around the selection.
  await panel.locator('.sk-steps button').first().click();
  await panel.locator('[data-step="range"] button').click();
  await expect.poll(() => panel.getByTestId('table-found').textContent()).toContain('Customers!A1:V2001');
  await panel.getByTestId('next').click();
  // Step 2: RFM on customer rows.
  await panel.locator('[data-step="method"] input[value="rfm"]').check();
  await panel.getByTestId('next').click();
  // Step 3: the guessed columns; an explicit as_of so the answer does not depend on today.
  for (const role of ['lastPurchase', 'orders', 'revenue'])
    expect(await panel.locator(`select[data-role="${role}"]`).inputValue()).not.toBe('');
  await panel.locator('input[data-option="asOf"]').fill('2025-12-31');
  await panel.getByTestId('preview').click();
  // Step 4: counts and a chart.
  await panel.getByTestId('preview-counts').waitFor();
  const rows = await panel.locator('[data-testid="preview-counts"] tbody tr').count();
  expect(rows).toBeGreaterThan(3);
  expect(await panel.locator('[data-testid="preview-counts"]').textContent()).toMatch(expected.someLabel);
  await panel.getByTestId('next').click();

  const before = await customers();
  await panel.getByTestId('apply').click();
  await panel.getByTestId('applied').waitFor({ timeout: 60_000 });
  expect((await cell(0, 22)).value).toBe(expected.header);
  const first = await cell(1, 22);
  expect(String(first.value)).toMatch(/\S/);
  expect(first.fill).toMatch(/^#[0-9a-f]{6}$/);
  expect((await cell(1, 0)).fill).toBe(first.fill);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: `${ARTIFACTS}panel-rfm-${lang}.png` });

  await panel.getByTestId('undo').click();
  await panel.getByTestId('notice').waitFor();
  expect(await customers()).toEqual(before);
  expect((await cell(0, 22)).value).toBeNull();
  await page.screenshot({ path: `${ARTIFACTS}panel-rfm-${lang}-undone.png` });
}

describe('the side panel in the playground', () => {
  it('shows its first step beside the grid', async () => {
    await session.page.getByTestId('segmentkit-panel').locator('[data-step="range"]').waitFor();
  });

  it('runs the RFM wizard, applies, and undo puts the sheet back (English)', async () => {
    await runRfm('en', { header: 'Segment', someLabel: /Champions|Loyal Customers|Lost/ });
  });

  it('does the same in Vietnamese', async () => {
    await runRfm('vi', { header: 'Phân khúc', someLabel: /Nhà vô địch|Khách hàng trung thành|Đã mất/ });
  });

  it('made no request outside localhost and logged no error', () => {
    expect(session.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
