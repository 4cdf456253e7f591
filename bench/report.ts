/**
 * One table of benchmark lines, printed with the machine's load average and written to bench/results.json.
 * A ratio comes only from paired, alternating runs (measure.ts `paired`): its median, with the smallest and
 * largest per-pair ratio. A baseline whose answer disagrees with ours gets no ratio, only the disagreement.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Paired } from './measure.js';

export interface BenchLine {
  readonly name: string;
  /** Measured time (the median of our runs), or a count/size when `unit` says so. */
  readonly figureMs?: number;
  readonly figure?: number;
  readonly unit?: string;
  readonly baselineName?: string;
  /** The median of the baseline's runs. */
  readonly baselineMs?: number;
  /** The paired runs behind the ratio; a line without them shows no ratio. */
  readonly paired?: Paired;
  /** Why a baseline is missing, when it is. */
  readonly baselineMissing?: string;
  /** Whether the baseline computed the same answer (printed under the table); `agrees: false` withholds the ratio. */
  readonly agreement?: { readonly agrees: boolean; readonly text: string };
  /** The target for the ratio figure / baseline. */
  readonly target?: { atMost?: number; atLeast?: number };
  readonly note?: string;
}

/** The machine's 1-, 5- and 15-minute load averages and its core count, when the table was made. */
export interface MachineLoad {
  readonly loadAverage: readonly [number, number, number];
  readonly cores: number;
}

export function machineLoad(): MachineLoad {
  const [one, five, fifteen] = loadavg();
  return { loadAverage: [one ?? 0, five ?? 0, fifteen ?? 0], cores: cpus().length };
}

export function loadText({ loadAverage, cores }: MachineLoad): string {
  return `load average ${loadAverage.map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 min) on ${cores} cores`;
}

function ratioOf(line: BenchLine): number | undefined {
  if (!line.paired || line.agreement?.agrees === false) return undefined;
  return line.paired.ratio;
}

function verdict(line: BenchLine, ratio: number | undefined): string {
  if (line.agreement?.agrees === false) return 'no ratio: answers differ';
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

function ratioText(line: BenchLine, ratio: number | undefined): string {
  if (ratio === undefined || !line.paired) return line.agreement?.agrees === false ? 'answers differ' : '';
  const { minRatio, maxRatio, pairs } = line.paired;
  const asSpeedup = line.target?.atLeast !== undefined || ratio < 0.5;
  const one = (r: number): string => (asSpeedup ? (1 / r).toFixed(1 / r < 10 ? 2 : 0) : r.toFixed(2));
  const range = pairs > 1 ? ` (${one(asSpeedup ? maxRatio : minRatio)}–${one(asSpeedup ? minRatio : maxRatio)})` : '';
  const of = `, ${pairs} pair${pairs > 1 ? 's' : ''}`;
  return asSpeedup ? `${one(ratio)}× faster${range}${of}` : `${one(ratio)}×${range}${of}`;
}

export function report(lines: readonly BenchLine[], path: string, load: MachineLoad = machineLoad()): void {
  const rows = lines.map((line) => {
    const ratio = ratioOf(line);
    return {
      ...line,
      ratio,
      ratioText: ratioText(line, ratio),
      verdict: verdict(line, ratio),
      measured: line.figureMs !== undefined ? fmt(line.figureMs) : `${line.figure ?? ''} ${line.unit ?? ''}`.trim(),
      baseline:
        line.baselineMs !== undefined ? `${fmt(line.baselineMs)} (${line.baselineName})` : (line.baselineMissing ?? ''),
    };
  });
  const table = [
    ['#', 'line', 'measured', 'baseline', 'ratio (median of pairs, min–max)', 'target'],
    ...rows.map((row, i) => [String(i + 1), row.name, row.measured, row.baseline, row.ratioText, row.verdict]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((line) => (line[c] ?? '').length)));
  const print = (line: readonly string[]): void =>
    console.log(`| ${line.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`);
  console.log(`Machine: ${loadText(load)}, Node ${process.version}`);
  print(table[0]!);
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  table.slice(1).forEach(print);
  const notes = rows
    .map((row, i) => {
      const parts = [row.agreement?.text, row.note].filter(Boolean);
      return parts.length ? `${i + 1}. ${parts.join('; ')}` : '';
    })
    .filter(Boolean);
  if (notes.length) console.log(`\nNotes\n${notes.join('\n')}`);
  console.log(`\nMeasured at ${loadText(load)}; at the end: ${loadText(machineLoad())}`);
  writeFileSync(
    path,
    JSON.stringify(
      { when: new Date().toISOString(), node: process.version, load, loadAtEnd: machineLoad(), lines: rows },
      null,
      2,
    ) + '\n',
  );
}
