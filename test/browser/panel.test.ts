/**
 * The side panel in the playground, in Chromium: select the sample customers, run the RFM wizard, preview, apply,
 * see the Segment column and the row colours, undo and find the sheet exactly as before; then the same in
 * Vietnamese; then undo pressed while the summary sheet's tab is the one on show. Then the layout of a task pane:
 * at 1024 × 700 the panel takes Excel's 320 px, nothing inside it sticks out or cuts its text on any step (the rule
 * builder with two conditions included, in English and Vietnamese), Back / Next stay in view and uncovered by an
 * import toast, and the panel collapses, opens again where it was, and resizes within 300–600 px.
 * Screenshots go to test/artifacts/.
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
  return session.page.evaluate(async () => {
    const workbook = window.segmentkitPlayground!.workbook;
    const values = await workbook.valuesOf('Customers', 0, 0, 2002, 24);
    const fills = await workbook.fillsOf('Customers', 0, 0, 2002, 24);
    const out: unknown[] = [];
    for (let r = 0; r < 2002; r++)
      for (let c = 0; c < 24; c++) {
        const v = values[r]![c];
        out.push([typeof v === 'object' && v !== null ? 'error' : v, fills[r]![c]]);
      }
    return out;
  });
}

async function cell(row: number, col: number): Promise<{ value: unknown; fill: string | null }> {
  return session.page.evaluate(
    async ({ row, col }) => {
      const workbook = window.segmentkitPlayground!.workbook;
      const [[value]] = (await workbook.valuesOf('Customers', row, col, 1, 1)) as [[unknown]];
      const [[fill]] = (await workbook.fillsOf('Customers', row, col, 1, 1)) as [[string | null]];
      return { value, fill };
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
  return session.page.evaluate(() => window.segmentkitPlayground!.workbook.sheetSize('Customers'));
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
      return workbook.setInput(workbook.sheetId('Customers'), 4, 1, 'Công ty đã sửa');
    });
    const imported = () =>
      page.evaluate(() => window.segmentkitPlayground!.workbook.valuesOf('panel-notes', 0, 0, 3, 2));
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

/**
 * Page-side check, as source text (run in the page as it is): the panel's elements that stick out of it or cut their
 * content, and selects whose chosen text is wider than the room they give it.
 */
const PANEL_OVERFLOW = `(() => {
  const panel = document.querySelector('[data-testid="segmentkit-panel"]');
  if (!panel) return ['no panel'];
  const box = panel.getBoundingClientRect();
  const bad = [];
  const name = (el) => {
    const id = el.getAttribute('data-testid') || el.getAttribute('aria-label') || '';
    const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
    return el.tagName.toLowerCase() + (cls ? '.' + cls : '') + (id ? '[' + id + ']' : '') +
      ' "' + (el.textContent || '').trim().slice(0, 30) + '"';
  };
  if (panel.scrollWidth > panel.clientWidth + 1)
    bad.push('the panel scrolls sideways (' + panel.scrollWidth + ' > ' + panel.clientWidth + ')');
  for (const el of panel.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > box.right + 1 || r.left < box.left - 1)
      bad.push(name(el) + ' spans ' + Math.round(r.left) + '-' + Math.round(r.right) + ', the panel ' +
        Math.round(box.left) + '-' + Math.round(box.right));
    if (el instanceof HTMLElement && !(el instanceof HTMLInputElement) && !(el instanceof HTMLSelectElement)) {
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        bad.push(name(el) + ' cuts its content (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
    }
  }
  const canvas = document.createElement('canvas').getContext('2d');
  for (const select of panel.querySelectorAll('select')) {
    const style = getComputedStyle(select);
    canvas.font = style.fontStyle + ' ' + style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
    const shown = select.selectedOptions[0] ? select.selectedOptions[0].text : '';
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const width = canvas.measureText(shown).width;
    if (width > room + 1)
      bad.push(name(select) + ' cuts "' + shown + '" (' + Math.round(width) + ' px in ' + Math.round(room) + ' px)');
  }
  return bad;
})()`;

