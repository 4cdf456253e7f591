/**
 * The built Excel task pane (dist/addin/taskpane.html) in Chromium. Office.js is requested from Microsoft's CDN
 * and nothing else leaves the page; here the CDN answer is a stand-in that reports an Excel host, so the side panel
 * mounts above the function guide. The page's Content-Security-Policy is in force: nothing the pane does violates
 * it (no `securitypolicyviolation` event, no console error), and what it forbids is refused.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, OFFICE_STAND_IN, openSession, type Session } from './harness.js';

const TASKPANE = fileURLToPath(new URL('../../dist/addin/taskpane.html', import.meta.url));
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const EVAL_PROBE = 'https://appsforoffice.microsoft.com/segmentkit-test/eval-probe.js';

/** A `securitypolicyviolation` event as the page saw it. */
interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

declare global {
  interface Window {
    segmentkitCspViolations?: Violation[];
    segmentkitInlineRan?: boolean;
    segmentkitEvalRan?: boolean;
  }
}

/** Runs before any script of the page: keeps every CSP violation the document reports. */
function recordViolations(): void {
  window.segmentkitCspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.segmentkitCspViolations?.push({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      sample: event.sample,
    });
  });
}

const violations = (): Promise<Violation[]> => session.page.evaluate(() => window.segmentkitCspViolations ?? []);
const cspErrors = (): string[] => session.errors.filter((e) => /Content[ -]Security[ -]Policy/i.test(e));

let session: Session;

beforeAll(async () => {
  if (!existsSync(TASKPANE)) throw new Error('dist/addin/taskpane.html is missing: npm run build');
  session = await openSession({ width: 350, height: 900 });
  await session.page.route(OFFICE_JS, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STAND_IN }),
  );
  await session.page.addInitScript(recordViolations);
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

  it('runs under its Content-Security-Policy without a single violation', async () => {
    const policy = await session.page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content')));
    expect(policy).toHaveLength(1);
    expect(policy[0]).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    // Office.js, the custom functions and the pane all ran: the panel above and the function guide below.
    await session.page.locator('#app details').first().waitFor();
    expect(await violations()).toEqual([]);
    expect(cspErrors()).toEqual([]);
  });

  // Last: it makes the page report violations on purpose.
  it('is protected by it: inline script, eval, other origins and plugins are refused', async () => {
    // A script from the allowed CDN that tries to turn a string into code (the test's own evaluate() is exempt).
    await session.page.route(EVAL_PROBE, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: "try { new Function('return 1')(); window.segmentkitEvalRan = true; } catch { window.segmentkitEvalRan = false; }",
      }),
    );
    const outcome = await session.page.evaluate(async (probe) => {
      const inline = document.createElement('script');
      inline.textContent = 'window.segmentkitInlineRan = true;';
      document.head.append(inline);
      const evalProbe = document.createElement('script');
      evalProbe.src = probe;
      await new Promise((done) => {
        evalProbe.onload = done;
        evalProbe.onerror = done;
        document.head.append(evalProbe);
      });
      const evalRefused = window.segmentkitEvalRan === false;
      let fetchRefused = false;
      try {
        await fetch('https://example.com/');
      } catch {
        fetchRefused = true;
      }
      const outsideScript = document.createElement('script');
      outsideScript.src = 'https://example.com/x.js';
      document.head.append(outsideScript);
      const image = document.createElement('img');
      image.src = 'https://example.com/x.png';
      document.body.append(image);
      const plugin = document.createElement('object');
      plugin.data = 'https://example.com/x.swf';
      document.body.append(plugin);
      await new Promise((done) => setTimeout(done, 300));
      return { inlineRan: window.segmentkitInlineRan === true, evalRefused, fetchRefused };
    }, EVAL_PROBE);
    expect(outcome).toEqual({ inlineRan: false, evalRefused: true, fetchRefused: true });
    // Chromium reports some blocked addresses with their path and some as the bare origin: compare origins.
    const where = (blocked: string): string => (/^https?:/.test(blocked) ? new URL(blocked).origin : blocked);
    const refused = (await violations()).map((v) => `${v.directive} ${where(v.blocked)}`);
    expect(refused).toEqual(
      expect.arrayContaining([
        'script-src-elem inline',
        'script-src eval',
        'connect-src https://example.com',
        'script-src-elem https://example.com',
        'img-src https://example.com',
        'object-src https://example.com',
      ]),
    );
  });
});
