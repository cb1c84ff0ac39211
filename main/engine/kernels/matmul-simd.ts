/**
 * Matrix products in WebAssembly SIMD — single or batched (attention's [b·h, t, dk] · [b·h, dk, t]), in any
 * transpose, with an optional bias. Each product packs A into panels of 4 rows and B into panels of 8 columns
 * (which absorbs the transposes and zero-pads the edges), then a 4 × 8 register tile accumulates
 * A[i, k] · B[k, j] with f32x4 multiplies and adds, B's panels blocked by columns to stay in cache. Measured
 * here at 30–50 GFLOP/s on the training shapes, on par with or above XNNPACK's (see docs/PERFORMANCE.md).
 *
 * The module shares the wasm backend's memory, so it reads and writes tensors in place.
 */
import type { Code } from './wasm-assembler';
import { buildModule, forLoop, i32, increment, instantiate, op, v128 } from './wasm-assembler';

// Parameters (i32; strides in bytes; C is contiguous [batch, M, N]; `bias` points at N floats padded to a
// multiple of 8, zeros when there is no bias; `columnBlock` columns of packed B (a multiple of 8) are reused
// across all of A's panels before moving on, so they stay in cache).
const [a, b, c, batch, rowsM, colsN, depthK] = [0, 1, 2, 3, 4, 5, 6];
const [aBatch, aRow, aDepth, bBatch, bDepth, bCol, packA, packB, tile, bias] = [
  7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
];
const columnBlock = 17;
const parameterCount = 18;
// i32 locals, numbered after the parameters.
const [bi, i0, j0, k, r, col, pa, pb, aBase, bBase, cBase, dst, src] = [
  18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
];
const [rowPtr, rows, cols, rowBytes, jb, jEnd] = [31, 32, 33, 34, 35, 36];
const i32Locals = 19;
// v128 locals: the 4 × 8 accumulator tile (two vectors per row), two B vectors, one broadcast A value.
const acc = (row: number, half: number): number => 37 + 2 * row + half;
const [b0, b1, av] = [45, 46, 47];
const v128Locals = 11;

const get = op.get;
const set = op.set;

/** Stores `value` (code leaving an f32) at dst + offset when lane `index` < `limit`, else stores 0. */
function storeOrZero(index: Code, limit: number, offset: number, value: Code): Code {
  return [
    index,
    get(limit),
    op.ltU,
    op.ifElse([get(dst), value, op.f32Store(offset)], [get(dst), op.f32Zero, op.f32Store(offset)]),
  ];
}

/** packB[j0/8][k][0..8] = B[k, j0 + c] (0 past N): 8-column panels, contiguous along k. */
const packBCode: Code = [
  get(packB),
  set(dst),
  forLoop(j0, op.const(0), colsN, 8, [
    forLoop(k, op.const(0), depthK, 1, [
      [get(bBase), get(k), get(bDepth), op.mul, op.add, get(j0), get(bCol), op.mul, op.add, set(src)],
      [0, 1, 2, 3, 4, 5, 6, 7].map((lane) => [
        storeOrZero([get(j0), op.const(lane), op.add], colsN, lane * 4, [get(src), op.f32Load()]),
        increment(src, { local: bCol }),
      ]),
      increment(dst, 32),
    ]),
  ]),
];

/** packA[i0/4][k][0..4] = A[i0 + r, k] (0 past M): 4-row panels, contiguous along k. */
const packACode: Code = [
  get(packA),
  set(dst),
  forLoop(i0, op.const(0), rowsM, 4, [
    forLoop(k, op.const(0), depthK, 1, [
      [get(aBase), get(i0), get(aRow), op.mul, op.add, get(k), get(aDepth), op.mul, op.add, set(src)],
      [0, 1, 2, 3].map((lane) => [
        storeOrZero([get(i0), op.const(lane), op.add], rowsM, lane * 4, [get(src), op.f32Load()]),
        increment(src, { local: aRow }),
      ]),
      increment(dst, 16),
    ]),
  ]),
];

/** acc += A panel column k ⊗ B panel row k, for every k. */
const tileLoop: Code = forLoop(k, op.const(0), depthK, 1, [
  [get(pb), op.v128Load(0), set(b0), get(pb), op.v128Load(16), set(b1)],
  [0, 1, 2, 3].map((row) => [
    [get(pa), op.v128Load32Splat(row * 4), set(av)],
    [0, 1].map((half) => [
      [
        get(acc(row, half)),
        get(av),
        get(half === 0 ? b0 : b1),
        op.f32x4Mul,
        op.f32x4Add,
        set(acc(row, half)),
      ],
    ]),
  ]),
  increment(pa, 16),
  increment(pb, 32),
]);

/** min(limit, total − start) as an i32 on the stack. */
const clamp = (total: number, start: number, limit: number): Code => [
  op.const(limit),
  [get(total), get(start), op.sub],
  [get(total), get(start), op.sub, op.const(limit), op.geU],
  op.select,
];

