/**
 * The workbook's side of the page/worker channel (engine/protocol.ts): it holds the Workbook (HyperFormula with the
 * SegmentKit functions), the panel host over it, and answers the page's requests in the order they came. It sends
 * the workbook's state once per change burst (coalesced to one message per task, and always before the answer of
 * the request that caused it), so the page never reads a cell it does not show. No DOM here: the worker runs it
 * (engine/worker.ts), and the tests run it in Node over a MessageChannel.
 */
import { DetailedCellError } from 'hyperformula';
import type { PanelHost } from '../../panel/host.js';
import { workbookToXlsx } from '../io/export.js';
import { fileToSheets, ImportError } from '../io/import.js';
import { createPlaygroundHost } from '../panel/host.js';
import { sampleWorkbook } from '../sample/sample-workbook.js';
import type {
  Block,
  EngineAnswers,
  EngineCall,
  EngineMessage,
  EngineRequest,
  EngineState,
  ErrorValue,
  HostMethod,
  Port,
} from './protocol.js';
import type { SheetInput } from './sheet-model.js';
import { Workbook } from './workbook.js';

export interface EngineServiceOptions {
  /** Customers buying on the sample's Orders sheet (default ORDER_CUSTOMER_COUNT); tests use fewer. */
  readonly orderCustomers?: number;
}

