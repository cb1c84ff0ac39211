/**
 * BERT's masked language modelling as frames: the tokens → `[CLS] … [SEP]` → 15 % of the words chosen → each
 * chosen word's fate (80 % [MASK], 10 % a random word, 10 % kept) → the input BERT reads → the bidirectional
 * attention of a chosen position over every token → the model's guesses → the loss on the chosen positions only.
 *
 * The corruption is exactly one row of the trainer's BERT batch (main/engine/train/batches.ts without
 * next-sentence pairs): `packSentencePair(ids)` then `maskTokens(…, createRng(seed))`. The trainer draws every
 * row from one generator shared by the whole run, so "the same seed" means: a fresh `createRng(seed)` used for
 * this one sequence — which is what `attention-lab corrupt --objective bert --seed S` does too. The corrupt
 * command masks the words without [CLS]/[SEP]; since special tokens are never candidates, the same words get
 * the same fates, one position further right here.
 */
import type { MaskedSequence, MaskingOptions } from '../objectives/bert-masking';
import { maskTokens, packSentencePair } from '../objectives/bert-masking';
import { createRng } from '../random';
import type { TokenId, Vocabulary } from '../text/vocabulary';
import type { Frame, Narration, PredictionSlot, RowBlock, TokenCell } from './frame';
import { frame, single } from './frame';
import type { Sentence } from './tokens';
import { cellOf, readSentence, sentenceNotes, tokenText } from './tokens';

/** A BERT masking animation and the data it was computed from. */
export interface BertAnimation {
  objective: 'bert';
  seed: number;
  sentence: Sentence;
  /** `[CLS] words [SEP]`. */
  packed: TokenId[];
  /** `maskTokens`' result for `packed`. */
  masked: MaskedSequence;
  frames: Frame[];
}

const fateCaption: Record<'mask' | 'random' | 'keep', string> = {
  mask: 'caption.was',
  random: 'caption.was',
  keep: 'caption.kept',
};

