/**
 * Op-level measurements behind `npm run bench -- --ops` and `--profile`: the time of each op the models are
 * built from at GPT-tiny shapes (forward + backward for ../main/engine/ops), and a per-kernel split of a whole
 * training step. They guide the kernel work in main/engine/kernels; see docs/PERFORMANCE.md.
 */
import * as tf from '@tensorflow/tfjs';
import { useProjectKernels } from '../main/engine/kernels/wasm-kernels';
import { batchMatMul, crossEntropy, embed, linear, tiedLogits } from '../main/engine/ops';

/** Median wall time in ms of `run` (its result is read back so lazy backends finish), after warm-up. */
function timeMs(run: () => tf.Tensor | tf.Tensor[], repeats = 7, warmup = 2): number {
  const times: number[] = [];
  for (let i = 0; i < warmup + repeats; i++) {
    const start = performance.now();
    const out = tf.tidy(run);
    for (const t of Array.isArray(out) ? out : [out]) t.dataSync();
    if (i >= warmup) times.push(performance.now() - start);
    tf.dispose(out);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/** Forward, then gradients of Σ f(inputs) with respect to every input. */
function withBackward(f: (...xs: tf.Tensor[]) => tf.Tensor, inputs: tf.Tensor[]): () => tf.Tensor[] {
  return () => {
    const { value, grads } = tf.valueAndGrads((...xs: tf.Tensor[]) => tf.sum(f(...xs)))(inputs);
    return [value, ...grads];
  };
}

/** `run`'s median time with the project's wasm kernels, and (when `compare`) with the stock ones, interleaved. */
function timeBoth(run: () => tf.Tensor | tf.Tensor[], compare: boolean): { ms: number; stockMs?: number } {
  if (!compare) return { ms: timeMs(run) };
  const [ours, stock]: [number[], number[]] = [[], []];
  for (let i = 0; i < 3; i++) {
    useProjectKernels(false);
    stock.push(timeMs(run, 1, i === 0 ? 1 : 0));
    useProjectKernels(true);
    ours.push(timeMs(run, 1, i === 0 ? 1 : 0));
  }
  const middle = (xs: number[]): number => [...xs].sort((a, b) => a - b)[1] ?? NaN;
  return { ms: middle(ours), stockMs: middle(stock) };
}

/**
 * Prints the time (and GFLOP/s where a FLOP count is meaningful) of each op at GPT-tiny shapes; with `compare`
 * (wasm only) also with the stock wasm kernels.
 */
export function benchOps(isJson: boolean, compare = false): void {
  const [n, d, ff, vocab, bh, t, dk] = [2048, 128, 512, 4096, 128, 64, 32]; // batch 32 × length 64, 4 heads
  const r = (shape: number[]): tf.Tensor => tf.randomNormal(shape, 0, 1, 'float32', shape.length);
  const x = r([n, d]) as tf.Tensor2D;
  const w = r([d, ff]) as tf.Tensor2D;
  const bias = r([ff]) as tf.Tensor1D;
  const table = r([vocab, d]) as tf.Tensor2D;
  const logits = r([n, vocab]) as tf.Tensor2D;
  const q = r([bh, t, dk]) as tf.Tensor3D;
  const kT = r([bh, dk, t]) as tf.Tensor3D;
  const p = r([bh, t, t]) as tf.Tensor3D;
  const ids = tf.tensor1d(
    Array.from({ length: n }, (_, i) => (i * 7919) % vocab),
    'int32',
  );
  const cases: [string, number, () => tf.Tensor | tf.Tensor[]][] = [
    ['matMul [n,d]·[d,ff]', 2 * n * d * ff, () => tf.matMul(x, w)],
    ['matMul [n,d]·[vocab,d]ᵀ transposeB', 2 * n * d * vocab, () => tf.matMul(x, table, false, true)],
    ['matMul [n,d]·[d,vocab] plain', 2 * n * d * vocab, () => tf.matMul(x, tf.transpose(table))],
    ['matMul [n,d]ᵀ·[n,ff] transposeA', 2 * n * d * ff, () => tf.matMul(x, tf.matMul(x, w), true, false)],
    ['batched [bh,t,dk]·[bh,dk,t]', 2 * bh * t * t * dk, () => tf.matMul(q, kT)],
    ['batched [bh,t,dk]·[bh,t,dk]ᵀ transposeB', 2 * bh * t * t * dk, () => tf.matMul(q, q, false, true)],
    ['batched [bh,t,t]·[bh,t,dk]', 2 * bh * t * t * dk, () => tf.matMul(p, q)],
    ['batched [bh,t,t]ᵀ·[bh,t,dk] transposeA', 2 * bh * t * t * dk, () => tf.matMul(p, q, true, false)],
    [
      'linear fwd+bwd',
      6 * n * d * ff,
      withBackward((a, b, c) => linear(a as tf.Tensor2D, b as tf.Tensor2D, c as tf.Tensor1D), [x, w, bias]),
    ],
    [
      'tiedLogits fwd+bwd',
      6 * n * d * vocab,
      withBackward((a, b) => tiedLogits(a as tf.Tensor2D, b as tf.Tensor2D), [x, table]),
    ],
    [
      'batchMatMul fwd+bwd',
      6 * bh * t * t * dk,
      withBackward((a, b) => batchMatMul(a as tf.Tensor3D, b as tf.Tensor3D), [q, kT]),
    ],
    ['crossEntropy fwd+bwd [n,vocab]', 0, withBackward((a) => crossEntropy(a as tf.Tensor2D, ids), [logits])],
    ['embed fwd+bwd', 0, withBackward((a) => embed(ids, a as tf.Tensor2D), [table])],
    ['softmax [n,vocab]', 0, () => tf.softmax(logits)],
    ['exp [n,vocab]', 0, () => tf.exp(logits)],
    ['mul [n,vocab]', 0, () => tf.mul(logits, logits)],
    ['transpose [n,vocab]', 0, () => tf.transpose(logits)],
    ['sum axis 0 [n,ff]', 0, () => tf.sum(tf.matMul(x, w), 0)],
    ['erf [n,ff]', 0, () => tf.erf(tf.matMul(x, w))],
    ['softmax [bh,t,t]', 0, () => tf.softmax(p)],
  ];
  const rate = (flops: number, ms?: number): number | undefined =>
    flops > 0 && ms ? Number((flops / ms / 1e6).toFixed(1)) : undefined;
  const speed = (ms: number, gflops?: number): string =>
    `${ms.toFixed(2).padStart(9)} ms${gflops ? ` ${String(gflops).padStart(5)} GFLOP/s` : ''}`;
  for (const [op, flops, run] of cases) {
    const { ms, stockMs } = timeBoth(run, compare);
    const row = { op, backend: tf.getBackend(), ms: Number(ms.toFixed(2)), gflops: rate(flops, ms) };
    const stock =
      stockMs === undefined
        ? {}
        : { stock_ms: Number(stockMs.toFixed(2)), stock_gflops: rate(flops, stockMs) };
    if (isJson) console.log(JSON.stringify({ ...row, ...stock }));
    else {
      const stockText = stockMs === undefined ? '' : `   stock ${speed(stockMs, rate(flops, stockMs))}`;
      console.log(`${op.padEnd(44)} ${speed(ms, row.gflops)}${stockText}`);
    }
  }
  tf.dispose([x, w, bias, table, logits, q, kT, p, ids]);
}

/** Per-kernel time of one call of `step` (tf.profile), largest first, with its share of the wall time. */
export async function profileKernels(
  step: () => Promise<void>,
  isJson: boolean,
  byShape = false,
): Promise<void> {
  // The profiler would otherwise read every output back to look for NaNs, which dwarfs the kernels.
  tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);
  const start = performance.now();
  const info = await tf.profile(step);
  const wallMs = performance.now() - start;
  const byName = new Map<string, { ms: number; calls: number }>();
  for (const kernel of info.kernels) {
    // Custom-gradient ops appear as scopes around the kernels they run; count real kernels only.
    if (!tf.getKernel(kernel.name, tf.getBackend())) continue;
    const key = byShape ? `${kernel.name} ${JSON.stringify(kernel.inputShapes)}` : kernel.name;
    const entry = byName.get(key) ?? { ms: 0, calls: 0 };
    entry.ms += Number(kernel.kernelTimeMs);
    entry.calls += 1;
    byName.set(key, entry);
  }
  const rows = [...byName].sort((a, b) => b[1].ms - a[1].ms);
  const kernelMs = rows.reduce((sum, [, e]) => sum + e.ms, 0);
  for (const [kernel, { ms, calls }] of rows) {
    const row = { kernel, calls, ms: Number(ms.toFixed(1)), share: Number((ms / wallMs).toFixed(3)) };
    if (isJson) console.log(JSON.stringify(row));
    else
      console.log(
        `${kernel.padEnd(byShape ? 60 : 24)} ${String(calls).padStart(5)} calls ${ms.toFixed(1).padStart(8)} ms  ${(100 * row.share).toFixed(1)} %`,
      );
  }
  const summary = { wall_ms: Number(wallMs.toFixed(1)), kernel_ms: Number(kernelMs.toFixed(1)) };
  console.log(
    isJson ? JSON.stringify(summary) : `step ${summary.wall_ms} ms, of which kernels ${summary.kernel_ms} ms`,
  );
}
