/**
 * L(u) = ln(1 + u)/u and its derivative L′(u), for u ≥ 0, accurate everywhere including u → 0 (L → 1, L′ → −1/2).
 * The CLV models' likelihoods need them when a gamma mixing distribution's shape grows without bound: r·ln(1 + τ/α)
 * with α = r/m is τ·m·L(τm/r), which tends to τ·m as r → ∞ (the gamma mixture becomes one rate), and computing it as
 * written loses every digit long before that.
 *
 * Below u = 1e-4 the Taylor series 1 − u/2 + u²/3 − u³/4 (error below 1e-16), above it the closed form.
 * Cost: O(1), one log1p.
 *
 * @example log1pRatio(1) // → { value: 0.6931471805599453, slope: -0.1931471805599453 } (ln 2, 1/2 − ln 2)
 */
export function log1pRatio(u: number): { readonly value: number; readonly slope: number } {
  if (u < 1e-4) return { value: 1 - u / 2 + (u * u) / 3 - (u * u * u) / 4, slope: -0.5 + (2 * u) / 3 - 0.75 * u * u };
  const l = Math.log1p(u);
  return { value: l / u, slope: (u / (1 + u) - l) / (u * u) };
}
