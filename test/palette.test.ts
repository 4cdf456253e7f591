/**
 * The colour table: every named segment keeps one colour in both languages, whatever else the legend holds and in
 * whatever order; no legend gives two labels one colour; ordered classes get lighter along their order (CIE L*);
 * black text stays readable on every row tint (WCAG contrast ≥ 4.5:1).
 */
import { describe, expect, it } from 'vitest';
import { METHODS } from '../core/catalog/index.js';
import { chartColorsFor, colorsFor, contrastRatio, outlineOf, toLab } from '../core/engine/palette.js';
import { LABELS, label, type LabelKey, type Lang } from '../core/labels.js';

const LANGS: readonly Lang[] = ['en', 'vi'];
const withLabels = METHODS.filter((m) => m.labels && m.labels.length > 0);
const legend = (keys: readonly LabelKey[], lang: Lang): string[] => keys.map((k) => label(k, lang));
const deltaE = (a: string, b: string): number => {
  const [x, y] = [toLab(a), toLab(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
};
const closestPair = (colours: readonly string[]): number => {
  let min = Infinity;
  for (let i = 0; i < colours.length; i++)
    for (let j = i + 1; j < colours.length; j++)
      min = Math.min(min, deltaE(colours[i] as string, colours[j] as string));
  return min;
};
/**
 * Label texts that are two segments' in a language, compared as the palette compares them (case aside): English `Lost`
 * is an RFM segment and a lifecycle stage; Customer value's `At risk` is RFM's `At Risk`.
 */
const shared = (lang: Lang): Set<string> => {
  const keys = Object.keys(LABELS) as LabelKey[];
  const folded = (key: LabelKey): string => label(key, lang).trim().toLocaleLowerCase();
  const seen = new Map<string, number>();
  for (const key of keys) seen.set(folded(key), (seen.get(folded(key)) ?? 0) + 1);
  return new Set(keys.filter((key) => (seen.get(folded(key)) ?? 0) > 1).map((key) => label(key, lang)));
};
/** A fixed shuffle, so a failure repeats. */
const shuffled = <T>(items: readonly T[]): T[] =>
  items
    .map((item, i) => ({ item, key: (i * 7919 + 13) % 101 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);

describe('named segments keep their colour', () => {
  it('covers every method that names its labels (ABC, XYZ, BCG, priority, RFM, tiers, lifecycle)', () => {
    expect(withLabels.map((m) => m.id).sort()).toEqual(
      ['abc', 'bcg', 'clv', 'lifecycle', 'priority', 'pyramid', 'rfm', 'rfmOrders', 'xyz'].sort(),
    );
  });

  for (const method of withLabels) {
    const keys = method.labels as readonly LabelKey[];
    it(`${method.id}: one colour per segment in English and Vietnamese, in any order and any subset`, () => {
      const full = colorsFor(legend(keys, 'en'));
      const fullMarks = chartColorsFor(legend(keys, 'en'));
      for (const lang of LANGS) {
        const labels = legend(keys, lang);
        const tints = colorsFor(labels);
        const marks = chartColorsFor(labels);
        const reordered = colorsFor(shuffled(labels).reverse());
        keys.forEach((key) => {
          const text = label(key, lang);
          expect(tints.get(text), `${key} ${lang}`).toBe(full.get(label(key, 'en')));
          expect(marks.get(text), `${key} ${lang}`).toBe(fullMarks.get(label(key, 'en')));
          expect(reordered.get(text)).toBe(tints.get(text));
          // Alone, or with one label only its own method has (which says the method when the text is shared).
          // (Customer value's other labels are all shared in English: then another of its own.)
          const neighbour = (labels.find((l) => l !== text && !shared(lang).has(l)) ??
            labels.find((l) => l !== text)) as string;
          expect(colorsFor([neighbour, text]).get(text)).toBe(tints.get(text));
          if (!shared(lang).has(text)) expect(colorsFor([text]).get(text)).toBe(tints.get(text));
          // Among the user's own groups, before and after them.
          expect(colorsFor(['Group 1', text, 'Nhóm 2', neighbour]).get(text)).toBe(tints.get(text));
        });
      }
    });
  }

  it('tells RFM’s Lost from the lifecycle’s Lost by the rest of the legend', () => {
    const rfm = legend(METHODS.find((m) => m.id === 'rfm')?.labels ?? [], 'en');
    const stages = legend(METHODS.find((m) => m.id === 'lifecycle')?.labels ?? [], 'en');
    expect(colorsFor(rfm).get('Lost')).not.toBe(colorsFor(stages).get('Lost'));
    expect(colorsFor(['Lost', 'Prospect']).get('Lost')).toBe(colorsFor(stages).get('Lost'));
    expect(colorsFor(['Champions', 'Lost']).get('Lost')).toBe(colorsFor(rfm).get('Lost'));
  });

  it('recognises a label whatever its case or surrounding spaces', () => {
    expect(colorsFor([' champions ']).get(' champions ')).toBe(colorsFor(['Champions']).get('Champions'));
    expect(colorsFor(['NHÀ VÔ ĐỊCH']).get('NHÀ VÔ ĐỊCH')).toBe(colorsFor(['Champions']).get('Champions'));
  });
});

describe('no legend repeats a colour', () => {
  const distinct = (labels: readonly string[]): void => {
    for (const colours of [colorsFor(labels), chartColorsFor(labels)]) {
      const values = labels.map((l) => colours.get(l));
      expect(values.every((v) => /^#[0-9a-f]{6}$/.test(v ?? ''))).toBe(true);
      expect(new Set(values).size).toBe(new Set(labels).size);
    }
  };

  for (const method of withLabels) {
    it(`${method.id}: every segment its own colour, tints at least ΔE 7 apart`, () => {
      for (const lang of LANGS) {
        const labels = legend(method.labels as readonly LabelKey[], lang);
        distinct(labels);
        expect(closestPair([...colorsFor(labels).values()])).toBeGreaterThanOrEqual(7);
        expect(closestPair([...chartColorsFor(labels).values()])).toBeGreaterThanOrEqual(7);
      }
    });
  }

  it('gives 30 rule groups, tags or clusters 30 colours, tints at least ΔE 5 apart', () => {
    const labels = Array.from({ length: 30 }, (_, i) => `Cluster ${i + 1}`);
    distinct(labels);
    expect(closestPair([...colorsFor(labels).values()])).toBeGreaterThanOrEqual(5);
    expect(closestPair([...chartColorsFor(labels).values()])).toBeGreaterThanOrEqual(10);
  });

  it('never repeats, however many labels', () => {
    distinct(Array.from({ length: 400 }, (_, i) => `Tag ${i}`));
  });

  it('gives the user’s groups their colours in the order made: adding a group keeps the earlier ones', () => {
    const two = colorsFor(['Large construction', 'Risk group']);
    const three = colorsFor(['Large construction', 'Risk group', 'Small retail']);
    expect(three.get('Large construction')).toBe(two.get('Large construction'));
    expect(three.get('Risk group')).toBe(two.get('Risk group'));
  });

  it('keeps two named segments that share a colour apart when one legend holds both', () => {
    // BCG's Star and priority's Focus are the same corner and colour; groups named after both must still differ.
    distinct(['Star', 'Focus', 'Dog', 'Deprioritise', 'A', 'Champions']);
    distinct(['A', 'B', 'C', 'X', 'Y', 'Z', 'Top', 'Large', 'New', 'New Customers']);
  });
});

describe('ordered classes get lighter along their order', () => {
  const orders: readonly [string, readonly LabelKey[]][] = [
    ['ABC', ['abcA', 'abcB', 'abcC']],
    ['XYZ', ['xyzX', 'xyzY', 'xyzZ']],
    ['tiers', ['tierTop', 'tierLarge', 'tierMedium', 'tierSmall', 'tierInactive']],
    ['RFM, Champions to Lost', (METHODS.find((m) => m.id === 'rfm')?.labels ?? []).filter((k) => k !== 'rfmOthers')],
    ['lifecycle', METHODS.find((m) => m.id === 'lifecycle')?.labels ?? []],
  ];
  for (const [name, keys] of orders) {
    it(`${name}: CIE L* rises along the order, for row tints and chart marks`, () => {
      expect(keys.length).toBeGreaterThanOrEqual(3);
      for (const lang of LANGS) {
        const labels = legend(keys, lang);
        for (const colours of [colorsFor(labels), chartColorsFor(labels)]) {
          const lightness = labels.map((l) => toLab(colours.get(l) as string)[0]);
          for (let i = 1; i < lightness.length; i++) {
            expect(lightness[i], `${labels[i]} after ${labels[i - 1]}`).toBeGreaterThan(
              (lightness[i - 1] as number) + 1,
            );
          }
        }
      }
    });
  }

  it('gives ABC’s A, the few customers who bring most revenue, the strongest colour and C the lightest', () => {
    const marks = chartColorsFor(['C', 'A', 'B']);
    expect(toLab(marks.get('A') as string)[0]).toBeLessThan(toLab(marks.get('C') as string)[0]);
  });
});

describe('row tints keep black text readable', () => {
  it('has WCAG contrast of at least 4.5:1 with #000 on every tint', () => {
    const everyNamed = (Object.keys(LABELS) as LabelKey[]).flatMap((k) => LANGS.map((lang) => label(k, lang)));
    const legends = [
      ...withLabels.flatMap((m) => LANGS.map((lang) => legend(m.labels as readonly LabelKey[], lang))),
      everyNamed,
      Array.from({ length: 200 }, (_, i) => `Group ${i}`),
    ];
    for (const labels of legends) {
      for (const [l, tint] of colorsFor(labels)) expect(contrastRatio(tint, '#000000'), l).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(toLab('#ffffff')[0]).toBeCloseTo(100, 3);
    expect(toLab('#000000')[0]).toBeCloseTo(0, 3);
  });

  it('outlines a light mark in a darker shade of its hue, so it shows on white', () => {
    for (const mark of chartColorsFor(['Lost', 'At Risk', 'Prospect', 'Stage'])) {
      expect(contrastRatio(outlineOf(mark[1]), '#ffffff')).toBeGreaterThan(contrastRatio(mark[1], '#ffffff'));
    }
    expect(contrastRatio(outlineOf('#fde725'), '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});
