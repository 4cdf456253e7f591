/**
 * CLV_TABLE on 1,000,000 order lines of 100,000 customers, paired against RFM_TABLE on the same lines (both read,
 * group and answer the same lines; CLV_TABLE also fits its two models and sums each customer's discounted months).
 * The issue's target: fit and score within Sheets' 30-second custom-function limit with room to spare, so the
 * figure is the time itself, and the ratio to RFM_TABLE says what the models cost on top of grouping.
 *
 * Two sets of lines:
 * - `clvOrderLines`: customers as the BG/NBD model pictures them (Fader, Hardie and Lee 2005, §2): each joins on a
 *   day of the first year, buys at a rate that differs between customers (gamma), and after each purchase stops for
 *   good with a probability that differs between customers (beta); a purchase is one to three lines (items) on its
 *   day, its value log-normal around the customer's own mean. The fit has an inside maximum.
 * - the RFM bench's lines (./rfm.ts `orderLines`): every customer buys all along the two years at a steady rate and
 *   never stops, so the likelihood keeps rising towards a dropout probability of 0, a limit the model cannot reach:
 *   the call answers that the fit does not converge (as the contract asks), after the slowest search there is; its
 *   time is measured as well, and the line says what it answered.
 */
import type { Core } from './bundled-core.js';
import { seededRandom } from '../core/numeric/random.js';
import { paired, timed } from './measure.js';
import type { BenchLine } from './report.js';
import { AS_OF, orderLines, type OrderLines } from './rfm.js';

const AS_OF_SERIAL = 46_022; // 2025-12-31, as ./rfm.ts
const PAIRS = 3;
/** Sheets stops a custom function after this long. */
const SHEETS_LIMIT_MS = 30_000;

/**
 * The order lines of `customers` customers over the two years to 2025-12-31, drawn as the BG/NBD model describes
 * customers (see the file's comment): about 10 lines per customer (1,000,105 for 100,000 with the default seed).
 * Seeded: the same lines on every run.
 */
export function clvOrderLines(customers = 100_000, seed = 11): OrderLines {
  const random = seededRandom(seed);
  const out: OrderLines = { customers: [], dates: [], revenues: [] };
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  for (let c = 0; c < customers; c++) {
    const id = `KH${String(c).padStart(7, '0')}`;
    let day = AS_OF_SERIAL - 729 + Math.floor(random() * 365);
    const rate = -Math.log((1 - random()) * (1 - random())) / 122; // Gamma(2, 122): about 1 purchase per 61 days
    const drop = 1 - (1 - random()) ** (1 / 3); // Beta(1, 3): mean 1 / 4
    const mean = 13 + 0.8 * normal();
    // the first purchase, then repeat purchases until the end or a dropout (which follows a repeat purchase only)
    for (let purchase = 0; day <= AS_OF_SERIAL; purchase++) {
      if (purchase > 1 && random() < drop) break;
      const items = 1 + Math.floor(random() * 3);
      for (let k = 0; k < items; k++) {
        out.customers.push([id]);
        out.dates.push([day]);
        out.revenues.push([Math.round(Math.exp(mean + 0.5 * normal()) / items)]);
      }
      day += Math.max(1, Math.round(-Math.log(1 - random()) / rate));
    }
  }
  return out;
}

const count = (n: number): string => n.toLocaleString('en-US');

async function line(invoke: Core['invoke'], lines: OrderLines, what: string): Promise<BenchLine> {
  const args = [lines.customers, lines.dates, lines.revenues, AS_OF];
  const result = invoke('CLV_TABLE', args);
  const model = invoke('CLV_MODEL', args);
  if (result.ok !== model.ok)
    throw new Error(`CLV_TABLE and CLV_MODEL on ${what} disagree on whether the fit converged`);
  const answered = model.ok
    ? 'fitted ' +
      model.grid
        .slice(1, 9)
        .filter(([name]) => !String(name).includes('likelihood'))
        .map(([name, value]) => `${String(name)} ${Number((value as number).toPrecision(3))}`)
        .join(', ')
    : `answered: ${model.error.message.split(':')[0]}`;
  const timing = await paired(
    timed(() => invoke('CLV_TABLE', args)),
    timed(() => invoke('RFM_TABLE', args)),
    { pairs: PAIRS },
  );
  const customers = result.ok ? result.grid.length - 1 : new Set(lines.customers.map((c) => c[0])).size;
  const room = SHEETS_LIMIT_MS / timing.oursMs;
  return {
    name: `CLV_TABLE on ${count(lines.customers.length)} order lines (${count(customers)} customers), ${what}`,
    figureMs: timing.oursMs,
    baselineName: 'RFM_TABLE on the same lines',
    baselineMs: timing.baselineMs,
    paired: timing,
    note: `${(timing.oursMs / 1000).toFixed(1)} s: ${room.toFixed(1)}× inside Sheets' 30 s limit (on this machine); ${answered}`,
  };
}

export async function clvLines({ invoke }: Core): Promise<BenchLine[]> {
  return [
    await line(invoke, clvOrderLines(), 'customers who buy and stop as BG/NBD pictures them'),
    await line(invoke, orderLines(1_000_000), 'the RFM lines: steady buyers who never stop (no fit: dropout → 0)'),
  ];
}
