/**
 * Browser test harness: Debian's Chromium driven by playwright-core, a fresh profile per run, dist/playground served
 * on a free localhost port, and a record of every request the page makes (anything but localhost is counted).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { serveStatic, type Serving } from '../../scripts/serve-playground.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What the task pane gets instead of Office.js from Microsoft's CDN: Excel on the web in Vietnamese, document settings
 * that keep nothing, no workbook behind `Excel.run`.
 */
export const OFFICE_STAND_IN = `
window.Office = {
  HostType: { Excel: 'Excel' },
  context: { displayLanguage: 'vi-VN', document: { settings: { get: () => null, set: () => {}, saveAsync: (cb) => cb && cb({ status: 'succeeded' }) } } },
  onReady: (callback) => Promise.resolve(callback({ host: 'Excel', platform: 'OfficeOnline' })),
};
window.Excel = { run: () => Promise.reject(new Error('no workbook in this test')) };
window.CustomFunctions = { associate: () => {}, Error: class extends Error {}, ErrorCode: { invalidValue: '#VALUE!' } };
`;

/** True for requests that stay on this machine (the served page) or never touch the network (data:, blob:). */
export function isLocal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
}

export interface Session {
  readonly serving: Serving;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request URL the context made. */
  readonly requests: string[];
  /** Console errors and uncaught page errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  readonly width?: number;
  readonly height?: number;
}

export async function openSession({ width = 1600, height = 900 }: SessionOptions = {}): Promise<Session> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const serving = await serveStatic({ port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'segmentkit-chromium-'));
  // A fresh profile (Chromium's --user-data-dir) for every session.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return {
    serving,
    context,
    page,
    requests,
    errors,
    async close() {
      await context.close().catch(() => undefined);
      await serving.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the playground and waits until the sample workbook is evaluated (in its worker) and drawn. */
export async function openPlayground(session: Session, query = ''): Promise<void> {
  await session.page.goto(`${session.serving.url}${query}`, { waitUntil: 'load' });
  await session.page.waitForFunction(() => window.segmentkitPlayground !== undefined, undefined, { timeout: 60_000 });
  await session.page.locator('canvas').first().waitFor({ state: 'visible' });
  // The workbook lives in a worker: the first screen's cells have come once nothing is asked of it any more.
  await session.page.waitForFunction(() => window.segmentkitPlayground!.workbook.quiet, undefined, { timeout: 60_000 });
  // Two frames for the grid to draw its first screen.
  await session.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}
