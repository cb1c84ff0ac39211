import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendText } from '../../../../main/engine/infer/attend';
import type { AttentionStack } from '../../../../main/engine/infer/attention-stack';
import { attentionRow, attentionToNested } from '../../../../main/engine/infer/attention-stack';
import { generateText } from '../../../../main/engine/infer/generate';
import { predictMasked, predictNext } from '../../../../main/engine/infer/predict';
import type { ModelFamily } from '../../../../main/engine/models/config';
import { createModel } from '../../../../main/engine/models/model';
import type { ModelBatch, TransformerModel } from '../../../../main/engine/models/model';
import { encodeText } from '../../../../main/engine/infer/encode-text';
import { LabError } from '../../../../shared/contract/errors';
import { tinyConfig, tinyVocabulary } from '../models/tiny-models';

const vocab = tinyVocabulary();

/** Trains `model` on one batch until it has memorised it. */
function overfit(model: TransformerModel, batch: ModelBatch): void {
  const optimizer = tf.train.adam(0.03);
  const variables = [...model.weights.values()];
  for (let step = 0; step < 60; step++) optimizer.minimize(() => model.loss(batch), false, variables);
  optimizer.dispose();
}
const models = {} as Record<ModelFamily, TransformerModel>;

/** Every row of every head sums to 1; `isMasked(q, k)` cells are exactly 0, the others positive. */
function expectProbabilities(stack: AttentionStack, isMasked: (q: number, k: number) => boolean): void {
  for (let layer = 0; layer < stack.layers; layer++)
    for (let head = 0; head < stack.heads; head++)
      for (let q = 0; q < stack.queries; q++) {
        const row = attentionRow(stack, layer, head, q);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        row.forEach((p, k) => (isMasked(q, k) ? expect(p).toBe(0) : expect(p).toBeGreaterThan(0)));
      }
}

async function expectCode(run: () => unknown, code: string, message?: RegExp): Promise<void> {
  try {
    await run();
    expect.unreachable('should have thrown');
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe(code);
    if (message) expect((error as Error).message).toMatch(message);
  }
}

