/** RFM_SEGMENT: named segments of RFM scores by the default rules (methods/rfm.ts) or the user's own. */
import { isAbsent, readLang, shapeLike, toMatrix, toVector } from '../args.js';
import { BLANK, describeCell, isBlank, readNumber, readText } from '../cells.js';
import { at, describeProblem, fail, isProblem, problem, type Problem } from '../errors.js';
import { label, type LabelKey, type Lang } from '../labels.js';
import { DEFAULT_RULES, matchRule, scoreDigits, type RuleBounds, type SegmentRule } from '../methods/rfm.js';
import type { OutCell } from '../output.js';
import { LANG_PARAM, param, type FunctionSpec } from './types.js';

/** A score cell: its digits, a blank answer, or a problem. Excel's blank-as-0 is a blank: no score is 0. */
function readScore(raw: unknown): [number, number, number] | '' | Problem {
  if (raw === 0 || isBlank(raw)) return '';
  let text: string;
  if (typeof raw === 'string') {
    text = raw.trim();
    // Sheets shows another function's per-row problem as text starting with the error, e.g. "#VALUE! orders, row 3: …"
    const error = /^(#[A-Z0-9/]+[!?]?)(?:\s|$)/.exec(text);
    if (error && /^#(?:VALUE!|N\/A|NUM!|REF!|DIV\/0!|NAME\?|NULL!|ERROR!)$/.test(error[1] as string)) {
      return problem('errorValue', { text: error[1] as string });
    }
  } else text = describeCell(raw);
  const read = readNumber(raw);
  if (isProblem(read) && read.code === 'errorValue') return read;
  const digits = typeof read === 'number' ? scoreDigits(read) : undefined;
  return digits ?? problem('notAScore', { text });
}

const BOUND_NAMES = ['r_lo', 'r_hi', 'f_lo', 'f_hi', 'm_lo', 'm_hi'] as const;

function isBlankOrZero(cell: unknown): boolean {
  return cell === 0 || isBlank(cell);
}

/** A custom rules range: 7 columns, the first row may be a header; blank rows are skipped. Whole-call problems. */
function readRules(raw: unknown, lang: Lang): SegmentRule[] {
  const rows = toMatrix(raw, 'rules', 0);
  const cols = rows[0]?.length ?? 0;
  if (cols !== 7) fail('rulesColumns', { arg: 'rules', cols });
  const bad = (row: number, why: Problem): never =>
    fail('rulesShape', { arg: 'rules', row, why: describeProblem(why, lang) });
  const rules: SegmentRule[] = [];
  rows.forEach((cells, index) => {
    const row = index + 1;
    if (cells.every(isBlankOrZero)) return;
    const boundCells = cells.slice(1, 7);
    const isHeader = (c: unknown): boolean => typeof c === 'string' && !isBlank(c) && typeof readNumber(c) !== 'number';
    if (index === 0 && boundCells.every(isHeader)) return;
    const name = readText(cells[0]);
    if (name === BLANK) bad(row, problem('ruleNoName'));
    if (isProblem(name)) bad(row, name);
    const bounds = boundCells.map((cell, j) => {
      const value = readNumber(cell);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 9) {
        bad(row, problem('ruleBadBound', { bound: BOUND_NAMES[j] as string, text: isBlank(cell) ? '' : String(cell) }));
      }
      return value as number;
    });
    for (let j = 0; j < 6; j += 2) {
      if ((bounds[j] as number) > (bounds[j + 1] as number)) {
        bad(
          row,
          problem('ruleBoundsOrder', {
            lo: `${BOUND_NAMES[j]} (${bounds[j]})`,
            hi: `${BOUND_NAMES[j + 1]} (${bounds[j + 1]})`,
          }),
        );
      }
    }
    rules.push({ name: name as string, bounds: bounds as unknown as RuleBounds });
  });
  if (rules.length === 0) fail('noData', { arg: 'rules' });
  return rules;
}

/** The default rules with their names in a language. */
export function defaultRules(lang: Lang): SegmentRule[] {
  return DEFAULT_RULES.map((rule) => ({ name: label(rule.name, lang), bounds: rule.bounds }));
}

