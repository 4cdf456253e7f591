/**
 * What users do without SegmentKit, in a spreadsheet engine (HyperFormula, GPL: bench and playground only):
 * ABC by the tutorial recipe (a running-share SUMIF per row and a nested IF) against one =ABC_CLASS, and RFM by
 * PERCENTILE.INC cut points and a COUNTIF per row against one =RFM_SCORE, at first evaluation and at recalculation
 * after one edit. Each recipe's answers are compared with ours row by row; a recipe that disagrees gets no ratio.
 * (The tutorials' per-row percent-rank RFM recipe scores some customers differently from the spec, so it is not a
 * baseline: it does not compute the same answer.)
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { HF_CONFIG } from '../playground/engine/workbook.js';
import { registerSegmentKit } from '../playground/engine/segmentkit-plugin.js';
import { seededRandom } from '../core/numeric/random.js';
import { pairedFrom, revenues } from './measure.js';
import type { BenchLine } from './report.js';

/** 2025-12-31, the as_of of the RFM sheets. */
const AS_OF_SERIAL = 46_022;

/** The RFM recipe is O(n): alternating pairs of runs, as every ratio. */
const RFM_PAIRS = 5;

const middle = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

export const RECIPE_SIZES = [2_000, 4_000, 8_000];

interface Timed {
  readonly firstMs: number;
  readonly recalcMs: number;
  /** The answer column (below the header) after the first evaluation and after the edit, as text. */
  readonly first: readonly string[];
  readonly after: readonly string[];
}

function answerColumn(hf: HyperFormula, col: number, n: number): string[] {
  const values = hf.getSheetValues(0);
  return Array.from({ length: n }, (_, i) => String(values[i + 1]?.[col] ?? ''));
}

/**
 * Builds a sheet (first evaluation), edits one value (recalculation); one run each, the recipes are slow. The
 * answer column is read after each, outside the timed parts.
 */
function measure(rows: RawCellContent[][], answerCol: number, edit: { col: number; value: number }): Timed {
  const n = rows.length - 1;
  const start = performance.now();
  const hf = HyperFormula.buildFromArray(rows, HF_CONFIG);
  const firstMs = performance.now() - start;
  const first = answerColumn(hf, answerCol, n);
  const again = performance.now();
  hf.setCellContents({ sheet: 0, row: 1, col: edit.col }, edit.value);
  const recalcMs = performance.now() - again;
  const after = answerColumn(hf, answerCol, n);
  hf.destroy();
  return { firstMs, recalcMs, first, after };
}

