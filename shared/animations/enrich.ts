/**
 * Fills the model slots of an animation — attention weights and top-k guesses — by asking an open model
 * through the contract's channels (`predict:masked`, `predict:next`, `attention:compute`, `generate:run`). The
 * app passes its LabApi's `invoke`; `attention-lab animate --checkpoint` passes the engine's handlers, so both
 * fill the frames the same way. When the model reads the text differently from the animation (another
 * vocabulary), nothing is filled and the frames say so.
 */
import type { RequestInput, RequestOutput } from '../contract/api';
import type { Vocabulary } from '../text/vocabulary';
import type { ObjectiveAnimation } from './animation';
import type { AttentionSlot, Candidate, Frame } from './frame';
import type { FlatAttention } from './head-mean';
import { headMeanRow } from './head-mean';
import { gptGenerationFrames } from './gpt-frames';
import { cellOfText } from './tokens';

/** The channels an animation asks a model. */
export type ModelChannel = 'predict:masked' | 'predict:next' | 'attention:compute' | 'generate:run';

/** Sends one request to the open model (a LabApi's `invoke`, or the engine's handlers). */
export type AskModel = <C extends ModelChannel>(
  channel: C,
  input: RequestInput<C>,
) => Promise<RequestOutput<C>>;

/** Options of {@link enrichAnimation}. */
export interface EnrichOptions {
  modelId: string;
  /** Guesses per position (default 5). */
  topK?: number;
  /** GPT: tokens to generate after the text (default 8; 0 = no generation frames). */
  generateTokens?: number;
}

type Attention = { encoder?: FlatAttention; decoder?: FlatAttention; cross?: FlatAttention };

/** The candidates as the frames show tokens (sentinels as <X>, …). */
function shown(candidates: ReadonlyArray<{ token: string; probability: number }>): Candidate[] {
  return candidates.map(({ token, probability }) => ({ token: cellOfText(token).text, probability }));
}

/** `slot` with the head-mean weights of its query from `attention` (masked keys get 0). */
function fillSlot(slot: AttentionSlot, attention: Attention): AttentionSlot {
  const stack =
    slot.kind === 'bidirectional'
      ? attention.encoder
      : slot.kind === 'causal'
        ? attention.decoder
        : attention.cross;
  if (!stack || slot.query.index >= (stack.queries ?? 1)) return slot;
  const row = headMeanRow(stack, slot.query.index);
  return { ...slot, weights: slot.allowed.map((isAllowed, k) => (isAllowed ? (row[k] ?? 0) : 0)) };
}

function sameTokens(got: readonly string[] | undefined, expected: readonly string[]): boolean {
  return (
    got !== undefined && got.length === expected.length && got.every((token, i) => token === expected[i])
  );
}

const mismatch = (frames: readonly Frame[]): Frame[] =>
  frames.map((frame) => ({ ...frame, notes: [...frame.notes, { key: 'note.mismatch' }] }));

/** Returns `animation`'s frames with the model's attention and guesses filled in (and GPT's generation appended). */
export async function enrichAnimation(
  animation: ObjectiveAnimation,
  vocab: Vocabulary,
  ask: AskModel,
  options: EnrichOptions,
): Promise<Frame[]> {
  const { modelId } = options;
  const topK = options.topK ?? 5;
  const text = (ids: readonly number[]) => vocab.decode(ids).join(' ');
  if (animation.sentence.ids.length === 0) return animation.frames;

  if (animation.objective === 'bert') {
    const { masked, frames } = animation;
    if (masked.choices.length === 0) return frames;
    const words = masked.input.slice(1, -1); // the engine adds [CLS] and [SEP] itself
    const positions = masked.choices.map((choice) => choice.index);
    const result = await ask('predict:masked', { modelId, text: text(words), positions, topK });
    if (!sameTokens(result.tokens, vocab.decode(masked.input))) return mismatch(frames);
    const byPosition = new Map(result.predictions.map((p) => [p.position, shown(p.candidates)]));
    return frames.map((frame) => ({
      ...frame,
      attention: frame.attention.map((slot) => fillSlot(slot, result.attention)),
      predictions: frame.predictions.map((slot) => ({
        ...slot,
        candidates: byPosition.get(slot.at.index) ?? null,
      })),
    }));
  }

  if (animation.objective === 't5') {
    const { corrupted, decoderInput, frames } = animation;
    const computed = await ask('attention:compute', {
      modelId,
      text: text(corrupted.input),
      target: text(corrupted.target),
    });
    const expectedTarget = vocab.decode([decoderInput[0] ?? vocab.padId, ...corrupted.target]);
    if (
      !sameTokens(computed.tokens.input, vocab.decode(corrupted.input)) ||
      !sameTokens(computed.tokens.target, expectedTarget)
    ) {
      return mismatch(frames);
    }
    const filled: Frame[] = [];
    for (const frame of frames) {
      const predictions = [];
      for (const slot of frame.predictions) {
        const soFar = text(corrupted.target.slice(0, slot.at.index));
        const next = await ask('predict:next', { modelId, text: text(corrupted.input), target: soFar, topK });
        predictions.push({ ...slot, candidates: shown(next.candidates) });
      }
      filled.push({
        ...frame,
        attention: frame.attention.map((slot) => fillSlot(slot, computed.attention)),
        predictions,
      });
    }
    return filled;
  }

  const { shifted, frames } = animation;
  const words = shifted.input.slice(1); // the engine adds <bos> itself
  const computed = await ask('attention:compute', { modelId, text: text(words) });
  if (!sameTokens(computed.tokens.input, vocab.decode(shifted.input))) return mismatch(frames);
  const filled: Frame[] = [];
  for (const frame of frames) {
    const predictions = [];
    for (const slot of frame.predictions) {
      // After <bos> alone there is no text to send: that first guess stays empty.
      const prefix = words.slice(0, slot.at.index);
      const next =
        prefix.length === 0 ? null : await ask('predict:next', { modelId, text: text(prefix), topK });
      predictions.push({ ...slot, candidates: next ? shown(next.candidates) : [] });
    }
    filled.push({
      ...frame,
      attention: frame.attention.map((slot) => fillSlot(slot, computed.attention)),
      predictions,
    });
  }
  const tokens = options.generateTokens ?? 8;
  if (tokens <= 0) return filled;
  const generation = await ask('generate:run', {
    modelId,
    prompt: text(words),
    maxTokens: tokens,
    temperature: 0,
  });
  return [...filled, ...gptGenerationFrames(generation)];
}
