/**
 * T5's span corruption as frames: the tokens → the noise spans chosen → span by span, consecutive chosen
 * tokens merge under one sentinel in the input while the target collects "sentinel + span" → the final
 * sentinel → the decoder writing the target one token at a time under its causal mask while cross-attending
 * to the whole input.
 *
 * The corruption is `corruptSpans(ids, vocab, createRng(seed), options)`: one row of the trainer's T5 batch
 * for a chunk that fits (the trainer retries a chunk one token shorter only when a draw overflows its lengths),
 * and exactly what `attention-lab corrupt --objective t5 --seed S` prints. "The same seed" means a fresh
 * generator for this one sequence (the trainer shares one generator across a whole run).
 */
import type { CorruptedSpans, SpanCorruptionOptions } from '../objectives/t5-span-corruption';
import { corruptSpans } from '../objectives/t5-span-corruption';
import { createRng } from '../random';
import type { TokenId, Vocabulary } from '../text/vocabulary';
import type { Arrow, Frame, Narration, RowBlock, TokenCell } from './frame';
import { frame, single } from './frame';
import type { Sentence } from './tokens';
import { cellOf, readSentence, sampledSteps, sentenceNotes, tokenText } from './tokens';

/** A T5 span-corruption animation and the data it was computed from. */
export interface T5Animation {
  objective: 't5';
  seed: number;
  sentence: Sentence;
  corrupted: CorruptedSpans;
  /** What the decoder reads: its start token ([PAD], as in training) and the target without its last token. */
  decoderInput: TokenId[];
  frames: Frame[];
}

/** Options of {@link t5SpanFrames}. */
export interface T5AnimationOptions extends SpanCorruptionOptions {
  /** At most this many decoder steps are shown (default 12: the first 11 and the last). */
  maxSteps?: number;
}