/** Row-by-row agreement of a recipe's answers with ours, after the first evaluation and after the edit. */
function recipeAgreement(recipe: Timed, ours: Timed, what: string): { agrees: boolean; text: string } {
  const differ = (a: readonly string[], b: readonly string[]): number => a.filter((x, i) => x !== b[i]).length;
  const atFirst = differ(recipe.first, ours.first);
  const afterEdit = differ(recipe.after, ours.after);
  const n = ours.first.length.toLocaleString('en-US');
  const agrees = atFirst === 0 && afterEdit === 0;
  return {
    agrees,
    text: agrees
      ? `the recipe's ${what} agree with ours on all ${n} rows, before and after the edit`
      : `the recipe's ${what} differ from ours on ${atFirst.toLocaleString('en-US')} of ${n} rows (${afterEdit.toLocaleString('en-US')} after the edit): not the same answer, so no ratio`,
  };
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

/**
 * RFM to the spec's definition, as a careful spreadsheet user would write it: a days column, the cut points of
 * each measure with PERCENTILE.INC in a small block (rows 2–4 of columns H–K), and per row a COUNTIF of the cut
 * points strictly below (reversed for recency), combined as 100·R + 10·F + M. O(n): the cut points are computed once.
 */
function rfmSheets(n: number): { recipe: RawCellContent[][]; ours: RawCellContent[][] } {
  const random = seededRandom(9);
  const last = n + 1;
  const cuts = (col: string): RawCellContent[] =>
    [0.2, 0.4, 0.6, 0.8].map((p) => `=PERCENTILE.INC(${col}$2:${col}$${last},${p})`);
  const recipe: RawCellContent[][] = [
    ['Customer', 'Last purchase', 'Orders', 'Revenue', 'RFM', 'Days', 'Cut points', null, null, null, null],
  ];
  const ours: RawCellContent[][] = [['Customer', 'Last purchase', 'Orders', 'Revenue', 'RFM']];
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const cells = [
      `KH${r}`,
      45_300 + Math.floor(random() * 700),
      1 + Math.floor(random() * 60),
      Math.round(1e6 * (1 + 50 * random())),
    ];
    const score =
      `=100*(5-COUNTIF($H$2:$K$2,"<"&F${r}))` +
      `+10*(1+COUNTIF($H$3:$K$3,"<"&C${r}))` +
      `+(1+COUNTIF($H$4:$K$4,"<"&D${r}))`;
    const block = i === 0 ? ['R', ...cuts('F')] : i === 1 ? ['F', ...cuts('C')] : i === 2 ? ['M', ...cuts('D')] : [];
    recipe.push([...cells, score, `=${AS_OF_SERIAL}-B${r}`, ...block]);
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
    const rfmNote = `${RFM_PAIRS} alternating pairs of runs (the recipe is O(n): its cut points are computed once)`;
    const abc = abcSheets(n);
    const abcRecipe = measure(abc.recipe, 3, { col: 1, value: 123_456_789 });
    const abcOurs = measure(abc.ours, 2, { col: 1, value: 123_456_789 });
    const abcAgreement = recipeAgreement(abcRecipe, abcOurs, 'classes');
    const rfm = rfmSheets(n);
    const rfmRecipe: Timed[] = [];
    const rfmOurs: Timed[] = [];
    for (let k = 0; k < RFM_PAIRS; k++) {
      const order = k % 2 === 0 ? [rfm.ours, rfm.recipe] : [rfm.recipe, rfm.ours];
      for (const sheet of order) {
        (sheet === rfm.ours ? rfmOurs : rfmRecipe).push(measure(sheet, 4, { col: 3, value: 99_000_000 }));
      }
    }
    const rfmAgreement = recipeAgreement(rfmRecipe[0] as Timed, rfmOurs[0] as Timed, 'scores');
    const size = n.toLocaleString('en-US');
    const note = 'one pair of runs (the recipe grows as n²)';
    lines.push(
      {
        name: `HyperFormula, ${size} customers: one =ABC_CLASS, first evaluation`,
        figureMs: abcOurs.firstMs,
        baselineName: 'tutorial SUMIF running share + nested IF per row',
        baselineMs: abcRecipe.firstMs,
        paired: pairedFrom([abcOurs.firstMs], [abcRecipe.firstMs]),
        agreement: abcAgreement,
        ...(target ? { target } : {}),
        note,
      },
      {
        name: `HyperFormula, ${size} customers: one =ABC_CLASS, recalculation after one edit`,
        figureMs: abcOurs.recalcMs,
        baselineName: 'the tutorial recipe recalculating',
        baselineMs: abcRecipe.recalcMs,
        paired: pairedFrom([abcOurs.recalcMs], [abcRecipe.recalcMs]),
        agreement: abcAgreement,
        ...(target ? { target } : {}),
        note,
      },
      {
        name: `HyperFormula, ${size} customers: one =RFM_SCORE, first evaluation`,
        figureMs: middle(rfmOurs.map((t) => t.firstMs)),
        baselineName: 'PERCENTILE.INC cut points + a COUNTIF per row',
        baselineMs: middle(rfmRecipe.map((t) => t.firstMs)),
        paired: pairedFrom(
          rfmOurs.map((t) => t.firstMs),
          rfmRecipe.map((t) => t.firstMs),
        ),
        agreement: rfmAgreement,
        note: rfmNote,
      },
      {
        name: `HyperFormula, ${size} customers: one =RFM_SCORE, recalculation after one edit`,
        figureMs: middle(rfmOurs.map((t) => t.recalcMs)),
        baselineName: 'the cut-point recipe recalculating',
        baselineMs: middle(rfmRecipe.map((t) => t.recalcMs)),
        paired: pairedFrom(
          rfmOurs.map((t) => t.recalcMs),
          rfmRecipe.map((t) => t.recalcMs),
        ),
        agreement: rfmAgreement,
        note: rfmNote,
      },
    );
  }
  return lines;
}
