import { describe, expect, it } from 'vitest';
import { LabError } from '../../../../shared/contract/errors';
import { reconstructFromSpans } from '../../../../shared/objectives/t5-span-corruption';
import { asTokenId } from '../../../../shared/text/vocabulary';
import { loadBrown } from '../../../../main/engine/corpus/brown';
import { defaultVocabulary } from '../../../../main/engine/corpus/default-vocabulary';
import {
  createBatchSource,
  t5ChunkLength,
  t5TargetLength,
  validationBatches,
} from '../../../../main/engine/train/batches';
import { encodeDocuments, packSentences } from '../../../../main/engine/train/packing';
import type { BertBatch, GptBatch, T5Batch } from '../../../../main/engine/models/model';

const vocab = defaultVocabulary();
const documents = encodeDocuments(loadBrown().documents.slice(0, 6), vocab);
/** The k chunks validation uses: evenly spaced over all of them. */
const spread = <T>(all: T[], k: number): T[] =>
  Array.from({ length: k }, (_, i) => all[Math.floor((i * all.length) / k)] as T);
const row = <T extends Int32Array | Float32Array>(a: T, r: number, width: number): number[] =>
  Array.from(a.subarray(r * width, (r + 1) * width));

describe('batches', () => {
  it('GPT: the target is the input shifted by one, from <bos> to <eos>, padding weighted 0', () => {
    const length = 32;
    const plan = { family: 'gpt' as const, batchSize: 4, maxLength: length };
    const batch = validationBatches(documents, vocab, plan, { seed: 1, maxBatches: 1 })[0] as GptBatch;
    const chunks = spread(packSentences(documents, length - 1), 4);
    expect(batch.input.length).toBe(4 * length);
    chunks.forEach((chunk, r) => {
      const input = row(batch.input, r, length);
      const target = row(batch.target, r, length);
      const weights = row(batch.targetWeights ?? new Float32Array(), r, length);
      const n = chunk.length + 1;
      expect(input.slice(0, n)).toEqual([vocab.bosId, ...chunk]);
      expect(target.slice(0, n)).toEqual([...chunk, vocab.eosId]);
      for (let t = 0; t + 1 < n; t++) expect(target[t]).toBe(input[t + 1]);
      expect(weights).toEqual([...Array(n).fill(1), ...Array(length - n).fill(0)]);
      expect(input.slice(n).every((id) => id === vocab.padId)).toBe(true);
    });
  });

  it('BERT: labels only at the chosen word positions, the rest of the input is [CLS] chunk [SEP]', () => {
    const length = 48;
    const plan = { family: 'bert' as const, batchSize: 8, maxLength: length };
    const [batch] = validationBatches(documents, vocab, plan, { seed: 3, maxBatches: 1 }) as BertBatch[];
    if (!batch) throw new Error('no batch');
    const chunks = spread(packSentences(documents, length - 2), 8);
    let chosen = 0;
    let words = 0;
    chunks.forEach((chunk, r) => {
      const original = [vocab.clsId, ...chunk, vocab.sepId];
      const input = row(batch.input, r, length);
      const labels = row(batch.labels, r, length);
      expect(batch.validLength?.[r]).toBe(original.length);
      words += chunk.filter((id) => !vocab.isSpecial(id) && id !== vocab.unkId).length;
      labels.forEach((label, t) => {
        if (label === -1) {
          expect(input[t]).toBe(original[t] ?? vocab.padId);
          return;
        }
        chosen += 1;
        expect(label).toBe(original[t]);
        expect(vocab.isSpecial(label)).toBe(false);
      });
    });
    // 15 % of the words, rounded per sequence.
    expect(chosen / words).toBeGreaterThan(0.12);
    expect(chosen / words).toBeLessThan(0.18);
    expect(batch.nextSentence).toBeUndefined();
  });

  it('BERT with next-sentence pairs: [CLS] A [SEP] B [SEP] with segments and both labels', () => {
    const plan = { family: 'bert' as const, batchSize: 32, maxLength: 64, nextSentence: true };
    const batch = createBatchSource(documents, vocab, plan, 5).next() as BertBatch;
    const labels = Array.from(batch.nextSentence ?? []);
    expect(labels).toHaveLength(32);
    expect(labels).toContain(0);
    expect(labels).toContain(1);
    const segments = row(batch.segments ?? new Int32Array(), 0, 64);
    const input = row(batch.input, 0, 64);
    const valid = batch.validLength?.[0] ?? 0;
    expect(input[0]).toBe(vocab.clsId);
    expect(input[valid - 1]).toBe(vocab.sepId);
    expect(input.slice(0, valid).filter((id) => id === vocab.sepId)).toHaveLength(2);
    expect(segments[0]).toBe(0);
    expect(segments[valid - 1]).toBe(1);
  });

  it('T5: input + target reconstruct the chunk, and both fit their lengths', () => {
    const length = 64;
    const targetLength = t5TargetLength(length);
    const plan = { family: 't5' as const, batchSize: 6, maxLength: length };
    const [batch] = validationBatches(documents, vocab, plan, { seed: 2, maxBatches: 1 }) as T5Batch[];
    if (!batch) throw new Error('no batch');
    expect(batch.targetLength).toBe(16);
    const chunks = spread(packSentences(documents, t5ChunkLength(length)), 6);
    chunks.forEach((chunk, r) => {
      const inputLength = batch.inputValidLength?.[r] ?? 0;
      const weights = row(batch.targetWeights ?? new Float32Array(), r, targetLength);
      const targetCount = weights.filter((w) => w === 1).length;
      const input = row(batch.input, r, length).slice(0, inputLength).map(asTokenId);
      const target = row(batch.target, r, targetLength).slice(0, targetCount).map(asTokenId);
      // A rare unlucky draw is retried one token shorter: the row then holds a prefix of the chunk.
      const original = reconstructFromSpans(input, target, vocab);
      expect(original).toEqual(chunk.slice(0, original.length));
      expect(original.length).toBeGreaterThan(chunk.length - 3);
      expect(vocab.isSentinel(target[0] ?? -1)).toBe(true);
      expect(row(batch.decoderInput, r, targetLength).slice(0, targetCount)).toEqual([
        vocab.padId,
        ...target.slice(0, -1),
      ]);
    });
  });

  it('T5 rows always fit the encoder and decoder lengths, and chunks use most of the encoder', () => {
    expect(t5ChunkLength(64)).toBeGreaterThan(64);
    const plan = { family: 't5' as const, batchSize: 32, maxLength: 64 };
    const source = createBatchSource(documents, vocab, plan, 4);
    for (let i = 0; i < 50; i++) {
      const batch = source.next() as T5Batch;
      expect(Math.max(...(batch.inputValidLength ?? []))).toBeLessThanOrEqual(64);
      for (let r = 0; r < 32; r++) {
        const weights = row(batch.targetWeights ?? new Float32Array(), r, 16);
        expect(weights.filter((w) => w === 1).length).toBeGreaterThan(0);
      }
    }
  });

  it('gives the same batches for the same seed and different ones for another', () => {
    const plan = { family: 'bert' as const, batchSize: 4, maxLength: 32 };
    const a = createBatchSource(documents, vocab, plan, 9).next() as BertBatch;
    const b = createBatchSource(documents, vocab, plan, 9).next() as BertBatch;
    const c = createBatchSource(documents, vocab, plan, 10).next() as BertBatch;
    expect(Array.from(a.input)).toEqual(Array.from(b.input));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.input)).not.toEqual(Array.from(c.input));
  });

  it('refuses a corpus too small for one sequence, and an empty validation side', () => {
    const tiny = [[[10, 11, 12].map(asTokenId)]];
    const plan = { family: 'gpt' as const, batchSize: 2, maxLength: 64 };
    expect(() => createBatchSource(tiny, vocab, plan, 0)).toThrow(LabError);
    expect(() => createBatchSource(tiny, vocab, plan, 0)).toThrow(/only 3 words.*at least 64/);
    expect(() => validationBatches([], vocab, plan, { seed: 0, maxBatches: 2 })).toThrow(/validation/);
  });
});
