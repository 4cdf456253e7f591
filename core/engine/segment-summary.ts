/**
 * Per segment: customers, customer share, value, value share and average value, computed by SEGMENT_SUMMARY itself
 * (so the summary sheet and the formula always agree), in the segmentation's own order (the method's natural order,
 * not SEGMENT_SUMMARY's by value), with the total.
 */
import { readText } from '../cells.js';
import { isProblem } from '../errors.js';
import type { Lang } from '../labels.js';
import type { OutCell } from '../output.js';
import type { Segmentation } from './segment.js';
import { call } from './table-columns.js';

/** One segment's line; a share is '' when its whole is 0, as SEGMENT_SUMMARY answers. */
export interface SegmentLine {
  readonly label: string;
  readonly customers: number;
  readonly customerShare: number | '';
  /** Absent when the table has no value column. */
  readonly value?: number;
  readonly valueShare?: number | '';
  readonly average?: number | '';
  readonly none?: true;
}

export interface SegmentSummary {
  readonly lines: readonly SegmentLine[];
  readonly total: SegmentLine;
}

const asShare = (cell: OutCell | undefined): number | '' => (typeof cell === 'number' ? cell : '');
const asNumber = (cell: OutCell | undefined): number => (typeof cell === 'number' ? cell : 0);
/** The name SEGMENT_SUMMARY gives a segment (it reads keys as trimmed text). */
const keyOf = (name: string): string => {
  const read = readText(name);
  return typeof read === 'string' ? read : name;
};

/** Each counted unit's segment: the labels (or customers' segments), blanks named "no group" where counted so. */
function unitKeys(segmentation: Segmentation): string[] {
  const none = segmentation.counts.find((c) => c.none)?.label;
  const labels = segmentation.customerLabels ?? segmentation.labels;
  return labels.map((l) => (l === '' ? (none ?? '') : l));
}

/** The summary of a segmentation, by SEGMENT_SUMMARY, lines in the order of `segmentation.counts`. */
export function summariseSegments(segmentation: Segmentation, lang: Lang): SegmentSummary {
  const { counts, values } = segmentation;
  const keys = unitKeys(segmentation);
  const valued = values.source.kind !== 'none';
  const segments: unknown[][] = [];
  const amounts: unknown[][] = [];
  keys.forEach((key, i) => {
    if (key === '') return;
    segments.push([key]);
    const amount = valued ? values.amounts[i] : undefined;
    amounts.push([amount === undefined || Number.isNaN(amount) ? '' : amount]);
  });
  const grid = call('SEGMENT_SUMMARY', [segments, amounts, lang]);
  // Header, one row per segment, the total, and a last row naming lines left out (its first cell a problem).
  const last = grid.length - 1;
  const totalAt = isProblem(grid[last]?.[0]) ? last - 1 : last;
  const byName = new Map<string, readonly OutCell[]>();
  for (const row of grid.slice(1, totalAt)) if (typeof row[0] === 'string') byName.set(row[0], row);
  const totalRow = grid[totalAt];
  const line = (labelText: string, row: readonly OutCell[] | undefined, none?: true): SegmentLine => ({
    label: labelText,
    customers: asNumber(row?.[1]),
    customerShare: asShare(row?.[2]),
    ...(valued ? { value: asNumber(row?.[3]), valueShare: asShare(row?.[4]), average: asShare(row?.[5]) } : {}),
    ...(none ? { none } : {}),
  });
  return {
    lines: counts.map((c) => line(c.label, byName.get(keyOf(c.label)), c.none)),
    total: line('', totalRow),
  };
}
