/**
 * `npm run screenshots`: the panel's preview of every method, and the summary sheet of a few, in the built playground
 * in Chromium at 1024×700 and 1440×900, in English and Vietnamese, written to test/artifacts/screens/. These are the
 * pictures a reviewer looks at; the checks that fail a build (no control overflows the panel, no English in
 * Vietnamese mode) are in test/browser/.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { buildPlayground } from './build-playground.js';
import { playgroundIsStale } from './serve-playground.js';
import { ARTIFACTS, openPlayground, openSession } from '../test/browser/harness.js';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const;
const LANGS = ['en', 'vi'] as const;
type Lang = (typeof LANGS)[number];

interface Shot {
  readonly method: string;
  readonly sheet: 'Customers' | 'Orders';
  readonly cell: string;
  /** Extra choices in the columns step, made before the preview. */
  readonly prepare?: (panel: Locator, lang: Lang) => Promise<void>;
  /** Also apply with a summary sheet and take the summary sheet's picture. */
  readonly summary?: boolean;
}

const asOf = (value: string) => async (panel: Locator) => {
  const field = panel.locator('input[data-option="as_of"]');
  if ((await field.count()) > 0) await field.fill(value);
};

const SHOTS: readonly Shot[] = [
  { method: 'abc', sheet: 'Customers', cell: 'B5', summary: true },
  {
    method: 'xyz',
    sheet: 'Customers',
    cell: 'B5',
    prepare: async (panel) => {
      for (const box of await panel.getByRole('checkbox', { name: /20\d\d/ }).all()) await box.check();
    },
  },
  { method: 'bcg', sheet: 'Customers', cell: 'B5', summary: true },
  {
    method: 'priority',
    sheet: 'Customers',
    cell: 'B5',
    // The sample has no attractiveness or feasibility column: revenue and on-time payment stand in for them.
    prepare: async (panel) => {
      await panel.locator('select[data-role="attractiveness"]').selectOption({ label: 'Revenue 2025 (₫)' });
      await panel.locator('select[data-role="feasibility"]').selectOption({ label: 'Paid on time' });
    },
  },
  { method: 'rfm', sheet: 'Customers', cell: 'B5', prepare: asOf('2025-12-31'), summary: true },
  { method: 'rfmOrders', sheet: 'Orders', cell: 'A2' },
  { method: 'pyramid', sheet: 'Customers', cell: 'B5' },
  { method: 'lifecycle', sheet: 'Customers', cell: 'B5', prepare: asOf('2025-12-31') },
  { method: 'kmeans', sheet: 'Customers', cell: 'B5', summary: true },
  {
    method: 'rules',
    sheet: 'Customers',
    cell: 'B5',
    prepare: async (panel) => {
      await panel.locator('[data-step="columns"] button').first().click();
    },
  },
];

const frames = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function goTo(page: Page, sheet: string, cell: string): Promise<void> {
  await page.getByRole('tab', { name: sheet, exact: true }).click();
  const nameBox = page.getByTestId('name-box');
  await nameBox.click();
  await nameBox.fill(cell);
  await nameBox.press('Enter');
}

async function previewOf(page: Page, shot: Shot, lang: Lang): Promise<Locator> {
  const panel = page.getByTestId('segmentkit-panel');
  await goTo(page, shot.sheet, shot.cell);
  await panel.locator('.sk-steps button').first().click();
  await panel.locator('[data-step="range"] button').first().click();
  await panel.getByTestId('table-found').waitFor();
  await panel.getByTestId('next').click();
  await panel.locator(`[data-step="method"] input[value="${shot.method}"]`).check();
  await panel.getByTestId('next').click();
  await panel.locator('[data-step="columns"]').waitFor();
  await shot.prepare?.(panel, lang);
  await panel.getByTestId('preview').click();
  await panel.locator('[data-testid="preview-counts"], [data-testid="error"]').first().waitFor({ timeout: 60_000 });
  return panel;
}

async function main(): Promise<void> {
  if (playgroundIsStale()) await buildPlayground();
  const out = `${ARTIFACTS}screens/`;
  mkdirSync(out, { recursive: true });
  for (const size of SIZES)
    for (const lang of LANGS) {
      const session = await openSession(size);
      try {
        await openPlayground(session, `?lang=${lang}`);
        const { page } = session;
        await page.getByTestId('segmentkit-panel').getByTestId('language').selectOption(lang);
        for (const shot of SHOTS) {
          const name = `${lang}-${size.width}x${size.height}-${shot.method}`;
          const panel = await previewOf(page, shot, lang);
          const chart = panel.locator('svg.sk-chart');
          if ((await chart.count()) > 0) await chart.first().scrollIntoViewIfNeeded();
          await frames(page);
          await page.screenshot({ path: `${out}${name}-preview.png` });
          if (!shot.summary) continue;
          await panel.getByTestId('next').click();
          const box = panel.locator('[data-step="apply"] input[type="checkbox"]').nth(1);
          await box.check();
          await panel.getByTestId('apply').click();
          await panel.getByTestId('applied').waitFor({ timeout: 60_000 });
          await page.locator('[role="tab"][aria-selected="true"]').waitFor();
          const tabsAfter = await page.getByRole('tab').allTextContents();
          await page.getByRole('tab', { name: tabsAfter[tabsAfter.length - 1] ?? '', exact: true }).click();
          await frames(page);
          await page.screenshot({ path: `${out}${name}-summary.png` });
          await panel.getByTestId('undo').click();
          await panel.getByTestId('notice').waitFor();
        }
        if (session.errors.length > 0) console.warn(`${lang} ${size.width}: page errors`, session.errors);
      } finally {
        await session.close();
      }
      console.log(`screenshots ${lang} ${size.width}×${size.height} written`);
    }
}

await main();
