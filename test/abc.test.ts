import { describe, expect, it } from 'vitest';
import { invoke } from '../core/index.js';

const col = (xs: unknown[]) => xs.map((x) => [x]);
function answers(name: string, args: unknown[]) {
  const r = invoke(name, args);
  if (!r.ok) throw r.error;
  return r.grid;
}

describe('ABC_CLASS', () => {
  it('spec example', () => {
    expect(answers('ABC_CLASS', [col([27000, 24000, 18000, 16000, 6000, 5000, 4000])]).flat()).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C']);
  });
  it('15 of [50,30,15,5] is B at 0.95', () => {
    expect(answers('ABC_CLASS', [col([50, 30, 15, 5])]).flat()).toEqual(['A', 'A', 'B', 'C']);
  });
});
