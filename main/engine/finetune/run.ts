/**
 * One fine-tuning run from a task name: builds the examples, fine-tunes (BERT with a new head, or T5
 * text-to-text), measures held-out accuracy against the majority baseline and saves the result.
 *
 * - `brown-genre`: the 15 Brown genres; 20 % of the documents are held out (splitDocuments), examples are
 *   chunks of consecutive sentences filling the sequence length; held-out accuracy is measured on the first
 *   {@link heldOutChunksPerDocument} chunks of each held-out document (to keep evaluation to seconds).
 * - `brown-pos`: the Brown part-of-speech tag of every word (same document split), accuracy per word, on the
 *   first {@link heldOutSentencesPerDocument} sentences of each held-out document.
 * - `csv:FILE` on a BERT checkpoint: a `text,label` CSV (see csv.ts); 20 % of the rows (seeded) are held out.
 * - `t5-pos`: a T5 checkpoint learns `part of speech : <sentence>` → coarse tag words (t5-tags.ts), every
 *   weight updated at 1e-3, no new layer; same document split and held-out sentences as `brown-pos`.
 * - `csv:FILE` on a T5 checkpoint: an `input,target` CSV learnt text-to-text the same way (t5-csv.ts), 20 % of
 *   the rows held out; accuracy is exact match of the greedily generated target.
 *
 * An aborted `signal` stops the run between two steps with a `cancelled` error, before anything is saved.
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
import { parseLabeledCsv, parseTextPairCsv } from './csv';
import type { LabeledSet } from './examples';
import { csvExamples, genreExamples, majorityBaseline, tagExamples } from './examples';
import { createHead, headAccuracy, trainHead } from './head';
import { saveFineTuned } from './saved';
import { throwIfCancelled } from './steps';
import { exactMatchAccuracy, majorityTargetBaseline, textPairExamples } from './t5-csv';
import type { TextToTextExample } from './t5-tags';
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
  /** Aborting it cancels the run (nothing is saved). */
  signal?: AbortSignal;
  /** Called when the run is past its last cancel check and saving: from then on a cancel no longer stops it. */
  onSaving?(): void;
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

/** The bytes of the file of a `csv:FILE` task. */
async function readCsv(task: string): Promise<Uint8Array> {
  const path = task.slice(4);
  return readFile(path).catch(() => {
    throw new LabError('not-found', `There is no CSV file at ${path}.`);
  });
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
    const rows = parseLabeledCsv(await readCsv(task));
    const { train, validation } = splitDocuments(rows, { validationFraction: heldOutFraction, seed });
    return csvExamples(train, validation, vocab, maxLength);
  }
  throw new LabError(
    'invalid-argument',
    `Unknown task "${task}": use brown-genre, brown-pos, t5-pos or csv:FILE.`,
  );
}

/** A T5 task's examples, how its held-out accuracy is measured and what training.json records of it. */
interface TextToTextTask {
  train: TextToTextExample[];
  heldOut: TextToTextExample[];
  accuracy(model: LoadedCheckpoint['model']): Promise<number>;
  baseline: number;
  record: Record<string, unknown>;
  corpus: string;
}

/** `t5-pos` (Brown sentences with the tag prefix) or `csv:FILE` (the CSV's input,target rows). */
async function textToTextTask(loaded: LoadedCheckpoint, options: FineTuneOptions): Promise<TextToTextTask> {
  const { vocab, config } = loaded;
  if (options.task.startsWith('csv:')) {
    const rows = parseTextPairCsv(await readCsv(options.task));
    const split = splitDocuments(rows, { validationFraction: heldOutFraction, seed: options.seed });
    const train = textPairExamples(split.train, vocab, config.maxLength);
    const heldOut = textPairExamples(split.validation, vocab, config.maxLength);
    return {
      train,
      heldOut,
      accuracy: (model) => exactMatchAccuracy(model, heldOut, vocab),
      baseline: majorityTargetBaseline(train, heldOut),
      record: { match: 'exact match of the generated target' },
      corpus: options.task.slice(4),
    };
  }
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
  return {
    train,
    heldOut,
    accuracy: (model) => textToTextAccuracy(model, heldOut, vocab.padId),
    baseline: tagWordBaseline(train, heldOut),
    record: { prefix: t5TagPrefix.join(' '), tagWords },
    corpus: 'brown',
  };
}

/** T5 tasks: fine-tunes every weight text-to-text and saves a plain T5 checkpoint. */
async function runTextToText(loaded: LoadedCheckpoint, options: FineTuneOptions): Promise<FineTuneScore> {
  const { model, vocab } = loaded;
  const task = await textToTextTask(loaded, options);
  const training = {
    steps: options.steps,
    batchSize: options.batchSize ?? 16,
    seed: options.seed,
    padId: vocab.padId,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  await trainTextToText(
    model,
    task.train,
    { ...training, learningRate: options.bertLearningRate ?? 1e-3 },
    options.onStep,
  );
  const score = await task.accuracy(model);
  const { baseline } = task;
  throwIfCancelled(options.signal);
  options.onSaving?.();
  const finetune = { task: options.task, ...task.record, metric: 'accuracy', score, baseline };
  await saveCheckpoint(options.outDir, model, vocab, {
    steps: options.steps,
    seed: options.seed,
    corpus: task.corpus,
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
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const score = await headAccuracy(model, head, set.heldOut, vocab.padId);
    throwIfCancelled(options.signal);
    options.onSaving?.();
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
  // A CSV is text,label for BERT and input,target for T5: the checkpoint's family decides.
  const isCsv = options.task.startsWith('csv:');
  const expected = options.task === 't5-pos' ? 't5' : 'bert';
  const loaded = await loadCheckpoint(options.checkpoint, isCsv ? {} : { expectFamily: expected });
  const isTextToText = loaded.config.family === 't5';
  try {
    if (loaded.config.family === 'gpt') {
      throw new LabError(
        'wrong-model-family',
        'A GPT is not fine-tuned here: it adapts without updating parameters (try prompting on the Decoder page). Use a BERT or T5 checkpoint.',
      );
    }
    throwIfCancelled(options.signal);
    // Refuse a batch the backend cannot hold before it aborts the process (see memory-budget.ts).
    assertFitsMemory(loaded.model.config, options.batchSize ?? 16, tf.getBackend());
    const { score, baseline } = await (isTextToText ? runTextToText : runWithHead)(loaded, options);
    const seconds = (performance.now() - startedAt) / 1000;
    return { task: options.task, metric: 'accuracy', score, baseline, steps: options.steps, seconds };
  } finally {
    loaded.model.dispose();
  }
}