/** Builds the frames of BERT's masking of `input` with `createRng(seed)`. */
export function bertMaskingFrames(
  input: string | readonly TokenId[],
  vocab: Vocabulary,
  seed: number,
  options: MaskingOptions = {},
): BertAnimation {
  const sentence = readSentence(input, vocab);
  const { ids: packed } = packSentencePair(sentence.ids, undefined, vocab);
  const masked = maskTokens(packed, vocab, createRng(seed), options);
  const { choices } = masked;
  // The typed word behind each packed position ([CLS] and [SEP] have none).
  const words = [undefined, ...sentence.words, undefined];
  const base = (): TokenCell[] => packed.map((id, i) => cellOf(id, vocab, words[i]));
  const isChosen = new Set(choices.map((choice) => choice.index));
  const chosenCells = (): TokenCell[] =>
    base().map((cell, i) => (isChosen.has(i) ? { ...cell, role: 'chosen' } : cell));
  const fated = (revealed: number): TokenCell[] =>
    chosenCells().map((cell, i) => {
      const at = choices.findIndex((choice) => choice.index === i);
      const choice = choices[at];
      if (!choice || at >= revealed) return cell;
      const caption: Narration = {
        key: fateCaption[choice.kind],
        values: { word: tokenText(choice.original, vocab) },
      };
      return { text: tokenText(choice.replacement, vocab), role: choice.kind, caption };
    });
  const labels = (): TokenCell[] =>
    packed.map((_, i) => {
      const label = masked.labels[i] ?? -1;
      return label < 0
        ? { text: '·', role: 'plain', dim: true }
        : { text: tokenText(label, vocab), role: 'target' };
    });

  const candidates = packed.filter((id) => !vocab.isSpecial(id) && id !== vocab.unkId).length;
  const probability = options.probability ?? 0.15;
  const exact = candidates * probability;
  const notes: Narration[] = sentenceNotes(sentence);
  // The counting note belongs to the frame that chooses; "nothing to choose" stays to the end.
  const chosenNotes = [...notes];
  if (candidates === 0) {
    notes.push({ key: 'bert.noCandidates' });
    chosenNotes.push({ key: 'bert.noCandidates' });
  } else if (exact < 1) {
    chosenNotes.push({ key: 'bert.lessThanOne', values: { exact: exact.toFixed(2) } });
  }

  const frames: Frame[] = [];
  frames.push(
    frame(
      'bert',
      'tokens',
      { key: 'bert.tokens', values: { count: sentence.ids.length } },
      [
        single({
          id: 'tokens',
          label: 'row.tokens',
          tokens: sentence.ids.map((id, i) => cellOf(id, vocab, sentence.words[i])),
        }),
      ],
      { notes },
    ),
  );
  const framedCells = base().map((cell, i) =>
    i === 0 || i === packed.length - 1 ? { ...cell, highlight: true } : cell,
  );
  frames.push(
    frame(
      'bert',
      'framed',
      { key: 'bert.framed' },
      [single({ id: 'input', label: 'row.sequence', tokens: framedCells })],
      { notes },
    ),
  );
  frames.push(
    frame(
      'bert',
      'chosen',
      {
        key: 'bert.chosen',
        values: {
          candidates,
          percent: Math.round(probability * 100),
          exact: exact.toFixed(2),
          chosen: choices.length,
        },
      },
      [
        single({
          id: 'input',
          label: 'row.sequence',
          tokens: chosenCells().map((cell, i) => ({ ...cell, highlight: isChosen.has(i) })),
        }),
      ],
      { notes: chosenNotes },
    ),
  );
  choices.forEach((choice, c) => {
    const input = fated(c + 1);
    input[choice.index] = { ...(input[choice.index] as TokenCell), highlight: true };
    const original = chosenCells();
    original[choice.index] = { ...(original[choice.index] as TokenCell), highlight: true };
    const values = {
      word: tokenText(choice.original, vocab),
      replacement: tokenText(choice.replacement, vocab),
      position: choice.index,
    };
    frames.push(
      frame('bert', 'fate', { key: `bert.fate.${choice.kind}`, values }, [aligned(original, input)], {
        notes,
        arrows: [
          {
            from: { row: 'original', index: choice.index },
            to: { row: 'input', index: choice.index },
            kind: 'replace',
          },
        ],
      }),
    );
  });
  if (choices.length === 0) {
    frames.push(
      frame(
        'bert',
        'nothing',
        { key: 'bert.nothing' },
        [single({ id: 'input', label: 'row.input', tokens: base() })],
        { notes },
      ),
    );
    return { objective: 'bert', seed, sentence, packed, masked, frames };
  }

  const inputBlock = (dimOthers: boolean): RowBlock => ({
    aligned: true,
    rows: [
      {
        id: 'input',
        label: 'row.input',
        tokens: fated(choices.length).map((cell, i) => ({ ...cell, dim: dimOthers && !isChosen.has(i) })),
      },
      {
        id: 'labels',
        label: 'row.labels',
        tokens: labels().map((cell, i) => ({ ...cell, dim: cell.dim || (dimOthers && !isChosen.has(i)) })),
      },
    ],
  });
  frames.push(
    frame('bert', 'input', { key: 'bert.input', values: { count: choices.length } }, [inputBlock(false)], {
      notes,
    }),
  );

  // The attention of one chosen position: a [MASK] one if there is one (the chapter's picture).
  const focus = choices.find((choice) => choice.kind === 'mask') ?? (choices[0] as (typeof choices)[number]);
  const focusCells = fated(choices.length).map((cell, i) =>
    i === focus.index ? { ...cell, highlight: true } : cell,
  );
  frames.push(
    frame(
      'bert',
      'attention',
      { key: 'bert.attention', values: { position: focus.index, word: tokenText(focus.original, vocab) } },
      [single({ id: 'input', label: 'row.input', tokens: focusCells })],
      {
        notes,
        attention: [
          {
            kind: 'bidirectional',
            query: { row: 'input', index: focus.index },
            keys: 'input',
            allowed: packed.map(() => true),
            weights: null,
          },
        ],
        masks: [{ kind: 'full', queries: packed.length, keys: packed.length, activeQuery: focus.index }],
      },
    ),
  );
  const predictions = (): PredictionSlot[] =>
    choices.map((choice) => ({
      at: { row: 'input', index: choice.index },
      truth: tokenText(choice.original, vocab),
      candidates: null,
    }));
  frames.push(
    frame('bert', 'predictions', { key: 'bert.predictions' }, [inputBlock(false)], {
      notes,
      predictions: predictions(),
    }),
  );
  frames.push(
    frame(
      'bert',
      'loss',
      { key: 'bert.loss', values: { count: choices.length, others: packed.length - choices.length } },
      [inputBlock(true)],
      {
        notes,
        predictions: predictions(),
        showLoss: true,
      },
    ),
  );
  return { objective: 'bert', seed, sentence, packed, masked, frames };
}

/** The block of the original sequence above the corrupted one, position by position. */
function aligned(original: TokenCell[], input: TokenCell[]): RowBlock {
  return {
    aligned: true,
    rows: [
      { id: 'original', label: 'row.original', tokens: original },
      { id: 'input', label: 'row.input', tokens: input },
    ],
  };
}
