/**
 * A panel action as plain data: which table, which method, which columns play which role, which options.
 * Plans cross the Sheets sidebar bridge, so they hold only JSON values.
 */
import type { Lang } from '../labels.js';
import type { Rect } from './sheet-io.js';
import type { RuleGroup } from './rules.js';

export type MethodId =
  'abc' | 'xyz' | 'bcg' | 'priority' | 'rfm' | 'rfmOrders' | 'pyramid' | 'lifecycle' | 'kmeans' | 'rules' | 'tags';

/** Where RFM on order lines takes each line's revenue from: a revenue column, or Quantity × Price. */
export type RevenueSource = 'column' | 'quantityPrice';

/** The roles a method reads, each mapped to a table column (0-based within the table), or several columns. */
export interface ColumnMapping {
  readonly [role: string]: number | readonly number[] | undefined;
}

export interface MethodOptions {
  readonly aShare?: number;
  readonly bShare?: number;
  readonly xyzCuts?: readonly number[];
  readonly salesCut?: number;
  readonly growthCut?: number;
  /** ISO date (`2024-05-31`); default: the latest date in the data. */
  readonly asOf?: string;
  readonly bins?: number;
  /** RFM on order lines: the revenue column (default when one is mapped), or Quantity × Price. */
  readonly revenueFrom?: RevenueSource;
  readonly tierShares?: readonly number[];
  readonly lifecycleSettings?: readonly number[];
  readonly k?: number;
  readonly seed?: number;
  readonly ruleGroups?: readonly RuleGroup[];
  /** Manual tagging: the label, and the table rows (0-based data rows) it goes on. */
  readonly tag?: string;
  readonly taggedRows?: readonly number[];
}

export interface Plan {
  readonly sheetName: string;
  /** The table, header row included. */
  readonly table: Rect;
  readonly method: MethodId;
  readonly columns: ColumnMapping;
  readonly options: MethodOptions;
  readonly lang: Lang;
  /** The header of the segment column (default: "Segment" / "Phân khúc"). */
  readonly outputHeader?: string;
  /**
   * The sheet column (0-based) the segment column goes into; default: the first column right of the table.
   * The panel points it at an earlier segment column of the same name so a second run replaces the first.
   */
  readonly outputColumn?: number;
  /** Colour the table's rows by segment. */
  readonly colorRows: boolean;
}