describe('the side panel in a task-pane-sized column (1024 × 700)', () => {
  let narrow: Session;
  const panel = () => narrow.page.getByTestId('segmentkit-panel');
  const overflow = (): Promise<string[]> => narrow.page.evaluate(PANEL_OVERFLOW) as Promise<string[]>;
  /** The element on top at a control's centre is the control (or inside it): nothing covers it. */
  const uncovered = (testId: string): Promise<boolean> =>
    panel()
      .getByTestId(testId)
      .evaluate((button) => {
        const r = button.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top !== null && button.contains(top) && r.bottom <= window.innerHeight && r.top >= 0;
      });
  const shot = (name: string) => narrow.page.screenshot({ path: `${ARTIFACTS}panel-320-${name}.png` });

  beforeAll(async () => {
    narrow = await openSession({ width: 1024, height: 700 });
    await openPlayground(narrow);
  });

  afterAll(async () => {
    await narrow?.close();
  });

  it("takes Excel's task pane width by default, well under 35 % of the window", async () => {
    const width = await narrow.page.getByTestId('side-panel').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(300);
    expect(width).toBeLessThanOrEqual(330);
    expect(width / 1024).toBeLessThan(0.35);
  });

  it('no control sticks out or is cut on any step, the rule builder with two conditions included', async () => {
    const { page } = narrow;
    await page.getByRole('tab', { name: 'Customers' }).click();
    const nameBox = page.getByRole('textbox', { name: 'Name box' });
    await nameBox.fill('B5');
    await nameBox.press('Enter');
    expect(await overflow()).toEqual([]);
    await panel().locator('[data-step="range"] button').click();
    await panel().getByTestId('table-found').waitFor();
    expect(await overflow()).toEqual([]);
    await panel().getByTestId('next').click();
    expect(await overflow()).toEqual([]);
    await panel().locator('[data-step="method"] input[value="rfm"]').check();
    await panel().getByTestId('next').click();
    await panel().locator('input[data-option="as_of"]').fill('2025-12-31');
    expect(await overflow()).toEqual([]);
    await panel().getByTestId('preview').click();
    await panel().getByTestId('preview-counts').waitFor();
    expect(await overflow()).toEqual([]);
    await shot('preview');
    await panel().getByTestId('next').click();
    expect(await overflow()).toEqual([]);

    // The columns step of every method (order lines with Quantity × Price, k-means' check boxes, tags' lists).
    await panel().locator('.sk-steps button').nth(1).click();
    const methods = await panel()
      .locator('[data-step="method"] input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(methods.length).toBeGreaterThan(8);
    for (const method of methods) {
      await panel().locator('.sk-steps button').nth(1).click();
      await panel().locator(`[data-step="method"] input[value="${method}"]`).check();
      await panel().getByTestId('next').click();
      await panel().locator('[data-step="columns"]').waitFor();
      expect(await overflow(), method).toEqual([]);
      const quantityPrice = panel().getByRole('radio', { name: 'Quantity × Price' });
      if ((await quantityPrice.count()) > 0) {
        await quantityPrice.check();
        expect(await overflow(), `${method}, Quantity × Price`).toEqual([]);
      }
    }

    // Rules: a group with two conditions, the longest operator chosen in the second.
    for (const lang of ['en', 'vi'] as const) {
      await panel().getByTestId('language').selectOption(lang);
      await panel().locator('.sk-steps button').nth(1).click();
      await panel().locator('[data-step="method"] input[value="rules"]').check();
      await panel().getByTestId('next').click();
      const step = panel().locator('[data-step="columns"]');
      if ((await step.getByTestId('rule-group').count()) === 0) {
        await step.getByRole('button', { name: lang === 'en' ? 'Add group' : 'Thêm nhóm' }).click();
        await step.getByRole('button', { name: lang === 'en' ? 'Add condition' : 'Thêm điều kiện' }).click();
      }
      const conditions = step.getByTestId('rule-condition');
      expect(await conditions.count()).toBe(2);
      await conditions.nth(1).locator('select').nth(1).selectOption('daysBeforeLatest');
      await conditions.nth(1).locator('select').nth(0).selectOption({ index: 15 });
      expect(await overflow()).toEqual([]);
      // Back and Preview stay in view at the bottom of the long step.
      expect(await uncovered('preview')).toBe(true);
      await shot(`rules-${lang}`);
    }
    await panel().getByTestId('language').selectOption('en');
  });

  it('an import toast does not cover the panel', async () => {
    const csv = `${ARTIFACTS}panel-320-toast.csv`;
    writeFileSync(csv, 'Mã KH,Ghi chú\n00001,gọi lại\n');
    await narrow.page.getByTestId('import-input').setInputFiles(csv);
    const toast = narrow.page.locator('.fui-Toast').first();
    await toast.waitFor();
    const [toastBox, panelBox] = await Promise.all([
      toast.boundingBox(),
      narrow.page.getByTestId('side-panel').boundingBox(),
    ]);
    expect(toastBox && panelBox && toastBox.x + toastBox.width <= panelBox.x).toBe(true);
    expect(await uncovered('preview')).toBe(true);
    await shot('toast');
  });

  it('collapses, opens again on the same step, remembers it, and resizes within 300–600 px', async () => {
    const { page } = narrow;
    const dock = page.getByTestId('side-panel');
    const width = () => dock.evaluate((el) => Math.round(el.getBoundingClientRect().width));
    await page.getByTestId('panel-toggle').click();
    expect(await panel().isVisible()).toBe(false);
    expect(await width()).toBeLessThan(40);
    await page.getByTestId('panel-toggle').click();
    expect(await panel().locator('[data-step="columns"]').isVisible()).toBe(true);

    const handle = page.getByTestId('panel-resizer');
    await handle.focus();
    await handle.press('Home');
    expect(await width()).toBe(300);
    await handle.press('ArrowLeft');
    expect(await width()).toBe(320);
    await handle.press('End');
    expect(await width()).toBe(600);
    // Dragging the handle right narrows it, never below 300 px.
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x + 500, box.y + 100, { steps: 5 });
    await page.mouse.up();
    expect(await width()).toBe(300);
    expect(await overflow()).toEqual([]);

    // Collapsed and reloaded: still collapsed.
    await page.getByTestId('panel-toggle').click();
    await openPlayground(narrow);
    expect(await page.getByTestId('panel-toggle').getAttribute('aria-expanded')).toBe('false');
    await page.getByTestId('panel-toggle').click();
    expect(await width()).toBe(300);
  });

  it('logged no error', () => {
    expect(narrow.errors).toEqual([]);
  });
});
