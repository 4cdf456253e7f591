/**
 * Colours per segment, the same in every host and every file: row tints (`colorsFor`, light enough for black text)
 * and chart marks (`chartColorsFor`, the same hue, stronger).
 *
 * Named segments are recognised by their label text in English or Vietnamese (core/labels.ts) and always get their
 * family's fixed colour. Ordered families use sequential scales whose lightness follows the order (first = darkest):
 * - RFM, Champions → Lost: viridis (van der Walt & Smith, matplotlib; perceptually uniform, colour-blind safe),
 *   10 samples; `Others` is neutral grey.
 * - ABC (A → C): ColorBrewer Blues; XYZ (X → Z): ColorBrewer Oranges; tiers (Top → Inactive): ColorBrewer Greens;
 *   lifecycle (Prospect → Lost, the method's order): ColorBrewer YlGnBu reversed. ColorBrewer's sequential schemes
 *   are marked colour-blind safe (Brewer, colorbrewer2.org).
 * - Customer value (Active → Likely lost, by P(alive)): ColorBrewer Purples.
 * - BCG and priority quadrants (not ordered): Okabe–Ito hues, in the same corner the same colour (high/high blue,
 *   high/low bluish green, low/high orange, low/low vermillion).
 * Other labels (rule groups, tags, clusters) take the Okabe–Ito hues in the order given, then further hues a golden
 * angle apart in CIE LCh, so no two labels of one legend share a colour however many there are.
 * Row tints keep each colour's hue in CIE L*a*b* with the chroma reduced and L* set: for ordered families from 74 (first)
 * to 96 (last), so the tints are ordered by lightness too; black text on any tint has a contrast ratio above 9:1.
 * @see https://jfly.uni-koeln.de/color/ (Okabe & Ito, Color Universal Design)
 * @see https://colorbrewer2.org/ (Brewer, ColorBrewer 2.0)
 * @see https://bids.github.io/colormap/ (viridis)
 */
import { LABELS, type LabelKey } from '../labels.js';

/** A family of named segments: its labels in their natural order and one strong colour each. */
interface Family {
  readonly keys: readonly LabelKey[];
  readonly marks: readonly string[];
  /** Ordered classes: tints get lighter along `keys`. */
  readonly ordered: boolean;
}

const QUADRANT_MARKS = ['#0072b2', '#009e73', '#e69f00', '#d55e00'];

/** Earlier families win when a label text belongs to several (English `Lost`, `At Risk`) and the legend cannot tell. */
const FAMILIES: readonly Family[] = [
  {
    keys: [
      'rfmChampions',
      'rfmPotentialLoyalist',
      'rfmLoyalCustomers',
      'rfmPromising',
      'rfmNewCustomers',
      'rfmCantLoseThem',
      'rfmAtRisk',
      'rfmNeedAttention',
      'rfmAboutToSleep',
      'rfmLost',
    ],
    marks: [
      '#440154',
      '#482878',
      '#3e4989',
      '#31688e',
      '#26828e',
      '#1f9e89',
      '#35b779',
      '#6ece58',
      '#b5de2b',
      '#fde725',
    ],
    ordered: true,
  },
  { keys: ['rfmOthers'], marks: ['#8c8c8c'], ordered: false },
  { keys: ['abcA', 'abcB', 'abcC'], marks: ['#08519c', '#3182bd', '#6baed6'], ordered: true },
  { keys: ['xyzX', 'xyzY', 'xyzZ'], marks: ['#a63603', '#e6550d', '#fd8d3c'], ordered: true },
  {
    keys: ['tierTop', 'tierLarge', 'tierMedium', 'tierSmall', 'tierInactive'],
    marks: ['#006d2c', '#31a354', '#74c476', '#a1d99b', '#c7e9c0'],
    ordered: true,
  },
  {
    keys: ['stageProspect', 'stageNew', 'stageActive', 'stageLoyal', 'stageEvangelist', 'stageAtRisk', 'stageLost'],
    marks: ['#0c2c84', '#225ea8', '#1d91c0', '#41b6c4', '#7fcdbb', '#c7e9b4', '#ffffcc'],
    ordered: true,
  },
  { keys: ['bcgStar', 'bcgCashCow', 'bcgQuestionMark', 'bcgDog'], marks: QUADRANT_MARKS, ordered: false },
  {
    keys: ['priorityFocus', 'priorityBuild', 'priorityOpportunistic', 'priorityDeprioritise'],
    marks: QUADRANT_MARKS,
    ordered: false,
  },
  // Customer value by P(alive) band, Active → Likely lost: ColorBrewer Purples (7-class, 3 samples).
  { keys: ['clvActive', 'clvAtRisk', 'clvLikelyLost'], marks: ['#54278f', '#807dba', '#bcbddc'], ordered: true },
];

