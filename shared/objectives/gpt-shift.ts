/**
 * GPT's next-token objective: the model reads `<bos> w1 … wn` and must predict `w1 … wn <eos>`, so the
 * target at position t is the input at position t + 1 (and `<eos>` after the last word).
 */
import type { TokenId, Vocabulary } from '../text/vocabulary';

/** The input and target of one sequence; both have length ids.length + 1. */
export interface ShiftedSequence {
  input: TokenId[];
  target: TokenId[];
}

/** input = <bos> + ids, target = ids + <eos>. */
export function shiftForNextToken(ids: readonly TokenId[], vocab: Vocabulary): ShiftedSequence {
  return { input: [vocab.bosId, ...ids], target: [...ids, vocab.eosId] };
}
