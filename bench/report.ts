/** One table of benchmark lines, printed and written to bench/results.json. */
import { writeFileSync } from 'node:fs';

export interface BenchLine {
  readonly name: string;
  /** Measured time, or a count/size when `unit` says so. */
  readonly figureMs?: number;
  readonly figure?: number;
  readonly unit?: string;
  readonly baselineName?: string;
  readonly baselineMs?: number;
  /** Why a baseline is missing, when it is. */
  readonly baselineMissing?: string;
  /** The target for the ratio figure / baseline. */
  readonly target?: { atMost?: number; atLeast?: number };
  readonly note?: string;
}

function ratioOf(line: BenchLine): number | undefined {
  if (line.figureMs === undefined || line.baselineMs === undefined) return undefined;
  return line.figureMs / line.baselineMs;
}

function verdict(line: BenchLine, ratio: number | undefined): string {
  if (!line.target || ratio === undefined) return '';
  if (line.target.atMost !== undefined)
    return ratio <= line.target.atMost ? `met (≤ ${line.target.atMost}×)` : `MISSED (≤ ${line.target.atMost}×)`;
  if (line.target.atLeast !== undefined) {
    const speedup = 1 / ratio;
    return speedup >= line.target.atLeast
      ? `met (≥ ${line.target.atLeast}× faster)`
      : `MISSED (≥ ${line.target.atLeast}× faster)`;
  }
  return '';
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3)) + ' ms';

export function report(lines: readonly BenchLine[], path: string): void {
  const rows = lines.map((line) => {
    const ratio = ratioOf(line);
    return {
      ...line,
      ratio,
      verdict: verdict(line, ratio),
      measured: line.figureMs !== undefined ? fmt(line.figureMs) : `${line.figure ?? ''} ${line.unit ?? ''}`.trim(),
      baseline:
        line.baselineMs !== undefined ? `${fmt(line.baselineMs)} (${line.baselineName})` : (line.baselineMissing ?? ''),
    };
  });
  const ratioText = (row: (typeof rows)[number]): string => {
    if (row.ratio === undefined) return '';
    return row.target?.atLeast !== undefined || row.ratio < 0.5
      ? `${(1 / row.ratio).toFixed(row.ratio > 0.1 ? 2 : 0)}× faster`
      : `${row.ratio.toFixed(2)}×`;
  };
  const table = [
    ['#', 'line', 'measured', 'baseline', 'ratio', 'target'],
    ...rows.map((row, i) => [String(i + 1), row.name, row.measured, row.baseline, ratioText(row), row.verdict]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((line) => (line[c] ?? '').length)));
  const print = (line: readonly string[]): void =>
    console.log(`| ${line.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`);
  print(table[0]!);
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  table.slice(1).forEach(print);
  const notes = rows.map((row, i) => (row.note ? `${i + 1}. ${row.note}` : '')).filter(Boolean);
  if (notes.length) console.log(`\nNotes\n${notes.join('\n')}`);
  writeFileSync(path, JSON.stringify({ when: new Date().toISOString(), lines: rows }, null, 2) + '\n');
}
