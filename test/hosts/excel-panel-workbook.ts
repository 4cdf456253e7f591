/**
 * The customer table in a fake Excel (test/hosts/fake-excel.ts) and the task pane's host over it: shared by
 * excel-panel.test.ts and excel-panel.scale.test.ts.
 */
import { createExcelHost as createHost, type ExcelHostOptions } from '../../addin/excel-panel-host.js';
import { asSerial, customerPlan, customerTable } from './customer-table.js';
import { FakeExcel } from './fake-excel.js';

const FAKES = new Map<unknown, FakeExcel>();

/** A workbook whose sheet "Khách hàng" holds the customer table: a header and `rows` customers, 10 columns. */
export function workbook(rows: number): FakeExcel {
  const excel = new FakeExcel('Khách hàng');
  excel.sheet('Khách hàng').fill(customerTable(rows, asSerial));
  FAKES.set(excel.run, excel);
  return excel;
}

export const plan = customerPlan;

/** The task pane's host over a fake workbook, with the workbook's own settings unless others are given. */
export const createExcelHost = (
  options: Pick<ExcelHostOptions, 'run'> & Partial<ExcelHostOptions>,
  excel?: FakeExcel,
) =>
  createHost({
    documentSettings: (excel ?? FAKES.get(options.run))!.office.context.document.settings,
    ...options,
  });

export const never = new AbortController().signal;
