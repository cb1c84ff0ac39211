/**
 * exp and erf over float32 arrays in WebAssembly SIMD, four values at a time. The stock wasm kernels call the
 * scalar C library (~7 ns per value for exp, ~13 for erf here), and GELU's erf and its gradient's exp over
 * [rows, dFf] were ~10 % of a GPT training step.
 * - exp: Cephes' expf — x = n·ln 2 + r with |r| ≤ ln 2 / 2, a degree-6 polynomial for eʳ, 2ⁿ built in the
 *   exponent bits (as two factors so n = ±127 stay normal); 0 below −87.34, +∞ above 88.72, NaN stays NaN.
 * - erf: Abramowitz & Stegun 7.1.26 (|error| ≤ 1.5e-7) with the constants of the TF.js cpu backend.
 */
import * as tf from '@tensorflow/tfjs';
import type { Code } from './wasm-assembler';
import { buildModule, forLoop, i32, instantiate, op, v128 } from './wasm-assembler';

// Parameters: source and destination byte offsets, and the number of values (a multiple of 4).
const [src, dst, count] = [0, 1, 2];
// Locals: the byte index and its end (i32), then vectors.
const [index, end] = [3, 4];
const [x, n, r, p, t, y, e] = [5, 6, 7, 8, 9, 10, 11];

const get = op.get;
const set = op.set;
const [low, high] = [-87.33654, 88.72283]; // e^low is the smallest normal float, e^high the largest float

/** Code leaving exp(v) on the stack, where `v` is a v128 local (clobbers n, r, p, y). */
function expOf(v: number): Code {
  const [ln2High, ln2Low] = [0.693359375, -2.1219444e-4];
  const coefficients = [
    1.98756915e-4, 1.39819995e-3, 8.33345191e-3, 4.16657959e-2, 1.66666655e-1, 5.00000012e-1,
  ];
  const twoToThe = (exponent: Code): Code => [
    exponent,
    op.i32x4Const(127),
    op.i32x4Add,
    op.const(23),
    op.i32x4Shl,
  ];
  return [
    // n = nearest(v·log₂e), r = v − n·ln 2 (in two parts, for precision), on v clamped to the finite range
    [get(v), op.f32x4Const(low), op.f32x4Max, op.f32x4Const(high), op.f32x4Min, set(r)],
    [get(r), op.f32x4Const(Math.LOG2E), op.f32x4Mul, op.f32x4Nearest, set(n)],
    [get(r), get(n), op.f32x4Const(ln2High), op.f32x4Mul, op.f32x4Sub],
    [get(n), op.f32x4Const(ln2Low), op.f32x4Mul, op.f32x4Sub, set(r)],
    // eʳ = p(r)·r² + r + 1, p by Horner
    [op.f32x4Const(coefficients[0] ?? 0), set(p)],
    coefficients.slice(1).map((c) => [get(p), get(r), op.f32x4Mul, op.f32x4Const(c), op.f32x4Add, set(p)]),
    [get(p), get(r), op.f32x4Mul, get(r), op.f32x4Mul, get(r), op.f32x4Add, op.f32x4Const(1), op.f32x4Add],
    // · 2^(n >> 1) · 2^(n − (n >> 1))
    [get(n), op.i32x4TruncSatF32x4, set(n)],
    [twoToThe([get(n), op.const(1), op.i32x4ShrS]), op.f32x4Mul],
    [twoToThe([get(n), get(n), op.const(1), op.i32x4ShrS, op.i32x4Sub]), op.f32x4Mul],
    // 0 below the range, +∞ above it (NaN fails both tests and stays NaN).
    [get(v), op.f32x4Const(low), op.f32x4Lt, op.v128AndNot, set(y)],
    [op.f32x4Const(Infinity), get(y), get(v), op.f32x4Const(high), op.f32x4Gt, op.v128Bitselect],
  ];
}

/** Code leaving erf(v) on the stack (clobbers every vector local but v and x). */
function erfOf(v: number): Code {
  const { ERF_P, ERF_A1, ERF_A2, ERF_A3, ERF_A4, ERF_A5 } = tf.backend_util;
  return [
    // t = 1 / (1 + p·|v|)
    [op.f32x4Const(1), op.f32x4Const(1), op.f32x4Const(ERF_P), get(v), op.f32x4Abs, op.f32x4Mul, op.f32x4Add],
    [op.f32x4Div, set(t)],
    // e = −v² (exp's argument), then 1 − poly(t)·t·e^(−v²)
    [get(v), get(v), op.f32x4Mul, op.f32x4Const(-1), op.f32x4Mul, set(e)],
    [op.f32x4Const(ERF_A5), set(p)],
    [ERF_A4, ERF_A3, ERF_A2, ERF_A1].map((c) => [
      get(p),
      get(t),
      op.f32x4Mul,
      op.f32x4Const(c),
      op.f32x4Add,
      set(p),
    ]),
    [get(p), get(t), op.f32x4Mul, set(t)], // poly(t)·t, kept in t because exp clobbers p
    [op.f32x4Const(1), get(t), expOf(e), op.f32x4Mul, op.f32x4Sub],
    // copy v's sign onto the result (which is ≥ 0)
    [get(v), op.i32x4Const(-0x80000000), op.v128And, op.v128Or, set(y)],
    // Near 0 the formula cancels (1 − ≈1): there the Taylor series 2/√π·v·Σ eⁿ / (n!(2n + 1)), e = −v², is
    // exact to float precision for |v| < 1/4.
    [op.f32x4Const(1 / 216), set(p)],
    [1 / 42, 1 / 10, 1 / 3, 1].map((c) => [
      get(p),
      get(e),
      op.f32x4Mul,
      op.f32x4Const(c),
      op.f32x4Add,
      set(p),
    ]),
    [get(p), get(v), op.f32x4Mul, op.f32x4Const(2 / Math.sqrt(Math.PI)), op.f32x4Mul],
    [get(y), get(v), op.f32x4Abs, op.f32x4Const(0.25), op.f32x4Lt, op.v128Bitselect],
  ];
}

/** dst[i] = f(src[i]) for i < count, four at a time. */
function mapBody(f: (v: number) => Code): Code {
  return [
    [get(count), op.const(4), op.mul, set(end)],
    forLoop(index, op.const(0), end, 16, [
      [get(src), get(index), op.add, op.v128Load(0), set(x)],
      [get(dst), get(index), op.add, f(x), op.v128Store(0)],
    ]),
  ];
}

/** (sourceOffset, destinationOffset, count) — count a multiple of 4. */
export type UnaryMap = (source: number, destination: number, count: number) => void;

/** Compiles exp and erf against `memory` (the wasm backend's heap). */
export function compileUnary(memory: object): { exp: UnaryMap; erf: UnaryMap } {
  const locals = [
    { type: i32, count: 2 },
    { type: v128, count: 7 },
  ];
  const bytes = buildModule([
    { name: 'exp', params: 3, locals, body: mapBody(expOf) },
    { name: 'erf', params: 3, locals, body: mapBody(erfOf) },
  ]);
  const exports = instantiate(bytes, memory);
  return { exp: exports.exp as UnaryMap, erf: exports.erf as UnaryMap };
}
