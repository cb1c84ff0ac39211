/**
 * IEEE 754 half precision (binary16) for checkpoint storage: float32 → float16 rounds to the nearest value
 * (ties to even, like a hardware conversion), with subnormals, ±0, ±Infinity and NaN kept; float16 → float32
 * is exact (every half value is a float32 value). Node 20 has no `Float16Array`, hence the bit arithmetic.
 */

/** Storage types a checkpoint's weights may have. */
export const weightDtypes = ['float32', 'float16'] as const;
/** One of {@link weightDtypes}. */
export type WeightDtype = (typeof weightDtypes)[number];

/** Bytes per value of each storage type. */
export const bytesPerValue: Readonly<Record<WeightDtype, number>> = { float32: 4, float16: 2 };

/** The half-precision bits of one float32 value given by its bits. */
function halfBits(bits: number): number {
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa === 0 ? 0 : 0x200); // ±Infinity, NaN stays NaN
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00; // too large: ±Infinity
  if (halfExponent <= 0) {
    // A half subnormal m · 2^-24 (or zero): shift the float's 24-bit significand into place, then round.
    if (halfExponent < -10) return sign; // below half the smallest subnormal: ±0
    const significand = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    return sign | roundShifted(significand, shift);
  }
  // A normal half: keep 10 of the 23 mantissa bits. A carry out of the mantissa raises the exponent, which is
  // the right result (up to Infinity).
  return sign | ((halfExponent << 10) + roundShifted(mantissa, 13));
}

/** `value >> shift` rounded to the nearest integer, ties to even. */
function roundShifted(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept;
}

/** The float16 bits of every value, rounded to nearest (ties to even). */
export function toFloat16Bits(values: Float32Array): Uint16Array {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const half = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) half[i] = halfBits(bits[i] ?? 0);
  return half;
}

/** The float32 values of float16 bits (exact). */
export function fromFloat16Bits(half: Uint16Array): Float32Array {
  const values = new Float32Array(half.length);
  const bits = new Uint32Array(values.buffer);
  for (let i = 0; i < half.length; i++) {
    const h = half[i] ?? 0;
    const sign = (h & 0x8000) << 16;
    const exponent = (h >>> 10) & 0x1f;
    const mantissa = h & 0x3ff;
    if (exponent === 0) {
      // ±0 or a subnormal m · 2^-24: exact in float32 (and in the double computed here).
      values[i] = (sign ? -1 : 1) * mantissa * 2 ** -24;
    } else if (exponent === 0x1f) {
      bits[i] = (sign | 0x7f800000 | (mantissa << 13)) >>> 0;
    } else {
      bits[i] = (sign | ((exponent - 15 + 127) << 23) | (mantissa << 13)) >>> 0;
    }
  }
  return values;
}
