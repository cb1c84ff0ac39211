/**
 * One fine-tuning run from a task name: builds the examples, fine-tunes (BERT with a new head, or T5
 * text-to-text), measures held-out accuracy against the majority baseline and saves the result.
 *
 * - `brown-genre`: the 15 Brown genres; 20 % of the documents are held out (splitDocuments), examples are
 *   chunks of consecutive sentences filling the sequence length; held-out accuracy is measured on the first
 *   {@link heldOutChunksPerDocument} chunks of each held-out document (to keep evaluation to seconds).
 * - `brown-pos`: the Brown part-of-speech tag of every word (same document split), accuracy per word, on the
 *   first {@link heldOutSentencesPerDocument} sentences of each held-out document.
 * - `csv:FILE`: a `text,label` CSV (see csv.ts); 20 % of the rows (seeded) are held out.
 * - `t5-pos`: a T5 checkpoint learns `part of speech : <sentence>` → coarse tag words (t5-tags.ts), every
 *   weight updated at 1e-3, no new layer; same document split and held-out sentences as `brown-pos`.
 */
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import type { LoadedCheckpoint } from '../checkpoint';
import { loadCheckpoint, saveCheckpoint } from '../checkpoint';
import { loadBrown } from '../corpus/brown';
import { splitDocuments } from '../corpus/split';
import { asBertModel } from '../models/bert';
import { assertFitsMemory } from '../train/memory-budget';
import { parseLabeledCsv } from './csv';
import type { LabeledSet } from './examples';
import { csvExamples, genreExamples, majorityBaseline, tagExamples } from './examples';
import { createHead, headAccuracy, trainHead } from './head';
import { saveFineTuned } from './saved';
import {
  t5TagExamples,
  t5TagPrefix,
  tagWordBaseline,
  tagWords,
  textToTextAccuracy,
  trainTextToText,
} from './t5-tags';
import type { Vocabulary } from '../../../shared/text/vocabulary';

/** Held-out genre chunks evaluated per document. */
export const heldOutChunksPerDocument = 4;
/** Held-out tagged sentences evaluated per document. */
export const heldOutSentencesPerDocument = 10;
const heldOutFraction = 0.2;

/** What to fine-tune. */
export interface FineTuneOptions {
  checkpoint: string;
  task: string;
  steps: number;
  seed: number;
  outDir: string;
  batchSize?: number;
  bertLearningRate?: number;
  headLearningRate?: number;
  onStep?(step: number, loss: number): void;
}

/** Held-out accuracy and the majority baseline. */
interface FineTuneScore {
  score: number;
  baseline: number;
}

/** The result line of the CLI. */
export interface FineTuneResult {
  task: string;
  metric: 'accuracy';
  score: number;
  baseline: number;
  steps: number;
  seconds: number;
}

async function taskExamples(
  task: string,
  vocab: Vocabulary,
  maxLength: number,
  seed: number,
): Promise<LabeledSet> {
  if (task === 'brown-genre' || task === 'brown-pos') {
    const { train, validation } = splitDocuments(loadBrown().documents, {
      validationFraction: heldOutFraction,
      seed,
    });
    if (task === 'brown-pos') {
      const heldOut = validation.map((d) => ({
        ...d,
        sentences: d.sentences.slice(0, heldOutSentencesPerDocument),
      }));
      return tagExamples(train, heldOut, vocab, maxLength);
    }
    return genreExamples(train, validation, vocab, maxLength, heldOutChunksPerDocument);
  }
  if (task.startsWith('csv:')) {
    const path = task.slice(4);
    const bytes = await readFile(path).catch(() => {
      throw new LabError('not-found', `There is no CSV file at ${path}.`);
    });
    const rows = parseLabeledCsv(bytes);
    const { train, validation } = splitDocuments(rows, { validationFraction: heldOutFraction, seed });
    return csvExamples(train, validation, vocab, maxLength);
  }
  throw new LabError(
    'invalid-argument',
    `Unknown task "${task}": use brown-genre, brown-pos, t5-pos or csv:FILE.`,
  );
}

