/**
 * *Open an order file* (RFM on order lines, Excel and the playground): a button that picks a CSV or Parquet file,
 * the progress of reading it with Cancel, then what was written (the new sheet, the columns used, the lines left
 * out) or, beyond what a sheet takes, the CSV to download. The run itself is run-order-file.ts; it and DuckDB-Wasm
 * (duckdb-wasm.ts) come from the host's `loadOrderFile` when a file is picked, so this file imports neither.
 *
 * Cost: a few elements; the work (and its memory) is the run's. Unmounting it (leaving the step) cancels a run.
 *
 * @example <OpenOrderFile host={host} lang="vi" onWritten={refreshUndo} />
 */
import { Button, ProgressBar } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { customersFromLines, leftOutText, rowsText } from '../../core/engine/lines-text.js';
import type { Lang } from '../../core/labels.js';
import { LEFT_OUT_REASONS } from '../../core/methods/orders.js';
import { formatCount } from '../../core/number-format.js';
import type { PanelHost } from '../host.js';
import { text, type TextKey } from '../i18n.js';
import type { OrderFileSummary } from './pipeline.js';
import type { OrderFileOutcome, OrderFileStatus } from './run-order-file.js';

/** DuckDB-Wasm's folder beside the page, where the builds copy its wasm and worker (duckdb-wasm.ts). */
const DUCKDB_FOLDER = 'duckdb/';

export interface OpenOrderFileProps {
  readonly host: PanelHost;
  readonly lang: Lang;
  /** Told after a sheet was written (the panel then offers its undo). */
  readonly onWritten: () => void;
}

type View =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly file: string; readonly status: OrderFileStatus; readonly cancelling: boolean }
  | { readonly kind: 'done'; readonly file: string; readonly outcome: OrderFileOutcome }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Whether a host offers *Open an order file*: it writes customer sheets and loads the reader (Excel, the playground
 * page); never the Google Sheets sidebar, which shows BigQuery SQL instead.
 */
export function offersOrderFile(host: PanelHost | undefined): host is PanelHost {
  return host?.writeCustomerSheet !== undefined && host.loadOrderFile !== undefined && host.kind !== 'sheets';
}

/** What a failure says, in the panel's language (an order-file error by its code, anything else as it is). */
export function failureText(error: unknown, lang: Lang): string {
  // OrderFileError (pipeline.ts), known by its name: the pipeline is loaded only when a file is picked.
  if (error instanceof Error && error.name === 'OrderFileError') {
    const { code, values } = error as Error & { code: string; values: Record<string, string | number> };
    const filled = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
    return text(`orderFile_${code}` as TextKey, lang, filled);
  }
  return error instanceof Error ? error.message : String(error);
}

/** The chunk with the reader could not be loaded: said as DuckDB-Wasm failing to load (an OrderFileError by name). */
function loadFailure(error: unknown): Error {
  const why = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return Object.assign(new Error(`order file: wasmFailed ${why}`), {
    name: 'OrderFileError',
    code: 'wasmFailed',
    values: { why: why.slice(0, 200) },
  });
}

function statusText(status: OrderFileStatus, file: string, lang: Lang): string {
  if (status.kind === 'loading') return text('orderFileLoading', lang);
  if (status.kind === 'writing') return text('orderFile_write', lang);
  const { phase, lines, fraction } = status.progress;
  const percent =
    fraction === undefined || phase === 'table'
      ? ''
      : text('orderFilePercent', lang, { percent: `${Math.round(fraction * 100)} %` });
  return text(`orderFile_${phase}` as TextKey, lang, { file, lines: formatCount(lines, lang), percent });
}

function statusFraction(status: OrderFileStatus): number | undefined {
  if (status.kind === 'writing') return status.fraction;
  return status.kind === 'progress' ? status.progress.fraction : undefined;
}

/** The columns used and the lines left out, as the command line prints them. */
function SummaryLines({ summary, lang }: { readonly summary: OrderFileSummary; readonly lang: Lang }): ReactElement {
  const { read, columnsUsed: used } = summary;
  const items = LEFT_OUT_REASONS.flatMap((reason) => {
    const tally = read.leftOutByReason[reason];
    if (!tally) return [];
    const what = leftOutText(reason, tally.count, summary.quantityPrice ? 'quantityPrice' : 'column', lang);
    return [`${what} (${rowsText(tally, lang)})`];
  });
  return (
    <div data-testid="order-file-summary">
      <p>
        <strong>{customersFromLines(summary.customers, read.lines, lang)}</strong>
      </p>
      <p className="sk-hint">
        {text('orderFileColumns', lang, {
          customer: used.customer,
          date: used.date,
          revenue: used.revenue
            .split(' × ')
            .map((h) => `"${h}"`)
            .join(' × '),
          orderId: used.orderId ? text('orderFileOrderId', lang, { orderId: used.orderId }) : '',
        })}
      </p>
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      {summary.finalRow !== undefined && <p className="sk-hint">{text('orderFileFinalRow', lang)}</p>}
    </div>
  );
}

