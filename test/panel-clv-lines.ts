/**
 * Order lines for the Customer value tests (test/panel-clv*.test.ts), simulated as the BG/NBD and Gamma-Gamma
 * models see buying, with headers in English or Vietnamese.
 */
import type { CellValue } from '../core/engine/sheet-io.js';
import type { Lang } from '../core/labels.js';

export const HEADERS: Record<Lang, readonly string[]> = {
  en: ['Order ID', 'Order date', 'Customer', 'Quantity', 'Unit price', 'Revenue'],
  vi: ['Mã đơn', 'Ngày mua', 'Khách hàng', 'Số lượng', 'Đơn giá', 'Thành tiền'],
};

/** A fixed pseudo-random sequence (LCG), so a failure repeats. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const iso = (day: number): string => new Date(Date.UTC(2024, 0, 1 + Math.floor(day))).toISOString().slice(0, 10);

/**
 * Order lines of `count` customers over 2024, simulated as the models see buying: each customer has their own
 * purchase rate (one purchase every 12 to 150 days), chance of stopping after each purchase (5 % to 60 %) and price
 * level (8 to 320); an order has one or two lines (one order id), Quantity × Price = Revenue. The seeds used give
 * fits that converge (a small sample may not, which the formula reports as a whole-call problem).
 */
export function orderLines(lang: Lang, count = 40, seed = 1): CellValue[][] {
  const next = random(seed);
  const lines: CellValue[][] = [[...HEADERS[lang]]];
  let order = 1000;
  for (let c = 0; c < count; c++) {
    const customer = `${lang === 'vi' ? 'Khách' : 'Customer'} ${String(c + 1).padStart(2, '0')}`;
    const rate = Math.exp(Math.log(1 / 150) + next() * (Math.log(1 / 12) - Math.log(1 / 150)));
    const drop = 0.05 + 0.55 * next();
    const level = Math.exp(Math.log(8) + next() * Math.log(40));
    let day = next() * 250;
    for (;;) {
      order++;
      const items = next() < 0.3 ? 2 : 1;
      for (let i = 0; i < items; i++) {
        const quantity = 1 + Math.floor(next() * 4);
        const price = Math.round(level * (0.6 + 0.8 * next()));
        lines.push([`HD${order}`, iso(day), customer, quantity, price, quantity * price]);
      }
      if (next() < drop) break;
      day += -Math.log(1 - next()) / rate;
      if (day >= 365) break;
    }
  }
  return lines;
}
