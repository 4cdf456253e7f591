/**
 * The playground's entry: opens the sample workbook (2,000 generated customers; `?customers=100000` for more) in a
 * Web Worker and renders the page, with a spinner and Cancel while it opens. The sample orders are bundled into the
 * worker at build time; nothing is fetched at run time.
 */
import {
  createElement as h,
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactElement,
} from 'react';
import { createRoot } from 'react-dom/client';
import type { EngineCall } from './engine/protocol.js';
import { RemoteWorkbook, type EnginePort } from './engine/remote-workbook.js';
import { CUSTOMER_COUNT } from './sample/customer-count.js';
import { formatCount, uiText } from './ui/i18n.js';
import { pageLanguage } from './ui/language.js';
import type { Page as PageComponent } from './ui/Page.js';
import './styles.css';

/** What the browser tests (and a curious developer in the console) can reach. */
export interface PlaygroundHandle {
  /** The page's side of the workbook, which lives in a Web Worker. */
  readonly workbook: RemoteWorkbook;
  /** Always true: the handle is set once the workbook is open and evaluated. */
  readonly ready: true;
  /** Milliseconds from asking the worker to open the workbook until it was open and evaluated. */
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

/**
 * The open page (Fluent UI, the grid, the panel): read while the workbook opens, not before the spinner shows. The
 * grid, then the panel, then the rest are imported one after the other, so each part's code runs in its own task
 * instead of one long one.
 */
const pageModule = import('./ui/SheetGrid.js')
  .then(() => import('../panel/Panel.js'))
  .then(() => import('./ui/Page.js'));

/** The page's language: the side panel's choice, else the browser's. */
const language = pageLanguage(window.localStorage, navigator.language);

/**
 * A workbook opened in a new worker, and how to stop it while it opens. The worker's build and evaluation never
 * run on this thread, so the spinner turns and Cancel can be pressed meanwhile.
 */
function openInWorker(call: Extract<EngineCall, { op: 'openSample' | 'openSheets' }>): {
  readonly opened: Promise<RemoteWorkbook>;
  readonly stop: () => void;
} {
  const worker = new Worker(new URL('./engine/worker.ts', import.meta.url), { type: 'module' });
  const workbook = new RemoteWorkbook(worker as EnginePort);
  worker.addEventListener('error', (event) => workbook.fail(new Error(event.message || 'the workbook stopped')));
  return { opened: workbook.request(call).then(() => workbook), stop: () => workbook.terminate() };
}

type Load =
  | { readonly phase: 'opening' }
  | {
      readonly phase: 'open';
      readonly workbook: RemoteWorkbook;
      readonly cancelled: boolean;
      readonly Page: typeof PageComponent;
    }
  | { readonly phase: 'failed'; readonly message: string };

function Root(): ReactElement {
  const [load, setLoad] = useState<Load>({ phase: 'opening' });
  const lang = useSyncExternalStore(language.subscribe, language.current);
  const count = customerCount();
  const stop = useRef<() => void>();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const failed = useCallback((error: unknown) => {
    setLoad({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
  }, []);
  const opened = useCallback(
    (next: RemoteWorkbook, start: number, cancelled: boolean) => {
      const openMs = performance.now() - start;
      void pageModule.then(({ Page }) => {
        window.segmentkitPlayground = { workbook: next, ready: true, openMs };
        // A transition: React draws the page in slices of a few milliseconds, so the spinner keeps turning meanwhile.
        startTransition(() => setLoad({ phase: 'open', workbook: next, cancelled, Page }));
      }, failed);
    },
    [failed],
  );

  useEffect(() => {
    const start = performance.now();
    let live = true;
    const opening = openInWorker({ op: 'openSample', customers: count });
    stop.current = () => {
      live = false;
      opening.stop();
    };
    opening.opened.then(
      (next) => live && opened(next, start, false),
      (error: unknown) => live && failed(error),
    );
    return () => stop.current?.();
  }, [count, opened, failed]);

  /** Cancel: the worker opening the sample is stopped; an empty workbook opens in its place. */
  const cancel = useCallback(() => {
    stop.current?.();
    const start = performance.now();
    const blank = openInWorker({
      op: 'openSheets',
      sheets: [{ name: uiText('newSheetName', language.current(), { n: 1 }), cells: [] }],
    });
    stop.current = blank.stop;
    blank.opened.then((next) => opened(next, start, true), failed);
  }, [opened, failed]);

  if (load.phase === 'failed') {
    return h(
      'div',
      { className: 'loading', role: 'alert' },
      h('strong', null, uiText('openFailed', lang)),
      h('span', null, load.message),
    );
  }
  if (load.phase === 'opening') {
    // Plain elements, no Fluent UI yet: the spinner turns in CSS and Cancel is a button of the page.
    return h(
      'div',
      { className: 'loading', 'data-testid': 'loading', 'aria-busy': true },
      h(
        'div',
        {
          className: 'loading-spinner',
          role: 'progressbar',
          'aria-label': uiText('loading', lang, { count: formatCount(count, lang) }),
        },
        h('span', { className: 'loading-wheel', 'aria-hidden': true }),
        h('span', null, uiText('loading', lang, { count: formatCount(count, lang) })),
      ),
      h('button', { type: 'button', className: 'loading-cancel', onClick: cancel }, uiText('cancelOpen', lang)),
    );
  }
  const { Page, workbook, cancelled } = load;
  return h(Page, { workbook, lang, store: language.store, cancelled });
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
// No StrictMode: Glide Data Grid's accessibility table never appears under StrictMode's double effects (dev builds).
createRoot(container).render(h(Root));