function CsvOffer({
  outcome,
  lang,
}: {
  readonly outcome: Extract<OrderFileOutcome, { kind: 'csv' }>;
  readonly lang: Lang;
}): ReactElement {
  const [href, setHref] = useState<string>();
  useEffect(() => {
    const url = URL.createObjectURL(outcome.csv);
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [outcome.csv]);
  return (
    <div data-testid="order-file-csv">
      <p>
        {text('orderFileTooBig', lang, { rows: formatCount(outcome.rows, lang), max: formatCount(outcome.max, lang) })}
      </p>
      {href && (
        <a href={href} download={outcome.name} data-testid="order-file-download">
          {text('orderFileDownload', lang, { name: outcome.name })}
        </a>
      )}
    </div>
  );
}

function Outcome({ outcome, lang }: { readonly outcome: OrderFileOutcome; readonly lang: Lang }): ReactElement {
  switch (outcome.kind) {
    case 'cancelled':
      return <p data-testid="order-file-cancelled">{text('orderFileCancelled', lang)}</p>;
    case 'tooBig':
      return (
        <p>
          {text('orderFileTooBig', lang, {
            rows: formatCount(outcome.rows, lang),
            max: formatCount(outcome.max, lang),
          })}
        </p>
      );
    case 'csv':
      return (
        <>
          <CsvOffer outcome={outcome} lang={lang} />
          <SummaryLines summary={outcome.summary} lang={lang} />
        </>
      );
    case 'written':
      return (
        <div data-testid="order-file-written">
          <p>
            {text('orderFileWritten', lang, {
              sheet: outcome.result.sheet,
              rows: formatCount(outcome.result.rows, lang),
            })}
          </p>
          <SummaryLines summary={outcome.summary} lang={lang} />
        </div>
      );
  }
}

export function OpenOrderFile({ host, lang, onWritten }: OpenOrderFileProps): ReactElement {
  const [view, setView] = useState<View>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController>();
  useEffect(() => () => abort.current?.abort(), []);

  const start = async (file: File): Promise<void> => {
    const controller = new AbortController();
    abort.current = controller;
    setView({ kind: 'running', file: file.name, status: { kind: 'loading' }, cancelling: false });
    const base = new URL(DUCKDB_FOLDER, document.baseURI);
    try {
      // The pipeline and DuckDB-Wasm's loader: the host's own chunk, loaded on the first file picked.
      if (!host.loadOrderFile) throw new Error('this host opens no order file');
      const { runOrderFile, openWasmDb } = await host.loadOrderFile().catch((error: unknown) => {
        throw loadFailure(error);
      });
      const outcome = await runOrderFile({
        host,
        file,
        lang,
        signal: controller.signal,
        openDb: () => openWasmDb(file, base, controller.signal),
        onStatus: (status) => setView((v) => (v.kind === 'running' ? { ...v, status } : v)),
      });
      setView({ kind: 'done', file: file.name, outcome });
      if (outcome.kind === 'written') onWritten();
    } catch (error) {
      setView({ kind: 'failed', error });
    } finally {
      if (abort.current === controller) abort.current = undefined;
    }
  };

  const running = view.kind === 'running';
  return (
    <div className="sk-order-file" data-testid="order-file">
      <p>
        <strong>{text('orderFileTitle', lang)}</strong>
      </p>
      <p className="sk-hint">{text('orderFileAbout', lang)}</p>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,.parquet,text/csv"
        hidden
        data-testid="order-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void start(file);
        }}
      />
      <Button data-testid="open-order-file" disabled={running} onClick={() => input.current?.click()}>
        {text('orderFileOpen', lang)}
      </Button>
      {view.kind === 'running' && (
        <div className="sk-progress" data-testid="order-file-progress">
          <ProgressBar value={statusFraction(view.status)} />
          <span>{view.cancelling ? text('cancelling', lang) : statusText(view.status, view.file, lang)}</span>
          <Button
            size="small"
            data-testid="order-file-cancel"
            disabled={view.cancelling}
            onClick={() => {
              setView({ ...view, cancelling: true });
              abort.current?.abort();
            }}
          >
            {text('cancel', lang)}
          </Button>
        </div>
      )}
      {view.kind === 'done' && <Outcome outcome={view.outcome} lang={lang} />}
      {view.kind === 'failed' && (
        <p role="alert" data-testid="order-file-error">
          {failureText(view.error, lang)}
        </p>
      )}
    </div>
  );
}
