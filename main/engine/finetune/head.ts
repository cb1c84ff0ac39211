/**
 * Fine-tuning BERT with a new linear layer, as in the chapter: a randomly initialised `head` [dModel, labels]
 * reads the final hidden state of every labelled position — only [CLS] for classification, every word for
 * tagging — and the cross-entropy of its logits trains the head AND all of BERT's own weights together.
 *
 * Two AdamW optimizers share one gradient computation: BERT's pretrained weights take the smaller learning
 * rate (`bertLearningRate`, 1e-3 by default in run.ts) so they adapt gently, while the fresh head takes a ten
 * times larger one (`headLearningRate`, 1e-2) because it starts from nothing. (With this tiny BERT and a few
 * hundred steps, 1e-3/1e-2 measured better held-out genre accuracy than 3e-4/3e-3: 0.21 against 0.19.)
 * The update loop (warmup, decay, clipping) is steps.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../shared/random';
import type { BertModel } from '../models/bert';
import type { Linear } from '../models/layers';
import { applyLinear, createLinear } from '../models/layers';
import { crossEntropy } from '../ops';
import { disposeWeights, WeightBuilder } from '../models/weights';
import type { LabeledSequence } from './examples';
import { runFineTuneSteps } from './steps';

/** The new output layer and its weights by name (`head.weight` [dModel, labels], `head.bias` [labels]). */
export interface FineTuneHead {
  layer: Linear;
  weights: ReadonlyMap<string, tf.Variable>;
  dispose(): void;
}

/** A fresh head: N(0, 0.02²) weights, zero bias, seeded. */
export function createHead(dModel: number, labelCount: number, seed: number): FineTuneHead {
  const builder = new WeightBuilder(seed);
  const layer = createLinear(builder, 'head', dModel, labelCount, { std: 0.02, hasBias: true });
  return { layer, weights: builder.weights, dispose: () => disposeWeights(builder.weights) };
}

/** A padded batch of sequences: ids [b, t], valid lengths [b], and the labelled positions (flat b·t rows). */
interface HeadBatch {
  input: { family: 'bert'; batchSize: number; length: number; input: Int32Array; validLength: Int32Array };
  rows: number[];
  labels: number[];
}

function makeBatch(examples: readonly LabeledSequence[], padId: number): HeadBatch {
  const length = Math.max(...examples.map((e) => e.ids.length));
  const batchSize = examples.length;
  const input = new Int32Array(batchSize * length).fill(padId);
  const validLength = new Int32Array(batchSize);
  const rows: number[] = [];
  const labels: number[] = [];
  examples.forEach((example, b) => {
    input.set(example.ids, b * length);
    validLength[b] = example.ids.length;
    example.labels.forEach((label, t) => {
      if (label < 0) return;
      rows.push(b * length + t);
      labels.push(label);
    });
  });
  return { input: { family: 'bert', batchSize, length, input, validLength }, rows, labels };
}

/** Head logits [rows, labels] of the labelled positions. */
function headLogits(model: BertModel, head: FineTuneHead, batch: HeadBatch): tf.Tensor2D {
  const { batchSize, length } = batch.input;
  const hidden = tf.reshape(model.hiddenStates(batch.input), [batchSize * length, -1]) as tf.Tensor2D;
  return applyLinear(head.layer, tf.gather(hidden, tf.tensor1d(batch.rows, 'int32')));
}

/** Hyper-parameters of {@link trainHead}. */
export interface HeadTrainingOptions {
  steps: number;
  batchSize: number;
  seed: number;
  bertLearningRate: number;
  headLearningRate: number;
  padId: number;
  /** Called after every step with its loss. */
  onStep?(step: number, loss: number): void;
  /** Stops the run before its next step (see runFineTuneSteps). */
  signal?: AbortSignal;
}

/** Fine-tunes BERT and the head on `train` (batches drawn at random with `seed`). */
export async function trainHead(
  model: BertModel,
  head: FineTuneHead,
  train: readonly LabeledSequence[],
  options: HeadTrainingOptions,
): Promise<void> {
  const labelled = train.filter((e) => e.labels.some((label) => label >= 0));
  if (labelled.length === 0) throw new Error('no labelled training examples');
  const rng = createRng(options.seed);
  const groups = [
    { weights: model.weights, peakLearningRate: options.bertLearningRate },
    { weights: head.weights, peakLearningRate: options.headLearningRate },
  ];
  await runFineTuneSteps(
    groups,
    options.steps,
    () => {
      const picked = Array.from({ length: options.batchSize }, () => labelled[rng.int(labelled.length)]!);
      const batch = makeBatch(picked, options.padId);
      return crossEntropy(headLogits(model, head, batch), tf.tensor1d(batch.labels, 'int32'));
    },
    options.onStep,
    options.signal,
  );
}

/** The predicted label of every labelled position of `examples`, in order (batches of `batchSize`). */
export async function predictLabels(
  model: BertModel,
  head: FineTuneHead,
  examples: readonly LabeledSequence[],
  padId: number,
  batchSize = 32,
): Promise<{ predicted: number[]; expected: number[] }> {
  const predicted: number[] = [];
  const expected: number[] = [];
  for (let start = 0; start < examples.length; start += batchSize) {
    const batch = makeBatch(examples.slice(start, start + batchSize), padId);
    if (batch.rows.length === 0) continue;
    const best = tf.tidy(() => tf.argMax(headLogits(model, head, batch), 1));
    predicted.push(...(await best.data()));
    best.dispose();
    expected.push(...batch.labels);
  }
  return { predicted, expected };
}

/** Share of labelled held-out positions the fine-tuned model gets right. */
export async function headAccuracy(
  model: BertModel,
  head: FineTuneHead,
  examples: readonly LabeledSequence[],
  padId: number,
): Promise<number> {
  const { predicted, expected } = await predictLabels(model, head, examples, padId);
  const hits = predicted.filter((label, i) => label === expected[i]).length;
  return expected.length > 0 ? hits / expected.length : 0;
}
