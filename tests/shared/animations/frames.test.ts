import { describe, expect, it } from 'vitest';
import { bertMaskingFrames } from '../../../shared/animations/bert-frames';
import type { Frame, TokenRow } from '../../../shared/animations/frame';
import { rowOf } from '../../../shared/animations/frame';
import { gptShiftFrames } from '../../../shared/animations/gpt-frames';
import { t5SpanFrames } from '../../../shared/animations/t5-frames';
import { maskTokens, packSentencePair } from '../../../shared/objectives/bert-masking';
import { corruptSpans, reconstructFromSpans } from '../../../shared/objectives/t5-span-corruption';
import { createRng } from '../../../shared/random';
import { splitWords } from '../../../shared/text/tokenize';
import { buildVocabulary, sentinelLabel } from '../../../shared/text/vocabulary';
import type { Vocabulary } from '../../../shared/text/vocabulary';

const sentences = [
  'I love this red car',
  'The jury said it did find that many of the registration laws are outmoded and should be changed soon',
  'We read a good book in the old house by the river while the rain fell on the roof',
];
const vocab = buildVocabulary(
  sentences.flatMap((s) => splitWords(s)),
  { size: 200, sentinels: 8 },
);

const texts = (row: TokenRow | undefined) => row?.tokens.map((cell) => cell.text) ?? [];
const shown = (ids: readonly number[], v: Vocabulary) =>
  ids.map((id) => (v.isSentinel(id) ? sentinelLabel(v.sentinelIndex(id)) : v.token(id)));
const stage = (frames: Frame[], name: string) => frames.filter((f) => f.stage === name);

