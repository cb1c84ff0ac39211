/** Test helpers: very small configurations and batches of every family (not a test file). */
import type { ModelConfig, ModelFamily } from '../../../../main/engine/models/config';
import { modelConfig } from '../../../../main/engine/models/config';
import type { BertBatch, GptBatch, ModelBatch, T5Batch } from '../../../../main/engine/models/model';
import { buildVocabulary } from '../../../../shared/text/vocabulary';
import type { Vocabulary } from '../../../../shared/text/vocabulary';

/** A few sentences, enough words for a vocabulary of a few dozen tokens. */
export const sentences = [
  'i love this red car',
  'the blue car is fast and the red car is slow',
  'we read a good book in the old house',
];

/** A vocabulary of the sentences' words with 4 sentinels. */
export function tinyVocabulary(): Vocabulary {
  const words = sentences.join(' ').split(' ');
  return buildVocabulary(words, { size: 7 + 4 + new Set(words).size, sentinels: 4 });
}

/** A one-layer model of `family` with width 8 (gradient checks) or the given overrides. */
export function tinyConfig(family: ModelFamily, overrides: Partial<ModelConfig> = {}): ModelConfig {
  return modelConfig(family, 'tiny', {
    vocabSize: 20,
    dModel: 8,
    heads: 2,
    layers: 1,
    dFf: 16,
    maxLength: 8,
    ...overrides,
  });
}

/** Deterministic ids in [low, vocabSize). */
function ids(count: number, vocabSize: number, salt: number, low = 0): Int32Array {
  return Int32Array.from({ length: count }, (_, i) => low + ((i * 7 + salt * 3 + 1) % (vocabSize - low)));
}

/** A batch of two rows of length 5 (T5: target length 4) with padding in the second row. */
export function tinyBatch(config: ModelConfig): ModelBatch {
  const { vocabSize } = config;
  const batchSize = 2;
  if (config.family === 'gpt') {
    const batch: GptBatch = {
      family: 'gpt',
      batchSize,
      length: 5,
      input: ids(10, vocabSize, 1),
      target: ids(10, vocabSize, 2),
      targetWeights: Float32Array.from([1, 1, 1, 1, 1, 1, 1, 1, 0, 0]),
    };
    return batch;
  }
  if (config.family === 'bert') {
    const labels = Int32Array.from(ids(10, vocabSize, 3), (id, i) => (i % 3 === 1 && i !== 7 ? id : -1));
    const batch: BertBatch = {
      family: 'bert',
      batchSize,
      length: 5,
      input: ids(10, vocabSize, 4),
      segments: Int32Array.from([0, 0, 1, 1, 1, 0, 0, 0, 1, 1]),
      validLength: Int32Array.from([5, 3]),
      labels,
      ...(config.nextSentence ? { nextSentence: Int32Array.from([1, 0]) } : {}),
    };
    return batch;
  }
  const batch: T5Batch = {
    family: 't5',
    batchSize,
    inputLength: 5,
    targetLength: 4,
    input: ids(10, vocabSize, 5),
    decoderInput: ids(8, vocabSize, 6),
    target: ids(8, vocabSize, 7),
    inputValidLength: Int32Array.from([5, 4]),
    targetWeights: Float32Array.from([1, 1, 1, 1, 1, 1, 1, 0]),
  };
  return batch;
}