/** T5 `t5-pos`: fine-tunes every weight text-to-text and saves a plain T5 checkpoint. */
async function runTextToText(loaded: LoadedCheckpoint, options: FineTuneOptions): Promise<FineTuneScore> {
  const { model, vocab, config } = loaded;
  const split = splitDocuments(loadBrown().documents, {
    validationFraction: heldOutFraction,
    seed: options.seed,
  });
  const train = t5TagExamples(split.train, vocab, config.maxLength);
  const heldOut = t5TagExamples(
    split.validation.map((d) => ({ ...d, sentences: d.sentences.slice(0, heldOutSentencesPerDocument) })),
    vocab,
    config.maxLength,
  );
  const training = {
    steps: options.steps,
    batchSize: options.batchSize ?? 16,
    seed: options.seed,
    padId: vocab.padId,
  };
  await trainTextToText(
    model,
    train,
    { ...training, learningRate: options.bertLearningRate ?? 1e-3 },
    options.onStep,
  );
  const score = await textToTextAccuracy(model, heldOut, vocab.padId);
  const baseline = tagWordBaseline(train, heldOut);
  const finetune = {
    task: options.task,
    prefix: t5TagPrefix.join(' '),
    tagWords,
    metric: 'accuracy',
    score,
    baseline,
  };
  await saveCheckpoint(options.outDir, model, vocab, {
    steps: options.steps,
    seed: options.seed,
    corpus: 'brown',
    finetune,
  });
  return { score, baseline };
}

/** BERT tasks: a new head on [CLS] or on every token, trained together with BERT. */
async function runWithHead(loaded: LoadedCheckpoint, options: FineTuneOptions): Promise<FineTuneScore> {
  const model = asBertModel(loaded.model);
  const { vocab, config } = loaded;
  const set = await taskExamples(options.task, vocab, config.maxLength, options.seed);
  const baseline = majorityBaseline(set).accuracy;
  const head = createHead(config.dModel, set.labels.length, options.seed);
  try {
    await trainHead(model, head, set.train, {
      steps: options.steps,
      batchSize: options.batchSize ?? 16,
      seed: options.seed,
      bertLearningRate: options.bertLearningRate ?? 1e-3,
      headLearningRate: options.headLearningRate ?? 1e-2,
      padId: vocab.padId,
      ...(options.onStep ? { onStep: options.onStep } : {}),
    });
    const score = await headAccuracy(model, head, set.heldOut, vocab.padId);
    await saveFineTuned(options.outDir, model, head, vocab, {
      task: options.task,
      labels: set.labels,
      metric: 'accuracy',
      score,
      baseline,
      steps: options.steps,
      seed: options.seed,
      corpus: options.task.startsWith('csv:') ? options.task.slice(4) : 'brown',
    });
    return { score, baseline };
  } finally {
    head.dispose();
  }
}

/** Runs one fine-tuning task end to end and saves the fine-tuned checkpoint to `outDir`. */
export async function runFineTune(options: FineTuneOptions): Promise<FineTuneResult> {
  const startedAt = performance.now();
  const isTextToText = options.task === 't5-pos';
  const loaded = await loadCheckpoint(options.checkpoint, { expectFamily: isTextToText ? 't5' : 'bert' });
  try {
    // Refuse a batch the backend cannot hold before it aborts the process (see memory-budget.ts).
    assertFitsMemory(loaded.model.config, options.batchSize ?? 16, tf.getBackend());
    const { score, baseline } = await (isTextToText ? runTextToText : runWithHead)(loaded, options);
    const seconds = (performance.now() - startedAt) / 1000;
    return { task: options.task, metric: 'accuracy', score, baseline, steps: options.steps, seconds };
  } finally {
    loaded.model.dispose();
  }
}