describe('bertMaskingFrames', () => {
  it('shows exactly what maskTokens does to [CLS] words [SEP] with createRng(seed)', () => {
    for (const text of sentences) {
      for (let seed = 0; seed < 25; seed++) {
        const { frames } = bertMaskingFrames(text, vocab, seed);
        const packed = packSentencePair(vocab.encode(text), undefined, vocab).ids;
        const expected = maskTokens(packed, vocab, createRng(seed));
        const final = stage(frames, 'input')[0] as Frame;
        expect(texts(rowOf(final, 'input'))).toEqual(shown(expected.input, vocab));
        const chosen = texts(rowOf(final, 'labels')).flatMap((t, i) => (t === '·' ? [] : [i]));
        expect(chosen).toEqual(expected.choices.map((c) => c.index));
        const roles = rowOf(final, 'input')?.tokens.map((cell) => cell.role) ?? [];
        for (const choice of expected.choices) expect(roles[choice.index]).toBe(choice.kind);
        // One fate frame per chosen word, in order, each revealing one more.
        expect(stage(frames, 'fate').map((f) => f.narration.key)).toEqual(
          expected.choices.map((c) => `bert.fate.${c.kind}`),
        );
      }
    }
  });

  it('chooses 15 % of the words and gives them [MASK]/random/kept fates 80/10/10 over many draws', () => {
    const text = sentences[2] as string; // 19 words → round(2.85) = 3 chosen
    const words = splitWords(text).length;
    const draws = 3000;
    const counts = { mask: 0, random: 0, keep: 0 };
    const perPosition = new Array<number>(words + 2).fill(0);
    for (let seed = 0; seed < draws; seed++) {
      const loss = stage(bertMaskingFrames(text, vocab, seed).frames, 'loss')[0] as Frame;
      rowOf(loss, 'labels')?.tokens.forEach((cell, i) => {
        if (cell.text !== '·') perPosition[i] = (perPosition[i] ?? 0) + 1;
      });
      for (const cell of rowOf(loss, 'input')?.tokens ?? []) {
        if (cell.role === 'mask' || cell.role === 'random' || cell.role === 'keep') counts[cell.role]++;
      }
    }
    const total = counts.mask + counts.random + counts.keep;
    expect(total).toBe(draws * 3);
    // Binomial tolerance: 4 standard deviations.
    const within = (count: number, n: number, p: number) =>
      expect(Math.abs(count - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
    within(counts.mask, total, 0.8);
    within(counts.random, total, 0.1);
    within(counts.keep, total, 0.1);
    // Every word is equally likely to be chosen (3 of 19 per draw); [CLS] and [SEP] never.
    expect(perPosition[0]).toBe(0);
    expect(perPosition[words + 1]).toBe(0);
    for (let i = 1; i <= words; i++) within(perPosition[i] ?? 0, draws, 3 / words);
  });

  it('says when a sentence has nothing to choose, and shows unknown words as [UNK] with the word under them', () => {
    const { frames } = bertMaskingFrames('zyzzyva quokka', vocab, 1);
    expect(frames.map((f) => f.stage)).toEqual(['tokens', 'framed', 'chosen', 'nothing']);
    expect(frames[3]?.notes.map((n) => n.key)).toContain('bert.noCandidates');
    const tokens = rowOf(frames[0] as Frame, 'tokens')?.tokens ?? [];
    expect(tokens.map((c) => [c.text, c.role, c.caption?.values?.['word']])).toEqual([
      ['[UNK]', 'unknown', 'zyzzyva'],
      ['[UNK]', 'unknown', 'quokka'],
    ]);
    expect(frames[0]?.notes[0]).toEqual({ key: 'note.unknownWords', values: { words: 'zyzzyva, quokka' } });
    // The chapter sentence: 15 % of 5 is 0.75 words, yet one is chosen — and the frame says why.
    const chapter = bertMaskingFrames('I love this red car', vocab, 0).frames;
    expect(stage(chapter, 'chosen')[0]?.notes).toContainEqual({
      key: 'bert.lessThanOne',
      values: { exact: '0.75' },
    });
    expect(stage(chapter, 'fate')).toHaveLength(1);
  });

  it('lets the chosen position attend to every token and takes the loss on the chosen positions only', () => {
    const { frames, masked } = bertMaskingFrames(sentences[1] as string, vocab, 7);
    const attention = stage(frames, 'attention')[0]?.attention[0];
    expect(attention?.kind).toBe('bidirectional');
    expect(attention?.allowed.every(Boolean)).toBe(true);
    expect(masked.choices.map((c) => c.index)).toContain(attention?.query.index);
    const loss = stage(frames, 'loss')[0] as Frame;
    expect(loss.showLoss).toBe(true);
    expect(loss.predictions.map((p) => p.at.index)).toEqual(masked.choices.map((c) => c.index));
    const dimmed = rowOf(loss, 'input')?.tokens.flatMap((cell, i) => (cell.dim ? [] : [i]));
    expect(dimmed).toEqual(masked.choices.map((c) => c.index));
  });
});

describe('t5SpanFrames', () => {
  it("builds the chapter's input and target with seed 10", () => {
    const { frames } = t5SpanFrames('I love this red car', vocab, 10, {
      noiseDensity: 0.6,
      meanSpanLength: 1.5,
    });
    const final = stage(frames, 'final')[0] as Frame;
    expect(texts(rowOf(final, 'input'))).toEqual(['i', '<X>', 'this', '<Y>']);
    expect(texts(rowOf(final, 'target'))).toEqual(['<X>', 'love', '<Y>', 'red', 'car', '<Z>']);
    // Built step by step: "<X> love", then "<X> love <Y> red car", then the final sentinel.
    expect(stage(frames, 'span').map((f) => texts(rowOf(f, 'target')))).toEqual([
      ['<X>', 'love'],
      ['<X>', 'love', '<Y>', 'red', 'car'],
    ]);
    expect(stage(frames, 'span')[1]?.narration.key).toBe('t5.spanMerged');
    expect(stage(frames, 'span')[1]?.arrows.map((a) => [a.from.index, a.to.index])).toEqual([
      [3, 3],
      [4, 3],
    ]);
  });

  it('equals corruptSpans for every seed, and its target put back into its input gives the sentence', () => {
    for (const text of sentences) {
      const ids = vocab.encode(text);
      for (let seed = 0; seed < 40; seed++) {
        const { frames } = t5SpanFrames(text, vocab, seed);
        const expected = corruptSpans(ids, vocab, createRng(seed));
        const final = stage(frames, 'final')[0] as Frame;
        const input = texts(rowOf(final, 'input'));
        const target = texts(rowOf(final, 'target'));
        expect(input).toEqual(shown(expected.input, vocab));
        expect(target).toEqual(shown(expected.target, vocab));
        // Put each sentinel's span back, using only the frame's texts.
        const spans = new Map<string, string[]>();
        let current: string[] = [];
        for (const token of target) {
          if (/^<[XYZ]\d*>$/.test(token)) spans.set(token, (current = []));
          else current.push(token);
        }
        expect(input.flatMap((token) => spans.get(token) ?? [token])).toEqual(splitWords(text));
        expect(reconstructFromSpans(expected.input, expected.target, vocab)).toEqual(ids);
        // Consecutive corrupted tokens share one sentinel: sentinels never touch in the input.
        const isSentinel = input.map((token) => spans.has(token));
        expect(isSentinel.some((flag, i) => flag && isSentinel[i + 1])).toBe(false);
      }
    }
  });

  it('decodes under a causal mask while cross-attending to the whole input', () => {
    const { frames, corrupted } = t5SpanFrames('I love this red car', vocab, 10, {
      noiseDensity: 0.6,
      meanSpanLength: 1.5,
    });
    const decode = stage(frames, 'decode');
    expect(decode).toHaveLength(corrupted.target.length);
    decode.forEach((f, t) => {
      const [causal, cross] = f.attention;
      expect(causal?.allowed).toEqual(corrupted.target.map((_, k) => k <= t));
      expect(cross?.allowed).toEqual(corrupted.input.map(() => true));
      expect(texts(rowOf(f, 'decoder'))[0]).toBe('[PAD]');
      expect(f.predictions[0]?.truth).toBe(shown(corrupted.target, vocab)[t]);
    });
  });

  it('says a one-word sentence is too short and still shows the final sentinel as the whole target', () => {
    const { frames } = t5SpanFrames('car', vocab, 3);
    expect(frames[1]?.notes.map((n) => n.key)).toContain('t5.tooShort');
    const final = stage(frames, 'final')[0] as Frame;
    expect(texts(rowOf(final, 'input'))).toEqual(['car']);
    expect(texts(rowOf(final, 'target'))).toEqual(['<X>']);
  });
});

describe('gptShiftFrames', () => {
  it('shows the target as the input shifted by one token, predicting each under the causal mask', () => {
    const { frames } = gptShiftFrames('I love this red car', vocab);
    const shift = stage(frames, 'shift')[0] as Frame;
    expect(texts(rowOf(shift, 'input'))).toEqual(['<bos>', 'i', 'love', 'this', 'red', 'car']);
    expect(texts(rowOf(shift, 'target'))).toEqual(['i', 'love', 'this', 'red', 'car', '<eos>']);
    const predict = stage(frames, 'predict');
    expect(predict).toHaveLength(6);
    predict.forEach((f, t) => {
      expect(f.attention[0]?.allowed).toEqual([0, 1, 2, 3, 4, 5].map((k) => k <= t));
      expect(f.masks[0]).toEqual({ kind: 'causal', queries: 6, keys: 6, activeQuery: t });
    });
    expect(predict[2]?.narration).toEqual({
      key: 'gpt.predict',
      values: { context: '<bos> i love', next: 'this' },
    });
  });

  it('shows at most maxSteps positions of a long text, always including the last', () => {
    const predict = stage(gptShiftFrames(sentences[1] as string, vocab, { maxSteps: 5 }).frames, 'predict');
    expect(predict.map((f) => f.predictions[0]?.at.index)).toEqual([0, 1, 2, 3, 19]);
    expect(predict[4]?.predictions[0]?.truth).toBe('<eos>');
  });
});
