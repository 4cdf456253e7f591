/**
 * What users do without SegmentKit, in a spreadsheet engine (HyperFormula, GPL: bench and playground only):
 * ABC by the tutorial recipe (a running-share SUMIF per row and a nested IF) against one =ABC_CLASS, and RFM by
 * per-row percent ranks against one =RFM_SCORE, at first evaluation and at recalculation after one edit.
 * HyperFormula has no PERCENTRANK.INC, so the recipe spells out its definition: COUNTIF(range,"<"&x)/(COUNT(range)-1).
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { HF_CONFIG } from '../playground/engine/workbook.js';
import { registerSegmentKit } from '../playground/engine/segmentkit-plugin.js';
import { seededRandom } from '../core/numeric/random.js';
import { pairedFrom, revenues } from './measure.js';
import type { BenchLine } from './report.js';

export const RECIPE_SIZES = [2_000, 4_000, 8_000];

interface Timed {
  readonly firstMs: number;
  readonly recalcMs: number;
}

/** Builds a sheet (first evaluation), edits one value (recalculation); one run each, the recipes are slow. */
function measure(rows: RawCellContent[][], edit: { col: number; value: number }): Timed {
  const start = performance.now();
  const hf = HyperFormula.buildFromArray(rows, HF_CONFIG);
  const firstMs = performance.now() - start;
  const again = performance.now();
  hf.setCellContents({ sheet: 0, row: 1, col: edit.col }, edit.value);
  const recalcMs = performance.now() - again;
  hf.destroy();
  return { firstMs, recalcMs };
}

function abcSheets(n: number): { recipe: RawCellContent[][]; ours: RawCellContent[][] } {
  const values = revenues(n, 5);
  const last = n + 1;
  const recipe: RawCellContent[][] = [['Customer', 'Revenue', 'Running share', 'Class']];
  const ours: RawCellContent[][] = [['Customer', 'Revenue', 'Class']];
  values.forEach((v, i) => {
    const r = i + 2;
    recipe.push([
      `KH${r}`,
      v,
      `=SUMIF($B$2:$B$${last},">="&B${r})/SUM($B$2:$B$${last})`,
      `=IF(C${r}<=0.8,"A",IF(C${r}<=0.95,"B","C"))`,
    ]);
    ours.push([`KH${r}`, v, i === 0 ? `=ABC_CLASS(B2:B${last})` : null]);
  });
  return { recipe, ours };
}

function rfmSheets(n: number): { recipe: RawCellContent[][]; ours: RawCellContent[][] } {
  const random = seededRandom(9);
  const last = n + 1;
  const score = (col: string, r: number): string =>
    `MAX(1,ROUNDUP(COUNTIF(${col}$2:${col}$${last},"<"&${col}${r})/(COUNT(${col}$2:${col}$${last})-1)*5,0))`;
  const recipe: RawCellContent[][] = [['Customer', 'Last purchase', 'Orders', 'Revenue', 'RFM']];
  const ours: RawCellContent[][] = [['Customer', 'Last purchase', 'Orders', 'Revenue', 'RFM']];
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const cells = [
      `KH${r}`,
      45_300 + Math.floor(random() * 700),
      1 + Math.floor(random() * 60),
      Math.round(1e6 * (1 + 50 * random())),
    ];
    recipe.push([...cells, `=${score('B', r)}&${score('C', r)}&${score('D', r)}`]);
    ours.push([...cells, i === 0 ? `=RFM_SCORE(B2:B${last},C2:C${last},D2:D${last},"2025-12-31")` : null]);
  }
  return { recipe, ours };
}

export function recipeLines(sizes: readonly number[] = RECIPE_SIZES): BenchLine[] {
  registerSegmentKit();
  const lines: BenchLine[] = [];
  for (const n of sizes) {
    const atLarge = n === sizes[sizes.length - 1];
    const target = atLarge ? { atLeast: 100 } : undefined;
    const abc = abcSheets(n);
    const abcRecipe = measure(abc.recipe, { col: 1, value: 123_456_789 });
    const abcOurs = measure(abc.ours, { col: 1, value: 123_456_789 });
    const rfm = rfmSheets(n);
    const rfmRecipe = measure(rfm.recipe, { col: 3, value: 99_000_000 });
    const rfmOurs = measure(rfm.ours, { col: 3, value: 99_000_000 });
    const size = n.toLocaleString('en-US');
    const note = 'one pair of runs (the recipe grows as n²)';
    lines.push(
      {
        name: `HyperFormula, ${size} customers: one =ABC_CLASS, first evaluation`,
        figureMs: abcOurs.firstMs,
        baselineName: 'tutorial SUMIF running share + nested IF per row',
        baselineMs: abcRecipe.firstMs,
        paired: pairedFrom([abcOurs.firstMs], [abcRecipe.firstMs]),
        ...(target ? { target } : {}),
        note,
      },
      {
        name: `HyperFormula, ${size} customers: one =ABC_CLASS, recalculation after one edit`,
        figureMs: abcOurs.recalcMs,
        baselineName: 'the tutorial recipe recalculating',
        baselineMs: abcRecipe.recalcMs,
        paired: pairedFrom([abcOurs.recalcMs], [abcRecipe.recalcMs]),
        ...(target ? { target } : {}),
        note,
      },
      {
        name: `HyperFormula, ${size} customers: one =RFM_SCORE, first evaluation`,
        figureMs: rfmOurs.firstMs,
        baselineName: 'per-row percent ranks (COUNTIF) for R, F and M',
        baselineMs: rfmRecipe.firstMs,
        paired: pairedFrom([rfmOurs.firstMs], [rfmRecipe.firstMs]),
        ...(target ? { target } : {}),
        note,
      },
      {
        name: `HyperFormula, ${size} customers: one =RFM_SCORE, recalculation after one edit`,
        figureMs: rfmOurs.recalcMs,
        baselineName: 'the percent-rank recipe recalculating',
        baselineMs: rfmRecipe.recalcMs,
        paired: pairedFrom([rfmOurs.recalcMs], [rfmRecipe.recalcMs]),
        ...(target ? { target } : {}),
        note,
      },
    );
  }
  return lines;
}
