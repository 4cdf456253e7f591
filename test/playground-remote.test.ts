/**
 * The page's workbook across the Web Worker boundary, run in Node over a MessageChannel: the engine service
 * (engine/engine-service.ts, what the worker runs) on one port, the page's RemoteWorkbook and its panel host on the
 * other. What the page shows comes from the worker's state and the blocks it fetched; changes are requests that
 * keep the page busy until they are made; errors come back as the errors they were; the panel's apply reports
 * progress and its Cancel reaches the worker.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { guessMapping } from '../core/engine/columns.js';
import type { Plan } from '../core/engine/plan.js';
import type { ApplyResult } from '../panel/host.js';
import { serveEngine } from '../playground/engine/engine-service.js';
import type { Port } from '../playground/engine/protocol.js';
import { RemoteWorkbook, type EnginePort } from '../playground/engine/remote-workbook.js';
import { ImportError } from '../playground/io/import.js';
import { createRemotePlaygroundHost } from '../playground/panel/remote-host.js';
import { generateOrderLines } from '../playground/sample/orders.js';

/** A small Orders sheet (30 customers): the tests work on the Customers sheet. */
const orderCustomers = 30;

const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

/** A Node MessagePort as the protocol's Port (messages arrive as `{ data }`, as in the browser). */
function asPort(port: MessagePort): EnginePort {
  return {
    postMessage: (message, transfer) => port.postMessage(message, transfer as never),
    addEventListener: (_type, listener) => port.on('message', (data: unknown) => listener({ data } as MessageEvent)),
    terminate: () => port.close(),
  };
}

function connect(): EnginePort {
  const channel = new MessageChannel();
  channels.push(channel);
  serveEngine(asPort(channel.port1) as Port, { orderCustomers });
  return asPort(channel.port2);
}

/** Reads a cell the way the grid does, until its block has come and is current. */
async function shown(workbook: RemoteWorkbook, sheet: number, row: number, col: number): Promise<string> {
  workbook.view(sheet, row, col);
  await workbook.idle();
  return workbook.view(sheet, row, col).text;
}

const SHEET = [
  ['Customer', 'Revenue', 'Class'],
  ['a', 900, '=ABC_CLASS(B2:B5)'],
  ['b', 50],
  ['c', 30],
  ['d', 20],
];