/** Builds the frames of T5's span corruption of `input` with `createRng(seed)`. */
export function t5SpanFrames(
  input: string | readonly TokenId[],
  vocab: Vocabulary,
  seed: number,
  options: T5AnimationOptions = {},
): T5Animation {
  const { maxSteps = 12, ...spanOptions } = options;
  const sentence = readSentence(input, vocab);
  const corrupted = corruptSpans(sentence.ids, vocab, createRng(seed), spanOptions);
  const { spans, target } = corrupted;
  const n = sentence.ids.length;
  const noiseAt = (i: number) => spans.findIndex(([start, end]) => i >= start && i < end);
  const original = (current = -1): TokenCell[] =>
    sentence.ids.map((id, i) => {
      const cell = cellOf(id, vocab, sentence.words[i]);
      const span = noiseAt(i);
      return span < 0 ? cell : { ...cell, role: 'chosen', highlight: span === current };
    });

  const notes: Narration[] = sentenceNotes(sentence);
  if (n < 2) notes.push({ key: 't5.tooShort' });
  const noise = spans.reduce((sum, [start, end]) => sum + end - start, 0);
  const frames: Frame[] = [];
  frames.push(
    frame(
      't5',
      'tokens',
      { key: 't5.tokens', values: { count: n } },
      [single({ id: 'original', label: 'row.original', tokens: original() })],
      {
        notes,
      },
    ),
  );
  frames.push(
    frame(
      't5',
      'spans',
      {
        key: 't5.spans',
        values: {
          count: n,
          noise,
          spans: spans.length,
          percent: Math.round((spanOptions.noiseDensity ?? 0.15) * 100),
        },
      },
      [
        single({
          id: 'original',
          label: 'row.original',
          tokens: original().map((cell) => ({ ...cell, highlight: cell.role === 'chosen' })),
        }),
      ],
      { notes },
    ),
  );

  // Span by span: the input collapses each span into its sentinel, the target collects sentinel + span.
  for (let k = 0; k <= spans.length; k++) {
    const isFinal = k === spans.length;
    const inputCells: TokenCell[] = [];
    const targetCells: TokenCell[] = [];
    const arrows: Arrow[] = [];
    let position = 0;
    spans.forEach(([start, end], s) => {
      const before = sentence.ids
        .slice(position, start)
        .map((id, i) => cellOf(id, vocab, sentence.words[position + i]));
      inputCells.push(...before);
      if (s <= k) {
        const sentinel: TokenCell = {
          text: tokenText(vocab.sentinelId(s), vocab),
          role: 'sentinel',
          highlight: s === k,
        };
        inputCells.push(sentinel);
        targetCells.push({ ...sentinel });
        for (let i = start; i < end; i++) {
          // Every token of the span points at the one sentinel that replaces it in the input.
          if (s === k)
            arrows.push({
              from: { row: 'original', index: i },
              to: { row: 'input', index: inputCells.length - 1 },
              kind: 'replace',
            });
          targetCells.push({
            ...cellOf(sentence.ids[i] as TokenId, vocab, sentence.words[i]),
            highlight: s === k,
          });
        }
      } else {
        for (let i = start; i < end; i++)
          inputCells.push({
            ...cellOf(sentence.ids[i] as TokenId, vocab, sentence.words[i]),
            role: 'chosen',
          });
      }
      position = end;
    });
    inputCells.push(
      ...sentence.ids.slice(position).map((id, i) => cellOf(id, vocab, sentence.words[position + i])),
    );
    if (isFinal)
      targetCells.push({
        text: tokenText(vocab.sentinelId(spans.length), vocab),
        role: 'sentinel',
        highlight: true,
      });
    const span = spans[k];
    const narration: Narration = isFinal
      ? { key: 't5.final', values: { sentinel: tokenText(vocab.sentinelId(k), vocab) } }
      : {
          key: span && span[1] - span[0] > 1 ? 't5.spanMerged' : 't5.span',
          values: {
            sentinel: tokenText(vocab.sentinelId(k), vocab),
            words: span
              ? sentence.ids
                  .slice(span[0], span[1])
                  .map((id) => tokenText(id, vocab))
                  .join(' ')
              : '',
            length: span ? span[1] - span[0] : 0,
          },
        };
    const blocks: RowBlock[] = [
      single({ id: 'original', label: 'row.original', tokens: original(isFinal ? -1 : k) }),
      single({ id: 'input', label: 'row.input', tokens: inputCells }),
      single({ id: 'target', label: 'row.target', tokens: targetCells }),
    ];
    frames.push(frame('t5', isFinal ? 'final' : 'span', narration, blocks, { notes, arrows }));
  }

  // The decoder, teacher-forced as in training: it reads [PAD] + target[..t) and must write target[t].
  const decoderInput = [vocab.padId, ...target.slice(0, -1)];
  const inputIds = corrupted.input;
  for (const t of sampledSteps(target.length, maxSteps)) {
    const decoderCells = decoderInput.map((id, i): TokenCell => {
      const cell = i === 0 ? { ...cellOf(id, vocab), caption: { key: 'caption.start' } } : cellOf(id, vocab);
      return { ...cell, highlight: i === t, dim: i > t };
    });
    const targetCells = target.map((id, i): TokenCell => ({
      ...cellOf(id, vocab),
      role: i === t ? 'target' : vocab.isSentinel(id) ? 'sentinel' : 'plain',
      highlight: i === t,
      dim: i > t,
    }));
    frames.push(
      frame(
        't5',
        'decode',
        {
          key: 't5.decode',
          values: {
            context: decoderInput
              .slice(0, t + 1)
              .map((id) => tokenText(id, vocab))
              .join(' '),
            next: tokenText(target[t] as TokenId, vocab),
          },
        },
        [
          single({ id: 'input', label: 'row.encoderInput', tokens: inputIds.map((id) => cellOf(id, vocab)) }),
          {
            aligned: true,
            rows: [
              { id: 'decoder', label: 'row.decoderInput', tokens: decoderCells },
              { id: 'target', label: 'row.target', tokens: targetCells },
            ],
          },
        ],
        {
          notes,
          arrows: [{ from: { row: 'decoder', index: t }, to: { row: 'target', index: t }, kind: 'shift' }],
          attention: [
            {
              kind: 'causal',
              query: { row: 'decoder', index: t },
              keys: 'decoder',
              allowed: decoderInput.map((_, k) => k <= t),
              weights: null,
            },
            {
              kind: 'cross',
              query: { row: 'decoder', index: t },
              keys: 'input',
              allowed: inputIds.map(() => true),
              weights: null,
            },
          ],
          predictions: [
            {
              at: { row: 'target', index: t },
              truth: tokenText(target[t] as TokenId, vocab),
              candidates: null,
            },
          ],
          masks: [
            { kind: 'causal', queries: target.length, keys: target.length, activeQuery: t },
            { kind: 'cross', queries: target.length, keys: inputIds.length, activeQuery: t },
          ],
        },
      ),
    );
  }
  return { objective: 't5', seed, sentence, corrupted, decoderInput, frames };
}