/** Okabe–Ito, black left out: the first colours of labels that are not named segments. */
const OKABE_ITO = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'];

// ---- CIE L*a*b* (D65) ↔ sRGB ----

type Lab = readonly [number, number, number];
const WHITE = [0.95047, 1, 1.08883] as const;

const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number): number => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

function linearRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [toLinear(((n >> 16) & 255) / 255), toLinear(((n >> 8) & 255) / 255), toLinear((n & 255) / 255)];
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = linearRgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIE L*a*b* of a `#rrggbb` colour. */
export function toLab(hex: string): Lab {
  const [r, g, b] = linearRgb(hex);
  const xyz = [
    0.4124 * r + 0.3576 * g + 0.1805 * b,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    0.0193 * r + 0.1192 * g + 0.9505 * b,
  ];
  const [fx, fy, fz] = xyz.map((v, i) => {
    const t = v / (WHITE[i] as number);
    return t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116;
  }) as [number, number, number];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** The sRGB colour of a L*a*b* value, or null outside the sRGB gamut. */
function fromLab([l, a, b]: Lab): string | null {
  const fy = (l + 16) / 116;
  const f = [fy + a / 500, fy, fy - b / 200];
  const [x, y, z] = f.map(
    (v, i) => (WHITE[i] as number) * (v ** 3 > 216 / 24389 ? v ** 3 : (116 * v - 16) / (24389 / 27)),
  ) as [number, number, number];
  const rgb = [
    3.2406 * x - 1.5372 * y - 0.4986 * z,
    -0.9689 * x + 1.8758 * y + 0.0415 * z,
    0.0557 * x - 0.204 * y + 1.057 * z,
  ].map(fromLinear);
  if (rgb.some((c) => !(c >= -0.001 && c <= 1.001))) return null;
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(1, Math.max(0, c)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** A colour of lightness `l`, hue angle `hue` (degrees) and at most `chroma`, reduced until it is in the sRGB gamut. */
function fromLch(l: number, chroma: number, hue: number): string {
  const h = (hue * Math.PI) / 180;
  for (let c = chroma; c > 0; c -= 0.5) {
    const hex = fromLab([l, c * Math.cos(h), c * Math.sin(h)]);
    if (hex) return hex;
  }
  return fromLab([l, 0, 0]) as string;
}

function lch(hex: string): [number, number, number] {
  const [l, a, b] = toLab(hex);
  return [l, Math.hypot(a, b), (Math.atan2(b, a) * 180) / Math.PI];
}

/** The row tint of a mark colour: its hue, softened, at lightness `l`. */
function tintOf(mark: string, l: number): string {
  const [, chroma, hue] = lch(mark);
  return fromLch(l, Math.min(chroma * 0.6, 38), hue);
}

/** An outline for a mark: the same hue, darker, so light marks stay visible on white. */
export function outlineOf(mark: string): string {
  const [l, chroma, hue] = lch(mark);
  let outline = fromLch(Math.max(15, l - 28), chroma, hue);
  for (let darker = l - 28; darker > 15 && contrastRatio(outline, '#ffffff') < 3; darker -= 2) {
    outline = fromLch(darker, chroma, hue);
  }
  return outline;
}

// ---- named segments ----

interface Colour {
  readonly tint: string;
  readonly mark: string;
}

interface Named {
  readonly family: number;
  readonly colour: Colour;
}

const TINT_FIRST = 74;
const TINT_LAST = 96;
const TINT_UNORDERED = 86;

const normalise = (text: string): string => text.normalize('NFC').trim().toLocaleLowerCase();

let namedTable: Map<string, Named[]> | undefined;

/**
 * Every named segment's label text (both languages, compared as `normalise` leaves it) → the families it belongs to,
 * with its colour in each. Built on first use: Sheets loads the script for every custom function call.
 */
function named(text: string): readonly Named[] {
  if (!namedTable) {
    const table = new Map<string, Named[]>();
    FAMILIES.forEach((family, f) => {
      family.keys.forEach((key, i) => {
        const mark = family.marks[i] as string;
        const step = family.keys.length > 1 ? i / (family.keys.length - 1) : 0;
        const tint = tintOf(mark, family.ordered ? TINT_FIRST + step * (TINT_LAST - TINT_FIRST) : TINT_UNORDERED);
        for (const label of new Set(Object.values(LABELS[key]).map(normalise))) {
          const entries = table.get(label) ?? [];
          if (!entries.some((e) => e.family === f)) entries.push({ family: f, colour: { tint, mark } });
          table.set(label, entries);
        }
      });
    });
    namedTable = table;
  }
  return namedTable.get(normalise(text)) ?? [];
}

/** Okabe–Ito's colours for labels that are not named segments, then hues a golden angle apart in LCh at three shades. */
function generatedColour(n: number): Colour {
  const base = OKABE_ITO[n];
  if (base) return { mark: base, tint: tintOf(base, TINT_UNORDERED) };
  const k = n - OKABE_ITO.length;
  const hue = (35 + k * 137.508) % 360;
  const shade = k % 3;
  return {
    mark: fromLch([58, 44, 70][shade] as number, 48, hue),
    tint: fromLch([86, 79, 93][shade] as number, 30, hue),
  };
}

/** How many generated colours are weighed for each label past Okabe–Ito. */
const CANDIDATES = 64;

const distance = (a: Lab, b: Lab): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/**
 * The colour for the next label that is not a named segment: Okabe–Ito's in turn while they are free, then of the next
 * generated colours the one whose tint is farthest (CIE ΔE) from every tint this legend already has.
 */
function nextUnnamed(taken: ReadonlySet<string>, tints: readonly Lab[], used: Set<number>): Colour {
  let best: { n: number; colour: Colour; gap: number } | undefined;
  for (let n = 0, weighed = 0; weighed < CANDIDATES; n++) {
    if (used.has(n)) continue;
    const colour = generatedColour(n);
    if (taken.has(colour.mark) || taken.has(colour.tint)) continue;
    if (n < OKABE_ITO.length) {
      best = { n, colour, gap: Infinity };
      break;
    }
    weighed++;
    const lab = toLab(colour.tint);
    const gap = Math.min(Infinity, ...tints.map((t) => distance(t, lab)));
    if (!best || gap > best.gap) best = { n, colour, gap };
  }
  const chosen = best as { n: number; colour: Colour };
  used.add(chosen.n);
  return chosen.colour;
}

/**
 * Each label's colours: a named segment its family's (the family most of the legend belongs to when the text is
 * shared, as English `Lost`), the other labels in turn; a colour already taken in this legend is never given twice.
 */
function coloursOf(labels: readonly string[]): Map<string, Colour> {
  const votes = new Map<number, number>();
  for (const l of new Set(labels)) {
    for (const { family } of named(l)) votes.set(family, (votes.get(family) ?? 0) + 1);
  }
  const taken = new Set<string>();
  const tints: Lab[] = [];
  const used = new Set<number>();
  const result = new Map<string, Colour>();
  const give = (l: string, colour: Colour): void => {
    taken.add(colour.mark);
    taken.add(colour.tint);
    tints.push(toLab(colour.tint));
    result.set(l, colour);
  };
  // Named segments first, so a group listed before them cannot take their colour.
  for (const l of labels) {
    if (result.has(l)) continue;
    const own = [...named(l)].sort(
      (a, b) => (votes.get(b.family) ?? 0) - (votes.get(a.family) ?? 0) || a.family - b.family,
    )[0]?.colour;
    if (own && !taken.has(own.mark) && !taken.has(own.tint)) give(l, own);
  }
  for (const l of labels) if (!result.has(l)) give(l, nextUnnamed(taken, tints, used));
  const ordered = new Map<string, Colour>();
  for (const l of labels) ordered.set(l, result.get(l) as Colour);
  return ordered;
}

/** A row tint per label (light, for black text), the same for a named segment in every legend and language. */
export function colorsFor(labels: readonly string[]): Map<string, string> {
  return new Map([...coloursOf(labels)].map(([l, c]) => [l, c.tint]));
}

/** A chart mark colour per label: the hue of its row tint, strong enough to read as a dot or a bar. */
export function chartColorsFor(labels: readonly string[]): Map<string, string> {
  return new Map([...coloursOf(labels)].map(([l, c]) => [l, c.mark]));
}
