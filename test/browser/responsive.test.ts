/**
 * The playground stays responsive at 100,000 customers (issue 17, item 5): opening the sample workbook and
 * recalculating after one revenue cell is edited never block the page's main thread for more than 200 ms at a time.
 * Two watchers are installed before the page's own scripts run: Chromium's long-task observer (buffered, so the
 * tasks before it was read are counted), which the assertions use, and a requestAnimationFrame loop recording the
 * longest gap between two frames, which is printed only: headless Chromium paces frames itself (two CI runs saw gaps
 * of 183 and exactly 200 ms while no task took over 138 ms), so a frame gap is not a measure of the main thread.
 * No assertion is made on how long the open or the recalculation takes in total.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './harness.js';
import { BLOCK_WATCH, type BlockWatch } from './responsive-watch.js';

/** The longest the main thread may stay blocked at a time, in milliseconds. */
const LONGEST_BLOCK_MS = 200;

let session: Session;

beforeAll(async () => {
  session = await openSession();
  await session.context.addInitScript(BLOCK_WATCH);
});

afterAll(async () => {
  await session?.close();
});

const watch = (): Promise<BlockWatch> =>
  session.page.evaluate(() => (window as unknown as { segmentkitBlockWatch: () => BlockWatch }).segmentkitBlockWatch());

describe('the playground at 100,000 customers', () => {
  it('opens and recalculates an edit without blocking the page for more than 200 ms at a time', async () => {
    const { page } = session;
    await page.goto(`${session.serving.url}?customers=100000`, { waitUntil: 'load' });
    // While the workbook opens, the page shows a spinner and a Cancel button that can be pressed.
    await page.getByTestId('loading').waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);
    await page.waitForFunction(() => window.segmentkitPlayground?.ready === true, undefined, { timeout: 600_000 });
    await page.locator('canvas').first().waitFor({ state: 'visible' });
    const opened = await watch();

    // P6: the revenue of the fifth customer. The edit goes through the name box and the formula bar.
    const before = await page.evaluate(() => window.segmentkitPlayground!.workbook.valuesOf('Customers', 5, 4, 1, 1));
    await page.getByLabel('Name box').fill('P6');
    await page.getByLabel('Name box').press('Enter');
    const formula = page.locator('.formula-input');
    await formula.fill('900000000000');
    await formula.press('Enter');
    // The recalculation shows a busy state, then ends; the customer's ABC class (E6) follows the new revenue.
    await page.waitForFunction(() => window.segmentkitPlayground!.workbook.busy, undefined, { timeout: 10_000 });
    await page.waitForFunction(() => !window.segmentkitPlayground!.workbook.busy, undefined, { timeout: 600_000 });
    const after = await page.evaluate(() => window.segmentkitPlayground!.workbook.valuesOf('Customers', 5, 4, 1, 1));
    const edited = await watch();

    console.log(
      `longest main-thread block: opening ${opened.longestMs.toFixed(0)} ms (long task ${opened.longestTaskMs.toFixed(0)} ms, ` +
        `frame gap ${opened.longestGapMs.toFixed(0)} ms); through the edit: long task ${edited.longestTaskMs.toFixed(0)} ms ` +
        `(frame gap ${edited.longestGapMs.toFixed(0)} ms)`,
    );
    expect(before).not.toEqual([['A']]);
    expect(after).toEqual([['A']]);
    expect(opened.frames, 'frames were drawn while the workbook opened').toBeGreaterThan(10);
    expect(edited.longestTaskMs).toBeLessThanOrEqual(LONGEST_BLOCK_MS);
    expect(session.requests.filter((url) => !url.startsWith(session.serving.url))).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 900_000);

  it('stops opening on Cancel and leaves an empty workbook that works, saying so', async () => {
    const { page } = session;
    const errorsBefore = session.errors.length;
    await page.goto(`${session.serving.url}?customers=100000`, { waitUntil: 'load' });
    await page.getByTestId('loading').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => window.segmentkitPlayground?.ready === true, undefined, { timeout: 60_000 });
    await page.locator('canvas').first().waitFor({ state: 'visible' });
    expect(await page.locator('.app').textContent()).toContain('Opening the sample workbook was cancelled');
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Sheet1']);
    await page.getByLabel('Name box').fill('B2');
    await page.getByLabel('Name box').press('Enter');
    await page.locator('.formula-input').fill('=ABC_CLASS({5;1;1})');
    await page.locator('.formula-input').press('Enter');
    await expect
      .poll(() => page.evaluate(() => window.segmentkitPlayground!.workbook.valuesOf('Sheet1', 1, 1, 3, 1)))
      .toEqual([['A'], ['C'], ['C']]);
    const { longestTaskMs } = await watch();
    console.log(`longest main-thread block with Cancel: long task ${longestTaskMs.toFixed(0)} ms`);
    expect(longestTaskMs).toBeLessThanOrEqual(LONGEST_BLOCK_MS);
    expect(session.errors.slice(errorsBefore)).toEqual([]);
  });
});
