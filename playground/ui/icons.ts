/** The few icons the playground draws, inline (no icon font, nothing fetched). */
import { createElement as h, type ReactElement } from 'react';

const stroke = {
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  fill: 'none',
} as const;

function icon(d: string, size = 20): ReactElement {
  return h(
    'svg',
    { width: size, height: size, viewBox: '0 0 20 20', fill: 'none', 'aria-hidden': true },
    h('path', { d, ...stroke }),
  );
}

export function Logo(): ReactElement {
  return h(
    'svg',
    { width: 30, height: 30, viewBox: '0 0 32 32', 'aria-hidden': true, className: 'logo' },
    h('rect', { width: 32, height: 32, rx: 8, fill: '#0f6cbd' }),
    h('path', { d: 'M16 6 L26 24 H6 Z', fill: '#ffffff', opacity: 0.25 }),
    h('path', { d: 'M16 6 L20.4 14 H11.6 Z', fill: '#ffffff' }),
    h('path', { d: 'M11 15.2 H21 L23.2 19.2 H8.8 Z', fill: '#ffffff', opacity: 0.8 }),
    h('path', { d: 'M8.2 20.4 H23.8 L26 24.4 H6 Z', fill: '#ffffff', opacity: 0.55 }),
  );
}

export const UploadIcon = (): ReactElement =>
  icon('M10 13V3.5M6 7.5l4-4 4 4M4 13.5v2A1.5 1.5 0 0 0 5.5 17h9a1.5 1.5 0 0 0 1.5-1.5v-2');
export const DownloadIcon = (): ReactElement =>
  icon('M10 3.5V13M6 9l4 4 4-4M4 13.5v2A1.5 1.5 0 0 0 5.5 17h9a1.5 1.5 0 0 0 1.5-1.5v-2');
export const PlusIcon = (): ReactElement => icon('M10 4v12M4 10h12', 16);
export const FunctionIcon = (): ReactElement =>
  icon('M12.5 3.5c-1.8 0-2.6.9-3 2.8L7.6 15c-.4 1.7-1.1 2-2.6 2M6 8h6M11.5 10.5l4 5M15.5 10.5l-4 5');
