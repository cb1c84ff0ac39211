import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../../../../main/engine/checkpoint';
import { generateText } from '../../../../main/engine/infer/generate';

describe('generateText with the shipped checkpoints', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('never writes [UNK], padding, BERT markers, <bos> or (GPT) sentinels, even greedily', async () => {
    const { model, vocab } = await loadCheckpoint('assets/checkpoints/gpt-tiny');
    try {
      // A prompt full of words outside the vocabulary: the tiny model's most likely next token is [UNK].
      const prompt = 'monday => tuesday , tuesday => wednesday , thursday =>';
      const logitsPick = generateText(model, vocab, { prompt, maxTokens: 12, temperature: 0, seed: 0 });
      const sampled = generateText(model, vocab, {
        prompt: 'the jury said',
        maxTokens: 12,
        temperature: 1.5,
        seed: 3,
      });
      for (const token of [...logitsPick.generated, ...sampled.generated]) {
        expect(vocab.isSpecial(token.id) && token.id !== vocab.eosId, token.token).toBe(false);
      }
      expect(logitsPick.generated.length).toBeGreaterThan(0);
    } finally {
      model.dispose();
    }
  });

  it('lets T5 write sentinels (its targets are made of them) but not [UNK]', async () => {
    const { model, vocab } = await loadCheckpoint('assets/checkpoints/t5-tiny');
    try {
      const result = generateText(model, vocab, {
        prompt: 'i <X> this red car',
        maxTokens: 8,
        temperature: 0,
        seed: 0,
      });
      expect(result.generated.some((token) => vocab.isSentinel(token.id))).toBe(true);
      expect(result.generated.some((token) => token.id === vocab.unkId || token.id === vocab.padId)).toBe(
        false,
      );
    } finally {
      model.dispose();
    }
  });
});
