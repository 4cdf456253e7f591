/**
 * One language at a time, in Chromium: the playground switched to Vietnamese (through the panel's language select,
 * the one setting) and walked through its screens (the sheets and the status bar, the function list, the function
 * hint, an import message, the panel's steps for ABC, k-means, RFM and a rule preset with their previews, an apply
 * and its undo). On each screen the page's visible text, aria-labels, titles and placeholders are compared with the
 * English words of the text tables (language-tables.ts): none may show. Then the same walk in English, against the
 * Vietnamese words. The data on screen is the user's (sheet tabs, the grid, column names in the panel), not the
 * page's words: the Vietnamese walk uses a Vietnamese shop's table, the English walk the English sample.
 * Screenshots go to test/artifacts/.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../core/labels.js';
import { LANG_KEY, TEXT as PANE_TEXT } from '../../addin/reference.js';
import { text } from '../../panel/i18n.js';
import { uiText } from '../../playground/ui/i18n.js';
import { ARTIFACTS, isLocal, OFFICE_STAND_IN, openPlayground, openSession, type Session } from './harness.js';
import { findFragments, languageFragments, type Finding } from './language-tables.js';

let session: Session;
const files = mkdtempSync(join(tmpdir(), 'segmentkit-language-'));

beforeAll(async () => {
  session = await openSession({ width: 1440, height: 900 });
  await openPlayground(session);
});

afterAll(async () => {
  // Every screen's findings, also those of a walk that stopped half way.
  for (const lang of ['vi', 'en'] as const) {
    for (const { screen: name, found } of findings[lang]) console.log(`[${lang}] ${name}: ${JSON.stringify(found)}`);
  }
  await session?.close();
});

/**
 * The page's words as a user meets them: visible text (not the grid, which shows the user's data, nor the sheet
 * tabs, which are its sheet names, nor formula syntax), the labels, titles and placeholders, and the text boxes of
 * the panel (the result column's proposed name).
 */
