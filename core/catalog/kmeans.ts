/** KMEANS_CLUSTER: the matrix reading around the pure method in methods/kmeans.ts, one cluster number per row. */
import { asColumn, numberArg, optionalNumberArg, toMatrix } from '../args.js';
import { BLANK, matrixNumberReader } from '../cells.js';
import { at, fail, type Problem } from '../errors.js';
import {
  FIT_ROWS,
  KMEANS_DEFAULT_SEED,
  kmeansCluster,
  LOG_SKEWNESS,
  MAX_AUTO_K,
  MIN_CLUSTER_SHARE,
  RESTARTS,
  SILHOUETTE_ROWS,
} from '../methods/kmeans.js';
import { clusterLabel } from '../labels.js';
import type { OutCell } from '../output.js';
import { param, type FunctionSpec } from './types.js';
import { FEATURES, as } from './column-roles.js';
import { defineMethod } from './method.js';

const ARG = 'features';

/** Where a cell's problem is shown: the argument and the column, then the row (added by `at`). */
const inColumn = (j: number): string => `${ARG}, column ${j + 1}`;

/** 10000 → "10,000" (en) or "10.000" (vi), without depending on the host's locale. */
const grouped = (n: number, separator: string): string => String(n).replace(/\B(?=(\d{3})+$)/g, separator);

interface Features {
  /** The readable rows' numbers, row-major, `p` per row. */
  readonly data: Float64Array;
  /** Matrix row (0-based) of each readable row. */
  readonly source: Uint32Array;
  /** Readable rows. */
  readonly n: number;
  /** One answer per matrix row: a blank, a problem, or (for readable rows, filled in later) undefined. */
  readonly answers: OutCell[];
}

/**
 * Reads every row: all blank → a blank answer; a cell that is not a number (text, an error, a logical value) → the
 * row's problem, naming its first such cell; otherwise readable, a blank cell kept as NaN (the method leaves it out
 * of that column's scaling and places the row at the column's mean).
 */
function readFeatures(rows: readonly unknown[][], p: number): Features {
  const data = new Float64Array(rows.length * p);
  const source = new Uint32Array(rows.length);
  const readNumber = matrixNumberReader(rows);
  const answers = new Array<OutCell>(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const cells: unknown = rows[i];
    if (!Array.isArray(cells) || cells.length !== p) {
      fail('raggedMatrix', { arg: ARG, cols: p, row: i + 1, count: Array.isArray(cells) ? cells.length : 1 });
    }
    const base = n * p;
    let bad: Problem | undefined;
    let badColumn = -1;
    let blanks = 0;
    for (let j = 0; j < p; j++) {
      const raw: unknown = cells[j];
      const read = typeof raw === 'number' && raw - raw === 0 ? raw : readNumber(raw);
      if (typeof read === 'number') data[base + j] = read;
      else if (read === BLANK) {
        data[base + j] = NaN;
        blanks++;
      } else if (!bad) {
        bad = read;
        badColumn = j;
      }
    }
    if (bad) answers[i] = at(bad, inColumn(badColumn), i + 1);
    else if (blanks === p) answers[i] = '';
    else source[n++] = i;
  }
  return { data: data.subarray(0, n * p), source, n, answers };
}

const K = param(
  'k',
  'number',
  {
    en: `Number of clusters, up to the number of readable rows. Blank: chosen among 2 to ${MAX_AUTO_K} by silhouette.`,
    vi: `Số cụm, không quá số dòng đọc được. Bỏ trống: chọn trong khoảng 2 đến ${MAX_AUTO_K} theo silhouette.`,
  },
  true,
  { min: 2, integer: true },
);
const SEED = param(
  'seed',
  'number',
  {
    en: 'Fixes the random starts: the same seed always gives the same clusters.',
    vi: 'Cố định các điểm khởi đầu ngẫu nhiên: cùng số khởi tạo luôn cho cùng kết quả.',
  },
  true,
  { default: KMEANS_DEFAULT_SEED, integer: true },
);

const LOG_SCALE = param(
  'log_scale',
  'number',
  {
    en: `1: a column whose values are all 0 or more and strongly skewed to the right (skewness above ${LOG_SKEWNESS}, as revenue usually is) is clustered on log(1 + value ÷ the median of its positive values), so a few very large customers do not make a cluster of their own; 0: every column as it is.`,
    vi: `1: cột có mọi giá trị từ 0 trở lên và lệch phải mạnh (độ lệch trên ${LOG_SKEWNESS}, như doanh thu thường gặp) được phân cụm theo log(1 + giá trị ÷ trung vị các giá trị dương của cột), để vài khách hàng rất lớn không tự thành một cụm riêng; 0: giữ nguyên mọi cột.`,
  },
  true,
  { default: 1, min: 0, max: 1, integer: true },
);

const MIN_PERCENT = Math.round(MIN_CLUSTER_SHARE * 100);

