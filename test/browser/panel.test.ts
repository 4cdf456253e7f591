/**
 * The side panel in the playground, in Chromium: select the sample customers, run the RFM wizard, preview, apply,
 * see the Segment column and the row colours, undo and find the sheet exactly as before; then the same in
 * Vietnamese; then undo pressed while the summary sheet's tab is the one on show. Screenshots go to test/artifacts/.
 */
import { writeFileSync } from 'node:fs';
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

/** The Customers sheet's size as the workbook has it (the grid draws from it). */
async function customersSize(): Promise<{ width: number; height: number }> {
  return session.page.evaluate(() => {
    const workbook = window.segmentkitPlayground!.workbook;
    return workbook.hf.getSheetDimensions(workbook.sheetId('Customers'));
  });
}

/** Steps 1 to 4 of the wizard: the customer table, RFM, its guessed columns, the preview; then on to Apply. */
async function prepareRfm(lang: 'en' | 'vi', someLabel: RegExp): Promise<void> {
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
  await panel.locator('input[data-option="as_of"]').fill('2025-12-31');
  await panel.getByTestId('preview').click();
  // Step 4: counts and a chart.
  await panel.getByTestId('preview-counts').waitFor();
  const rows = await panel.locator('[data-testid="preview-counts"] tbody tr').count();
  expect(rows).toBeGreaterThan(3);
  expect(await panel.locator('[data-testid="preview-counts"]').textContent()).toMatch(someLabel);
  await panel.getByTestId('next').click();
}

async function runRfm(lang: 'en' | 'vi', expected: { header: string; someLabel: RegExp }): Promise<void> {
  const { page } = session;
  const panel = page.getByTestId('segmentkit-panel');
  await prepareRfm(lang, expected.someLabel);

  const before = await customers();
  const size = await customersSize();
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
  // Exactly as wide as before: no empty column is left where the segments were.
  expect(await customersSize()).toEqual(size);
  await page.screenshot({ path: `${ARTIFACTS}panel-rfm-${lang}-undone.png` });
}

/** The sheet tabs' names, and the one on show. */
async function tabs(): Promise<{ names: string[]; active: string[] }> {
  const tab = session.page.getByRole('tab');
  return {
    names: await tab.allTextContents(),
    active: await session.page.locator('[role="tab"][aria-selected="true"]').allTextContents(),
  };
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

  it("undo pressed on the summary sheet's tab: the page lives on, the summary goes, every other sheet and edit stays", async () => {
    const { page } = session;
    const panel = page.getByTestId('segmentkit-panel');
    const errorsBefore = session.errors.length;
    // An imported sheet, and an edit of the customer table, made before the apply.
    const csv = `${ARTIFACTS}panel-notes.csv`;
    writeFileSync(csv, 'Mã KH,Ghi chú\n00001,gọi lại\n00002,"=HYPERLINK(""http://x"",""y"")"\n');
    await page.getByTestId('import-input').setInputFiles(csv);
    await expect.poll(tabs).toMatchObject({ active: ['panel-notes'] });
    await page.evaluate(() => {
      const workbook = window.segmentkitPlayground!.workbook;
      workbook.setInput(workbook.sheetId('Customers'), 4, 1, 'Công ty đã sửa');
    });
    const imported = () =>
      page.evaluate(() => {
        const workbook = window.segmentkitPlayground!.workbook;
        const id = workbook.sheetId('panel-notes');
        return [0, 1, 2].map((r) => [workbook.value(id, r, 0), workbook.value(id, r, 1)]);
      });
    const notes = await imported();
    expect(notes[1]?.[1]).toBe('gọi lại');

    await prepareRfm('en', /Champions|Loyal Customers|Lost/);
    const before = await customers();
    const size = await customersSize();
    const sheetsBefore = (await tabs()).names;
    await panel.getByLabel(/Add a summary sheet/).check();
    await panel.getByTestId('apply').click();
    await panel.getByTestId('applied').waitFor({ timeout: 60_000 });
    expect((await cell(0, 22)).value).toBe('Segment');
    expect((await tabs()).names).toEqual([...sheetsBefore, 'Segment summary']);

    // The summary's tab on show, then Undo in the panel.
    await page.getByRole('tab', { name: 'Segment summary' }).click();
    await expect.poll(tabs).toMatchObject({ active: ['Segment summary'] });
    await page.screenshot({ path: `${ARTIFACTS}panel-undo-summary-before.png` });
    await panel.getByTestId('undo').click();
    await panel.getByTestId('notice').waitFor();
    expect(await panel.getByTestId('notice').textContent()).toContain('Undone');

    // The page is alive: the panel, the tabs and a drawn grid, and no error boundary showing.
    await page.locator('canvas').first().waitFor({ state: 'visible' });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('#root').innerHTML()).not.toBe('');
    // The summary is gone, the tab beside it is on show.
    const after = await tabs();
    expect(after.names).toEqual(sheetsBefore);
    expect(after.active).toHaveLength(1);
    expect(after.active[0]).not.toBe('Segment summary');
    expect(after.active).toEqual(['panel-notes']);
    // The result column is gone, the sheet as wide as before; the edit and the imported sheet are still there.
    expect(await customers()).toEqual(before);
    expect((await cell(0, 22)).value).toBeNull();
    expect(await customersSize()).toEqual(size);
    expect((await cell(4, 1)).value).toBe('Công ty đã sửa');
    expect(await imported()).toEqual(notes);
    expect(session.errors.slice(errorsBefore)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}panel-undo-summary-after.png` });
    // And the page still works: the customer sheet's tab opens and draws.
    await page.getByRole('tab', { name: 'Customers' }).click();
    await expect.poll(tabs).toMatchObject({ active: ['Customers'] });
    await page.locator('canvas').first().waitFor({ state: 'visible' });
  });

  it('made no request outside localhost and logged no error', () => {
    expect(session.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
