/**
 * The playground's entry: opens the sample workbook (2,000 generated customers; `?customers=100000` for more) and
 * renders the page. The sample orders are bundled at build time; nothing is fetched at run time.
 */
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { createElement as h, useEffect, useMemo, useState, useSyncExternalStore, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import ordersCsv from '../data/rfm-orders.csv?raw';
import { SegmentKitPanel } from '../panel/Panel.js';
import { Workbook } from './engine/workbook.js';
import { createPlaygroundHost } from './panel/host.js';
import { CUSTOMER_COUNT, sampleWorkbook } from './sample/sample-workbook.js';
import { App } from './ui/App.js';
import { ErrorBoundary } from './ui/ErrorBoundary.js';
import { formatCount, uiText } from './ui/i18n.js';
import { pageLanguage } from './ui/language.js';
import './styles.css';

/** What the browser tests (and a curious developer in the console) can reach. */
export interface PlaygroundHandle {
  readonly workbook: Workbook;
  /** Milliseconds spent opening and evaluating the sample workbook. */
  readonly openMs: number;
}

declare global {
  interface Window {
    segmentkitPlayground?: PlaygroundHandle;
  }
}

function customerCount(): number {
  const asked = Number(new URLSearchParams(window.location.search).get('customers'));
  return Number.isInteger(asked) && asked >= 10 && asked <= 200_000 ? asked : CUSTOMER_COUNT;
}

/** The sample's orders: the lines of data/rfm-orders.csv under its header. */
const SAMPLE_ORDERS = ordersCsv.trim().split(/\r?\n/).length - 1;

/** The page's language: the side panel's choice, else the browser's. */
const language = pageLanguage(window.localStorage, navigator.language);

function Root(): ReactElement {
  const [workbook, setWorkbook] = useState<Workbook>();
  const lang = useSyncExternalStore(language.subscribe, language.current);
  const count = customerCount();
  const host = useMemo(() => (workbook ? createPlaygroundHost(workbook, language.store) : undefined), [workbook]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    // Paint the frame first, then evaluate the workbook.
    const timer = setTimeout(() => {
      const start = performance.now();
      const opened = Workbook.open(sampleWorkbook(ordersCsv, count));
      window.segmentkitPlayground = { workbook: opened, openMs: performance.now() - start };
      setWorkbook(opened);
    }, 0);
    return () => clearTimeout(timer);
  }, [count]);
  if (!workbook || !host) {
    return h(
      'div',
      { className: 'loading' },
      h(Spinner, { label: uiText('loading', lang, { count: formatCount(count, lang) }) }),
    );
  }
  // The workbook lives here, outside the boundary: a retry draws the page again with every sheet and edit.
  return h(
    ErrorBoundary,
    { title: uiText('pageFailed', lang), note: uiText('keptSafe', lang), retryLabel: uiText('retry', lang) },
    h(App, {
      workbook,
      lang,
      subtitle: uiText('sampleSubtitle', lang, {
        count: formatCount(count, lang),
        orders: formatCount(SAMPLE_ORDERS, lang),
      }),
      panel: h(SegmentKitPanel, { host }),
    }),
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  // No className on the provider: Fluent copies it onto its portal nodes (menus, tooltips), which would then cover the page.
  // No StrictMode: Glide Data Grid's accessibility table never appears under StrictMode's double effects (dev builds).
  h(FluentProvider, { theme: webLightTheme, style: { height: '100%' } }, h(Root)),
);