export const KMEANS_CLUSTER: FunctionSpec = {
  name: 'KMEANS_CLUSTER',
  summary: {
    en: `Cluster number 1..k of each row of a customers × features matrix, by k-means on z-scored columns (a constant column counts for nothing; a strongly right-skewed column of amounts is log-scaled first, see log_scale). k blank: chosen among 2..min(${MAX_AUTO_K}, n−1) by the best mean silhouette among the k whose clusters all hold at least ${MIN_PERCENT}% of the rows (the best silhouette when no k does), ties to the smaller k; the silhouette is computed on at most ${grouped(SILHOUETTE_ROWS, ',')} rows taken evenly from the rows in a canonical (sorted) order, and above ${grouped(FIT_ROWS, ',')} rows the centroids are fitted on ${grouped(FIT_ROWS, ',')} rows taken the same way, then every row joins its nearest centroid. The same seed gives the same clusters in any row order (k-means++ starts, ${RESTARTS} seeded restarts, least inertia kept). Cluster 1 is the largest; equal sizes are numbered by their first row in that order.`,
    vi: `Số cụm 1..k của từng dòng trong ma trận khách hàng × đặc trưng, theo k-means trên các cột đã chuẩn hóa z-score (cột không đổi không có tác dụng; cột số tiền lệch phải mạnh được lấy log trước, xem log_scale). Bỏ trống k: chọn trong 2..min(${MAX_AUTO_K}, n−1) theo hệ số silhouette trung bình cao nhất trong các k mà mọi cụm có ít nhất ${MIN_PERCENT}% số dòng (không k nào đạt thì lấy silhouette cao nhất), bằng nhau thì lấy k nhỏ hơn; silhouette được tính trên tối đa ${grouped(SILHOUETTE_ROWS, '.')} dòng lấy đều theo một thứ tự dòng chuẩn (đã sắp xếp), và khi có hơn ${grouped(FIT_ROWS, '.')} dòng, tâm cụm được ước lượng trên ${grouped(FIT_ROWS, '.')} dòng lấy cùng cách rồi mỗi dòng được gán vào tâm gần nhất. Cùng số khởi tạo ngẫu nhiên (seed) cho cùng kết quả với mọi thứ tự dòng (khởi tạo k-means++, ${RESTARTS} lần chạy lại có seed, giữ lần có quán tính nhỏ nhất). Cụm 1 là cụm lớn nhất; các cụm bằng nhau được đánh số theo dòng đầu tiên của chúng trong thứ tự đó.`,
  },
  params: [
    param('features', 'matrix', {
      en: "Rows × features (one or more numeric columns), e.g. recency, orders and revenue per customer. A blank cell is left out of its column's scaling: the row sits at that column's average there and is still clustered on its other columns. A row with a non-numeric cell gets #VALUE! naming the column and is left out; a wholly blank row gets a blank. Excel builds that pass a blank cell as 0 cluster it as 0.",
      vi: 'Các dòng × các đặc trưng (một hoặc nhiều cột số), ví dụ số ngày từ lần mua cuối, số đơn và doanh thu của từng khách hàng. Ô trống không được tính khi chuẩn hóa cột của nó: dòng đó được đặt ở mức trung bình của cột và vẫn được phân cụm theo các cột còn lại. Dòng có ô không phải số nhận #VALUE! nêu rõ cột và bị bỏ qua; dòng trống hoàn toàn cho kết quả trống. Các bản Excel truyền ô trống thành 0 sẽ phân cụm ô đó như số 0.',
    }),
    K,
    SEED,
    LOG_SCALE,
  ],
  result: 'perRow',
  example: { formula: '=KMEANS_CLUSTER({1;2;3;20;21;50})', result: '1; 1; 1; 2; 2; 3' },
  run([featuresRaw, kRaw, seedRaw, logScaleRaw], details) {
    const k = optionalNumberArg(K, kRaw);
    const seed = numberArg(SEED, seedRaw);
    const logScale = numberArg(LOG_SCALE, logScaleRaw) === 1;
    const rows = toMatrix(featuresRaw, ARG, 1);
    const p = (rows[0] as unknown[]).length;
    const { data, source, n, answers } = readFeatures(rows, p);
    const minRows = k === undefined ? 3 : 2;
    if (n < minRows) fail('tooFewRows', { arg: ARG, min: minRows, count: n });
    if (k !== undefined && k > n) fail('kRange', { arg: 'k', max: n, value: k });
    const result = kmeansCluster(data, p, { k, seed, logScale });
    const { clusters, k: fitted, logScaled, blanks, profile } = result;
    details?.({
      kind: 'kmeans',
      k: fitted,
      seed,
      chosenBySilhouette: k === undefined,
      logScaled,
      blanks,
      clusters: profile,
    });
    for (let r = 0; r < n; r++) answers[source[r] as number] = clusters[r] as number;
    return asColumn(answers);
  },
};

export const KMEANS_METHOD = defineMethod({
  id: 'kmeans',
  name: { en: 'k-means clusters', vi: 'Phân cụm k-means' },
  about: {
    en: 'Groups customers that look alike on the columns you choose.',
    vi: 'Gom các khách hàng giống nhau theo các cột bạn chọn.',
  },
  run: 'function',
  fn: 'KMEANS_CLUSTER',
  columns: [{ ...as(FEATURES, 'features'), numeric: true }],
  options: [
    {
      param: 'k',
      label: { en: 'Number of clusters', vi: 'Số cụm' },
      blank: { en: 'blank: the best by silhouette', vi: 'trống: số tốt nhất theo silhouette' },
    },
    {
      param: 'seed',
      label: { en: 'Random seed (same seed, same clusters)', vi: 'Số khởi tạo ngẫu nhiên (cùng số, cùng kết quả)' },
    },
    {
      param: 'log_scale',
      label: {
        en: 'Log scale for skewed amounts such as revenue',
        vi: 'Thang log cho các cột số tiền lệch như doanh thu',
      },
      toggle: true,
    },
  ],
  chart: 'bars',
  then(clusters, { lang }) {
    return clusters.map((c) => (typeof c === 'number' ? clusterLabel(c, lang) : c));
  },
});
