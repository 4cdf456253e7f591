/**
 * RFM on order lines in the playground, in Chromium, on exports shops really have (test/fixtures/exports.ts):
 * - a Vietnamese POS export imported from CSV goes through the panel in Vietnamese: the order id and Quantity × Price
 *   picked by the guesses and shown in the column step, a preview that counts customers (as the table worked out
 *   independently says) and tells the lines without a customer, an apply, then undo back to the imported sheet;
 * - an accounting export with yyyymmdd dates shows the conversion offer; one click turns the column into dates, the
 *   preview works and Apply is on; undo puts the numbers back.
 * Screenshots go to test/artifacts/.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../core/catalog/rfm-segment.js';
import { expectedTable } from '../fixtures/expected-rfm.js';
import { accountingExport, posExport, toCsv, type ExportFile } from '../fixtures/exports.js';
import { ARTIFACTS, openPlayground, openSession, type Session } from './harness.js';

let session: Session;

beforeAll(async () => {
  session = await openSession({ width: 1600, height: 900 });
  await openPlayground(session);
});

afterAll(async () => {
  await session?.close();
});

/** Imports a CSV through the Import button and waits until its tab is the one on show. */
async function importCsv(name: string, file: ExportFile): Promise<void> {
  const path = `${ARTIFACTS}${name}.csv`;
  writeFileSync(path, toCsv(file));
  await session.page.getByTestId('import-input').setInputFiles(path);
  const tab = session.page.getByRole('tab', { name, exact: true });
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** Values of a sheet's block, as the workbook holds them. */
async function values(sheet: string, rows: number, cols: number): Promise<unknown[][]> {
  return session.page.evaluate(
    async ({ sheet, rows, cols }) => {
      const block = await window.segmentkitPlayground!.workbook.valuesOf(sheet, 0, 0, rows, cols);
      return block.map((line) => line.map((v) => (typeof v === 'object' && v !== null ? 'error' : v)));
    },
    { sheet, rows, cols },
  );
}

async function goTo(address: string): Promise<void> {
  const nameBox = session.page.getByRole('textbox', { name: 'Name box' });
  await nameBox.click();
  await nameBox.fill(address);
  await nameBox.press('Enter');
}

const panel = () => session.page.getByTestId('segmentkit-panel');

/** Steps 1 and 2: the table around B3 of the sheet on show, RFM on order lines; then on to the columns. */
async function orderLinesWizard(lang: 'en' | 'vi', range: string): Promise<void> {
  await panel().getByTestId('language').selectOption(lang);
  await goTo('B3');
  await panel().locator('.sk-steps button').first().click();
  await panel().locator('[data-step="range"] button').click();
  await expect.poll(() => panel().getByTestId('table-found').textContent()).toContain(range);
  await panel().getByTestId('next').click();
  await panel().locator('[data-step="method"] input[value="rfmOrders"]').check();
  await panel().getByTestId('next').click();
}

const frames = () =>
  session.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

describe('RFM on order lines in the playground', () => {
  it('a Vietnamese POS export: guessed order id and Quantity × Price, customers counted, applied, undone', async () => {
    const pos = posExport(2);
    // The POS export without its Thành tiền column: revenue is Quantity × Price.
    const file: ExportFile = {
      ...pos,
      header: pos.header.slice(0, 5),
      rows: pos.rows.map((row) => row.slice(0, 5)),
    };
    await importCsv('pos-vn', file);
    const lines = file.rows.length;
    const before = await values('pos-vn', lines + 1, 7);
    await orderLinesWizard('vi', `pos-vn!A1:E${lines + 1}`);

    // Step 3: the guesses, shown.
    const step = panel().locator('[data-step="columns"]');
    expect(await step.locator('select[data-role="customer"]').inputValue()).toBe('2');
    expect(await step.locator('select[data-role="orderDate"]').inputValue()).toBe('1');
    expect(await step.locator('select[data-role="orderId"]').inputValue()).toBe('0');
    expect(await step.getByRole('radio', { name: 'Số lượng × Đơn giá' }).isChecked()).toBe(true);
    expect(await step.locator('select[data-role="quantity"]').inputValue()).toBe('3');
    expect(await step.locator('select[data-role="price"]').inputValue()).toBe('4');
    expect(await step.locator('select[data-role="revenue"]').count()).toBe(0);
    expect(await step.textContent()).toContain('Mã đơn / số hóa đơn');
    await session.page.screenshot({ path: `${ARTIFACTS}orders-pos-columns-vi.png` });

    // Step 4: customers per segment, as the independent table says, and the lines without a customer.
    await panel().getByTestId('preview').click();
    await panel().getByTestId('preview-counts').waitFor();
    const vi = new Map(defaultRules('en').map((rule, i) => [rule.name, defaultRules('vi')[i]!.name]));
    const expected = new Map<string, number>();
    for (const row of expectedTable(pos.truth).slice(1))
      if (typeof row[0] === 'string' && row[9]) {
        const name = vi.get(String(row[9]))!;
        expected.set(name, (expected.get(name) ?? 0) + 1);
      }
    const shown = await panel()
      .locator('[data-testid="preview-counts"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent, Number(tr.children[1]!.textContent)]));
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
    expect(await panel().locator('[data-testid="preview-counts"] th').nth(1).textContent()).toBe('Số khách hàng');
    const customers = [...expected.values()].reduce((a, b) => a + b, 0);
    const report = await panel().getByTestId('lines-report').textContent();
    expect(report).toContain(`${customers} khách hàng từ ${lines} dòng`);
    const blank = pos.truth.findIndex((l) => l.customer === undefined);
    expect(report).toMatch(new RegExp(`\\d+ dòng không có khách hàng \\(dòng ${blank + 2}, `));
    expect(report).toContain('dòng trả hàng hoặc hủy đơn');
    await session.page.screenshot({ path: `${ARTIFACTS}orders-pos-preview-vi.png` });

    // Step 5: apply, then undo.
    await panel().getByTestId('next').click();
    await panel().getByTestId('apply').click();
    await panel().getByTestId('applied').waitFor({ timeout: 60_000 });
    const applied = await values('pos-vn', lines + 1, 7);
    expect(applied[0]?.[5]).toBe('Phân khúc');
    const known = pos.truth.findIndex((l) => l.customer !== undefined);
    const segmentOf = (name: string) => {
      const row = expectedTable(pos.truth).find((r) => r[0] === name);
      return vi.get(String(row?.[9]));
    };
    expect(applied[known + 1]?.[5]).toBe(segmentOf(pos.truth[known]!.customer!));
    expect(applied[blank + 1]?.[5]).toBeNull();
    await frames();
    await session.page.screenshot({ path: `${ARTIFACTS}orders-pos-applied-vi.png` });
    await panel().getByTestId('undo').click();
    await expect.poll(() => panel().getByTestId('notice').textContent()).toContain('Đã hoàn tác');
    expect(await values('pos-vn', lines + 1, 7)).toEqual(before);
  });

  it('a yyyymmdd accounting export: the conversion offer, one click, then the preview works and Apply is on', async () => {
    const file = accountingExport(3);
    await importCsv('accounting', file);
    const lines = file.rows.length;
    const before = await values('accounting', lines + 1, 6);
    expect(before[1]?.[0]).toBe(Number(file.rows[0]![0]));
    await orderLinesWizard('en', `accounting!A1:F${lines + 1}`);
    await panel().getByTestId('preview').click();

    const offer = panel().getByTestId('date-conversion');
    await offer.waitFor();
    const first = file.truth[0]!.date;
    expect(await offer.textContent()).toContain(
      `The dates in “Ngày chứng từ” are numbers like ${first.replace(/-/g, '')}, not dates: read as dates, they are ${first}.`,
    );
    await session.page.screenshot({ path: `${ARTIFACTS}orders-yyyymmdd-offer.png` });
    await offer.getByTestId('convert-dates').click();
    await expect
      .poll(() => panel().getByTestId('notice').textContent())
      .toContain(`Converted ${lines} cells of A1:A${lines + 1} into dates.`);
    await expect.poll(() => panel().getByTestId('date-conversion').count()).toBe(0);
    const converted = await values('accounting', 2, 1);
    expect(converted[1]?.[0]).toBe(Date.parse(`${first}T00:00:00Z`) / 86_400_000 + 25_569);
    await panel().getByTestId('preview-counts').waitFor();
    expect(await panel().locator('[data-testid="preview-counts"] tbody tr').count()).toBeGreaterThan(2);
    expect(await panel().getByTestId('lines-report').textContent()).toContain(`customers from ${lines} lines`);
    expect(await panel().textContent()).toContain('Last apply: Convert dates → Ngày chứng từ');
    await session.page.screenshot({ path: `${ARTIFACTS}orders-yyyymmdd-converted.png` });

    await panel().getByTestId('next').click();
    expect(await panel().getByTestId('apply').isEnabled()).toBe(true);

    await panel().getByTestId('undo').click();
    await expect.poll(() => panel().getByTestId('notice').textContent()).toContain('Undone');
    expect(await values('accounting', lines + 1, 6)).toEqual(before);
  });
});
