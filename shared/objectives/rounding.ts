/** Rounding as Python 3's `round` and NumPy's `np.round` do it, so counts match the BERT and T5 reference code. */

/** Rounds to the nearest whole number, halves to the even neighbour (0.5 → 0, 1.5 → 2, 2.5 → 2). */
export function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
