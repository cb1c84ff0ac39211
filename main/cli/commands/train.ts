/**
 * `attention-lab train --model gpt|bert|t5 --preset tiny|small [--steps N] [--corpus brown|FILE] [--seed S]
 * [--batch-size B] [--lr X] [--checkpoint-every N] [--no-history] --out DIR [--json]` (and custom sizes: --d-model, --layers, --heads, --d-ff,
 * --max-length, --vocab-size): trains a model in-process through the engine's `train:` channels, so the
 * contract validates every hyper-parameter exactly as it does for the app. The run keeps a history of its
 * checkpoints in `DIR.history/` (step 0, every --checkpoint-every steps, the last; at most 50) unless
 * --no-history is given.
 *
 * With --json, stdout gets one JSON object per step — `{"step", "loss", "tokens_per_s"}` plus `"val_loss"`
 * when the validation loss was computed — and last `{"done": true, "checkpoint": DIR}`. Otherwise a progress
 * bar goes to stderr on a terminal (a line every tenth of the run elsewhere). Ctrl-C cancels the run after its
 * current step and keeps the last checkpoint.
 */
import { resolve } from 'node:path';
import { fromWireError, LabError } from '../../../shared/contract/errors';
import type { TrainProgress } from '../../../shared/contract/train';
import { startEngine } from '../../engine/engine';
import { runRequest } from '../../engine/server';
import type { ParsedFlags } from '../args';
import { requiredFlag } from '../args';
import type { Command, Output } from '../command';

/** Contract fields and the flags that set them (for error messages in the user's terms). */
const flagOf: Record<string, string> = {
  family: '--model',
  preset: '--preset',
  steps: '--steps',
  seed: '--seed',
  batchSize: '--batch-size',
  learningRate: '--lr',
  outDir: '--out',
  checkpointEvery: '--checkpoint-every',
  evalEvery: '--eval-every',
  'corpus.path': '--corpus',
  'sizes.dModel': '--d-model',
  'sizes.layers': '--layers',
  'sizes.heads': '--heads',
  'sizes.dFf': '--d-ff',
  'sizes.maxLength': '--max-length',
  'sizes.vocabSize': '--vocab-size',
};

/** A number flag as given (bounds are the contract's to check); throws when it is not a number. */
function numeric(flags: ParsedFlags, name: string): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value)) {
    throw new LabError('invalid-argument', `--${name} must be a number, got "${String(raw)}"`);
  }
  return value;
}

/** The `train:start` payload the flags describe. */
export function trainPayload(flags: ParsedFlags): Record<string, unknown> {
  const corpus = flags['corpus'];
  const sizes = {
    dModel: numeric(flags, 'd-model'),
    layers: numeric(flags, 'layers'),
    heads: numeric(flags, 'heads'),
    dFf: numeric(flags, 'd-ff'),
    maxLength: numeric(flags, 'max-length'),
    vocabSize: numeric(flags, 'vocab-size'),
  };
  const payload = {
    family: requiredFlag(flags, 'model'),
    preset: flags['preset'],
    sizes: Object.fromEntries(Object.entries(sizes).filter(([, value]) => value !== undefined)),
    corpus:
      corpus === undefined || corpus === 'brown'
        ? { kind: 'brown' }
        : // The contract takes full paths only: a relative one means the CLI's working folder.
          { kind: 'file', path: typeof corpus === 'string' ? resolve(corpus) : corpus },
    steps: numeric(flags, 'steps') ?? 200,
    seed: numeric(flags, 'seed'),
    batchSize: numeric(flags, 'batch-size'),
    learningRate: numeric(flags, 'lr'),
    checkpointEvery: numeric(flags, 'checkpoint-every'),
    evalEvery: numeric(flags, 'eval-every'),
    nextSentence: flags['next-sentence'] === true ? true : undefined,
    keepHistory: flags['no-history'] === true ? false : undefined,
    // The contract takes full paths only: relative ones mean the CLI's working folder.
    outDir: resolve(requiredFlag(flags, 'out')),
  };
  return Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined));
}

