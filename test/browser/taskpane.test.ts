/**
 * The built Excel task pane (dist/addin/taskpane.html) in Chromium. Office.js is requested from Microsoft's CDN
 * and nothing else leaves the page; here the CDN answer is a stand-in that reports an Excel host, so the side panel
 * mounts above the function guide.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openSession, type Session } from './harness.js';

const TASKPANE = fileURLToPath(new URL('../../dist/addin/taskpane.html', import.meta.url));
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const OFFICE_STAND_IN = `
window.Office = {
  HostType: { Excel: 'Excel' },
  context: { displayLanguage: 'vi-VN', document: { settings: { get: () => null, set: () => {}, saveAsync: (cb) => cb && cb({ status: 'succeeded' }) } } },
  onReady: (callback) => Promise.resolve(callback({ host: 'Excel', platform: 'OfficeOnline' })),
};
window.Excel = { run: () => Promise.reject(new Error('no workbook in this test')) };
window.CustomFunctions = { associate: () => {}, Error: class extends Error {}, ErrorCode: { invalidValue: '#VALUE!' } };
`;

let session: Session;

beforeAll(async () => {
  if (!existsSync(TASKPANE)) throw new Error('dist/addin/taskpane.html is missing: npm run build');
  session = await openSession({ width: 350, height: 900 });
  await session.page.route(OFFICE_JS, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STAND_IN }),
  );
  await session.page.goto(pathToFileURL(TASKPANE).href);
});

afterAll(async () => {
  await session?.close();
});

describe('the Excel task pane in Chromium', () => {
  it('mounts the side panel when Office reports Excel', async () => {
    await session.page.getByTestId('segmentkit-panel').locator('[data-step="range"]').waitFor();
    // Office's display language is Vietnamese: so is the panel, until the user picks another.
    expect(await session.page.getByTestId('segmentkit-panel').getAttribute('lang')).toBe('vi');
    await session.page.screenshot({ path: `${ARTIFACTS}taskpane.png`, fullPage: true });
  });

  it('shows a host error in the panel rather than failing silently', async () => {
    await session.page.locator('[data-step="range"] button').click();
    await expect.poll(() => session.page.getByTestId('error').textContent()).toContain('no workbook in this test');
  });

  it('loads Office.js from the CDN and nothing else from outside the file', () => {
    const outside = session.requests.filter((url) => !url.startsWith('file://'));
    expect(outside).toEqual([OFFICE_JS]);
    expect(session.errors).toEqual([]);
  });
});
