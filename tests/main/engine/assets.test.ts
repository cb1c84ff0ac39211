/**
 * The shipped checkpoints (assets/checkpoints, written by `npm run train:assets`): each opens as its built-in
 * model, is stored in float16 and small, and has clearly non-uniform attention: the mean entropy of its
 * attention rows is well below the mean of log(row length), the entropy of uniform attention (at most 85 % of
 * it and at least 0.3 nats less; the numbers are in assets/checkpoints/README.md).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrown } from '../../../main/engine/corpus/brown';
import { builtinCheckpointsRoot } from '../../../main/engine/session/builtin';
import { OpenModels } from '../../../main/engine/session/open-models';
import type { WireAttentionStack } from '../../../shared/contract/model';
import { builtinModelIds } from '../../../shared/contract/model';
import { corruptSpans } from '../../../shared/objectives/t5-span-corruption';
import { createRng } from '../../../shared/random';
import { splitWords } from '../../../shared/text/tokenize';
import { Vocabulary } from '../../../shared/text/vocabulary';
import { engineCaller } from './session/fixtures';

const models = new OpenModels({ capacity: 3 });
const engine = engineCaller(models);

/** "I love this red car" and the first sentences of Brown documents ca01 and cn01 (24 words at most). */
function sentences(): string[] {
  const documents = loadBrown().documents;
  const brown = ['ca01', 'cn01'].map((id) => documents.find((d) => d.id === id)!.sentences[0]!.words);
  return ['I love this red car', ...brown.map((words) => words.slice(0, 24).join(' '))];
}

/** T5 reads span-corrupted text and its target, built here by the shared objective. */
function corrupted(sentence: string, vocab: Vocabulary, seed: number): { text: string; target: string } {
  const ids = splitWords(sentence).map((word) => vocab.id(word));
  const { input, target } = corruptSpans(ids, vocab, createRng(seed));
  return { text: vocab.decode(input).join(' '), target: vocab.decode(target).join(' ') };
}

/** Sums of row entropy (nats) and of log(allowed keys) over every row with at least two allowed keys. */
function addEntropy(
  stack: WireAttentionStack,
  isCausal: boolean,
  totals: { h: number; u: number; n: number },
) {
  for (let r = 0; r < stack.layers * stack.heads * stack.queries; r++) {
    const allowed = isCausal ? (r % stack.queries) + 1 : stack.keys;
    if (allowed < 2) continue;
    const row = stack.values.slice(r * stack.keys, r * stack.keys + allowed);
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    totals.h -= row.reduce((sum, p) => (p > 0 ? sum + p * Math.log(p) : sum), 0);
    totals.u += Math.log(allowed);
    totals.n += 1;
  }
}

describe('shipped checkpoints', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterAll(() => models.dispose());

  for (const id of builtinModelIds) {
    it(`${id}: opens as a trained built-in model stored in float16, a few MB`, async () => {
      const dir = join(builtinCheckpointsRoot(), id);
      const info = await engine.ok('model:open', { source: { kind: 'builtin', id } });
      expect(info.family).toBe(id.split('-')[0]);
      expect(info.path).toBe(dir);
      expect(info.training).toMatchObject({ corpus: 'brown' });
      expect(info.training.steps).toBeGreaterThanOrEqual(1000);
      expect(info.training.finalValLoss).toBeLessThan(6.5); // untrained: log(4096) ≈ 8.3
      const manifest = JSON.parse(await readFile(join(dir, 'weights.json'), 'utf8')) as { dtype: string };
      expect(manifest.dtype).toBe('float16');
      expect((await stat(join(dir, 'weights.bin'))).size).toBeLessThan(5e6);
    });

    it(`${id}: attends clearly non-uniformly (mean row entropy well below mean log row length)`, async () => {
      const { modelId, family } = await engine.ok('model:open', { source: { kind: 'builtin', id } });
      const vocab = new Vocabulary((await engine.ok('model:vocabulary', { modelId })).tokens);
      const totals = { h: 0, u: 0, n: 0 };
      for (const [i, sentence] of sentences().entries()) {
        const request = family === 't5' ? corrupted(sentence, vocab, i + 1) : { text: sentence };
        const { attention } = await engine.ok('attention:compute', { modelId, ...request });
        if (attention.encoder) addEntropy(attention.encoder, false, totals);
        if (attention.decoder) addEntropy(attention.decoder, true, totals);
        if (attention.cross) addEntropy(attention.cross, false, totals);
      }
      const [entropy, uniform] = [totals.h / totals.n, totals.u / totals.n];
      expect(totals.n).toBeGreaterThan(100);
      // An untrained model's rows are all but uniform (GPT: 2.104 vs 2.105 nats); these are far from it.
      const why = `mean entropy ${entropy.toFixed(3)} vs uniform ${uniform.toFixed(3)}`;
      expect(entropy, why).toBeLessThan(0.85 * uniform);
      expect(uniform - entropy, why).toBeGreaterThan(0.3);
    });
  }
});