/** Rewrites the contract's "Invalid input for train:start at learningRate: …" as "--lr: …". */
function inFlagTerms(error: LabError): LabError {
  const match = /^Invalid input for train:start at (\S+): (.*)$/s.exec(error.message);
  const flag = match?.[1] !== undefined ? flagOf[match[1]] : undefined;
  if (!match || !flag) return error;
  return new LabError('invalid-argument', `${flag}: ${match[2] ?? ''}`);
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One human line (or bar) for a progress event. */
export function progressLine(p: TrainProgress, width = 24): string {
  const filled = Math.round((p.step / p.totalSteps) * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const loss = p.loss === null ? '' : ` loss ${p.loss.toFixed(3)}`;
  const val = p.valLoss === null ? '' : ` val ${p.valLoss.toFixed(3)}`;
  const rate = ` ${Math.round(p.tokensPerSecond).toLocaleString('en-US')} tokens/s`;
  return `${bar} ${p.step}/${p.totalSteps}${loss}${val}${rate} ETA ${formatSeconds(p.etaSeconds)}`;
}

/** Prints each progress event in the chosen form. */
function createPrinter(isJson: boolean, output: Output): (p: TrainProgress) => void {
  let hasBar = false;
  const every = (p: TrainProgress) => Math.max(1, Math.round(p.totalSteps / 10));
  return (p) => {
    if (p.state !== 'running' || p.step === 0) return;
    if (isJson) {
      const line = { step: p.step, loss: p.loss, tokens_per_s: Math.round(p.tokensPerSecond * 10) / 10 };
      output.out(JSON.stringify(p.valLossStep === p.step ? { ...line, val_loss: p.valLoss } : line));
      return;
    }
    if (output.isTty) {
      // Redraw in place: move up over the previous bar and clear it.
      output.err(`${hasBar ? '\x1b[1A\x1b[2K' : ''}${progressLine(p)}`);
      hasBar = true;
    } else if (p.step % every(p) === 0 || p.step === p.totalSteps) {
      output.err(progressLine(p));
    }
  };
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'Train a BERT, T5 or GPT model on Brown or your own text and save a checkpoint.',
  flags: {
    model: { type: 'string', value: 'gpt|bert|t5', description: 'the model family (required)' },
    preset: { type: 'string', value: 'tiny|small', description: 'the size preset (default tiny)' },
    steps: { type: 'string', value: 'N', description: 'training steps (default 200)' },
    corpus: { type: 'string', value: 'brown|FILE', description: 'Brown (default) or a UTF-8 text file' },
    seed: { type: 'string', value: 'S', description: 'random seed (default 0)' },
    'batch-size': { type: 'string', value: 'B', description: 'sequences per step (default 16)' },
    lr: { type: 'string', value: 'X', description: 'peak learning rate (default 0.001)' },
    out: { type: 'string', value: 'DIR', description: 'checkpoint folder (required)' },
    'checkpoint-every': { type: 'string', value: 'N', description: 'also save every N steps' },
    'eval-every': { type: 'string', value: 'N', description: 'validation loss every N steps (default 50)' },
    'd-model': { type: 'string', value: 'N', description: 'custom size: model width' },
    layers: { type: 'string', value: 'N', description: 'custom size: blocks' },
    heads: { type: 'string', value: 'N', description: 'custom size: attention heads' },
    'd-ff': { type: 'string', value: 'N', description: 'custom size: feed-forward width' },
    'max-length': { type: 'string', value: 'N', description: 'custom size: sequence length' },
    'vocab-size': { type: 'string', value: 'N', description: 'custom size: vocabulary' },
    'next-sentence': { type: 'boolean', description: 'BERT: add next-sentence pairs and loss' },
    'no-history': { type: 'boolean', description: 'keep no history of checkpoints in DIR.history' },
    json: { type: 'boolean', description: 'one JSON object per step on stdout' },
  },
  async run(flags, output) {
    const payload = trainPayload(flags);
    const engine = await startEngine();
    const isJson = flags['json'] === true;
    const print = createPrinter(isJson, output);
    let resolveEnd: (p: TrainProgress) => void = () => {};
    const ended = new Promise<TrainProgress>((resolve) => (resolveEnd = resolve));
    const context = {
      emit: (channel: string, event: unknown) => {
        if (channel !== 'train:onProgress') return;
        const p = event as TrainProgress;
        print(p);
        if (p.state === 'done' || p.state === 'cancelled' || p.state === 'failed') resolveEnd(p);
      },
    };
    const started = await runRequest(engine.handlers, 'train:start', payload, context);
    if (!started.ok) throw inFlagTerms(fromWireError(started.error));
    const { runId } = started.value as { runId: string };
    const cancel = () => void runRequest(engine.handlers, 'train:cancel', { runId }, context);
    process.once('SIGINT', cancel);
    const last = await ended.finally(() => process.removeListener('SIGINT', cancel));
    if (last.state === 'failed')
      throw fromWireError(last.error ?? { code: 'internal', message: 'Training failed' });
    if (isJson) {
      const isDone = last.state === 'done';
      output.out(
        JSON.stringify({
          done: isDone,
          checkpoint: last.checkpoint,
          ...(isDone ? {} : { state: last.state }),
        }),
      );
    } else {
      output.out(`Training ${last.state} after ${last.step} steps; checkpoint in ${last.checkpoint ?? '-'}`);
    }
    return last.state === 'done' ? 0 : 130;
  },
};
