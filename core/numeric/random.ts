/**
 * A seeded uniform generator on [0, 1): mulberry32 (Tommy Ettinger, public domain), a small, fast, well-mixed 32-bit
 * generator. The same seed gives the same sequence on every host: k-means starts, the playground's sample customers,
 * the export fixtures and the benchmarks' data all come from it. O(1) per number.
 * @example
 *   const random = seededRandom(1);
 *   random(); // → 0.6270739405881613, on every machine
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
