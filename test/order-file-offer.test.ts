/**
 * Where *Open an order file* is offered: in the method step with RFM on order lines, and in the table step until a
 * table is found (an empty workbook has none), on the hosts that write customer sheets and load the reader (the Excel
 * task pane, the playground page); never in the Google Sheets sidebar (which shows the BigQuery query instead), and
 * not with other methods.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createGoogleHost } from '../apps-script/sidebar/google-host.js';
import type { MethodId } from '../core/engine/plan.js';
import type { PanelHost } from '../panel/host.js';
import { SegmentKitPanel } from '../panel/Panel.js';
import { MethodStep } from '../panel/wizard/MethodStep.js';
import type { RemoteWorkbook } from '../playground/engine/remote-workbook.js';
import { Workbook } from '../playground/engine/workbook.js';
import { createPlaygroundHost } from '../playground/panel/host.js';
import { createRemotePlaygroundHost } from '../playground/panel/remote-host.js';
import { createExcelHost, workbook } from './hosts/excel-panel-workbook.js';

function offered(host: PanelHost, method: MethodId, lang: 'en' | 'vi' = 'en'): boolean {
  const html = renderToStaticMarkup(createElement(MethodStep, { method, lang, onChoose: () => undefined, host }));
  return html.includes('data-testid="open-order-file"');
}

/** The playground page's host (its workbook in a worker; nothing is asked of it here). */
const playground = (): PanelHost => createRemotePlaygroundHost({} as RemoteWorkbook);

/** The panel as it opens: the table step, no table found yet. */
function offeredBeforeTable(host: PanelHost): boolean {
  const html = renderToStaticMarkup(createElement(SegmentKitPanel, { host, displayLanguage: 'en' }));
  expect(html).toContain('data-step="range"');
  return html.includes('data-testid="open-order-file"');
}

describe('Open an order file: where it is offered', () => {
  it('the playground and Excel offer it with RFM on order lines only', () => {
    const excel = createExcelHost({ run: workbook(3).run });
    for (const host of [playground(), excel]) {
      expect(typeof host.writeCustomerSheet).toBe('function');
      expect(typeof host.loadOrderFile).toBe('function');
      expect(offered(host, 'rfmOrders')).toBe(true);
      expect(offered(host, 'rfm')).toBe(false);
      expect(offered(host, 'abc')).toBe(false);
      expect(offeredBeforeTable(host)).toBe(true);
    }
    expect(
      renderToStaticMarkup(
        createElement(MethodStep, { method: 'rfmOrders', lang: 'vi', onChoose: () => undefined, host: playground() }),
      ),
    ).toContain('Mở tệp đơn hàng');
  });

  it('the Google Sheets sidebar does not offer it, even if a host there had the methods', () => {
    const google = createGoogleHost();
    expect(google.writeCustomerSheet).toBeUndefined();
    expect(google.loadOrderFile).toBeUndefined();
    expect(offered(google, 'rfmOrders')).toBe(false);
    expect(offeredBeforeTable(google)).toBe(false);
    const { writeCustomerSheet, loadOrderFile } = playground();
    expect(offered({ ...google, writeCustomerSheet, loadOrderFile }, 'rfmOrders')).toBe(false);
  });

  it('a host that writes customer sheets but cannot load the reader (the worker-side playground host) does not', () => {
    const inWorker = createPlaygroundHost(
      Workbook.open([{ name: 'Orders', cells: [['Customer'], ['Ann']], headerRow: true }]),
    );
    expect(typeof inWorker.writeCustomerSheet).toBe('function');
    expect(offered(inWorker, 'rfmOrders')).toBe(false);
  });
});