async function pageTexts(): Promise<string[]> {
  return session.page.evaluate(async () => {
    const data = '.grid-host, [role="tab"], [data-syntax], script, style';
    // The user's words inside the page's (a sheet's name in "Sheet Customers", headers in the panel's column lists).
    const workbook = window.segmentkitPlayground!.workbook;
    const userWords = new Set<string>();
    for (const name of workbook.sheetNames()) {
      userWords.add(name);
      const { cols } = workbook.dimensions(workbook.sheetId(name));
      const [headers = []] = await workbook.textsOf(name, 0, 0, 1, cols);
      for (const text of headers) userWords.add(text.trim());
    }
    const longestFirst = [...userWords].filter((w) => w.length > 1).sort((a, b) => b.length - a.length);
    const withoutUserWords = (text: string): string =>
      longestFirst.reduce((rest, word) => rest.split(word).join(' ¦ '), text);
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const value = node.textContent?.trim();
      if (!parent || !value || parent.closest(data)) continue;
      // An option shows when its select opens: it counts when the select is on screen.
      const shown = parent.closest('select') ?? parent;
      if (!shown.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      texts.push(value);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (element.closest('.grid-host, [data-syntax]')) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    for (const input of document.querySelectorAll<HTMLInputElement>('[data-testid="segmentkit-panel"] input')) {
      if (input.type === 'text' && input.value.trim()) texts.push(input.value.trim());
    }
    return texts.map(withoutUserWords);
  });
}

/** What each screen showed of the other language. */
const findings: Record<Lang, { screen: string; found: Finding[] }[]> = { en: [], vi: [] };

async function screen(lang: Lang, name: string): Promise<void> {
  const page = session.page;
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const found = findFragments(await pageTexts(), languageFragments(lang === 'vi' ? 'en' : 'vi'));
  if (found.length > 0) findings[lang].push({ screen: name, found });
  await page.screenshot({ path: `${ARTIFACTS}language-${lang}-${name}.png` });
}

const panel = () => session.page.getByTestId('segmentkit-panel');

async function goTo(address: string): Promise<void> {
  const nameBox = session.page.getByTestId('name-box');
  await nameBox.click();
  await nameBox.fill(address);
  await nameBox.press('Enter');
}

async function importFile(name: string, content: string): Promise<void> {
  const path = join(files, name);
  writeFileSync(path, content);
  await session.page.getByTestId('import-input').setInputFiles(path);
  const tab = session.page.getByRole('tab', { name: name.replace(/\.[^.]+$/, ''), exact: true });
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** Step 1 on the table around the selected cell, then step 2. */
async function useTable(lang: Lang): Promise<void> {
  await panel().locator('.sk-steps button').first().click();
  const use = panel().getByRole('button', { name: text('useTable', lang) });
  const refresh = panel().getByRole('button', { name: text('refresh', lang), exact: true });
  await use.or(refresh).first().click();
  await panel().getByTestId('table-found').waitFor();
}

/** Steps 2 to 4 for a method: choose it, set its columns (`prepare`), preview; the preview or its error shows. */
async function previewMethod(lang: Lang, method: string, prepare: () => Promise<void> = async () => {}) {
  await panel().locator('.sk-steps button').nth(1).click();
  await panel().locator(`[data-step="method"] input[value="${method}"]`).check();
  await panel().getByTestId('next').click();
  await panel().locator('[data-step="columns"]').waitFor();
  await prepare();
  await panel().getByTestId('preview').click();
  await panel()
    .locator('[data-testid="preview-counts"], [data-testid="error"], [data-testid="nothing-usable"]')
    .first()
    .waitFor({ timeout: 60_000 });
}

/** Ticks the named columns among a method's feature checkboxes. */
async function tickFeatures(names: readonly string[]): Promise<void> {
  // By the label beside each box: Fluent's Field names every box of the group after the group's label.
  for (const name of names) {
    const box = panel()
      .locator('.sk-checks .fui-Checkbox', { has: session.page.getByText(name, { exact: true }) })
      .locator('input');
    if (!(await box.isChecked())) await box.check();
  }
}

/** A Vietnamese shop's customer list: ₫ amounts written as text, blanks for new and never-buying customers. */
function vietnameseCustomers(count = 60): string {
  const lines = ['Mã KH;Khách hàng;Doanh thu (₫);Số đơn;Ngày mua cuối;Tăng trưởng'];
  for (let i = 1; i <= count; i++) {
    const neverBought = i % 17 === 0;
    const fresh = i % 9 === 0;
    const revenue = neverBought ? '' : `${(((i * 7919) % 97) + 1) * 1_250_000}`.replace(/\B(?=(\d{3})+$)/g, '.');
    const orders = neverBought ? '0' : String(((i * 31) % 23) + 1);
    const day = String(((i * 13) % 28) + 1).padStart(2, '0');
    const month = String(((i * 5) % 12) + 1).padStart(2, '0');
    const last = neverBought ? '' : `${day}/${month}/2025`;
    const growth = neverBought || fresh ? '' : `${((i * 37) % 80) - 30},5%`;
    lines.push(
      [`KH${String(i).padStart(4, '0')}`, `Cửa hàng ${i}`, revenue ? `${revenue} ₫` : '', orders, last, growth].join(
        ';',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function selectLanguage(lang: Lang): Promise<void> {
  await panel().getByTestId('language').selectOption(lang);
  await expect.poll(() => session.page.locator('html').getAttribute('lang')).toBe(lang);
}

describe('one language at a time', () => {
  it('in Vietnamese, no English word of the text tables shows anywhere', async () => {
    const page = session.page;
    await selectLanguage('vi');
    // The sample's sheets, a block of numbers selected for the status bar's sum.
    for (const sheet of ['Customers', 'Orders', 'Segments']) {
      await page.getByRole('tab', { name: sheet, exact: true }).click();
      await screen('vi', `sheet-${sheet}`);
    }
    await page.getByRole('tab', { name: 'Customers', exact: true }).click();
    await goTo('P2');
    await page.keyboard.down('Shift');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.up('Shift');
    await expect.poll(() => page.locator('.status').textContent()).toMatch(/^Tổng /);
    // Numbers in the status bar are written the Vietnamese way: dots between thousands.
    expect(await page.locator('.status').textContent()).toMatch(/Tổng \d{1,3}(\.\d{3})+/);
    await screen('vi', 'status-bar');

    // The function list and the hint under the formula bar.
    await page.getByRole('button', { name: uiText('functions', 'vi') }).click();
    await page.locator('.functions-menu').waitFor();
    await screen('vi', 'functions-menu');
    await page.keyboard.press('Escape');
    await goTo('X2');
    const formula = page.getByTestId('formula-bar');
    await formula.click();
    await formula.fill('=ABC_CLASS(P2:P20, ');
    await page.locator('.formula-hint').waitFor();
    await screen('vi', 'function-hint');
    await formula.press('Escape');

    // An import and its message, then the panel on the imported table.
    await importFile('khach-hang.csv', vietnameseCustomers());
    await page.locator('.fui-Toast').first().waitFor();
    await screen('vi', 'import-message');
    await goTo('B2');
    await useTable('vi');
    await screen('vi', 'panel-table');
    await previewMethod('vi', 'abc');
    await screen('vi', 'preview-abc');
    await previewMethod('vi', 'bcg');
    await screen('vi', 'preview-bcg');
    await previewMethod('vi', 'pyramid');
    await screen('vi', 'preview-pyramid');
    await previewMethod('vi', 'kmeans', () => tickFeatures(['Doanh thu (₫)', 'Số đơn', 'Tăng trưởng']));
    await screen('vi', 'preview-kmeans');
    await previewMethod('vi', 'rfm', async () => {
      await panel().locator('input[data-option="as_of"]').fill('2025-12-31');
    });
    await screen('vi', 'preview-rfm');
    await previewMethod('vi', 'rules', async () => {
      await panel()
        .getByRole('button', { name: text('presetUnreliable', 'vi') })
        .click();
    });
    await screen('vi', 'preview-rules');

    // ABC applied with a summary sheet, then undone.
    await previewMethod('vi', 'abc');
    await panel().getByTestId('next').click();
    const summary = panel().getByRole('checkbox', { name: text('summarySheet', 'vi') });
    if (!(await summary.isChecked())) await summary.check();
    await panel().getByTestId('apply').click();
    await panel().getByTestId('applied').waitFor({ timeout: 60_000 });
    await screen('vi', 'applied');
    await panel().getByTestId('undo').click();
    await panel().getByTestId('notice').waitFor();
    await screen('vi', 'undone');

    expect(findings.vi).toEqual([]);
  });

  it('in English, no Vietnamese word of the text tables shows anywhere', async () => {
    const page = session.page;
    // A message made in Vietnamese is on screen when the language changes: it must not stay on in English.
    await importFile('khach-hang-truoc.csv', 'Mã KH;Doanh thu\n00001;1.500.000 ₫\n00002;2.500.000 ₫\n');
    await page.locator('.fui-Toast').first().waitFor();
    await selectLanguage('en');
    await page.getByRole('tab', { name: 'Customers', exact: true }).click();
    await screen('en', 'sheet-Customers');
    await page.getByRole('button', { name: uiText('functions', 'en') }).click();
    await page.locator('.functions-menu').waitFor();
    await screen('en', 'functions-menu');
    await page.keyboard.press('Escape');
    await importFile('customers-en.csv', 'Customer ID,Revenue\n00001,1500\n00002,2500\n');
    await page.locator('.fui-Toast').first().waitFor();
    await screen('en', 'import-message');

    await page.getByRole('tab', { name: 'Customers', exact: true }).click();
    await goTo('B5');
    await useTable('en');
    await previewMethod('en', 'abc');
    await screen('en', 'preview-abc');
    await previewMethod('en', 'kmeans', () => tickFeatures(['Orders', 'Revenue 2025 (₫)', 'Growth']));
    await screen('en', 'preview-kmeans');
    await previewMethod('en', 'rules', async () => {
      await panel()
        .getByRole('button', { name: text('presetUnreliable', 'en') })
        .click();
    });
    await screen('en', 'preview-rules');

    expect(findings.en).toEqual([]);
  });

  it('made no request outside localhost and logged no error', () => {
    expect(session.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

const TASKPANE = fileURLToPath(new URL('../../dist/addin/taskpane.html', import.meta.url));
/** Office.js as the task pane meets it in Excel, in Vietnamese; no workbook behind it. */
describe('the Excel task pane: the panel and the function reference speak one language', () => {
  let pane: Session;

  beforeAll(async () => {
    if (!existsSync(TASKPANE)) throw new Error('dist/addin/taskpane.html is missing: npm run build:addin');
    pane = await openSession({ width: 350, height: 900 });
    await pane.page.route('https://appsforoffice.microsoft.com/lib/1/hosted/office.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STAND_IN }),
    );
    await pane.page.goto(pathToFileURL(TASKPANE).href);
  });

  afterAll(async () => {
    await pane?.close();
  });

  /** The pane's visible text and labels, less the formulas of the reference (code, the same in both languages). */
  const paneTexts = (): Promise<string[]> =>
    pane.page.evaluate(() => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const value = node.textContent?.trim();
        if (!parent || !value || parent.closest('code, .params, .name, script, style')) continue;
        if ((parent.closest('select') ?? parent).checkVisibility()) texts.push(value);
      }
      for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
        for (const name of ['aria-label', 'title', 'placeholder']) {
          const value = element.getAttribute(name)?.trim();
          if (value) texts.push(value);
        }
      }
      return texts;
    });

  it("follows the panel's one language switch, saved under the one key", async () => {
    const page = pane.page;
    const reference = page.locator('#app h2').first();
    await expect.poll(() => reference.textContent()).toBe(PANE_TEXT.vi.howTitle);
    // The reference has no switch of its own beside the panel's.
    expect(await page.locator('header .lang').count()).toBe(0);
    expect(findFragments(await paneTexts(), languageFragments('en'))).toEqual([]);

    await page.getByTestId('segmentkit-panel').getByTestId('language').selectOption('en');
    await expect.poll(() => reference.textContent()).toBe(PANE_TEXT.en.howTitle);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.evaluate(() => ({ ...window.localStorage }))).toEqual({ [LANG_KEY]: 'en' });
    expect(findFragments(await paneTexts(), languageFragments('vi'))).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}language-taskpane-en.png`, fullPage: true });

    // Opened again, both start in the saved language, whatever Office's display language.
    await page.reload();
    await expect.poll(() => reference.textContent()).toBe(PANE_TEXT.en.howTitle);
    await expect.poll(() => page.getByTestId('segmentkit-panel').getAttribute('lang')).toBe('en');
  });
});
