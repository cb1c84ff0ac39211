/**
 * The mask pattern a view draws for each kind of attention — encoder: every cell allowed; decoder: causal;
 * cross: target rows × input columns — optionally with the input padded by `[PAD]` tokens, as when a shorter
 * sentence shares a batch with a longer one: no query may attend to a padding key.
 */
import type { AttentionMask } from '../attention/masks';
import { causalMask, combineMasks, crossMask, paddingMask, validFlags } from '../attention/masks';

/** How padding tokens are labelled. */
export const padToken = '[PAD]';

/** Most padding tokens a view appends. */
export const maxPadding = 8;

/** What the pattern needs to know about a model's tokens. */
export interface PatternTokens {
  family: 'bert' | 'gpt' | 't5';
  tokens: { input: readonly string[]; target?: readonly string[] };
}

/** A mask with the tokens along its axes. */
export interface MaskPattern {
  rows: readonly string[];
  cols: readonly string[];
  mask: AttentionMask;
}

/** The input with `padding` [PAD] tokens appended, and which of its positions are real. */
function paddedInput(data: PatternTokens, padding: number): { input: string[]; valid: Uint8Array } {
  const count = Math.max(0, Math.min(maxPadding, Math.floor(padding)));
  const input = [...data.tokens.input, ...Array.from({ length: count }, () => padToken)];
  return { input, valid: validFlags(data.tokens.input.length, input.length) };
}

/** The pattern of one kind of attention (GPT's decoder reads the input; T5's reads the target). */
export function maskPattern(
  data: PatternTokens,
  kind: 'encoder' | 'decoder' | 'cross',
  padding = 0,
): MaskPattern {
  const { input, valid } = paddedInput(data, padding);
  const target = data.tokens.target ?? [];
  if (kind === 'encoder') return { rows: input, cols: input, mask: paddingMask(valid) };
  if (kind === 'cross') {
    return { rows: target, cols: input, mask: crossMask(target.length, input.length, valid) };
  }
  if (data.family === 'gpt') {
    return { rows: input, cols: input, mask: combineMasks(causalMask(input.length), paddingMask(valid)) };
  }
  return { rows: target, cols: target, mask: causalMask(target.length) };
}

/** The three patterns of an encoder–decoder, on the (padded) input and the target. */
export function triptychPattern(
  data: PatternTokens,
  padding = 0,
): {
  inputTokens: readonly string[];
  targetTokens: readonly string[];
  masks: { encoder: AttentionMask; cross: AttentionMask; decoder: AttentionMask };
} {
  const encoder = maskPattern(data, 'encoder', padding);
  return {
    inputTokens: encoder.cols,
    targetTokens: data.tokens.target ?? [],
    masks: {
      encoder: encoder.mask,
      cross: maskPattern(data, 'cross', padding).mask,
      decoder: maskPattern(data, 'decoder', padding).mask,
    },
  };
}
