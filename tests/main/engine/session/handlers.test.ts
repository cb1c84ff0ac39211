import { rm } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../../../../main/engine/checkpoint';
import type { LoadedCheckpoint } from '../../../../main/engine/checkpoint';
import { encodeText } from '../../../../main/engine/infer/encode-text';
import type { ModelFamily } from '../../../../main/engine/models/config';
import type { ModelInput } from '../../../../main/engine/models/model';
import { OpenModels } from '../../../../main/engine/session/open-models';
import type { WireAttentionStack } from '../../../../shared/contract/model';
import { Vocabulary } from '../../../../shared/text/vocabulary';
import { engineCaller, saveTinyFamilies, temporaryFolder, vocab } from './fixtures';

let root = '';
let dirs: Record<ModelFamily, string>;
let models: OpenModels;
let engine: ReturnType<typeof engineCaller>;
const ids = {} as Record<ModelFamily, string>;
const loaded = {} as Record<ModelFamily, LoadedCheckpoint>;

/** Row (layer, head, query) of a wire stack. */
function row(stack: WireAttentionStack, layer: number, head: number, query: number): number[] {
  const start = ((layer * stack.heads + head) * stack.queries + query) * stack.keys;
  return stack.values.slice(start, start + stack.keys);
}

/** Every row sums to 1 and `isMasked` cells are exactly 0. */
function expectRows(stack: WireAttentionStack, isMasked: (q: number, k: number) => boolean): void {
  for (let layer = 0; layer < stack.layers; layer++)
    for (let head = 0; head < stack.heads; head++)
      for (let q = 0; q < stack.queries; q++) {
        const values = row(stack, layer, head, q);
        expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
        values.forEach((p, k) => (isMasked(q, k) ? expect(p).toBe(0) : expect(p).toBeGreaterThan(0)));
      }
}

/** The model's probabilities at decoder position `position` of `input`, computed here from its logits. */
function softmaxAt(family: ModelFamily, input: ModelInput, position: number): number[] {
  return tf.tidy(() => {
    const { logits } = loaded[family].model.forward(input);
    const probabilities = tf.softmax(logits.squeeze([0]).gather([position])).dataSync();
    return Array.from(probabilities);
  });
}

/** Ids of `text` as a batch of one. */
const ids32 = (text: string) => Int32Array.from(encodeText(text, vocab));

