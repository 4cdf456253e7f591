/**
 * Seeded generator of Vietnamese B2B customers for the playground's sample workbook and the benchmark.
 * Same seed and count, same customers, on every machine (a mulberry32 stream; no Math.random, no clock).
 *
 * The model is simple but consistent: company size drives revenue and contacts; tenure and buying rhythm drive
 * orders; a customer whose last purchase is before this year bought nothing this year; prospects never bought.
 */
import { MS_PER_DAY } from '../../core/dates.js';
import { seededRandom } from '../../core/numeric/random.js';

export type Region = 'Bắc' | 'Trung' | 'Nam';

export interface Customer {
  readonly id: string;
  readonly company: string;
  readonly industry: string;
  readonly region: Region;
  readonly province: string;
  readonly employees: number;
  /** ISO dates; null for a prospect that never bought. */
  readonly firstPurchase: string | null;
  readonly lastPurchase: string | null;
  readonly orders: number;
  /** Revenue in ₫ in the calendar year of `asOf` and the year before. */
  readonly revenueThisYear: number;
  readonly revenueLastYear: number;
  readonly referrals: number;
  /** Share of invoices paid on time, 0..1; null when nothing was invoiced. */
  readonly onTimeShare: number | null;
  readonly contacts: number;
  readonly feedback: number;
}

export interface GeneratorOptions {
  readonly seed?: number;
  /** The day the data describes (ISO); "this year" is its calendar year. */
  readonly asOf?: string;
}

export const SAMPLE_SEED = 20_251_231;
export const SAMPLE_AS_OF = '2025-12-31';

const PROVINCES: Record<Region, readonly (readonly [string, number])[]> = {
  Bắc: [
    ['Hà Nội', 46],
    ['Hải Phòng', 14],
    ['Bắc Ninh', 10],
    ['Quảng Ninh', 7],
    ['Hải Dương', 6],
    ['Thái Nguyên', 5],
    ['Vĩnh Phúc', 5],
    ['Nam Định', 4],
    ['Hưng Yên', 3],
  ],
  Trung: [
    ['Đà Nẵng', 34],
    ['Khánh Hòa', 14],
    ['Nghệ An', 13],
    ['Thừa Thiên Huế', 11],
    ['Quảng Nam', 9],
    ['Bình Định', 8],
    ['Thanh Hóa', 7],
    ['Quảng Ngãi', 4],
  ],
  Nam: [
    ['TP. Hồ Chí Minh', 50],
    ['Bình Dương', 15],
    ['Đồng Nai', 12],
    ['Cần Thơ', 7],
    ['Long An', 5],
    ['Bà Rịa - Vũng Tàu', 5],
    ['Tây Ninh', 3],
    ['An Giang', 3],
  ],
};
const REGIONS: readonly (readonly [Region, number])[] = [
  ['Nam', 45],
  ['Bắc', 38],
  ['Trung', 17],
];

/** Industry, weight, the words that go in a company name, and how much a customer of it buys (× the median). */
const INDUSTRIES: readonly (readonly [string, number, readonly string[], number])[] = [
  ['Xây dựng', 14, ['Xây dựng', 'Vật liệu Xây dựng', 'Kết cấu Thép', 'Đầu tư Xây dựng'], 1.8],
  ['Thực phẩm & Đồ uống', 13, ['Thực phẩm', 'Chế biến Thực phẩm', 'Đồ uống', 'Thực phẩm Sạch'], 1.1],
  ['Bán lẻ', 11, ['Thương mại', 'Bán lẻ', 'Siêu thị', 'Phân phối'], 0.9],
  ['Logistics', 9, ['Vận tải', 'Logistics', 'Giao nhận', 'Kho vận'], 1.3],
  ['Dệt may', 8, ['Dệt may', 'May mặc', 'Thời trang'], 1.2],
  ['Công nghệ thông tin', 8, ['Công nghệ', 'Giải pháp Phần mềm', 'Tin học', 'Viễn thông'], 0.8],
  ['Cơ khí', 7, ['Cơ khí', 'Cơ khí Chính xác', 'Thiết bị Công nghiệp'], 1.4],
  ['Nông nghiệp', 7, ['Nông sản', 'Nông nghiệp Xanh', 'Thủy sản', 'Cà phê'], 0.9],
  ['Nội thất', 6, ['Nội thất', 'Đồ gỗ', 'Trang trí Nội thất'], 0.8],
  ['Dược phẩm & Y tế', 6, ['Dược phẩm', 'Thiết bị Y tế', 'Dược liệu'], 1.0],
  ['Du lịch & Khách sạn', 5, ['Du lịch', 'Khách sạn', 'Lữ hành'], 0.7],
  ['Giáo dục', 4, ['Giáo dục', 'Đào tạo', 'Giáo dục Quốc tế'], 0.5],
];

const BRAND_FIRST = [
  'An',
  'Bảo',
  'Bình',
  'Đại',
  'Đông',
  'Đức',
  'Gia',
  'Hải',
  'Hòa',
  'Hoàng',
  'Hồng',
  'Hưng',
  'Kim',
  'Long',
  'Minh',
  'Nam',
  'Ngọc',
  'Phú',
  'Phúc',
  'Quang',
  'Sơn',
  'Tân',
  'Thành',
  'Thiên',
  'Thịnh',
  'Trường',
  'Trung',
  'Việt',
  'Vĩnh',
  'Xuân',
];
const BRAND_SECOND = [
  'Phát',
  'Thịnh',
  'Hưng',
  'Long',
  'An',
  'Thành',
  'Lợi',
  'Tín',
  'Khang',
  'Nguyên',
  'Phong',
  'Vượng',
  'Đạt',
  'Tiến',
  'Hà',
  'Sơn',
  'Á',
  'Mỹ',
  'Quý',
  'Lộc',
  'Hải',
  'Việt',
];