/** Writes the tile to C: whole vectors when it lies inside C, else through `tile` and only the valid part. */
const storeTile: Code = [
  [
    get(rowsM),
    get(i0),
    op.sub,
    op.const(4),
    op.geU,
    get(colsN),
    get(j0),
    op.sub,
    op.const(8),
    op.geU,
    op.and,
  ],
  op.ifElse(
    [
      [get(cBase), get(i0), get(rowBytes), op.mul, op.add, get(j0), op.const(4), op.mul, op.add, set(rowPtr)],
      [0, 1, 2, 3].map((row) => [
        [get(rowPtr), get(acc(row, 0)), op.v128Store(0), get(rowPtr), get(acc(row, 1)), op.v128Store(16)],
        increment(rowPtr, { local: rowBytes }),
      ]),
    ],
    [
      [0, 1, 2, 3].map((row) => [
        [
          get(tile),
          get(acc(row, 0)),
          op.v128Store(row * 32),
          get(tile),
          get(acc(row, 1)),
          op.v128Store(row * 32 + 16),
        ],
      ]),
      [clamp(rowsM, i0, 4), set(rows), clamp(colsN, j0, 8), set(cols)],
      forLoop(r, op.const(0), rows, 1, [
        forLoop(col, op.const(0), cols, 1, [
          // C[i0 + r, j0 + col] = tile[r, col]
          [get(cBase), get(i0), get(r), op.add, get(rowBytes), op.mul, op.add, get(j0), get(col), op.add],
          [op.const(4), op.mul, op.add],
          [
            get(tile),
            get(r),
            op.const(32),
            op.mul,
            op.add,
            get(col),
            op.const(4),
            op.mul,
            op.add,
            op.f32Load(),
          ],
          op.f32Store(),
        ]),
      ]),
    ],
  ),
];

const computeCode: Code = forLoop(jb, op.const(0), colsN, { local: columnBlock }, [
  // jEnd = min(jb + columnBlock, N)
  [
    get(jb),
    get(columnBlock),
    op.add,
    get(colsN),
    get(jb),
    get(columnBlock),
    op.add,
    get(colsN),
    op.ltU,
    op.select,
  ],
  set(jEnd),
  forLoop(i0, op.const(0), rowsM, 4, [
    forLoop(j0, get(jb), jEnd, 8, [
      [get(packA), get(i0), get(depthK), op.mul, op.const(4), op.mul, op.add, set(pa)], // panel i0/4: i0·K floats in
      [get(packB), get(j0), get(depthK), op.mul, op.const(4), op.mul, op.add, set(pb)], // panel j0/8: j0·K floats in
      // Every row of the tile starts from bias[j0 .. j0 + 8].
      [0, 1, 2, 3].map((row) =>
        [0, 1].map((half) => [
          get(bias),
          get(j0),
          op.const(4),
          op.mul,
          op.add,
          op.v128Load(16 * half),
          set(acc(row, half)),
        ]),
      ),
      tileLoop,
      storeTile,
    ]),
  ]),
]);

const body: Code = [
  [get(colsN), op.const(4), op.mul, set(rowBytes)],
  forLoop(bi, op.const(0), batch, 1, [
    [get(a), get(bi), get(aBatch), op.mul, op.add, set(aBase)],
    [get(b), get(bi), get(bBatch), op.mul, op.add, set(bBase)],
    [get(c), get(bi), get(rowsM), op.mul, get(rowBytes), op.mul, op.add, set(cBase)],
    // A batch of one is broadcast (its stride is 0): pack it once.
    [get(bi), op.const(1), op.ltU, op.const(0), get(bBatch), op.ltU, op.or],
    op.ifElse(packBCode),
    [get(bi), op.const(1), op.ltU, op.const(0), get(aBatch), op.ltU, op.or],
    op.ifElse(packACode),
    computeCode,
  ]),
];

/** The compiled kernel's entry point (all arguments are i32; pointers and strides in bytes). */
export type BatchMatMulSimd = (...args: number[]) => void;

/**
 * Columns of B per cache block: as many 8-column panels as fit in ~256 KB. Blocking re-reads A once per block,
 * so for a long inner size (A's panels no longer fit in cache either) B is not blocked.
 */
export function columnBlockFor(k: number, n: number): number {
  if (k > 512) return Math.max(8, Math.ceil(n / 8) * 8);
  return Math.max(8, Math.floor(65_536 / Math.max(k, 1) / 8) * 8);
}

/** Byte offsets in the scratch buffer for one product: packed A panels at 0, then B panels, a tile, the bias. */
export function scratchLayout(
  m: number,
  n: number,
  k: number,
): { packB: number; tile: number; bias: number; total: number } {
  const packB = Math.ceil(m / 4) * 4 * k * 4;
  const tile = packB + Math.ceil(n / 8) * 8 * k * 4;
  const bias = tile + 32 * 4;
  return { packB, tile, bias, total: bias + Math.ceil(n / 8) * 8 * 4 };
}

/** Compiles the kernel against `memory` (the wasm backend's heap). */
export function compileBatchMatMul(memory: object): BatchMatMulSimd {
  const bytes = buildModule([
    {
      name: 'batchMatMul',
      params: parameterCount,
      locals: [
        { type: i32, count: i32Locals },
        { type: v128, count: v128Locals },
      ],
      body,
    },
  ]);
  return instantiate(bytes, memory).batchMatMul as BatchMatMulSimd;
}
