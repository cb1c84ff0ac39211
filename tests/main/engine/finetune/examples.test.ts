import { describe, expect, it } from 'vitest';
import { Vocabulary, specialTokens } from '../../../../shared/text/vocabulary';
import type { BrownDocument } from '../../../../main/engine/corpus/brown';
import {
  csvExamples,
  genreExamples,
  majorityBaseline,
  sentenceChunks,
  tagExamples,
} from '../../../../main/engine/finetune/examples';

const vocab = new Vocabulary([...Object.values(specialTokens), 'the', 'cat', 'sat', '.']);
const sentence = (words: string[]) => ({
  words,
  tags: words.map((w) => (w === '.' ? '.' : w === 'the' ? 'at' : 'nn')),
});
const doc = (id: string, genre: string, n: number): BrownDocument => ({
  id,
  genre,
  sentences: Array.from({ length: n }, () => sentence(['the', 'cat', 'sat', '.'])),
});

describe('finetune/examples', () => {
  it('chunks consecutive sentences up to the word limit, cutting nothing but overlong sentences', () => {
    const chunks = sentenceChunks(
      [{ words: ['a', 'b'] }, { words: ['c'] }, { words: ['d', 'e', 'f', 'g'] }],
      3,
    );
    expect(chunks.map((c) => c.map((s) => s.words.join('')))).toEqual([['ab', 'c'], ['defg']]);
  });

  it('labels genre chunks at [CLS] only, with [CLS] … [SEP] within the sequence length', () => {
    const set = genreExamples([doc('a', 'news', 3)], [doc('b', 'romance', 5)], vocab, 10, 1);
    expect(set.labels).toEqual(['news', 'romance']);
    // 8 words fit a length-10 sequence: two 4-word sentences per chunk.
    expect(set.train).toHaveLength(2);
    expect(set.heldOut).toHaveLength(1); // capped at one chunk per held-out document
    const first = set.train[0]!;
    const words = ['the', 'cat', 'sat', '.'].map((w) => vocab.id(w));
    expect(first.ids).toEqual([vocab.clsId, ...words, ...words, vocab.sepId]);
    expect(first.labels).toEqual([0, -1, -1, -1, -1, -1, -1, -1, -1, -1]);
    expect(set.heldOut[0]!.labels[0]).toBe(1);
  });

  it('labels every word for tagging and marks held-out tags unseen in training as unreachable', () => {
    const heldOut: BrownDocument = {
      id: 'h',
      genre: 'news',
      sentences: [{ words: ['cat', 'sat'], tags: ['nn', 'vbd'] }],
    };
    const set = tagExamples([doc('a', 'news', 1)], [heldOut], vocab, 16);
    expect(set.labels).toEqual(['.', 'at', 'nn']);
    expect(set.train[0]!.labels).toEqual([-1, 1, 2, 2, 0, -1]);
    expect(set.heldOut[0]!.labels).toEqual([-1, 2, 3, -1]);
  });

  it('computes the majority baseline from training labels, scored on held-out positions', () => {
    const row = (text: string, label: string) => ({ text, label, line: 1 });
    const set = csvExamples(
      [row('the cat', 'x'), row('sat', 'x'), row('the', 'y')],
      [row('cat', 'x'), row('cat', 'y'), row('cat', 'z'), row('sat', 'x')],
      vocab,
      8,
    );
    // Majority in training is x (2 of 3); held out: 2 of 4 are x; z is unseen and can never be right.
    expect(set.heldOut.map((e) => e.labels[0])).toEqual([0, 1, 2, 0]);
    expect(majorityBaseline(set)).toEqual({ label: 0, accuracy: 0.5 });
  });
});
