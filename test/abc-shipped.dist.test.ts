/**
 * ABC_CLASS through the built functions.js, as Excel calls it: one answer per cell, the same as the core's, and no
 * array per answer (the wrapper passes the core's shared class rows on instead of copying every row).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../core/index.js';
import { loadFunctionsJs, neutralGridFromExcel, requireAddinBuilt, type LoadedFunctionsJs } from './hosts/excel-vm.js';

let functionsJs: LoadedFunctionsJs;
beforeAll(() => {
  requireAddinBuilt();
  functionsJs = loadFunctionsJs();
});

/** 20,000 revenue cells as Excel hands them (blank cells as null), with a few blanks. */
const VALUES = Array.from({ length: 20_000 }, (_, i) => (i % 997 === 0 ? null : ((i * 7919) % 20_011) * 1_000));
const INVOCATION = { address: 'Sheet1!B2', parameterAddresses: ['Sheet1!$A$2:$A$20001', null, null, null, null] };

describe('ABC_CLASS in the built functions.js', () => {
  it('answers as the core does, with one shared row per class and for blanks', () => {
    const answer = functionsJs.call('ABC_CLASS', [VALUES.map((v) => [v]), null, null, null, null, INVOCATION]);
    const core = invoke('ABC_CLASS', [VALUES.map((v) => [v])]);
    if (!core.ok) throw core.error;
    expect(neutralGridFromExcel(answer)).toEqual(core.grid);
    expect(new Set(answer as unknown[][]).size).toBe(4);
  });

  it('still answers a cell that cannot be read with its own #VALUE! row', () => {
    const cells = [[4_000_000], ['ba triệu'], [1_500_000], [300_000]];
    const answer = functionsJs.call('ABC_CLASS', [cells, null, null, null, 'vi']) as unknown[][];
    expect(neutralGridFromExcel(answer)).toEqual(
      ['A', { problem: expect.stringContaining('ba triệu') as unknown }, 'B', 'C'].map((cell) => [cell]),
    );
  });
});
