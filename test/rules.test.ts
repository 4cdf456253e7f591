/**
 * Rule groups: the whole-column operators (top N %, N days before the latest date) against values worked out by hand,
 * the presets built on them, and the relationships (a higher value never leaves the top group).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToSerial } from '../core/cells.js';
import type { Plan } from '../core/engine/plan.js';
import { resolveRules, ruleLabel, type RuleGroup } from '../core/engine/rules.js';
import { segmentTable } from '../core/engine/segment.js';
import type { CellValue } from '../core/engine/sheet-io.js';
import type { TableInfo } from '../core/engine/table.js';
import { riskPreset, unreliablePreset } from '../panel/presets.js';

const d = (iso: string): number => isoToSerial(iso) as number;

const HEADERS = ['Khách hàng', 'Doanh thu', 'Ngày mua cuối', 'Số đơn'];
/** Revenue 10..100; last purchases from 2025-12-31 back; one blank revenue, one text date, one never-bought customer. */
const ROWS: CellValue[][] = [
  ['An', 100, d('2025-01-10'), 4],
  ['Bình', 90, d('2025-12-31'), 7],
  ['Chi', 80, d('2025-07-04'), 2],
  ['Dũng', 70, d('2025-07-05'), 1],
  ['Em', 60, d('2024-02-01'), 3],
  ['Giang', 50, d('2025-03-01'), 0],
  ['Hà', null, d('2024-01-01'), 5],
  ['Khánh', 30, '2024-05-05', ''],
  ['Lan', 20, d('2025-11-30'), 1],
  ['Minh', 10, 'không rõ', 2],
];

const TABLE: TableInfo = {
  sheetName: 'Khách hàng',
  table: { row: 0, col: 0, rows: ROWS.length + 1, cols: HEADERS.length },
  headers: HEADERS,
  sample: ROWS,
  selectedRows: [],
};

const rulesPlan = (groups: RuleGroup[]): Plan => ({
  sheetName: TABLE.sheetName,
  table: TABLE.table,
  method: 'rules',
  columns: {},
  options: { ruleGroups: groups },
  lang: 'vi',
  colorRows: false,
});

describe('whole-column rule operators', () => {
  it('top N % cuts at the R-7 quantile of the readable values', () => {
    // Nine readable revenues 10..100 without 40; the 0.75 quantile is 80.
    const { groups, cuts } = resolveRules(
      [{ label: 'Top', combine: 'and', conditions: [{ column: 1, op: 'topPercent', value: '25' }] }],
      ROWS,
    );
    expect(cuts).toEqual([{ column: 1, op: 'topPercent', value: '25', cut: 80 }]);
    expect(ROWS.map((row) => ruleLabel(groups, row))).toEqual(['Top', 'Top', 'Top', '', '', '', '', '', '', '']);
  });

  it('N days before the latest date counts back from the column’s latest date, text dates included', () => {
    const { groups, cuts } = resolveRules(
      [{ label: 'Old', combine: 'and', conditions: [{ column: 2, op: 'daysBeforeLatest', value: '180' }] }],
      ROWS,
    );
    // 2025-12-31 less 180 days is 2025-07-04: that day qualifies, the next does not.
    expect(cuts).toEqual([{ column: 2, op: 'daysBeforeLatest', value: '180', cut: d('2025-07-04') }]);
    expect(ROWS.map((row) => ruleLabel(groups, row))).toEqual([
      'Old',
      '',
      'Old',
      '',
      'Old',
      'Old',
      'Old',
      'Old',
      '',
      '',
    ]);
  });

  it('a count that is not a number, or a column with nothing readable, never holds', () => {
    const { groups, cuts } = resolveRules(
      [
        {
          label: 'X',
          combine: 'or',
          conditions: [
            { column: 1, op: 'topPercent', value: 'nhiều' },
            { column: 0, op: 'daysBeforeLatest', value: '30' },
          ],
        },
      ],
      ROWS,
    );
    expect(cuts.map((c) => c.cut)).toEqual([undefined, undefined]);
    expect(ROWS.every((row) => ruleLabel(groups, row) === '')).toBe(true);
  });

  it('a higher value never leaves the top group, and reordering rows reorders the answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        fc.nat(),
        (values, percent, pick) => {
          const rows = values.map((v) => [v]);
          const group: RuleGroup[] = [
            { label: 'T', combine: 'and', conditions: [{ column: 0, op: 'topPercent', value: String(percent) }] },
          ];
          const label = (rs: number[][]): string[] => {
            const { groups } = resolveRules(group, rs);
            return rs.map((r) => ruleLabel(groups, r));
          };
          const before = label(rows);
          const i = pick % rows.length;
          if (before[i] === 'T') {
            const raised = rows.map((r, j) => (j === i ? [(r[0] as number) + 1 + Math.abs(r[0] as number)] : r));
            expect(label(raised)[i]).toBe('T');
          }
          const reversed = [...rows].reverse();
          expect(label(reversed)).toEqual([...before].reverse());
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('presets', () => {
  it('risk group: the top 25 % by revenue whose last purchase is 180 days or more before the latest', () => {
    const preset = riskPreset(TABLE, 'vi');
    expect(preset).toEqual({
      label: 'Nhóm rủi ro',
      combine: 'and',
      conditions: [
        { column: 1, op: 'topPercent', value: '25' },
        { column: 2, op: 'daysBeforeLatest', value: '180' },
      ],
    });
    const result = segmentTable(rulesPlan([preset as RuleGroup]), [HEADERS, ...ROWS]);
    expect(result.labels).toEqual(['Nhóm rủi ro', '', 'Nhóm rủi ro', '', '', '', '', '', '', '']);
    expect(result.thresholds).toEqual([
      { name: 'Doanh thu', value: '≥ 80' },
      { name: 'Ngày mua cuối', value: '≤ 2025-07-04' },
    ]);
  });

  it('unreliable: orders 0 or blank', () => {
    const preset = unreliablePreset(TABLE, 'en') as RuleGroup;
    expect(preset.label).toBe('Registered, no purchase');
    const result = segmentTable(rulesPlan([preset]), [HEADERS, ...ROWS]);
    expect(result.labels).toEqual([
      '',
      '',
      '',
      '',
      '',
      'Registered, no purchase',
      '',
      'Registered, no purchase',
      '',
      '',
    ]);
  });

  it('offers nothing when the table lacks the columns', () => {
    const bare: TableInfo = { ...TABLE, headers: ['Tên', 'Ghi chú', 'Ngành', 'Vùng'] };
    expect(riskPreset(bare, 'en')).toBeUndefined();
    expect(unreliablePreset(bare, 'en')).toBeUndefined();
  });
});
