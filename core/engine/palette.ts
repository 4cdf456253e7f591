/**
 * Row colours per segment: light tints of the Okabe–Ito palette, which stays distinguishable with the common
 * colour-vision deficiencies, light enough that black text stays readable on every one.
 * @see https://jfly.uni-koeln.de/color/
 */
export const SEGMENT_COLORS: readonly string[] = [
  '#fbe3b3', // orange
  '#cde8f7', // sky blue
  '#c4ece0', // bluish green
  '#fbf7c0', // yellow
  '#c2dcee', // blue
  '#f6d4bf', // vermillion
  '#efd6e6', // reddish purple
  '#e0e0e0', // grey
];

/** A colour per label, in the order the labels are given; more labels than colours reuse them in turn. */
export function colorsFor(labels: readonly string[]): Map<string, string> {
  return new Map(labels.map((l, i) => [l, SEGMENT_COLORS[i % SEGMENT_COLORS.length] as string]));
}