describe('session handlers', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    root = await temporaryFolder();
    dirs = await saveTinyFamilies(root);
    models = new OpenModels({ capacity: 3, builtinRoot: root });
    engine = engineCaller(models);
    for (const family of ['bert', 't5', 'gpt'] as const) {
      ids[family] = (
        await engine.ok('model:open', { source: { kind: 'checkpoint', path: dirs[family] } })
      ).modelId;
      loaded[family] = await loadCheckpoint(dirs[family]);
    }
  });
  afterAll(async () => {
    models.dispose();
    Object.values(loaded).forEach((checkpoint) => checkpoint.model.dispose());
    await rm(root, { recursive: true, force: true });
  });

  it('model:vocabulary gives the tokens and special ids the renderer rebuilds the vocabulary from', async () => {
    const output = await engine.ok('model:vocabulary', { modelId: ids.gpt });
    expect(output.tokens).toEqual(vocab.tokens);
    expect(new Vocabulary(output.tokens).sentinelCount).toBe(output.sentinelCount);
    expect(output.tokens[output.specials.mask]).toBe('[MASK]');
    expect(output.tokens[output.specials.bos]).toBe('<bos>');
  });

  it('attention:compute gives BERT encoder attention over [CLS] … [SEP], rounded but faithful', async () => {
    const output = await engine.ok('attention:compute', { modelId: ids.bert, text: 'I love this red car' });
    expect(output.tokens.input).toEqual(['[CLS]', 'i', 'love', 'this', 'red', 'car', '[SEP]']);
    expect(output).toMatchObject({ family: 'bert', truncated: false, unknownWords: [] });
    const encoder = output.attention.encoder!;
    expect([encoder.layers, encoder.heads, encoder.queries, encoder.keys]).toEqual([2, 2, 7, 7]);
    expect(output.attention.decoder).toBeUndefined();
    expectRows(encoder, () => false);
    // The same numbers, computed here from the layer's own tensors, to 6 significant digits.
    const input = {
      family: 'bert' as const,
      batchSize: 1,
      length: 7,
      input: Int32Array.from([2, ...ids32('i love this red car'), 3]),
    };
    const expected = tf.tidy(() =>
      Array.from(loaded.bert.model.forward(input).attention.encoder![1]!.dataSync()),
    );
    const actual = encoder.values.slice(encoder.values.length / 2);
    actual.forEach((value, i) =>
      expect(Math.abs(value - expected[i]!)).toBeLessThanOrEqual(expected[i]! * 5e-6),
    );
  });

  it('attention:compute gives GPT causal attention and T5 encoder, causal decoder and cross attention', async () => {
    const gpt = await engine.ok('attention:compute', { modelId: ids.gpt, text: 'i love this red car' });
    expect(gpt.tokens.input).toEqual(['<bos>', 'i', 'love', 'this', 'red', 'car']);
    expectRows(gpt.attention.decoder!, (q, k) => k > q);
    const t5 = await engine.ok('attention:compute', {
      modelId: ids.t5,
      text: 'i <X> this <Y>',
      target: '<X> love <Y> red car <Z>',
    });
    expect(t5.tokens.input).toEqual(['i', '<extra_id_0>', 'this', '<extra_id_1>']);
    expect(t5.tokens.target).toEqual([
      '[PAD]',
      '<extra_id_0>',
      'love',
      '<extra_id_1>',
      'red',
      'car',
      '<extra_id_2>',
    ]);
    const { encoder, decoder, cross } = t5.attention;
    expect([encoder!.queries, encoder!.keys, decoder!.queries, decoder!.keys]).toEqual([4, 4, 7, 7]);
    expect([cross!.queries, cross!.keys]).toEqual([7, 4]); // target rows × input columns
    expectRows(decoder!, (q, k) => k > q);
    expectRows(cross!, () => false);
  });

  it('cuts text longer than the context and says so; names unknown words', async () => {
    const long = Array.from({ length: 30 }, () => 'car').join(' ');
    const output = await engine.ok('attention:compute', { modelId: ids.bert, text: long });
    expect(output.truncated).toBe(true);
    expect(output.tokens.input).toHaveLength(16);
    expect(output.attention.encoder!.keys).toBe(16);
    const unknown = await engine.ok('attention:compute', {
      modelId: ids.gpt,
      text: 'i love this purple zebra car',
    });
    expect(unknown.unknownWords).toEqual(['purple', 'zebra']);
    expect(unknown.tokens.input).toContain('[UNK]');
  });

  it('refuses empty text, unknown models and the wrong family with plain sentences', async () => {
    const empty = await engine.fails(
      'attention:compute',
      { modelId: ids.gpt, text: '   ' },
      'invalid-argument',
    );
    expect(empty.message).toMatch(/^Type a sentence first/);
    await engine.fails('generate:run', { modelId: ids.gpt, prompt: '' }, 'invalid-argument');
    const unknown = await engine.fails('attention:compute', { modelId: 'model-999', text: 'a' }, 'not-found');
    expect(unknown.message).toMatch(/not open/);
    const masked = await engine.fails(
      'predict:masked',
      { modelId: ids.gpt, text: 'i [MASK] cars' },
      'wrong-model-family',
    );
    expect(masked.message).toMatch(/needs a BERT .* model, but gpt is a GPT/);
    await engine.fails('predict:next', { modelId: ids.bert, text: 'i love' }, 'wrong-model-family');
    await engine.fails('generate:run', { modelId: ids.bert, prompt: 'i love' }, 'wrong-model-family');
    await engine.fails(
      'attention:compute',
      { modelId: ids.gpt, text: 'i', target: 'love' },
      'wrong-model-family',
    );
    await engine.fails('attention:compute', { modelId: ids.gpt, text: 7 }, 'invalid-payload');
  });

  it('predict:masked gives the top-k words at each [MASK] or at given positions, as the softmax of the logits', async () => {
    const output = await engine.ok('predict:masked', {
      modelId: ids.bert,
      text: 'i love [MASK] red car',
      topK: 4,
    });
    expect(output.predictions.map((p) => p.position)).toEqual([3]);
    const candidates = output.predictions[0]!.candidates;
    expect(candidates).toHaveLength(4);
    const input = {
      family: 'bert' as const,
      batchSize: 1,
      length: 7,
      input: Int32Array.from([2, ...ids32('i love [MASK] red car'), 3]),
    };
    const probabilities = softmaxAt('bert', input, 3);
    const best = probabilities
      .map((p, id) => ({ p, id }))
      .sort((a, b) => b.p - a.p || a.id - b.id)
      .slice(0, 4);
    expect(candidates.map((c) => c.id)).toEqual(best.map((b) => b.id));
    candidates.forEach((c, i) => expect(c.probability).toBeCloseTo(best[i]!.p, 6));
    expect(output.attention.encoder!.queries).toBe(7);
    const at = await engine.ok('predict:masked', {
      modelId: ids.bert,
      text: 'i love this red car',
      positions: [2, 4],
      topK: 1,
    });
    expect(at.predictions.map((p) => p.position)).toEqual([2, 4]);
    const outside = await engine.fails(
      'predict:masked',
      { modelId: ids.bert, text: 'i love', positions: [4] },
      'invalid-argument',
    );
    expect(outside.message).toMatch(/Position 4 is outside/);
  });

  it('predict:next gives GPT the next token and T5 the next target token, as the softmax of the logits', async () => {
    const gpt = await engine.ok('predict:next', { modelId: ids.gpt, text: 'i love this', topK: 3 });
    const gptInput = {
      family: 'gpt' as const,
      batchSize: 1,
      length: 4,
      input: Int32Array.from([5, ...ids32('i love this')]),
    };
    expect(gpt.candidates[0]!.probability).toBeCloseTo(Math.max(...softmaxAt('gpt', gptInput, 3)), 6);
    const t5 = await engine.ok('predict:next', {
      modelId: ids.t5,
      text: 'i <X> this <Y>',
      target: '<X> love',
      topK: 3,
    });
    expect(t5.tokens.target).toEqual(['[PAD]', '<extra_id_0>', 'love']);
    const t5Input = {
      family: 't5' as const,
      batchSize: 1,
      inputLength: 4,
      targetLength: 3,
      input: Int32Array.from(encodeText('i <X> this <Y>', vocab)),
      decoderInput: Int32Array.from([0, ...encodeText('<X> love', vocab)]),
    };
    const probabilities = softmaxAt('t5', t5Input, 2);
    expect(t5.candidates.map((c) => c.probability)).toEqual(
      [...probabilities]
        .sort((a, b) => b - a)
        .slice(0, 3)
        .map((p) => expect.closeTo(p, 6)),
    );
    expect(t5.attention.cross!.queries).toBe(3);
  });

  it('generate:run returns each new token with the attention row of the query that chose it', async () => {
    const request = { modelId: ids.gpt, prompt: 'i love', maxTokens: 4, temperature: 0 };
    const gpt = await engine.ok('generate:run', request);
    expect(await engine.ok('generate:run', { ...request, seed: 5 })).toEqual(gpt); // greedy: no randomness
    expect(gpt.steps.length).toBeGreaterThan(0);
    const decoder = gpt.attention.decoder!;
    for (const step of gpt.steps) {
      expect(step.query).toBe(step.position - 1);
      expect(gpt.tokens.input[step.position]).toBe(step.token);
      expect(step.decoder.keys).toBe(step.query + 1);
      // The step's rows are the final attention's row at the query, without its masked tail.
      for (let layer = 0; layer < decoder.layers; layer++)
        for (let head = 0; head < decoder.heads; head++) {
          const start = (layer * decoder.heads + head) * step.decoder.keys;
          expect(step.decoder.values.slice(start, start + step.decoder.keys)).toEqual(
            row(decoder, layer, head, step.query).slice(0, step.query + 1),
          );
        }
    }
    const t5 = await engine.ok('generate:run', {
      modelId: ids.t5,
      prompt: 'i <X> this <Y>',
      maxTokens: 3,
      seed: 2,
    });
    expect(t5.tokens.target![0]).toBe('[PAD]');
    for (const step of t5.steps) expect(step.cross!.keys).toBe(4);
  });

  it('refuses an answer larger than one message with payload-too-large', async () => {
    const small = engineCaller(models, { maxBytes: 4000 });
    const text = 'the blue car is fast and the red car is slow';
    const error = await small.fails(
      'attention:compute',
      { modelId: ids.t5, text, target: text },
      'payload-too-large',
    );
    expect(error.message).toMatch(/too large to send \(\d+ KB; one message holds at most 4 KB\)/);
    await small.ok('attention:compute', { modelId: ids.gpt, text: 'car' });
  });

  it('keeps the number of tensors flat over repeated requests', async () => {
    await engine.ok('attention:compute', { modelId: ids.t5, text: 'i love', target: 'car' });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) {
      await engine.ok('attention:compute', { modelId: ids.t5, text: 'i love', target: 'car' });
      await engine.ok('predict:masked', { modelId: ids.bert, text: 'i [MASK] cars' });
      await engine.ok('predict:next', { modelId: ids.t5, text: 'i <X>' });
      await engine.ok('generate:run', { modelId: ids.gpt, prompt: 'i', maxTokens: 2 });
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
