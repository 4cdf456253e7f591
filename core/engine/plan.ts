/**
 * A panel action as plain data: which table, which method, which columns play which role, which options.
 * Plans cross the Sheets sidebar bridge, so they hold only JSON values.
 */
import type { MethodId } from '../catalog/index.js';
import type { RevenueSource } from '../catalog/method.js';
import type { Lang } from '../labels.js';
import type { Rect } from './sheet-io.js';
import type { RuleGroup } from './rules.js';

export type { MethodId, RevenueSource };

/** The value of an option field, as its catalog parameter takes it: a number, a list of numbers, or text (a date). */
export type OptionValue = number | readonly number[] | string;

/** The roles a method reads, each mapped to a table column (0-based within the table), or several columns. */
export interface ColumnMapping {
  readonly [role: string]: number | readonly number[] | undefined;
}

export interface MethodOptions {
  /** The method's option fields (its MethodSpec's options) by parameter name; a left-out one takes its default. */
  readonly values?: Readonly<Record<string, OptionValue>>;
  /** RFM on order lines: the revenue column (default when one is mapped), or Quantity × Price. */
  readonly revenueFrom?: RevenueSource;
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
