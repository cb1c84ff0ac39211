import { describe, expect, it } from 'vitest';
import { trainStartSchema } from '../../../../shared/contract/train';
import type { Vocabulary } from '../../../../shared/text/vocabulary';
import { loadBrown } from '../../../../main/engine/corpus/brown';
import { splitDocuments } from '../../../../main/engine/corpus/split';
import { startEngine } from '../../../../main/engine/engine';
import type { GptBatch } from '../../../../main/engine/models/model';
import { RunControl } from '../../../../main/engine/train/control';
import { prepareRun, validationFraction } from '../../../../main/engine/train/prepare';
import { trainerOptions } from '../../../../main/engine/train/runs';
import type { StepProgress } from '../../../../main/engine/train/trainer';
import { train } from '../../../../main/engine/train/trainer';

/** Entropy (nats) of the unigram distribution of `ids`: the loss of the best model that ignores context. */
function unigramEntropy(ids: Iterable<number>): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (const id of ids) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
    total += 1;
  }
  let entropy = 0;
  for (const count of counts.values()) entropy -= (count / total) * Math.log(count / total);
  return entropy;
}

/** Every word of the held-out Brown documents as vocabulary ids, straight from the corpus (not the batches). */
function* validationIds(vocab: Vocabulary, seed: number): Generator<number> {
  const { validation } = splitDocuments(loadBrown().documents, { validationFraction, seed });
  for (const document of validation)
    for (const sentence of document.sentences) {
      for (const word of sentence.words) yield vocab.id(word);
    }
}

/** The counted targets of the validation batches. */
function* batchTargets(batches: readonly GptBatch[]): Generator<number> {
  for (const batch of batches) {
    for (let i = 0; i < batch.target.length; i++)
      if (batch.targetWeights?.[i] !== 0) yield batch.target[i] ?? -1;
  }
}

describe('training acceptance', () => {
  it('GPT on Brown reaches a validation loss well below the unigram entropy in a few hundred steps', async () => {
    const engine = await startEngine({ env: { ATTENTION_LAB_BACKEND: 'wasm' } });
    expect(engine.selection.backend).toBe('wasm');
    // The tiny preset narrowed (width 64, sequences of 32, 2,048 words) so 400 steps fit in about a minute here.
    const request = trainStartSchema.parse({
      family: 'gpt',
      preset: 'tiny',
      sizes: { dModel: 64, dFf: 256, maxLength: 32, vocabSize: 2048 },
      steps: 400,
      batchSize: 32,
      learningRate: 5e-3,
      evalEvery: 400,
      outDir: '/unused',
    });
    const startedAt = performance.now();
    const run = await prepareRun(request);
    const entropy = unigramEntropy(validationIds(run.vocab, request.seed));
    const batchEntropy = unigramEntropy(batchTargets(run.validation as GptBatch[]));
    let last: StepProgress | null = null;
    const outcome = await train(
      run.model,
      run.source,
      run.validation,
      trainerOptions(request),
      { onProgress: (p) => (last = p) },
      new RunControl(),
    );
    run.model.dispose();
    const final = last as StepProgress | null;
    const seconds = (performance.now() - startedAt) / 1000;
    console.info(
      `[acceptance] GPT val loss ${final?.valLoss?.toFixed(3)} vs unigram entropy ${entropy.toFixed(3)} nats ` +
        `(${batchEntropy.toFixed(3)} on the validation batches' own targets); ` +
        `${Math.round(final?.tokensPerSecond ?? 0)} tokens/s; ${seconds.toFixed(1)} s`,
    );
    expect(outcome.state).toBe('done');
    expect(entropy).toBeGreaterThan(4);
    expect(final?.valLoss).toBeLessThan(entropy - 0.4);
    expect(final?.valLoss).toBeLessThan(batchEntropy);
  }, 240_000);
});