describe('inference', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    for (const family of ['gpt', 'bert', 't5'] as const) {
      models[family] = createModel(
        tinyConfig(family, { vocabSize: vocab.size, layers: 2, maxLength: 12 }),
        4,
      );
    }
  });
  afterAll(() => Object.values(models).forEach((m) => m.dispose()));

  it('returns GPT tokens and causal attention [layer][head][query][key]', () => {
    const result = attendText(models.gpt, vocab, { text: 'I love this red car' });
    expect(result.tokens).toEqual({ input: ['<bos>', 'i', 'love', 'this', 'red', 'car'] });
    const decoder = result.attention.decoder!;
    expect([decoder.layers, decoder.heads, decoder.queries, decoder.keys]).toEqual([2, 2, 6, 6]);
    expect(result.attention.encoder).toBeUndefined();
    expectProbabilities(decoder, (q, k) => k > q);
    const nested = attentionToNested(decoder);
    expect(nested[1]![0]![5]).toEqual(Array.from(attentionRow(decoder, 1, 0, 5)));
  });

  it('returns BERT tokens framed by [CLS] … [SEP] and full encoder attention', () => {
    const result = attendText(models.bert, vocab, { text: 'i love this red zebra' });
    expect(result.tokens.input).toEqual(['[CLS]', 'i', 'love', 'this', 'red', '[UNK]', '[SEP]']);
    expectProbabilities(result.attention.encoder!, () => false);
    expect(result.isTruncated).toEqual({ input: false, target: false });
  });

  it('returns T5 encoder, causal decoder and cross-attention for a text and its target', () => {
    const result = attendText(models.t5, vocab, {
      text: 'i <X> this <Y>',
      target: '<X> love <Y> red car <Z>',
    });
    expect(result.tokens.input).toEqual(['i', '<extra_id_0>', 'this', '<extra_id_1>']);
    expect(result.tokens.target).toEqual([
      '[PAD]',
      '<extra_id_0>',
      'love',
      '<extra_id_1>',
      'red',
      'car',
      '<extra_id_2>',
    ]);
    const { encoder, decoder, cross } = result.attention;
    expect([
      encoder!.queries,
      encoder!.keys,
      decoder!.queries,
      decoder!.keys,
      cross!.queries,
      cross!.keys,
    ]).toEqual([4, 4, 7, 7, 7, 4]);
    expectProbabilities(encoder!, () => false);
    expectProbabilities(decoder!, (q, k) => k > q);
    expectProbabilities(cross!, () => false);
  });

  it('cuts text longer than the context and flags it', () => {
    const long = 'the red car is fast and the blue car is slow and i love this red car';
    const gpt = attendText(models.gpt, vocab, { text: long });
    expect(gpt.tokens.input).toHaveLength(12);
    expect(gpt.isTruncated.input).toBe(true);
    const t5 = attendText(models.t5, vocab, { text: long, target: long });
    expect([t5.tokens.input.length, t5.tokens.target!.length]).toEqual([12, 12]);
    expect(t5.isTruncated).toEqual({ input: true, target: true });
  });

  it('rejects empty text and a target for a model without a decoder', async () => {
    await expectCode(() => attendText(models.gpt, vocab, { text: '  ' }), 'invalid-argument', /empty/);
    await expectCode(
      () => attendText(models.bert, vocab, { text: 'a', target: 'b' }),
      'invalid-argument',
      /T5/,
    );
  });

  it('gives BERT top-k words for each [MASK], most likely first', () => {
    const result = predictMasked(models.bert, vocab, { text: 'i love [MASK] red [MASK]', topK: 3 });
    expect(result.predictions.map((p) => p.position)).toEqual([3, 5]);
    for (const { candidates } of result.predictions) {
      expect(candidates).toHaveLength(3);
      expect(candidates[0]!.probability).toBeGreaterThanOrEqual(candidates[1]!.probability);
      expect(candidates[0]!.token).toBe(vocab.token(candidates[0]!.id));
    }
    expect(() => predictMasked(models.bert, vocab, { text: 'no mask here', topK: 3 })).toThrow(/\[MASK\]/);
  });

  it("gives GPT's top-k next tokens whose probabilities match a softmax of the last logits", async () => {
    const result = predictNext(models.gpt, vocab, { text: 'i love this red', topK: vocab.size });
    const total = result.candidates.reduce((sum, c) => sum + c.probability, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(new Set(result.candidates.map((c) => c.id)).size).toBe(vocab.size);
    await expectCode(() => predictNext(models.bert, vocab, { text: 'a', topK: 1 }), 'wrong-model-family');
  });

  it('generates greedily (deterministic) and samples reproducibly from a seed', () => {
    const request = { prompt: 'i love', maxTokens: 5, temperature: 0, seed: 0 };
    const greedy = generateText(models.gpt, vocab, request);
    expect(generateText(models.gpt, vocab, { ...request, seed: 9 }).generated).toEqual(greedy.generated);
    const first = greedy.generated[0]!;
    expect(first.id).toBe(predictNext(models.gpt, vocab, { text: 'i love', topK: 1 }).candidates[0]!.id);
    expect(first.position).toBe(3); // <bos> i love → position 3
    expect(greedy.tokens.input.slice(0, 3)).toEqual(['<bos>', 'i', 'love']);
    expect(greedy.tokens.input).toHaveLength(3 + greedy.generated.length);
    expectProbabilities(greedy.attention.decoder!, (q, k) => k > q);
    const sampled = (seed: number) =>
      generateText(models.gpt, vocab, {
        ...request,
        temperature: 1.5,
        topK: 10,
        topP: 0.95,
        seed,
      }).generated.map((g) => g.id);
    expect(sampled(1)).toEqual(sampled(1));
    expect(['eos', 'max-tokens', 'context']).toContain(greedy.stoppedBy);
  });

  it('stops at the context length', () => {
    const result = generateText(models.gpt, vocab, {
      prompt: 'i love this red car',
      maxTokens: 12,
      temperature: 0,
      seed: 0,
    });
    // <bos> + 5 prompt words leave room for 6 of the 12 tokens asked for (this untrained model never says <eos>).
    expect(result.generated.map((g) => g.token)).not.toContain('<eos>');
    expect(result.stoppedBy).toBe('context');
    expect(result.generated).toHaveLength(6);
    expect(result.tokens.input).toHaveLength(12);
  });

  it('decodes with T5 from [PAD] and returns all three kinds of attention', () => {
    const result = generateText(models.t5, vocab, {
      prompt: 'i <X> this <Y>',
      maxTokens: 6,
      temperature: 0,
      seed: 0,
    });
    expect(result.tokens.input).toEqual(['i', '<extra_id_0>', 'this', '<extra_id_1>']);
    expect(result.tokens.target![0]).toBe('[PAD]');
    expect(result.generated).toHaveLength(6);
    expect(result.stoppedBy).toBe('max-tokens');
    expect(result.tokens.target).toHaveLength(7);
    expect(result.attention.cross!.queries).toBe(7);
    expectProbabilities(result.attention.decoder!, (q, k) => k > q);
  });

  it('reproduces what a model memorised and stops at <eos> (GPT) or the final sentinel (T5)', () => {
    const ids = (text: string): number[] => vocab.encode(text);
    const gptIds = [vocab.bosId, ...ids('i love this red car'), vocab.eosId];
    const gpt = createModel(tinyConfig('gpt', { vocabSize: vocab.size, dModel: 16, maxLength: 12 }), 1);
    overfit(gpt, {
      family: 'gpt',
      batchSize: 1,
      length: gptIds.length - 1,
      input: Int32Array.from(gptIds.slice(0, -1)),
      target: Int32Array.from(gptIds.slice(1)),
    });
    const continued = generateText(gpt, vocab, { prompt: 'i love', maxTokens: 8, temperature: 0, seed: 0 });
    expect(continued.generated.map((g) => g.token)).toEqual(['this', 'red', 'car', '<eos>']);
    expect(continued.stoppedBy).toBe('eos');
    expect(continued.generated[0]!.probability).toBeGreaterThan(0.9);
    gpt.dispose();

    const input = encodeText('i <X> this <Y>', vocab);
    const target = encodeText('<X> love <Y> red car <Z>', vocab);
    const t5 = createModel(tinyConfig('t5', { vocabSize: vocab.size, dModel: 16, maxLength: 12 }), 1);
    overfit(t5, {
      family: 't5',
      batchSize: 1,
      inputLength: input.length,
      targetLength: target.length,
      input: Int32Array.from(input),
      decoderInput: Int32Array.from([vocab.padId, ...target.slice(0, -1)]),
      target: Int32Array.from(target),
    });
    const decoded = generateText(t5, vocab, {
      prompt: 'i <X> this <Y>',
      maxTokens: 10,
      temperature: 0,
      seed: 0,
    });
    expect(decoded.generated.map((g) => g.token)).toEqual(vocab.decode(target));
    expect(decoded.stoppedBy).toBe('final-sentinel');
    t5.dispose();
  });

  it('refuses to generate with BERT', async () => {
    await expectCode(
      () => generateText(models.bert, vocab, { prompt: 'a', maxTokens: 2, temperature: 0, seed: 0 }),
      'wrong-model-family',
    );
  });

  it('leaves the number of tensors unchanged over repeated calls', () => {
    const run = (): void => {
      attendText(models.gpt, vocab, { text: 'i love this red car' });
      attendText(models.bert, vocab, { text: 'i love this red car' });
      attendText(models.t5, vocab, { text: 'i <X> car', target: '<X> love' });
      predictMasked(models.bert, vocab, { text: 'i [MASK] cars', topK: 2 });
      predictNext(models.gpt, vocab, { text: 'i love', topK: 2 });
      generateText(models.gpt, vocab, { prompt: 'i', maxTokens: 3, temperature: 1, seed: 2 });
      generateText(models.t5, vocab, { prompt: 'i <X>', maxTokens: 3, temperature: 0, seed: 2 });
    };
    run();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) run();
    expect(tf.memory().numTensors).toBe(before);
  });
});
