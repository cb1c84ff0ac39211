/**
 * `npm run train:assets [-- --only bert-tiny,gpt-tiny] [--steps N] [--out DIR] [--readme]`: trains the
 * built-in tiny BERT, T5 and GPT on the Brown corpus with the project's own trainer (the engine's
 * `train:start` channel, exactly as the app and `attention-lab train` run it), seeded, and writes each to
 * assets/checkpoints/<id>/ with float16 weights; then (or with --readme only) writes
 * assets/checkpoints/README.md from the checkpoints there: seeds, steps, losses, wall times and how clearly
 * non-uniform each model's attention is. `--only` trains some of them (e.g. in parallel processes).
 *
 * Reproducible: the same seeds give the same batches and initial weights; the float arithmetic of a backend
 * (wasm here, whatever `ATTENTION_LAB_BACKEND` forces) decides the last bits.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrainProgress } from '../shared/contract/train';
import { fromWireError } from '../shared/contract/errors';
import type { BuiltinModelId } from '../shared/contract/model';
import { createRng } from '../shared/random';
import { corruptSpans } from '../shared/objectives/t5-span-corruption';
import type { Engine } from '../main/engine/engine';
import { startEngine } from '../main/engine/engine';
import { runRequest } from '../main/engine/server';
import { loadCheckpoint, saveCheckpoint } from '../main/engine/checkpoint';
import type { LoadedCheckpoint } from '../main/engine/checkpoint';
import { builtinModel, builtinModels } from '../main/engine/session/builtin';
import { loadBrown } from '../main/engine/corpus/brown';
import { attendText } from '../main/engine/infer/attend';
import type { AttentionStack } from '../main/engine/infer/attention-stack';
import { encodeText } from '../main/engine/infer/encode-text';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const command = 'npm run train:assets';

/** How each built-in model is trained (batch 16, 64 tokens: the tiny preset). */
const plans: Record<BuiltinModelId, { steps: number; learningRate: number; seed: number }> = {
  'bert-tiny': { steps: 3000, learningRate: 2e-3, seed: 1 },
  't5-tiny': { steps: 2000, learningRate: 1e-3, seed: 1 },
  'gpt-tiny': { steps: 2400, learningRate: 1e-3, seed: 1 },
};