describe('the workbook in its worker, seen from the page', () => {
  it('opens the sample and lays out its sheets from the state the worker sends', async () => {
    const workbook = await RemoteWorkbook.open(connect(), { op: 'openSample', customers: 40 });
    expect(workbook.sheetNames()).toEqual(['Customers', 'Orders', 'Segments']);
    expect(workbook.activeSheet).toBe('Customers');
    expect(workbook.sample).toEqual({ customers: 40, orders: generateOrderLines(orderCustomers).length });
    const customers = workbook.sheetId('Customers');
    expect(workbook.dimensions(customers)).toEqual({ rows: 41, cols: 22 });
    expect(workbook.hasHeaderRow(customers)).toBe(true);
    expect(workbook.frozenColumns(customers)).toBe(2);
    expect(workbook.column(customers, 1)).toEqual({ width: 330 });
    // A cell not fetched yet is blank; once its block has come, it shows the value.
    expect(workbook.view(customers, 0, 0).text).toBe('');
    expect(await shown(workbook, customers, 0, 0)).toBe('Customer ID');
    expect(await shown(workbook, customers, 1, 4)).toMatch(/^[ABC]$/);
    expect(workbook.quiet).toBe(true);
  });

  it('an edit keeps the page busy until its recalculation is made, then the cells show the new answers', async () => {
    const workbook = await RemoteWorkbook.open(connect(), { op: 'openSheets', sheets: [{ name: 'S', cells: SHEET }] });
    const sheet = workbook.sheetId('S');
    expect(await shown(workbook, sheet, 1, 2)).toBe('B');
    const version = workbook.version;
    const edit = workbook.setInput(sheet, 2, 1, '5000');
    expect(workbook.busy).toBe(true);
    // The typed value shows at once; the answers that depend on it follow the recalculation.
    expect(workbook.view(sheet, 2, 1).text).toBe('5000');
    await edit;
    expect(workbook.busy).toBe(false);
    expect(workbook.version).toBeGreaterThan(version);
    expect(workbook.canUndo).toBe(true);
    // Customer a's share falls from 90% to 15%: its class goes from B to C (as the Workbook computes it in place).
    expect(await shown(workbook, sheet, 1, 2)).toBe('C');
    expect(await workbook.valuesOf('S', 1, 1, 2, 2)).toEqual([
      [900, 'C'],
      [5000, 'B'],
    ]);
    expect(await workbook.undo()).toBe(true);
    expect(await shown(workbook, sheet, 1, 2)).toBe('B');
  });

  it('switches sheets at once and keeps the switch when older states come in', async () => {
    const workbook = await RemoteWorkbook.open(connect(), {
      op: 'openSheets',
      sheets: [
        { name: 'One', cells: [[1]] },
        { name: 'Two', cells: [[2]] },
      ],
    });
    const change = workbook.setInput(workbook.sheetId('One'), 0, 0, '3');
    workbook.setActiveSheet('Two');
    expect(workbook.activeSheet).toBe('Two');
    await change;
    expect(workbook.activeSheet).toBe('Two');
    await workbook.idle();
    expect(workbook.activeSheet).toBe('Two');
  });

  it('answers errors as the errors they were, and a stopped worker fails what was still waiting', async () => {
    const port = connect();
    const workbook = await RemoteWorkbook.open(port, { op: 'openSheets', sheets: [{ name: 'S', cells: SHEET }] });
    await expect(workbook.removeSheet('Nope')).rejects.toThrow('no sheet named Nope');
    const old = workbook.importFile(new Blob(['x']), 'orders.xls');
    await expect(old).rejects.toBeInstanceOf(ImportError);
    await expect(old).rejects.toMatchObject({ problem: 'oldXls', fileName: 'orders.xls' });
    const imported = await workbook.importFile(new Blob(['Mã KH;Doanh thu\n00001;1500\n00002;2500\n']), 'vn.csv');
    expect(imported).toMatchObject([{ name: 'vn', summary: { format: 'semicolon', rows: 2, idColumns: ['Mã KH'] } }]);
    expect(await workbook.valuesOf('vn', 1, 0, 1, 2)).toEqual([['00001', 1500]]);
    const waiting = workbook.valuesOf('S', 0, 0, 1, 1);
    workbook.terminate();
    await expect(waiting).rejects.toThrow('the workbook was closed');
    expect(workbook.busy).toBe(false);
  });

  it('runs the panel in the worker: the table around the selection, an apply with progress, its Cancel', async () => {
    const workbook = await RemoteWorkbook.open(connect(), { op: 'openSample', customers: 120 });
    const host = createRemotePlaygroundHost(workbook);
    workbook.selection = { sheet: 'Customers', row: 1, col: 1, rows: 1, cols: 1, activeRow: 1, activeCol: 1 };
    const table = await host.detectTable();
    expect(table).toMatchObject({ sheetName: 'Customers', table: { row: 0, col: 0, rows: 121 } });
    const plan: Plan = {
      sheetName: table.sheetName,
      table: table.table,
      method: 'rfm',
      columns: guessMapping('rfm', table.headers, table.sample),
      options: { values: { as_of: '2025-12-31' } },
      lang: 'en',
      colorRows: true,
    };
    const progress: unknown[] = [];
    const applied = await host.apply(
      { plan, confirmOverwrite: false, summarySheet: true },
      (p) => progress.push(p),
      new AbortController().signal,
    );
    expect(applied.kind).toBe('applied');
    expect(progress.length).toBeGreaterThan(0);
    expect(workbook.sheetNames()).toContain('Segment summary');
    expect(await workbook.valuesOf('Customers', 0, table.table.cols, 1, 1)).toEqual([['Segment']]);
    expect((await workbook.fillsOf('Customers', 1, 0, 1, 1))[0]?.[0]).toMatch(/^#[0-9a-f]{6}$/);
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(workbook.sheetNames()).not.toContain('Segment summary');

    // Cancel pressed once the run has begun: the worker stops between the engine's steps and puts everything back.
    const controller = new AbortController();
    const cancelled: Promise<ApplyResult> = host.apply(
      { plan, confirmOverwrite: false, summarySheet: true },
      () => controller.abort(),
      controller.signal,
    );
    expect((await cancelled).kind).toBe('cancelled');
    expect(await workbook.valuesOf('Customers', 0, table.table.cols, 1, 1)).toEqual([[null]]);
    expect(workbook.sheetNames()).not.toContain('Segment summary');
  });
});