export const RFM_SEGMENT: FunctionSpec = {
  name: 'RFM_SEGMENT',
  summary: {
    en: 'Named segment of each RFM score (545 or "545"): the first matching rule wins, no match is Others. Default rules (R, F, M inclusive): Champions 5/5/5; Potential Loyalist 3–5/3–5/2–5; Loyal Customers 2–4/2–4/2–4; Promising 3–4/1–3/3–5; New Customers 4–5/1–3/1–5; Can’t Lose Them 1–2/3–4/4–5; At Risk 1–2/2–5/4–5; Need Attention 1–3/3–5/3–5; About To Sleep 2–3/1–3/1–4; Lost 1/1–5/1–5.',
    vi: 'Tên phân khúc của từng điểm RFM (545 hoặc "545"): quy tắc khớp đầu tiên được chọn, không khớp là Khác. Quy tắc mặc định (R, F, M, gồm cả biên): Nhà vô địch 5/5/5; Tiềm năng trung thành 3–5/3–5/2–5; Khách hàng trung thành 2–4/2–4/2–4; Hứa hẹn 3–4/1–3/3–5; Khách hàng mới 4–5/1–3/1–5; Không thể để mất 1–2/3–4/4–5; Có nguy cơ 1–2/2–5/4–5; Cần quan tâm 1–3/3–5/3–5; Sắp ngủ đông 2–3/1–3/1–4; Đã mất 1/1–5/1–5.',
  },
  params: [
    param('rfm_scores', 'range', {
      en: 'Scores of three digits 1 to 9, as numbers (545) or text ("545"), e.g. from RFM_SCORE (a column or row, or one cell). Blank (or 0, as some Excel builds pass a blank) gives a blank answer; anything else that is not such a score gets #VALUE!.',
      vi: 'Điểm gồm ba chữ số từ 1 đến 9, dạng số (545) hoặc chữ ("545"), ví dụ từ RFM_SCORE (một cột, một dòng hoặc một ô). Ô trống (hoặc 0, như một số bản Excel truyền ô trống) cho kết quả trống; giá trị khác không phải điểm như vậy nhận #VALUE!.',
    }),
    param(
      'rules',
      'matrix',
      {
        en: 'Your own rules instead of the defaults: a range of exactly 7 columns name, r_lo, r_hi, f_lo, f_hi, m_lo, m_hi (whole numbers 1 to 9, bounds inclusive), checked top to bottom. A first row of column titles and blank rows are skipped. Names are used as written.',
        vi: 'Quy tắc riêng thay cho mặc định: vùng đúng 7 cột tên, r_lo, r_hi, f_lo, f_hi, m_lo, m_hi (số nguyên từ 1 đến 9, gồm cả biên), xét từ trên xuống. Dòng tiêu đề đầu tiên và các dòng trống được bỏ qua. Tên được dùng nguyên văn.',
      },
      true,
    ),
    LANG_PARAM,
  ],
  result: 'perCell',
  example: {
    formula: '=RFM_SEGMENT({555;545;111;"222"})',
    result: 'Champions; Potential Loyalist; Lost; Loyal Customers',
  },
  run([scoresRaw, rulesRaw, langRaw]) {
    const lang = readLang(langRaw);
    const vector = toVector(scoresRaw, 'rfm_scores');
    const rules = isAbsent(rulesRaw) ? defaultRules(lang) : readRules(rulesRaw, lang);
    const others = label('rfmOthers', lang);
    const cells = vector.cells;
    const answers = new Array<OutCell>(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const read = readScore(cells[i]);
      if (read === '') answers[i] = '';
      else if (isProblem(read)) answers[i] = at(read, 'rfm_scores', i + 1);
      else {
        const k = matchRule(read[0], read[1], read[2], rules);
        answers[i] = k < 0 ? others : (rules[k] as SegmentRule).name;
      }
    }
    return shapeLike(vector, answers);
  },
};

/** The default segments in the order the panel lists them, Others last. */
export const RFM_SEGMENT_LABELS: readonly LabelKey[] = [...DEFAULT_RULES.map((rule) => rule.name), 'rfmOthers'];
