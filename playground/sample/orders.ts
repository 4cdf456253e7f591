/**
 * Seeded generator of a shop's point-of-sale export for the playground's `Orders` sheet: one line per item sold,
 * an invoice number shared by the lines of one order, a few returns (a negative line on the same invoice), and
 * Vietnamese customer names. Same seed and count, same lines, on every machine (a mulberry32 stream, no clock).
 *
 * The buying follows the models `CLV_TABLE` fits, so the sample shows them at work: while active, a customer buys at a
 * Poisson rate λ ~ Gamma(r, α) and after each purchase stops for good with probability p ~ Beta(a, b) (BG/NBD, Fader,
 * Hardie and Lee 2005); an order's value is Gamma(p_GG, ν) with ν ~ Gamma(q, γ) per customer (Gamma-Gamma, Fader and
 * Hardie 2013). The R `rfm` package's sample (data/rfm-orders.csv) shows them poorly: its customers all drop out
 * with one probability and spend around one mean, so its fits lie at the models' limits (a, b, q and γ beyond 10¹⁵).
 *
 * Gamma variates by Marsaglia and Tsang (2000), "A Simple Method for Generating Gamma Variables" (shape < 1 boosted
 * by U^(1/shape)); normals by Box–Muller. Cost: O(lines).
 *
 * @example
 *   const lines = generateOrderLines(800);
 *   lines[0]; // → { orderId: 'HD000001', date: '2024-01-03', customer: 'Trần Thị Mai', product: 'Cà phê rang xay 500 g', quantity: 2, amount: 310000 }
 */
import { MS_PER_DAY } from '../../core/dates.js';
import { seededRandom } from '../../core/numeric/random.js';

export interface OrderLine {
  readonly orderId: string;
  /** ISO date. */
  readonly date: string;
  readonly customer: string;
  readonly product: string;
  /** Negative on a returned line. */
  readonly quantity: number;
  /** Quantity × unit price, in ₫. */
  readonly amount: number;
}

export const ORDERS_SEED = 20_251_130;
/** The end of the observation: every formula on the Orders sheet passes it as as_of. */
export const ORDERS_AS_OF = '2025-12-31';
/** The customers of the playground's Orders sheet. */
export const ORDER_CUSTOMER_COUNT = 1000;

/** The populations' parameters, in days and ₫ (what CLV_MODEL should find back, within sampling error). */
export const ORDERS_TRUTH = {
  r: 0.9,
  alpha: 55,
  a: 0.8,
  b: 3.5,
  p: 4,
  q: 5,
  gamma: 1_600_000,
} as const;

const FIRST_DAY = Date.UTC(2024, 0, 1) / MS_PER_DAY;
/** New customers arrive until this many days before as_of. */
const ARRIVALS_DAYS = 640;
const RETURN_SHARE = 0.04;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = ['Thị', 'Văn', 'Minh', 'Thanh', 'Ngọc', 'Hữu', 'Thu', 'Đức', 'Quốc', 'Hoài'];
const GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Châu',
  'Cường',
  'Dung',
  'Duy',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
];
/** Product and unit price in ₫. */
const PRODUCTS: readonly (readonly [string, number])[] = [
  ['Cà phê rang xay 500 g', 155_000],
  ['Trà ô long 200 g', 120_000],
  ['Nước mắm 1 l', 68_000],
  ['Gạo ST25 5 kg', 210_000],
  ['Dầu ăn 2 l', 98_000],
  ['Bánh quy hộp thiếc', 145_000],
  ['Sữa tươi thùng 48 hộp', 385_000],
  ['Mì gói thùng 30 gói', 118_000],
  ['Nước giặt 3,8 kg', 189_000],
  ['Khăn giấy lốc 10', 62_000],
  ['Hạt điều rang muối 500 g', 240_000],
  ['Mật ong 1 l', 260_000],
];

/** A Gamma(shape, scale) variate (Marsaglia and Tsang). */
function gammaVariate(random: () => number, shape: number, scale: number): number {
  if (shape < 1) return gammaVariate(random, shape + 1, scale) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

interface Purchase {
  readonly day: number;
  readonly customer: string;
  readonly value: number;
}

/** Each customer's purchases (day, value in ₫), by the BG/NBD and Gamma-Gamma processes. */
function purchases(random: () => number, customers: number, lastDay: number): Purchase[] {
  const { r, alpha, a, b, p, q, gamma } = ORDERS_TRUTH;
  const names = new Set<string>();
  const out: Purchase[] = [];
  for (let i = 0; i < customers; i++) {
    let name = `${pick(random, FAMILY)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)}`;
    // two customers of one name are told apart as a shop would: by the last digits of their phone
    while (names.has(name)) name = `${name.replace(/ \(\d+\)$/, '')} (${String(Math.floor(random() * 9000) + 1000)})`;
    names.add(name);
    const rate = gammaVariate(random, r, 1 / alpha);
    const ga = gammaVariate(random, a, 1);
    const dropout = ga / (ga + gammaVariate(random, b, 1));
    const spendRate = gammaVariate(random, q, 1 / gamma);
    let day = FIRST_DAY + Math.floor(random() * ARRIVALS_DAYS);
    for (;;) {
      const value = Math.max(10_000, Math.round(gammaVariate(random, p, 1 / spendRate) / 1000) * 1000);
      out.push({ day, customer: name, value });
      if (random() < dropout) break;
      day += Math.max(1, Math.round(-Math.log(1 - random()) / rate));
      if (day > lastDay) break;
    }
  }
  return out;
}

/** The purchase split into item lines (quantity × unit price) summing to about its value. */
function itemLines(random: () => number, value: number): { product: string; price: number; quantity: number }[] {
  const items = 1 + Math.floor(random() * 3);
  const lines: { product: string; price: number; quantity: number }[] = [];
  let left = value;
  for (let k = 0; k < items && left > 0; k++) {
    const [product, price] = pick(random, PRODUCTS);
    if (lines.some((l) => l.product === product)) continue;
    const share = k === items - 1 ? left : left * (0.3 + 0.4 * random());
    const quantity = Math.max(1, Math.round(share / price));
    lines.push({ product, price, quantity });
    left -= quantity * price;
  }
  return lines;
}

/**
 * The order lines of `customers` customers, in invoice order (by date, then customer), as a point-of-sale export
 * lists them. O(lines).
 */
export function generateOrderLines(customers = ORDER_CUSTOMER_COUNT, seed = ORDERS_SEED): OrderLine[] {
  const random = seededRandom(seed);
  const lastDay = Date.parse(ORDERS_AS_OF) / MS_PER_DAY;
  const all = purchases(random, customers, lastDay);
  all.sort((x, y) => x.day - y.day || (x.customer < y.customer ? -1 : x.customer > y.customer ? 1 : 0));
  const lines: OrderLine[] = [];
  all.forEach((purchase, i) => {
    const orderId = `HD${String(i + 1).padStart(6, '0')}`;
    const date = isoDay(purchase.day);
    const items = itemLines(random, purchase.value);
    for (const item of items) {
      lines.push({
        orderId,
        date,
        customer: purchase.customer,
        product: item.product,
        quantity: item.quantity,
        amount: item.quantity * item.price,
      });
    }
    // one unit of the first item comes back, never the whole order: the sample's customers all stay buyers
    const returned = items[0];
    const partial = returned !== undefined && (returned.quantity > 1 || items.length > 1);
    if (partial && random() < RETURN_SHARE) {
      lines.push({
        orderId,
        date,
        customer: purchase.customer,
        product: returned.product,
        quantity: -1,
        amount: -returned.price,
      });
    }
  });
  return lines;
}
