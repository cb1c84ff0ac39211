/**
 * `npm run bench -- [--json] [--all] [--backend wasm|cpu] [--torch] [--models gpt,bert,t5] [--steps N]
 * [--warmup N] [--ops [--compare]] [--profile [--by-shape]] [--stock-kernels]`: training throughput
 * (forward + backward + AdamW step on random-token batches shaped like the PyTorch anchor
 * `../shared/bench/torch_ref.py`), batch-1 attention-extraction latency and peak memory for each model family;
 * `--torch` runs the anchor in the same run and adds the ratio; `--ops` times the single ops the models are
 * built from; `--profile` splits one training step by kernel. See docs/PERFORMANCE.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import type { ModelFamily, PresetName } from '../main/engine/models/config';
import { modelConfig } from '../main/engine/models/config';
import type { ModelBatch, ModelInput, TransformerModel } from '../main/engine/models/model';
import { createModel } from '../main/engine/models/model';
import { useProjectKernels } from '../main/engine/kernels/wasm-kernels';
import { cpuLoader, wasmLoader } from '../main/engine/tf-backends';
import { AdamW } from '../main/engine/train/adamw';
import { benchOps, profileKernels } from './bench-ops';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const torchRef = path.resolve(root, '../shared/bench/torch_ref.py');

/** The batch size of each preset in the PyTorch anchor (its CONFIGS). */
const batchSizes: Record<PresetName, number> = { tiny: 32, small: 16 };

interface Options {
  json: boolean;
  presets: PresetName[];
  backend: 'wasm' | 'cpu';
  torch: boolean;
  families: ModelFamily[];
  steps: number;
  warmup: number;
  mode: 'models' | 'ops' | 'profile';
  /** --stock-kernels: measure with the stock wasm kernels (UnsortedSegmentSum excepted: it has none). */
  stockKernels: boolean;
  /** --compare (with --ops): time each op with the stock wasm kernels too. */
  compare: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const backend = value('--backend') ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') throw new Error('--backend must be wasm or cpu');
  const families = (value('--models') ?? 'gpt,bert,t5').split(',') as ModelFamily[];
  const mode = argv.includes('--ops') ? 'ops' : argv.includes('--profile') ? 'profile' : 'models';
  return {
    json: argv.includes('--json'),
    presets: argv.includes('--all') ? ['tiny', 'small'] : ['tiny'],
    backend,
    torch: argv.includes('--torch'),
    families,
    steps: Number(value('--steps') ?? 7),
    warmup: Number(value('--warmup') ?? 2),
    mode,
    stockKernels: argv.includes('--stock-kernels') && backend === 'wasm',
    compare: argv.includes('--compare') && backend === 'wasm',
  };
}

/** Seeded uniform integers (a small LCG: the bench needs shapes and variety, not statistical quality). */
function randomInts(count: number, below: number, seed: number): Int32Array {
  const out = new Int32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state % below;
  }
  return out;
}