/** An error as a value the page can make again (engine/protocol.ts). */
function errorValue(error: unknown): ErrorValue {
  if (error instanceof ImportError) {
    return {
      name: error.name,
      message: error.message,
      problem: error.problem,
      fileName: error.fileName,
      ...(error.detail === undefined ? {} : { detail: error.detail }),
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

const blockOf = <T>(block: Block, pick: (row: number, col: number) => T): T[][] =>
  Array.from({ length: block.rows }, (_, r) =>
    Array.from({ length: block.cols }, (_, c) => pick(block.row + r, block.col + c)),
  );

/**
 * Serves one workbook over `port`.
 *
 * @example serveEngine(self as unknown as Port) // in the worker
 * Cost: each request costs what its Workbook call costs; a block of cells is O(rows × cols) views.
 */
export function serveEngine(port: Port, options: EngineServiceOptions = {}): void {
  let workbook: Workbook | undefined;
  let host: PanelHost | undefined;
  let handled = 0;
  let dirty = false;
  let openMs = 0;
  let sample: EngineState['sample'];
  const aborts = new Map<number, AbortController>();

  const book = (): Workbook => {
    if (!workbook) throw new Error('no workbook is open');
    return workbook;
  };

  const state = (): EngineState => {
    const wb = book();
    return {
      version: wb.version,
      handled,
      active: wb.activeSheet,
      canUndo: wb.hf.isThereSomethingToUndo(),
      canRedo: wb.hf.isThereSomethingToRedo(),
      openMs,
      ...(sample ? { sample } : {}),
      sheets: wb.sheetNames().map((name) => {
        const id = wb.sheetId(name);
        const { rows, cols } = wb.dimensions(id);
        const { chart, ...layout } = wb.layout(id);
        return { id, name, rows, cols, ...layout, ...(chart ? { chart } : {}) };
      }),
    };
  };

  const flush = (): void => {
    if (!dirty || !workbook) return;
    dirty = false;
    port.postMessage({ kind: 'state', state: state() });
  };

  const open = (sheets: () => readonly SheetInput[]): EngineState => {
    const start = performance.now();
    const opened = Workbook.open(sheets());
    openMs = performance.now() - start;
    workbook?.destroy();
    workbook = opened;
    host = createPlaygroundHost(opened);
    opened.subscribe(() => {
      if (dirty) return;
      dirty = true;
      setTimeout(flush, 0);
    });
    dirty = false;
    return state();
  };

  const runHost = async (id: number, method: HostMethod, args: readonly unknown[]): Promise<unknown> => {
    if (!host) throw new Error('no workbook is open');
    if (method === 'apply' || method === 'writeCustomerSheet') {
      const controller = new AbortController();
      aborts.set(id, controller);
      const onProgress = (progress: unknown): void => port.postMessage({ kind: 'progress', id, progress });
      try {
        if (method === 'writeCustomerSheet') {
          if (!host.writeCustomerSheet) throw new Error('this host writes no customer sheet');
          return await host.writeCustomerSheet(
            args[0] as Parameters<NonNullable<PanelHost['writeCustomerSheet']>>[0],
            onProgress,
            controller.signal,
          );
        }
        return await host.apply(args[0] as Parameters<PanelHost['apply']>[0], onProgress, controller.signal);
      } finally {
        aborts.delete(id);
      }
    }
    const call = host[method] as (...a: unknown[]) => Promise<unknown>;
    return call.apply(host, [...args]);
  };

  async function run(request: EngineRequest): Promise<EngineAnswers[EngineCall['op']]> {
    switch (request.op) {
      case 'openSample':
        return open(() => {
          const sheets = sampleWorkbook(request.customers, options.orderCustomers);
          sample = { customers: request.customers, orders: (sheets[1]?.cells.length ?? 1) - 1 };
          return sheets;
        });
      case 'openSheets':
        sample = undefined;
        return open(() => request.sheets);
      case 'cells': {
        const wb = book();
        const { sheet, block } = request;
        return {
          version: wb.version,
          block,
          views: blockOf(block, (row, col) => wb.view(sheet, row, col)),
          fills: blockOf(block, (row, col) => wb.background(sheet, row, col)),
        };
      }
      case 'values': {
        const wb = book();
        const sheet = wb.sheetId(request.sheet);
        return blockOf(request.block, (row, col) => {
          const value = wb.value(sheet, row, col);
          return value instanceof DetailedCellError ? { code: value.value, message: value.message } : (value ?? null);
        });
      }
      case 'formulas': {
        const wb = book();
        const sheet = wb.sheetId(request.sheet);
        return blockOf(request.block, (row, col) => wb.hf.doesCellHaveFormula({ sheet, row, col }));
      }
      case 'detail': {
        const wb = book();
        const { sheet, row, col } = request;
        const view = wb.view(sheet, row, col);
        const anchor = view.spilled ? wb.anchorOf(sheet, row, col) : undefined;
        return anchor ? { view, anchor: { ...anchor, input: wb.view(sheet, anchor.row, anchor.col).input } } : { view };
      }
      case 'stats': {
        const { row, col, rows, cols } = request.block;
        return book().stats(request.sheet, row, col, rows, cols) ?? null;
      }
      case 'setInput':
        book().setInput(request.sheet, request.row, request.col, request.input);
        return null;
      case 'setInputs':
        book().setInputs(request.sheet, request.row, request.col, request.cells);
        return null;
      case 'edits': {
        const wb = book();
        wb.hf.batch(() => {
          for (const { row, col, input } of request.edits) wb.setInput(request.sheet, row, col, input);
        });
        return null;
      }
      case 'clear': {
        const { row, col, rows, cols } = request.block;
        book().clear(request.sheet, row, col, rows, cols);
        return null;
      }
      case 'setColumnWidth':
        book().setColumnWidth(request.sheet, request.col, request.width);
        return null;
      case 'setActiveSheet':
        book().setActiveSheet(request.name);
        return null;
      case 'select':
        book().selection = request.selection;
        return null;
      case 'undo':
        return book().undo();
      case 'redo':
        return book().redo();
      case 'addSheet':
        return book().addSheet(request.sheet);
      case 'removeSheet':
        book().removeSheet(request.name);
        return null;
      case 'import': {
        const { file, name } = request;
        const sheets = await fileToSheets({ name, text: () => file.text(), arrayBuffer: () => file.arrayBuffer() });
        const wb = book();
        return sheets.map(({ sheet, summary }) => ({ name: wb.addSheet(sheet), summary }));
      }
      case 'export':
        return workbookToXlsx(book());
      case 'host':
        return runHost(request.id, request.method, request.args);
      case 'abort':
        aborts.get(request.target)?.abort();
        return null;
      case 'ping':
        return null;
    }
  }

  port.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as EngineRequest;
    handled = Math.max(handled, request.id);
    const answer = (message: EngineMessage, transfer: Transferable[] = []): void => {
      try {
        flush();
        port.postMessage(message, transfer);
      } catch (error) {
        // An answer that cannot be cloned still answers: as the error it is.
        port.postMessage({ kind: 'answer', id: request.id, ok: false, error: errorValue(error) });
      }
    };
    void run(request).then(
      (value) =>
        answer({ kind: 'answer', id: request.id, ok: true, value }, value instanceof ArrayBuffer ? [value] : []),
      (error: unknown) => answer({ kind: 'answer', id: request.id, ok: false, error: errorValue(error) }),
    );
  });
}