const isoDay = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;

/** One item, with chances proportional to its weight (the second element). */
function pick<T extends readonly [unknown, number, ...unknown[]]>(random: () => number, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item[1], 0);
  let u = random() * total;
  for (const item of items) {
    u -= item[1];
    if (u < 0) return item;
  }
  return items[items.length - 1] as T;
}

const oneOf = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function poisson(random: () => number, mean: number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
/** Revenue in whole thousands of đồng, as invoices are. */
const roundVnd = (x: number): number => Math.round(x / 1000) * 1000;

/** `count` customers, the same ones for the same seed. */
export function generateCustomers(count: number, options: GeneratorOptions = {}): Customer[] {
  const random = seededRandom(options.seed ?? SAMPLE_SEED);
  const asOf = dayOf(options.asOf ?? SAMPLE_AS_OF);
  const year = new Date(asOf * MS_PER_DAY).getUTCFullYear();
  const thisYearStart = dayOf(`${year}-01-01`);
  const lastYearStart = dayOf(`${year - 1}-01-01`);
  const earliest = dayOf(`${year - 9}-01-01`);
  const names = new Set<string>();
  const customers: Customer[] = [];
  const width = Math.max(5, String(count).length);

  for (let i = 0; i < count; i++) {
    const id = `KH${String(i + 1).padStart(width, '0')}`;
    const region = pick(random, REGIONS)[0];
    const province = pick(random, PROVINCES[region])[0];
    const [industry, , words, industryScale] = pick(random, INDUSTRIES);
    const employees = Math.round(clamp(Math.exp(Math.log(45) + 1.15 * normal(random)), 3, 12_000));

    const legal =
      employees >= 1500 && random() < 0.35
        ? 'Tập đoàn'
        : random() < 0.06
          ? 'DNTN'
          : employees >= 120 || random() < 0.3
            ? 'Công ty CP'
            : 'Công ty TNHH';
    let company = '';
    for (let attempt = 0; attempt < 8 && (company === '' || names.has(company)); attempt++) {
      company = `${legal} ${oneOf(random, words)} ${oneOf(random, BRAND_FIRST)} ${oneOf(random, BRAND_SECOND)}`;
    }
    if (names.has(company)) company = `${company} ${province}`;
    if (names.has(company)) company = `${company} ${id}`;
    names.add(company);

    const contacts = clamp(1 + Math.floor(Math.log2(employees) / 2.5) + poisson(random, 0.8), 1, 12);
    const who = { id, company, industry, region, province, employees };

    // About 3% are prospects: registered, met, never bought.
    if (random() < 0.03) {
      customers.push({
        ...who,
        firstPurchase: null,
        lastPurchase: null,
        orders: 0,
        revenueThisYear: 0,
        revenueLastYear: 0,
        referrals: 0,
        onTimeShare: null,
        contacts,
        feedback: poisson(random, 0.3),
      });
      continue;
    }

    // Tenure: more customers joined recently; first purchase between `earliest` and as_of.
    const span = asOf - earliest;
    const first = asOf - Math.floor(span * Math.pow(random(), 1.15));
    // Activity: most buy regularly, some are cooling, some have left.
    const state = random();
    const tenure = asOf - first;
    const gap =
      state < 0.62 ? Math.floor(random() * 75) : state < 0.8 ? 90 + Math.floor(random() * 240) : 365 + random() * 900;
    const last = Math.max(first, asOf - Math.min(tenure, Math.floor(gap)));

    // Buying rhythm: bigger customers order more often.
    const perYear = clamp(Math.exp(Math.log(5) + 0.35 * Math.log(employees / 45) + 0.6 * normal(random)), 0.5, 60);
    const activeYears = Math.max(1 / 12, (last - first) / 365);
    const orders = Math.max(1, poisson(random, perYear * activeYears));

    // Yearly spend: log-normal, scaled by company size and industry.
    const annual = industryScale * Math.exp(Math.log(180e6) + 0.55 * Math.log(employees / 45) + 0.85 * normal(random));
    const overlap = (from: number, to: number): number =>
      Math.max(0, Math.min(last, to) - Math.max(first, from) + 1) / (to - from + 1);
    const growth = Math.exp(0.06 + 0.35 * normal(random));
    const thisYear = overlap(thisYearStart, asOf) * annual;
    const lastYear = (overlap(lastYearStart, thisYearStart - 1) * annual) / growth;

    const loyal = orders >= 5 && asOf - last < 180;
    const referrals = poisson(random, loyal ? 0.4 : 0.05);
    const onTimeShare =
      Math.round(clamp(1 - Math.abs(0.12 * normal(random)) - (random() < 0.1 ? 0.3 : 0), 0, 1) * 100) / 100;
    const feedback = poisson(random, 0.4 + Math.min(orders, 60) / 12);

    customers.push({
      ...who,
      firstPurchase: isoDay(first),
      lastPurchase: isoDay(last),
      orders,
      revenueThisYear: roundVnd(thisYear),
      revenueLastYear: roundVnd(lastYear),
      referrals,
      onTimeShare,
      contacts,
      feedback,
    });
  }
  return customers;
}