/** What README.md reports of one checkpoint. */
interface Result {
  id: BuiltinModelId;
  training: LoadedCheckpoint['training'];
  weightBytes: number;
  entropy: { mean: number; uniform: number; rows: number };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Trains through the engine's `train:start` and waits for the run to end; prints a line every tenth. */
async function trainRun(engine: Engine, payload: Record<string, unknown>): Promise<TrainProgress> {
  let finish: (p: TrainProgress) => void = () => {};
  const ended = new Promise<TrainProgress>((resolve) => (finish = resolve));
  const context = {
    emit: (channel: string, event: unknown) => {
      if (channel !== 'train:onProgress') return;
      const p = event as TrainProgress;
      if (p.state === 'running' && p.step > 0 && p.step % Math.ceil(p.totalSteps / 10) === 0) {
        const val = p.valLoss === null ? '' : ` val ${p.valLoss.toFixed(3)} (step ${p.valLossStep})`;
        console.log(`  step ${p.step}/${p.totalSteps} loss ${p.loss?.toFixed(3)}${val}`);
      }
      if (p.state === 'done' || p.state === 'cancelled' || p.state === 'failed') finish(p);
    },
  };
  const started = await runRequest(engine.handlers, 'train:start', payload, context);
  if (!started.ok) throw fromWireError(started.error);
  const last = await ended;
  if (last.state !== 'done') throw fromWireError(last.error ?? { code: 'internal', message: last.state });
  return last;
}

/** The probe texts: the chapter's sentence and two Brown sentences (T5: span-corrupted, with targets). */
function probes(loaded: LoadedCheckpoint): { text: string; target?: string }[] {
  const documents = loadBrown().documents;
  const brown = ['ca01', 'cn01'].map((id) => documents.find((d) => d.id === id)?.sentences[0]?.words ?? []);
  const sentences = ['i love this red car', ...brown.map((words) => words.slice(0, 24).join(' '))];
  if (loaded.config.family !== 't5') return sentences.map((text) => ({ text }));
  const rng = createRng(1);
  return sentences.map((sentence) => {
    const { input, target } = corruptSpans(encodeText(sentence, loaded.vocab), loaded.vocab, rng);
    return { text: loaded.vocab.decode(input).join(' '), target: loaded.vocab.decode(target).join(' ') };
  });
}

/** Mean entropy of the attention rows (nats) and the mean of log(row length), the entropy of uniform rows. */
function attentionEntropy(loaded: LoadedCheckpoint): Result['entropy'] {
  let entropy = 0;
  let uniform = 0;
  let rows = 0;
  for (const probe of probes(loaded)) {
    const { attention } = attendText(loaded.model, loaded.vocab, probe);
    const kinds: [AttentionStack | undefined, boolean][] = [
      [attention.encoder, false],
      [attention.decoder, true],
      [attention.cross, false],
    ];
    for (const [stack, isCausal] of kinds) {
      if (!stack) continue;
      for (let row = 0; row < stack.layers * stack.heads * stack.queries; row++) {
        const allowed = isCausal ? (row % stack.queries) + 1 : stack.keys; // the causal mask hides later keys
        if (allowed < 2) continue; // a single allowed key has entropy 0 whatever the model
        for (let key = 0; key < allowed; key++) {
          const p = stack.data[row * stack.keys + key] ?? 0;
          if (p > 0) entropy -= p * Math.log(p);
        }
        uniform += Math.log(allowed);
        rows += 1;
      }
    }
  }
  return { mean: entropy / rows, uniform: uniform / rows, rows };
}

/** The facts of the checkpoints in `outRoot` (those present). */
async function describeCheckpoints(outRoot: string): Promise<Result[]> {
  const results: Result[] = [];
  for (const { id, family } of builtinModels) {
    const dir = path.join(outRoot, id);
    const loaded = await loadCheckpoint(dir, { expectFamily: family }).catch(() => null);
    if (!loaded) continue;
    const weightBytes = (await stat(path.join(dir, 'weights.bin'))).size;
    results.push({ id, training: loaded.training, weightBytes, entropy: attentionEntropy(loaded) });
    loaded.model.dispose();
  }
  return results;
}

function readme(results: Result[]): string {
  const number = (value: unknown, digits: number) =>
    typeof value === 'number' ? value.toFixed(digits) : '–';
  const row = ({ id, training, weightBytes, entropy }: Result) => {
    const losses = training.losses ?? [];
    const valLoss = losses.filter((point) => point.valLoss !== undefined).at(-1)?.valLoss;
    const hyper = training['hyperparameters'] as { learningRate?: number } | undefined;
    return (
      `| \`${id}\` | ${training.seed} | ${training.steps} | ${hyper?.learningRate ?? '–'} | ` +
      `${number(losses.at(-1)?.loss, 3)} | ${number(valLoss, 3)} | ` +
      `${number(Number(training['wallSeconds']) / 60, 1)} min | ${(weightBytes / 1e6).toFixed(2)} MB | ` +
      `${entropy.mean.toFixed(3)} / ${entropy.uniform.toFixed(3)} |`
    );
  };
  const total = results.reduce((sum, r) => sum + Number(r.training['wallSeconds'] ?? 0), 0);
  const backends = [...new Set(results.map((r) => String(r.training['backend'])))].join(', ');
  return `# Built-in checkpoints

Tiny BERT, T5 and GPT trained on the Brown corpus by \`${command}\` (scripts/train-assets.ts) with the lab's own
trainer (the engine's \`train:start\`, as the app runs it), so every view, animation and prompt works the
moment the app opens. Each folder is an ordinary Attention Lab checkpoint (format version 1) whose weights are
stored as float16 (\`"dtype": "float16"\` in weights.json); loading widens them to float32 exactly.

Settings: tiny preset (2 layers, 4 heads, d_model 128, d_ff 512, 64 tokens, the shared 4096-word Brown
vocabulary; T5 2 + 2 layers), batch size 16, AdamW (weight decay 0.01), 5 % linear warmup then cosine decay to
10 %, gradient clipping at norm 1, 10 % of the Brown documents held out for the validation loss.
Backend: ${backends}. Wall time: ${(total / 60).toFixed(1)} min summed over the models, on a 2-core machine
shared with other jobs (run with \`nice -n 10\`, the models in parallel processes with \`--only\`): the wall
time depends mostly on that load (with little other load, a tiny BERT step took about 0.13 s).

| model | seed | steps | peak lr | final loss | final val loss | wall time | weights | attention entropy / uniform |
|---|---|---|---|---|---|---|---|---|
${results.map(row).join('\n')}

*Attention entropy*: the mean entropy (nats) of the attention rows over every layer, head and query row
(encoder, decoder and cross attention; rows with a single allowed key left out) on "I love this red car" and
the first sentences of Brown documents ca01 and cn01 (span-corrupted, with their targets, for T5), against
the mean of log(row length), the entropy of uniform attention. tests/main/engine/assets.test.ts checks it.

The app finds these folders as \`assets/checkpoints/<id>\` up from the engine's module (from the repository
and from the built dist/) and, in the packaged app, in \`<resources>/assets/checkpoints\` (electron-builder's
\`extraResources\`).
`;
}

/** Trains the chosen models and writes each checkpoint (float16) to `outRoot`. */
async function trainAll(
  outRoot: string,
  only: string[] | undefined,
  steps: number | undefined,
): Promise<void> {
  const engine = await startEngine();
  const backend = `${engine.selection.backend ?? 'none'} (${engine.selection.device ?? '-'})`;
  console.log(`Training the built-in models on ${backend}; writing to ${outRoot}`);
  const scratch = await mkdtemp(path.join(tmpdir(), 'attention-lab-assets-'));
  try {
    for (const { id, family } of builtinModels) {
      if (only && !only.includes(id)) continue;
      const plan = { ...plans[id], ...(steps ? { steps } : {}) };
      console.log(`${builtinModel(id).name}: ${plan.steps} steps, seed ${plan.seed}`);
      const startedAt = performance.now();
      const trained = path.join(scratch, id);
      await trainRun(engine, {
        family,
        ...plan,
        batchSize: 16,
        evalEvery: 100,
        keepHistory: false, // the shipped folders hold one checkpoint each
        outDir: trained,
      });
      const wallSeconds = Math.round((performance.now() - startedAt) / 1000);
      const float32 = await loadCheckpoint(trained, { expectFamily: family });
      const record = { ...float32.training, builtin: id, command, backend, wallSeconds };
      await saveCheckpoint(path.join(outRoot, id), float32.model, float32.vocab, record, {
        weightDtype: 'float16',
      });
      float32.model.dispose();
      console.log(`  saved ${id} after ${(wallSeconds / 60).toFixed(1)} min`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const outRoot = path.resolve(option('out') ?? path.join(root, 'assets', 'checkpoints'));
  const steps = option('steps') === undefined ? undefined : Number(option('steps'));
  if (!process.argv.includes('--readme')) await trainAll(outRoot, option('only')?.split(','), steps);
  const results = await describeCheckpoints(outRoot);
  for (const r of results) console.log(r.id, 'attention entropy', r.entropy);
  await writeFile(path.join(outRoot, 'README.md'), readme(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
