/** SEGMENT_SUMMARY and MAIN_TRAIT on 1,048,576 customers. The rest of them is summary.test.ts's part. */
import { describe, expect, it } from 'vitest';
import { expectTable, shownTable } from './helpers.js';

const SUMMARY_HEADER = ['Segment', 'Customers', 'Customer share', 'Value', 'Value share', 'Average value'];
const TRAIT_HEADER = ['Segment', 'Main trait', 'Share'];

const table = shownTable;

describe('SEGMENT_SUMMARY: bad input, one expected table per row', () => {
  const total = (customers: number, value: number): unknown[] => ['Total', customers, 1, value, 1, value / customers];

  it('answers 1,048,576 customers', () => {
    const n = 1_048_576;
    const segments = Array.from({ length: n }, (_, i) => [['Gold', 'Silver', 'Bronze', 'Lost'][i % 4]]);
    const values = Array.from({ length: n }, (_, i) => [[400, 200, 100, 0][i % 4]]);
    expectTable(table('SEGMENT_SUMMARY', [segments, values]), [
      SUMMARY_HEADER,
      ['Gold', n / 4, 0.25, 100 * n, 400 / 700, 400],
      ['Silver', n / 4, 0.25, 50 * n, 200 / 700, 200],
      ['Bronze', n / 4, 0.25, 25 * n, 100 / 700, 100],
      ['Lost', n / 4, 0.25, 0, 0, 0],
      total(n, 175 * n),
    ]);
  });
});

describe('MAIN_TRAIT: bad input, one expected table per row', () => {
  it('answers 1,048,576 customers', () => {
    const n = 1_048_576;
    const segments = Array.from({ length: n }, (_, i) => [`S${i % 8}`]);
    // S0..S3: 3 in 4 members are "north"; S4..S7: two traits in equal numbers
    const traits = Array.from({ length: n }, (_, i) => [
      i % 8 < 4 ? (i % 32 < 24 ? 'north' : 'south') : i % 16 < 8 ? 'east' : 'west',
    ]);
    const got = table('MAIN_TRAIT', [segments, traits]);
    expect(got).toHaveLength(9);
    expectTable(got, [
      TRAIT_HEADER,
      ['S0', 'north', 0.75],
      ['S1', 'north', 0.75],
      ['S2', 'north', 0.75],
      ['S3', 'north', 0.75],
      ['S4', '', ''],
      ['S5', '', ''],
      ['S6', '', ''],
      ['S7', '', ''],
    ]);
  });
});
