/**
 * The open page: the app (grid, bars, formula bar) with the side panel, in Fluent's theme. Loaded by main.tsx as a
 * separate chunk while the workbook opens in its worker, so the first screen (the spinner and Cancel) only needs
 * React: Fluent UI, Glide Data Grid and the panel are read and run once the page is shown or on their way.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createElement as h, startTransition, useEffect, useMemo, useState, type ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { SegmentKitPanel } from '../../panel/Panel.js';
import type { RemoteWorkbook } from '../engine/remote-workbook.js';
import type { SettingsStore } from '../panel/settings.js';
import { createRemotePlaygroundHost } from '../panel/remote-host.js';
import { App } from './App.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { formatCount, uiText } from './i18n.js';

export interface PageProps {
  readonly workbook: RemoteWorkbook;
  readonly lang: Lang;
  /** Where the panel keeps its settings (the page's language among them). */
  readonly store: SettingsStore;
  /** The sample's opening was cancelled: an empty workbook is open instead. */
  readonly cancelled: boolean;
}

export function Page({ workbook, lang, store, cancelled }: PageProps): ReactElement {
  const host = useMemo(() => createRemotePlaygroundHost(workbook, store), [workbook, store]);
  // The panel is drawn once the grid is: two smaller tasks for the page's main thread instead of one long one.
  const [panelShown, setPanelShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setPanelShown(true)), 0);
    return () => clearTimeout(timer);
  }, []);
  const sample = workbook.sample;
  const subtitle = cancelled
    ? uiText('openCancelled', lang)
    : sample
      ? uiText('sampleSubtitle', lang, {
          count: formatCount(sample.customers, lang),
          orders: formatCount(sample.orders, lang),
        })
      : undefined;
  // No className on the provider: Fluent copies it onto its portal nodes (menus, tooltips), which would then cover the page.
  return h(
    FluentProvider,
    { theme: webLightTheme, style: { height: '100%' } },
    // The workbook lives outside the boundary: a retry draws the page again with every sheet and edit.
    h(
      ErrorBoundary,
      { title: uiText('pageFailed', lang), note: uiText('keptSafe', lang), retryLabel: uiText('retry', lang) },
      h(App, { workbook, lang, subtitle, panel: panelShown ? h(SegmentKitPanel, { host }) : h('div') }),
    ),
  );
}
