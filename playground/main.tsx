/**
 * The playground's entry: opens the sample workbook (2,000 generated customers; `?customers=100000` for more) and
 * renders the page. The sample orders are bundled at build time; nothing is fetched at run time.
 */
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { createElement as h, useEffect, useMemo, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import ordersCsv from '../data/rfm-orders.csv?raw';
import { SegmentKitPanel } from '../panel/Panel.js';
import { Workbook } from './engine/workbook.js';
import { createPlaygroundHost } from './panel/host.js';
import { CUSTOMER_COUNT, sampleWorkbook } from './sample/sample-workbook.js';
import { App } from './ui/App.js';
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

function Root(): ReactElement {
  const [workbook, setWorkbook] = useState<Workbook>();
  const count = customerCount();
  const host = useMemo(() => (workbook ? createPlaygroundHost(workbook, window.localStorage) : undefined), [workbook]);
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
      h(Spinner, { label: `Opening the sample workbook (${count.toLocaleString('en-US')} customers)…` }),
    );
  }
  return h(App, {
    workbook,
    subtitle: `Sample workbook · ${count.toLocaleString('en-US')} Vietnamese B2B customers · 4,906 orders`,
    panel: h(SegmentKitPanel, { host }),
  });
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  // No className on the provider: Fluent copies it onto its portal nodes (menus, tooltips), which would then cover the page.
  // No StrictMode: Glide Data Grid's accessibility table never appears under StrictMode's double effects (dev builds).
  h(FluentProvider, { theme: webLightTheme, style: { height: '100%' } }, h(Root)),
);
