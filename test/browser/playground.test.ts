/**
 * The playground in a real browser: it loads with no console errors and no request leaving localhost, the first
 * screen shows the sample customers with their segments, a formula typed in a cell spills the core's answer,
 * importing a CSV adds a sheet, and the workbook exports to XLSX. Screenshots go to test/artifacts/.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblem, invoke, isDateOut, isProblem, type Lang, type OutCell } from '../../core/index.js';
import { parseA1 } from '../../playground/engine/format.js';
import { ARTIFACTS, isLocal, openPlayground, openSession, type Session } from './harness.js';

let session: Session;

beforeAll(async () => {
  session = await openSession({ width: 1600, height: 900 });
  await openPlayground(session);
});

afterAll(async () => {
  await session?.close();
});

/** A block of computed values from the page, as JSON (errors as `{ code, message }`). */
async function values(sheet: string, col: number, row: number, height: number, width = 1): Promise<unknown[][]> {
  return session.page.evaluate(
    ({ sheet, col, row, height, width }) => {
      const workbook = window.segmentkitPlayground!.workbook;
      const id = workbook.sheetId(sheet);
      const out: unknown[][] = [];
      for (let r = row; r < row + height; r++) {
        const line: unknown[] = [];
        for (let c = col; c < col + width; c++) {
          const v = workbook.value(id, r, c);
          line.push(v !== null && typeof v === 'object' ? { code: v.value, message: v.message } : v);
        }
        out.push(line);
      }
      return out;
    },
    { sheet, col, row, height, width },
  );
}

/** What the page shows in a block of cells (the grid's display text). */
async function shown(sheet: string, col: number, row: number, height: number, width = 1): Promise<string[][]> {
  return session.page.evaluate(
    ({ sheet, col, row, height, width }) => {
      const workbook = window.segmentkitPlayground!.workbook;
      const id = workbook.sheetId(sheet);
      return Array.from({ length: height }, (_, r) =>
        Array.from({ length: width }, (_, c) => workbook.view(id, row + r, col + c).text),
      );
    },
    { sheet, col, row, height, width },
  );
}

/** The core's answer cell as the playground shows it. */
function asShown(cell: OutCell, lang: Lang = 'en'): unknown {
  if (isProblem(cell)) return { code: '#VALUE!', message: describeProblem(cell, lang) };
  if (isDateOut(cell)) return cell.serial;
  return cell;
}

