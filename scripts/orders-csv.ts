/** Reads the sample orders (data/rfm-orders.csv: the R `rfm` package's `rfm_data_orders`, MIT) as columns. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export interface OrderColumns {
  readonly customers: string[];
  readonly dates: string[];
  readonly revenues: number[];
}

export const ORDERS_CSV = new URL('../data/rfm-orders.csv', import.meta.url);

export function readOrders(path: URL = ORDERS_CSV): OrderColumns {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path.pathname}: ${parsed.errors[0]?.message}`);
  return {
    customers: parsed.data.map((r) => r.customer_id ?? ''),
    dates: parsed.data.map((r) => r.order_date ?? ''),
    revenues: parsed.data.map((r) => Number(r.revenue)),
  };
}
