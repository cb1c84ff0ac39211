/**
 * The data of one animation frame: rows of token boxes with a role each, arrows between tokens, an attention
 * slot and prediction slots the caller fills from a model, small mask glyphs, and a narration key. Frames are
 * plain data (no geometry, no text in any language): `layout.ts` places them, `render-svg.ts` draws them, and
 * `narration.ts` turns their keys into English or Indonesian.
 */

/** The three pretraining objectives of the chapter. */
export type Objective = 'bert' | 't5' | 'gpt';

/** The objectives, in the chapter's order. */
export const objectives: readonly Objective[] = ['bert', 't5', 'gpt'];

/**
 * What a token box shows, and so its colour:
 * - `plain` an ordinary word; `unknown` a word outside the vocabulary ([UNK]);
 * - `special` [CLS], [SEP], [PAD], <bos>, <eos>; `sentinel` a T5 sentinel <X>, <Y>, …;
 * - `chosen` chosen for corruption, its fate not shown yet; `mask` / `random` / `keep` BERT's three fates;
 * - `target` a token the model must predict; `generated` a token a model wrote.
 */
export type TokenRole =
  | 'plain'
  | 'unknown'
  | 'special'
  | 'sentinel'
  | 'chosen'
  | 'mask'
  | 'random'
  | 'keep'
  | 'target'
  | 'generated';

/** A text to show in the reader's language: a key of `narration.ts` and the values it fills in. */
export interface Narration {
  key: string;
  values?: Record<string, string | number>;
}

/** One token box. */
export interface TokenCell {
  /** The token as shown (sentinels as <X>, <Y>, …). */
  text: string;
  role: TokenRole;
  /** Drawn with a strong outline: the token this frame is about. */
  highlight?: boolean;
  /** Drawn faded: not involved in this step (future tokens, positions without a loss). */
  dim?: boolean;
  /** A small line under the box, e.g. "was: love" or a probability. */
  caption?: Narration;
}

/** A labelled row of tokens. */
export interface TokenRow {
  /** Unique within the frame; arrows, attention and predictions refer to it. */
  id: string;
  /** Narration key of the row's label ("Input", "Target", …). */
  label: string;
  tokens: TokenCell[];
}

/** Rows drawn one under another; rows of an aligned block share their columns (position i above position i). */
export interface RowBlock {
  rows: TokenRow[];
  aligned: boolean;
}

/** A token of a frame: row id and position. */
export interface TokenRef {
  row: string;
  index: number;
}

/** An arrow between two tokens: `shift` (what is read → what is predicted), `replace` (a word → what replaces it). */
export interface Arrow {
  from: TokenRef;
  to: TokenRef;
  kind: 'shift' | 'replace';
}

/**
 * One query's attention over a row of keys: which keys it may attend to (the mask) and, when a model is open,
 * the weights it gave them (last layer, mean over heads). `weights` stays `null` until the caller fills it.
 */
export interface AttentionSlot {
  /** `bidirectional` (encoder self-attention), `causal` (decoder self-attention) or `cross` (decoder → input). */
  kind: 'bidirectional' | 'causal' | 'cross';
  query: TokenRef;
  /** The row holding the keys. */
  keys: string;
  /** Per key: may the query attend to it? */
  allowed: boolean[];
  weights: number[] | null;
}

/** A candidate word with the model's probability. */
export interface Candidate {
  token: string;
  probability: number;
}

/** The model's guesses for one position; `candidates` stays `null` until the caller fills it. */
export interface PredictionSlot {
  at: TokenRef;
  /** The token the loss wants (BERT: the original word; GPT/T5: the target token). */
  truth: string;
  candidates: Candidate[] | null;
}

/** A small picture of an attention pattern: which queries may attend to which keys; `activeQuery` is outlined. */
export interface MaskGlyph {
  kind: 'full' | 'causal' | 'cross';
  queries: number;
  keys: number;
  activeQuery?: number;
}

/** One frame of an animation. */
export interface Frame {
  objective: Objective;
  /** Machine name of the step, e.g. `chosen`, `fate`, `decode`. */
  stage: string;
  narration: Narration;
  /** Things the reader must know (too short to corrupt, unknown words, no model open). */
  notes: Narration[];
  blocks: RowBlock[];
  arrows: Arrow[];
  attention: AttentionSlot[];
  predictions: PredictionSlot[];
  masks: MaskGlyph[];
  /** Show the loss (−log p of each truth) under the predictions. */
  showLoss: boolean;
}

/** A frame with empty optional parts, for the frame builders. */
export function frame(
  objective: Objective,
  stage: string,
  narration: Narration,
  blocks: RowBlock[],
  extra: Partial<Omit<Frame, 'objective' | 'stage' | 'narration' | 'blocks'>> = {},
): Frame {
  return {
    objective,
    stage,
    narration,
    notes: extra.notes ?? [],
    blocks,
    arrows: extra.arrows ?? [],
    attention: extra.attention ?? [],
    predictions: extra.predictions ?? [],
    masks: extra.masks ?? [],
    showLoss: extra.showLoss ?? false,
  };
}

/** A one-row block. */
export function single(row: TokenRow): RowBlock {
  return { rows: [row], aligned: true };
}

/** The token at `ref` in `frame`, if any. */
export function tokenAt(target: Frame, ref: TokenRef): TokenCell | undefined {
  for (const block of target.blocks) {
    const row = block.rows.find((r) => r.id === ref.row);
    if (row) return row.tokens[ref.index];
  }
  return undefined;
}

/** The row `id` of `frame`, if any. */
export function rowOf(target: Frame, id: string): TokenRow | undefined {
  for (const block of target.blocks) {
    const row = block.rows.find((r) => r.id === id);
    if (row) return row;
  }
  return undefined;
}
