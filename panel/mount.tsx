/** Mounts the side panel in a page (the Excel task pane, the Sheets sidebar); the playground renders SegmentKitPanel. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { PanelHost } from './host.js';
import { SegmentKitPanel } from './Panel.js';

export { SegmentKitPanel };

export function mountPanel(element: HTMLElement, host: PanelHost, displayLanguage?: string): () => void {
  const root = createRoot(element);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <SegmentKitPanel host={host} {...(displayLanguage ? { displayLanguage } : {})} />
    </FluentProvider>,
  );
  return () => root.unmount();
}
