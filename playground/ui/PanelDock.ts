/**
 * The side panel's place beside the grid: a drag handle that resizes it (300–600 px, also with the arrow keys) and a
 * button that collapses it to a thin strip and opens it again. Width and collapse are remembered in the browser's
 * storage. A collapsed panel stays mounted (only hidden), so its wizard keeps where it was.
 * The default width is Excel's task pane width (320 px), so at 1024 px the grid keeps more than two thirds.
 */
import {
  createElement as h,
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { Lang } from '../../core/labels.js';
import { fillTemplate } from '../../core/template.js';

export const PANEL_MIN_WIDTH = 300;
export const PANEL_MAX_WIDTH = 600;
export const PANEL_DEFAULT_WIDTH = 320;
/** Where the dock keeps `{ width, collapsed }`. */
export const PANEL_DOCK_KEY = 'segmentkit.panelDock';
/** The grid keeps at least this much of the window. */
const GRID_MIN_WIDTH = 360;
const KEY_STEP = 20;

export const DOCK_TEXT = {
  hide: { en: 'Hide the side panel', vi: 'Ẩn bảng bên' },
  show: { en: 'Show the side panel', vi: 'Hiện bảng bên' },
  resize: {
    en: 'Side panel width: drag, or use the arrow keys ({width} px)',
    vi: 'Độ rộng bảng bên: kéo, hoặc dùng phím mũi tên ({width} px)',
  },
} satisfies Record<string, Record<Lang, string>>;

interface DockState {
  readonly width: number;
  readonly collapsed: boolean;
}

/** A width the panel may take: within 300–600 px and leaving the grid its room in this window. */
export function clampWidth(width: number, windowWidth: number): number {
  const most = Math.max(PANEL_MIN_WIDTH, Math.min(PANEL_MAX_WIDTH, windowWidth - GRID_MIN_WIDTH));
  return Math.round(Math.min(most, Math.max(PANEL_MIN_WIDTH, width)));
}

function load(storage: Storage | undefined): DockState {
  try {
    const saved = JSON.parse(storage?.getItem(PANEL_DOCK_KEY) ?? '{}') as Partial<DockState>;
    return {
      width: typeof saved.width === 'number' && Number.isFinite(saved.width) ? saved.width : PANEL_DEFAULT_WIDTH,
      collapsed: saved.collapsed === true,
    };
  } catch {
    return { width: PANEL_DEFAULT_WIDTH, collapsed: false };
  }
}

const storageOf = (): Storage | undefined => (typeof window === 'undefined' ? undefined : window.localStorage);

export interface PanelDockProps {
  readonly lang: Lang;
  readonly children?: ReactNode;
}

export function PanelDock({ lang, children }: PanelDockProps): ReactElement {
  const [dock, setDock] = useState<DockState>(() => load(storageOf()));
  const [windowWidth, setWindowWidth] = useState(() => (typeof window === 'undefined' ? 1600 : window.innerWidth));
  const drag = useRef<{ startX: number; startWidth: number }>();
  const width = clampWidth(dock.width, windowWidth);

  useEffect(() => {
    try {
      storageOf()?.setItem(PANEL_DOCK_KEY, JSON.stringify(dock));
    } catch {
      // Storage full or off: the dock still works, it is just not remembered.
    }
  }, [dock]);

  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const setWidth = useCallback(
    (next: number) => setDock((d) => ({ ...d, width: clampWidth(next, window.innerWidth) })),
    [],
  );

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    // The panel is on the right: dragging left widens it.
    setWidth(drag.current.startWidth + drag.current.startX - event.clientX);
  };
  const onPointerUp = () => {
    drag.current = undefined;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowLeft') setWidth(width + KEY_STEP);
    else if (event.key === 'ArrowRight') setWidth(width - KEY_STEP);
    else if (event.key === 'Home') setWidth(PANEL_MIN_WIDTH);
    else if (event.key === 'End') setWidth(PANEL_MAX_WIDTH);
    else return;
    event.preventDefault();
  };
  const toggle = () => setDock((d) => ({ ...d, collapsed: !d.collapsed }));
  const label = dock.collapsed ? DOCK_TEXT.show[lang] : DOCK_TEXT.hide[lang];

  return h(
    'aside',
    {
      className: dock.collapsed ? 'side-panel collapsed' : 'side-panel',
      style: dock.collapsed ? undefined : { width: `${width}px` },
      'data-testid': 'side-panel',
    },
    dock.collapsed
      ? null
      : h('div', {
          className: 'panel-resizer',
          role: 'separator',
          tabIndex: 0,
          'aria-orientation': 'vertical',
          'aria-valuemin': PANEL_MIN_WIDTH,
          'aria-valuemax': PANEL_MAX_WIDTH,
          'aria-valuenow': width,
          'aria-label': fillTemplate(DOCK_TEXT.resize[lang], { width }),
          'data-testid': 'panel-resizer',
          onPointerDown,
          onPointerMove,
          onPointerUp,
          onPointerCancel: onPointerUp,
          onKeyDown,
        }),
    h(
      'button',
      {
        type: 'button',
        className: 'panel-toggle',
        'aria-label': label,
        'aria-expanded': !dock.collapsed,
        title: label,
        'data-testid': 'panel-toggle',
        onClick: toggle,
      },
      h('span', { 'aria-hidden': true }, dock.collapsed ? '‹' : '›'),
    ),
    h('div', { className: 'side-panel-body', hidden: dock.collapsed }, children),
  );
}