/** HyperFormula hands out numbers rounded to about 10 significant digits (its `precisionRounding`), as Sheets shows. */
function sameAnswers(actual: unknown[][], expected: unknown[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) =>
    row.forEach((cell, c) => {
      const want = expected[r]?.[c];
      if (typeof want === 'number' && typeof cell === 'number') {
        expect(Math.abs(cell - want), `row ${r + 1} col ${c + 1}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(want)),
        );
      } else {
        expect(cell, `row ${r + 1} col ${c + 1}`).toEqual(want);
      }
    }),
  );
}

/** Selects a cell by typing its address in the name box, as a user would. */
async function goTo(address: string): Promise<void> {
  const nameBox = session.page.getByLabel('Name box', { exact: false });
  await nameBox.click();
  await nameBox.fill(address);
  await nameBox.press('Enter');
  await expect.poll(() => nameBox.inputValue()).toBe(address);
  // Keys go to the cell that has the focus: wait until that is the one just selected (Glide's ids count the row
  // marker column first).
  const target = parseA1(address);
  if (!target) throw new Error(`not a cell address: ${address}`);
  const id = `glide-cell-${target.col + 1}-${target.row}`;
  await expect.poll(() => session.page.evaluate(() => document.activeElement?.id)).toBe(id);
}

/**
 * Types into the selected cell as a user does: the first key opens the cell's editor, the rest goes into it,
 * Enter commits. (The first key is pressed alone so that the editor is open before the rest arrives.)
 */
async function typeInCell(text: string): Promise<void> {
  const page = session.page;
  await page.keyboard.press(text[0] as string);
  const editor = page.locator('textarea.gdg-input');
  await editor.waitFor({ state: 'visible' });
  await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
  // At a person's pace: keys sent with no pause at all can overtake the editor's own state updates.
  await page.keyboard.type(text.slice(1), { delay: 15 });
  await expect.poll(() => editor.inputValue()).toBe(text);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.keyboard.press('Enter');
  await editor.waitFor({ state: 'detached' });
}

describe('the playground in Chromium', () => {
  it('loads with no console errors and makes no request outside localhost', async () => {
    const outside = session.requests.filter((url) => !isLocal(url));
    console.log(
      `requests: ${session.requests.length} in all, ${outside.length} to anything other than localhost` +
        (outside.length > 0 ? `: ${outside.join(', ')}` : ''),
    );
    writeFileSync(
      `${ARTIFACTS}requests.json`,
      JSON.stringify({ all: session.requests, outsideLocalhost: outside }, null, 2) + '\n',
    );
    expect(outside).toEqual([]);
    expect(session.errors).toEqual([]);
    expect(session.requests.length).toBeGreaterThan(0);
  });

  it('shows the sample customers with their segments on the first screen', async () => {
    await session.page.screenshot({ path: `${ARTIFACTS}playground-first-screen.png` });
    const header = await shown('Customers', 0, 0, 1, 10);
    expect(header[0]).toEqual([
      'Customer ID',
      'Company',
      'Industry',
      'Region',
      'ABC',
      'BCG',
      'Tier',
      'Lifecycle',
      'RFM score',
      'RFM segment',
    ]);
    // What the grid has drawn: its accessibility table (rendered shortly after the canvas) holds the visible cells.
    const cells = session.page.locator('td[role="gridcell"]');
    await expect.poll(() => cells.allTextContents(), { timeout: 10_000 }).toContain('KH00001');
    const visible = await cells.allTextContents();
    const segments = await shown('Customers', 4, 1, 20, 6);
    for (const row of segments) {
      expect(['A', 'B', 'C']).toContain(row[0]);
      expect(['Small', 'Medium', 'Large', 'Top', 'Inactive']).toContain(row[2]);
      expect(row[3]).toMatch(/^(Prospect|Lost|At Risk|New|Evangelist|Loyal|Active)$/);
      expect(row[4] === '' || /^[1-5]{3}$/.test(row[4] ?? '')).toBe(true);
    }
    for (const label of ['A', 'Small', 'Potential Loyalist']) expect(visible).toContain(label);
    // The formula bar shows the first formula.
    await expect.poll(() => session.page.getByLabel('Formula bar').inputValue()).toBe('=ABC_CLASS(P2:P2001)');
  });

  it('shows the RFM table beside the orders and the summaries, sheet by sheet', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Orders' }).click();
    await expect.poll(() => page.getByLabel('Formula bar').inputValue()).toMatch(/^=RFM_TABLE\(A2:A4907, /);
    expect((await shown('Orders', 7, 0, 2, 10))[1]).toEqual([
      'Brion Stark',
      '2006-05-16',
      '229',
      '8',
      '852',
      '3',
      '5',
      '5',
      '355',
      'Potential Loyalist',
    ]);
    await page.screenshot({ path: `${ARTIFACTS}playground-orders.png` });
    await page.getByRole('tab', { name: 'Segments' }).click();
    await expect.poll(() => page.getByLabel('Formula bar').inputValue()).toMatch(/^=SEGMENT_SUMMARY\(/);
    await page.screenshot({ path: `${ARTIFACTS}playground-segments.png` });
    await page.getByRole('tab', { name: 'Customers' }).click();
    await expect.poll(() => page.getByLabel('Formula bar').inputValue()).toBe('=ABC_CLASS(P2:P2001)');
  });

  it('spills the core answer of a formula typed in a cell', async () => {
    await goTo('X2');
    await typeInCell('=ABC_CLASS(P2:P2001)');
    await expect
      .poll(async () => (await values('Customers', 23, 1, 1))[0]?.[0], { timeout: 10_000 })
      .toMatch(/^[ABC]$/);
    const revenue = await values('Customers', 15, 1, 2000);
    const expected = invoke('ABC_CLASS', [revenue]);
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    const spilled = await values('Customers', 23, 1, 2000);
    expect(spilled).toEqual(expected.grid.map((row) => row.map((cell) => asShown(cell))));
    expect(spilled).toEqual(await values('Customers', 4, 1, 2000));
    await session.page.screenshot({ path: `${ARTIFACTS}playground-typed-formula.png` });

    // A table answer spills with its header, typed in the formula bar.
    await goTo('Z2');
    const bar = session.page.getByLabel('Formula bar');
    await bar.click();
    await bar.fill('=SEGMENT_SUMMARY(J2:J2001, P2:P2001, ');
    // While the call is open, the bar names the function and the argument being typed.
    const hint = session.page.locator('.formula-hint');
    await expect.poll(() => hint.textContent()).toContain('SEGMENT_SUMMARY(segments, values, [lang])');
    expect(await hint.locator('.hint-current').textContent()).toBe('[lang]');
    await session.page.screenshot({ path: `${ARTIFACTS}playground-function-hint.png` });
    await bar.press('End');
    await session.page.keyboard.type('"vi")');
    await bar.press('Enter');
    const segments = await values('Customers', 9, 1, 2000);
    const summary = invoke('SEGMENT_SUMMARY', [segments, revenue, 'vi']);
    expect(summary.ok).toBe(true);
    if (!summary.ok) return;
    const table = await values('Customers', 25, 1, summary.grid.length, 6);
    sameAnswers(
      table,
      summary.grid.map((row) => row.map((cell) => asShown(cell, 'vi'))),
    );
    expect(table[0]?.[0]).toBe('Phân khúc');
    // Below the answer, the reserved rows stay blank.
    expect(await values('Customers', 25, 1 + summary.grid.length, 3, 6)).toEqual([
      [null, null, null, null, null, null],
      [null, null, null, null, null, null],
      [null, null, null, null, null, null],
    ]);
  });

  it('recalculates when a cell is edited', async () => {
    // Customer 1 (row 2) becomes the largest customer: its ABC class becomes A, in E2 and in the spill of X2.
    await goTo('P2');
    await typeInCell('99000000000');
    await expect.poll(async () => (await values('Customers', 15, 1, 1))[0]?.[0]).toBe(99_000_000_000);
    expect((await values('Customers', 4, 1, 1))[0]?.[0]).toBe('A');
    expect((await values('Customers', 23, 1, 1))[0]?.[0]).toBe('A');
    expect((await values('Customers', 6, 1, 1))[0]?.[0]).toBe('Top');
  });

  it('imports a CSV file as a new sheet', async () => {
    const csv = [
      'Khách hàng,Doanh thu,Ngày mua cuối',
      'Công ty An Phát,"27.000.000 ₫",2025-11-02',
      'Công ty Bình Minh,24000000,2025-10-15',
      'Công ty Hoà Bình,18000000,2025-06-30',
      'Công ty Gia Long,16000000,2025-03-01',
      'Công ty Đại Việt,6000000,2024-12-24',
      'Công ty Kim Ngọc,5000000,2024-08-08',
      'Công ty Sơn Hà,4000000,2023-01-15',
    ].join('\n');
    const path = `${ARTIFACTS}khach-hang.csv`;
    writeFileSync(path, csv);
    const before = await session.page.getByRole('tab').allTextContents();
    await session.page.getByTestId('import-input').setInputFiles(path);
    await expect.poll(() => session.page.getByRole('tab').allTextContents()).toEqual([...before, 'khach-hang']);
    await expect
      .poll(() => session.page.getByRole('tab', { name: 'khach-hang' }).getAttribute('aria-selected'))
      .toBe('true');
    expect(await values('khach-hang', 0, 1, 2, 3)).toEqual([
      ['Công ty An Phát', '27.000.000 ₫', expect.any(Number)],
      ['Công ty Bình Minh', 24_000_000, expect.any(Number)],
    ]);
    // The imported sheet takes formulas like any other.
    await goTo('D2');
    await typeInCell('=ABC_CLASS(B2:B8)');
    await expect
      .poll(async () => (await values('khach-hang', 3, 1, 7)).flat())
      .toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C']);
    await session.page.screenshot({ path: `${ARTIFACTS}playground-imported-csv.png` });
  });

  it('exports the workbook to XLSX', async () => {
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.getByRole('button', { name: 'Export XLSX' }).click(),
    ]);
    const path = `${ARTIFACTS}segmentkit-playground.xlsx`;
    await download.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path) as never);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Customers', 'Orders', 'Segments', 'khach-hang']);
    const customers = book.getWorksheet('Customers');
    expect(customers?.getCell('A2').value).toBe('KH00001');
    expect(customers?.getCell('E2').value).toBe('A');
    expect(String(customers?.getCell('E2').note)).toContain('SEG.ABC_CLASS(P2:P2001)');
    expect(session.errors).toEqual([]);
    expect(session.requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