/** A random-token training batch shaped like torch_ref.py's `make_batch`, and its token count. */
function makeBatch(
  family: ModelFamily,
  preset: PresetName,
  seed: number,
): { batch: ModelBatch; tokens: number } {
  const { maxLength: length, vocabSize } = modelConfig(family, preset);
  const batchSize = batchSizes[preset];
  if (family === 'gpt') {
    // length + 1 tokens per row: the input is the first `length`, the target the last `length`.
    const rows = randomInts(batchSize * (length + 1), vocabSize, seed);
    const input = new Int32Array(batchSize * length);
    const target = new Int32Array(batchSize * length);
    for (let b = 0; b < batchSize; b++) {
      input.set(rows.subarray(b * (length + 1), b * (length + 1) + length), b * length);
      target.set(rows.subarray(b * (length + 1) + 1, (b + 1) * (length + 1)), b * length);
    }
    return { batch: { family, batchSize, length, input, target }, tokens: batchSize * length };
  }
  if (family === 'bert') {
    const input = randomInts(batchSize * length, vocabSize, seed);
    const chance = randomInts(batchSize * length, 100, seed + 1);
    const labels = new Int32Array(input.length).fill(-1);
    input.forEach((token, i) => {
      if ((chance[i] ?? 0) < 15) [labels[i], input[i]] = [token, 1]; // id 1 plays [MASK], as in torch_ref
    });
    return { batch: { family, batchSize, length, input, labels }, tokens: batchSize * length };
  }
  const targetLength = length / 4;
  const input = randomInts(batchSize * length, vocabSize, seed);
  const target = randomInts(batchSize * targetLength, vocabSize, seed + 1);
  const decoderInput = new Int32Array(target.length);
  for (let i = 0; i < target.length; i++) decoderInput[i] = i % targetLength === 0 ? 0 : (target[i - 1] ?? 0);
  const batch: ModelBatch = {
    family,
    batchSize,
    inputLength: length,
    targetLength,
    input,
    decoderInput,
    target,
  };
  return { batch, tokens: batchSize * (length + targetLength) };
}

