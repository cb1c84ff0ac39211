/**
 * GPT's next-token objective as frames: the tokens → the input `<bos> w1 … wn` above the target `w1 … wn <eos>`
 * (the input shifted by one token) → position by position, what the model has read under the causal mask and
 * which token it must predict. And generation: a model's own tokens appended one at a time, the causal mask
 * growing, with the attention of the newest token over the ones before it.
 *
 * The rows are `shiftForNextToken(ids)`, one row of the trainer's GPT batch (no randomness is involved).
 */
import type { Generation } from '../contract/model';
import type { ShiftedSequence } from '../objectives/gpt-shift';
import { shiftForNextToken } from '../objectives/gpt-shift';
import type { TokenId, Vocabulary } from '../text/vocabulary';
import type { Frame, Narration, TokenCell } from './frame';
import { frame, single } from './frame';
import { headMeanRow } from './head-mean';
import type { Sentence } from './tokens';
import { cellOf, cellOfText, readSentence, sampledSteps, sentenceNotes, tokenText } from './tokens';

/** A GPT shift animation and the data it was computed from. */
export interface GptAnimation {
  objective: 'gpt';
  sentence: Sentence;
  shifted: ShiftedSequence;
  frames: Frame[];
}

/** Builds the frames of GPT's shifted input and target for `input`; at most `maxSteps` positions are shown. */
export function gptShiftFrames(
  input: string | readonly TokenId[],
  vocab: Vocabulary,
  options: { maxSteps?: number } = {},
): GptAnimation {
  const sentence = readSentence(input, vocab);
  const shifted = shiftForNextToken(sentence.ids, vocab);
  const words = [undefined, ...sentence.words];
  const inputCells = (): TokenCell[] => shifted.input.map((id, i) => cellOf(id, vocab, words[i]));
  const targetCells = (): TokenCell[] => shifted.target.map((id, i) => cellOf(id, vocab, sentence.words[i]));
  const notes: Narration[] = sentenceNotes(sentence);
  const frames: Frame[] = [
    frame(
      'gpt',
      'tokens',
      { key: 'gpt.tokens', values: { count: sentence.ids.length } },
      [
        single({
          id: 'tokens',
          label: 'row.tokens',
          tokens: sentence.ids.map((id, i) => cellOf(id, vocab, sentence.words[i])),
        }),
      ],
      { notes },
    ),
  ];
  const ends = (cells: TokenCell[]) => cells.map((cell) => ({ ...cell, highlight: cell.role === 'special' }));
  frames.push(
    frame('gpt', 'shift', { key: 'gpt.shift' }, [shiftBlock(ends(inputCells()), ends(targetCells()))], {
      notes,
      arrows: shifted.target.slice(0, -1).map((_, t) => ({
        from: { row: 'input', index: t + 1 },
        to: { row: 'target', index: t },
        kind: 'shift' as const,
      })),
    }),
  );
  const length = shifted.input.length;
  for (const t of sampledSteps(length, options.maxSteps ?? 12)) {
    const read = inputCells().map((cell, i) => ({ ...cell, highlight: i === t, dim: i > t }));
    const want = targetCells().map((cell, i): TokenCell => ({
      ...cell,
      role: i === t ? 'target' : cell.role,
      highlight: i === t,
      dim: i > t,
    }));
    frames.push(
      frame(
        'gpt',
        'predict',
        {
          key: 'gpt.predict',
          values: {
            context: shifted.input
              .slice(0, t + 1)
              .map((id) => tokenText(id, vocab))
              .join(' '),
            next: tokenText(shifted.target[t] as TokenId, vocab),
          },
        },
        [shiftBlock(read, want)],
        {
          notes,
          arrows: [{ from: { row: 'input', index: t }, to: { row: 'target', index: t }, kind: 'shift' }],
          attention: [
            {
              kind: 'causal',
              query: { row: 'input', index: t },
              keys: 'input',
              allowed: shifted.input.map((_, k) => k <= t),
              weights: null,
            },
          ],
          predictions: [
            {
              at: { row: 'target', index: t },
              truth: tokenText(shifted.target[t] as TokenId, vocab),
              candidates: null,
            },
          ],
          masks: [{ kind: 'causal', queries: length, keys: length, activeQuery: t }],
        },
      ),
    );
  }
  return { objective: 'gpt', sentence, shifted, frames };
}

function shiftBlock(input: TokenCell[], target: TokenCell[]) {
  return {
    aligned: true,
    rows: [
      { id: 'input', label: 'row.input', tokens: input },
      { id: 'target', label: 'row.target', tokens: target },
    ],
  };
}

/** What generation frames need of a `generate:run` answer. */
export type GenerationSteps = Pick<Generation, 'tokens' | 'steps' | 'stoppedBy'>;

/** Frames of a model generating token by token (`generate:run`'s steps, GPT): the newest token's attention shown. */
export function gptGenerationFrames(generation: GenerationSteps): Frame[] {
  const sequence = generation.tokens.input;
  const first = generation.steps[0]?.position ?? sequence.length;
  const cells = (upTo: number, newest: number): TokenCell[] =>
    sequence.slice(0, upTo + 1).map((text, i) => {
      const cell = cellOfText(text);
      return i >= first ? { ...cell, role: 'generated', highlight: i === newest } : cell;
    });
  const prompt = cells(first - 1, -1);
  const frames: Frame[] = [
    frame('gpt', 'prompt', { key: 'gpt.prompt', values: { count: prompt.length } }, [
      single({ id: 'sequence', label: 'row.sequence', tokens: prompt }),
    ]),
  ];
  for (const step of generation.steps) {
    const tokens = cells(step.position, step.position);
    const newest = tokens[step.position] as TokenCell;
    newest.caption = { key: 'caption.probability', values: { percent: percent(step.probability) } };
    const query = tokens[step.query] as TokenCell;
    tokens[step.query] = { ...query, highlight: true };
    const weights = headMeanRow(step.decoder, 0).slice(0, step.query + 1);
    frames.push(
      frame(
        'gpt',
        'generate',
        {
          key: 'gpt.generate',
          values: { token: newest.text, percent: percent(step.probability), query: query.text },
        },
        [single({ id: 'sequence', label: 'row.sequence', tokens })],
        {
          arrows: [
            {
              from: { row: 'sequence', index: step.query },
              to: { row: 'sequence', index: step.position },
              kind: 'shift',
            },
          ],
          attention: [
            {
              kind: 'causal',
              query: { row: 'sequence', index: step.query },
              keys: 'sequence',
              // Keys 0…query: the newest token did not exist yet when it was chosen.
              allowed: weights.map(() => true),
              weights,
            },
          ],
          masks: [
            { kind: 'causal', queries: step.position + 1, keys: step.position + 1, activeQuery: step.query },
          ],
        },
      ),
    );
  }
  const all = cells(sequence.length - 1, -1);
  frames.push(
    frame(
      'gpt',
      'stopped',
      { key: `gpt.stopped.${generation.stoppedBy}`, values: { count: generation.steps.length } },
      [single({ id: 'sequence', label: 'row.sequence', tokens: all })],
    ),
  );
  return frames;
}

/** A probability as a whole percentage ("42 %"), or "<1 %". */
export function percent(probability: number): string {
  const value = Math.round(probability * 100);
  return value === 0 && probability > 0 ? '<1' : String(value);
}
