/**
 * A fine-tuned checkpoint is an ordinary BERT checkpoint (so every view opens it) whose training.json also
 * holds `finetune`: the task, the label names in head order, the scores, and the head's weights
 * (`head.weight` [dModel, labels] row-major and `head.bias` [labels], as float32 values written exactly).
 * Keeping the head there leaves weights.bin matching the plain BERT, and the whole folder is still written
 * atomically by saveCheckpoint.
 */
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { LabError } from '../../../shared/contract/errors';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { LoadedCheckpoint } from '../checkpoint';
import { loadCheckpoint, saveCheckpoint } from '../checkpoint';
import type { BertModel } from '../models/bert';
import { asBertModel } from '../models/bert';
import type { FineTuneHead } from './head';
import { createHead } from './head';

/** The `finetune` record of training.json. */
export const fineTuneRecordSchema = z.object({
  task: z.string(),
  labels: z.array(z.string()).min(2),
  metric: z.string(),
  score: z.number(),
  baseline: z.number(),
  head: z.object({ weight: z.array(z.number()), bias: z.array(z.number()) }),
});
/** What training.json records about a fine-tuning run. */
export type FineTuneRecord = z.infer<typeof fineTuneRecordSchema>;

/** Saves the fine-tuned BERT and its head to `dir`. */
export async function saveFineTuned(
  dir: string,
  model: BertModel,
  head: FineTuneHead,
  vocab: Vocabulary,
  record: Omit<FineTuneRecord, 'head'> & { steps: number; seed: number; corpus: string },
): Promise<void> {
  const { steps, seed, corpus, ...finetune } = record;
  const weight = Array.from(await head.layer.weight.data());
  const bias = Array.from((await head.layer.bias?.data()) ?? []);
  await saveCheckpoint(dir, model, vocab, {
    steps,
    seed,
    corpus,
    finetune: { ...finetune, head: { weight, bias } },
  });
}

/** A loaded fine-tuned checkpoint: the BERT, its head and its label names (the caller disposes both). */
export interface LoadedFineTuned {
  checkpoint: LoadedCheckpoint;
  model: BertModel;
  head: FineTuneHead;
  record: FineTuneRecord;
}

/** Loads a checkpoint written by {@link saveFineTuned}; `invalid-checkpoint` when it has no usable head. */
export async function loadFineTuned(dir: string): Promise<LoadedFineTuned> {
  const checkpoint = await loadCheckpoint(dir, { expectFamily: 'bert' });
  const model = asBertModel(checkpoint.model);
  const parsed = fineTuneRecordSchema.safeParse(checkpoint.training['finetune']);
  const labels = parsed.success ? parsed.data.labels.length : 0;
  const dModel = checkpoint.config.dModel;
  if (
    !parsed.success ||
    parsed.data.head.weight.length !== dModel * labels ||
    parsed.data.head.bias.length !== labels
  ) {
    model.dispose();
    throw new LabError(
      'invalid-checkpoint',
      `The checkpoint in ${dir} has no fine-tuned head (or a damaged one).`,
    );
  }
  const head = createHead(dModel, labels, 0);
  tf.tidy(() => {
    head.layer.weight.assign(tf.tensor2d(parsed.data.head.weight, [dModel, labels]));
    head.layer.bias?.assign(tf.tensor1d(parsed.data.head.bias));
  });
  return { checkpoint, model, head, record: parsed.data };
}