/** A batch-1 input of the preset's full length (the attention-extraction measurement). */
function singleInput(batch: ModelBatch): ModelInput {
  if (batch.family === 't5') {
    const { inputLength, targetLength } = batch;
    return {
      ...batch,
      batchSize: 1,
      input: batch.input.slice(0, inputLength),
      decoderInput: batch.decoderInput.slice(0, targetLength),
    };
  }
  return { ...batch, batchSize: 1, input: batch.input.slice(0, batch.length) } as ModelInput;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** One optimisation step, as the trainer does it (gradients, AdamW update); returns when the loss is read. */
async function trainStep(model: TransformerModel, optimizer: AdamW, batch: ModelBatch): Promise<number> {
  const names = new Map([...model.weights].map(([name, v]) => [v.name, name]));
  const { value, grads } = tf.variableGrads(() => model.loss(batch), [...model.weights.values()]);
  const named = new Map<string, tf.Tensor>();
  for (const [variableName, grad] of Object.entries(grads))
    named.set(names.get(variableName) ?? variableName, grad);
  optimizer.apply(named, 1e-4);
  const loss = (await value.data())[0] ?? NaN;
  tf.dispose([value, ...named.values()]);
  return loss;
}

/** Batch-1 forward with every attention map read back as typed arrays, as `attention-lab attend` does. */
async function attend(model: TransformerModel, input: ModelInput): Promise<void> {
  const maps = tf.tidy(() => {
    const { attention } = model.forward(input);
    return [...(attention.encoder ?? []), ...(attention.decoder ?? []), ...(attention.cross ?? [])];
  });
  await Promise.all(maps.map((m) => m.data()));
  tf.dispose(maps);
}

interface Row {
  model: ModelFamily;
  preset: PresetName;
  backend: string;
  train_tokens_per_s: number;
  attend_ms: number;
  peak_rss_mb: number;
  step_ms: number;
  /** CPU time of the step: less disturbed than wall time when other processes share the cores. */
  cpu_step_ms: number;
  loss: number;
  torch_tokens_per_s?: number;
  ratio_to_torch?: number;
}

async function benchModel(family: ModelFamily, preset: PresetName, options: Options): Promise<Row> {
  const model = createModel(modelConfig(family, preset), 0);
  const optimizer = new AdamW(model.weights);
  const batches = [0, 1, 2, 3].map((i) => makeBatch(family, preset, 1000 + i));
  let peakRss = process.memoryUsage().rss;
  const [stepMs, cpuMs]: [number[], number[]] = [[], []];
  let loss = NaN;
  for (let i = 0; i < options.warmup + options.steps; i++) {
    const { batch } = batches[i % batches.length] ?? batches[0]!;
    const [start, cpuStart] = [performance.now(), process.cpuUsage()];
    loss = await trainStep(model, optimizer, batch);
    const cpu = process.cpuUsage(cpuStart);
    if (i >= options.warmup) {
      stepMs.push(performance.now() - start);
      cpuMs.push((cpu.user + cpu.system) / 1000);
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const single = singleInput(batches[0]!.batch);
  const attendMs: number[] = [];
  for (let i = 0; i < 3 + 10; i++) {
    const start = performance.now();
    await attend(model, single);
    if (i >= 3) attendMs.push(performance.now() - start);
  }
  optimizer.dispose();
  model.dispose();
  const step = median(stepMs);
  return {
    model: family,
    preset,
    backend: tf.getBackend(),
    train_tokens_per_s: Math.round((batches[0]!.tokens / step) * 1000),
    attend_ms: Number(median(attendMs).toFixed(2)),
    peak_rss_mb: Math.round(peakRss / 2 ** 20),
    step_ms: Number(step.toFixed(1)),
    cpu_step_ms: Number(median(cpuMs).toFixed(1)),
    loss: Number(loss.toFixed(4)),
  };
}

/** Runs the PyTorch anchor (single thread, training only) and returns tokens/s by "family/preset". */
function runTorch(options: Options): Map<string, number> {
  const result = new Map<string, number>();
  if (!existsSync(torchRef)) throw new Error(`the PyTorch anchor is missing: ${torchRef}`);
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE; // set on these machines, and it halves OpenBLAS's speed
  const args = [torchRef, '--config', options.presets.join(','), '--models', options.families.join(',')];
  const run = spawnSync('/usr/bin/python3', [...args, '--threads', '1', '--skip-infer'], {
    env,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`torch_ref.py failed: ${run.stderr.slice(-500)}`);
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const row = JSON.parse(line) as { kind: string; model: string; config: string; tokens_per_s: number };
    if (row.kind === 'train') result.set(`${row.model}/${row.config}`, row.tokens_per_s);
  }
  return result;
}

/** Kernel split of one training step of the first selected model, after warm-up steps. */
async function profileStep(options: Options): Promise<void> {
  const [family = 'gpt', preset = 'tiny'] = [options.families[0], options.presets.at(-1)];
  const model = createModel(modelConfig(family, preset), 0);
  const optimizer = new AdamW(model.weights);
  const { batch } = makeBatch(family, preset, 1000);
  for (let i = 0; i < options.warmup; i++) await trainStep(model, optimizer, batch);
  await profileKernels(
    async () => void (await trainStep(model, optimizer, batch)),
    options.json,
    process.argv.includes('--by-shape'),
  );
  optimizer.dispose();
  model.dispose();
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const device = await (options.backend === 'wasm' ? wasmLoader : cpuLoader).load();
  if (!options.json) console.log(`backend ${options.backend}: ${device}`);
  if (options.stockKernels) useProjectKernels(false);
  if (options.mode === 'ops') return benchOps(options.json, options.compare);
  if (options.mode === 'profile') return profileStep(options);
  const torch = options.torch ? runTorch(options) : new Map<string, number>();
  for (const preset of options.presets) {
    for (const family of options.families) {
      const row = await benchModel(family, preset, options);
      const anchor = torch.get(`${family}/${preset}`);
      if (anchor)
        Object.assign(row, {
          torch_tokens_per_s: anchor,
          ratio_to_torch: Number((row.train_tokens_per_s / anchor).toFixed(3)),
        });
      if (options.json) console.log(JSON.stringify(row));
      else {
        const ratio = anchor ? `  PyTorch ${anchor} tokens/s (ratio ${row.ratio_to_torch})` : '';
        console.log(
          `${family} ${preset} on ${row.backend}: ${row.train_tokens_per_s} tokens/s (step ${row.step_ms} ms, CPU ${row.cpu_step_ms} ms), attend ${row.attend_ms} ms, peak RSS ${row.peak_rss_mb} MB${ratio}`,
        );
      }
    }
  }
}

await main();
