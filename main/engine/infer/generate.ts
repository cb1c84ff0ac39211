/**
 * Text generation, one token at a time under the causal mask: GPT continues a prompt; T5 decodes a target for
 * an input (e.g. fills the sentinels of "i <X> this <Y>"). Each step reruns the model on the whole sequence
 * (the lab's contexts are short, so no key/value cache); one last pass returns the attention over the final
 * sequence, in which generated token i was chosen from query row `position - 1`.
 */
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import { createRng } from '../../../shared/random';
import type { TokenId, Vocabulary } from '../../../shared/text/vocabulary';
import { asTokenId } from '../../../shared/text/vocabulary';
import type { ModelFamily } from '../models/config';
import type { ModelInput, TransformerModel } from '../models/model';
import type { AttentionMaps } from './attention-stack';
import { readAttentionMaps } from './attention-stack';
import { encodeText, fitToLength, requireTokens } from './encode-text';
import { frameGpt, t5Input } from './inputs';
import type { SamplingOptions } from './sampling';
import { checkSampling, chooseToken } from './sampling';

/** What to generate and how. */
export interface GenerateRequest extends SamplingOptions {
  /** GPT: the text to continue; T5: the encoder input. */
  prompt: string;
  maxTokens: number;
  seed: number;
}

/** One generated token. */
export interface GeneratedToken {
  id: number;
  token: string;
  /** The model's probability for it (softmax at temperature 1, before top-k/top-p). */
  probability: number;
  /** Its index in the decoder sequence (`tokens.input` for GPT, `tokens.target` for T5). */
  position: number;
}

/** Why generation ended. */
export type StopReason = 'eos' | 'final-sentinel' | 'max-tokens' | 'context';

/** The whole sequence, the generated tokens and the attention over the final sequence. */
export interface GenerateResult {
  family: ModelFamily;
  /** GPT: `<bos>`, prompt and generated tokens in `input`; T5: encoder tokens in `input`, decoder in `target`. */
  tokens: { input: string[]; target?: string[] };
  generated: GeneratedToken[];
  stoppedBy: StopReason;
  attention: AttentionMaps;
  /** Whether the prompt was longer than the context and its beginning was cut. */
  isTruncated: boolean;
}

/** A decoder sequence being extended and how to run the model on it. */
interface Decoding {
  sequence: TokenId[];
  toInput(sequence: TokenId[]): ModelInput;
  isStop(id: number): StopReason | null;
}

/**
 * Tokens a model is never allowed to write: [UNK] (a word the vocabulary lacks is no answer — greedy decoding of
 * a tiny model would otherwise fall into it, as ~14 % of Brown's words are [UNK]), padding and the BERT markers,
 * and <bos>; GPT also never writes sentinels, which belong to T5's targets. <eos> stays: it ends the text.
 */
function unwritableIds(vocab: Vocabulary, family: 'gpt' | 't5'): number[] {
  const ids = [vocab.padId, vocab.unkId, vocab.clsId, vocab.sepId, vocab.maskId, vocab.bosId];
  if (family === 'gpt') for (let i = 0; i < vocab.sentinelCount; i++) ids.push(vocab.sentinelId(i));
  return ids;
}

/** Generates with a GPT (continuing the prompt) or a T5 (decoding a target for the prompt). */
export function generateText(
  model: TransformerModel,
  vocab: Vocabulary,
  request: GenerateRequest,
): GenerateResult {
  checkSampling(request);
  const { maxLength, family } = model.config;
  // More tokens than fit are allowed: generation then stops at the end of the context ('context').
  if (!(Number.isInteger(request.maxTokens) && request.maxTokens >= 1)) {
    throw new LabError('invalid-argument', 'The number of tokens to generate must be a whole number ≥ 1.');
  }
  let decoding: Decoding;
  let encoderIds: TokenId[] = [];
  let isTruncated: boolean;
  if (family === 'gpt') {
    const framed = frameGpt(request.prompt, vocab, maxLength - 1, 'end'); // room for at least one token
    isTruncated = framed.isTruncated.input;
    decoding = {
      sequence: framed.inputIds,
      toInput: (ids) => ({ family: 'gpt', batchSize: 1, length: ids.length, input: Int32Array.from(ids) }),
      isStop: (id) => (id === vocab.eosId ? 'eos' : null),
    };
  } else if (family === 't5') {
    const words = encodeText(request.prompt, vocab);
    requireTokens(words, 'prompt');
    const fitted = fitToLength(words, maxLength);
    encoderIds = fitted.ids;
    isTruncated = fitted.isTruncated;
    // The target ends with the sentinel after the input's last one (with none, <X>).
    const finalSentinel = encoderIds.filter((id) => vocab.isSentinel(id)).length;
    decoding = {
      sequence: [vocab.padId],
      toInput: (ids) => t5Input(encoderIds, ids).input,
      isStop: (id) =>
        id === vocab.eosId ? 'eos' : vocab.sentinelIndex(id) >= finalSentinel ? 'final-sentinel' : null,
    };
  } else {
    throw new LabError(
      'wrong-model-family',
      'BERT fills in [MASK] words but does not generate text; use a GPT or T5 model.',
    );
  }

  const rng = createRng(request.seed);
  const unwritable = unwritableIds(vocab, family);
  const generated: GeneratedToken[] = [];
  let stoppedBy: StopReason = 'max-tokens';
  while (generated.length < request.maxTokens) {
    if (decoding.sequence.length >= maxLength) {
      stoppedBy = 'context';
      break;
    }
    const logits = tf.tidy(() => {
      const output = model.forward(decoding.toInput(decoding.sequence)).logits; // [1, t, V]
      const t = decoding.sequence.length;
      return tf.slice(output, [0, t - 1, 0], [1, 1, model.config.vocabSize]).dataSync() as Float32Array;
    });
    for (const id of unwritable) logits[id] = -Infinity;
    const choice = chooseToken(logits, request, rng);
    decoding.sequence.push(asTokenId(choice.id));
    generated.push({
      id: choice.id,
      token: vocab.token(choice.id),
      probability: choice.probability,
      position: decoding.sequence.length - 1,
    });
    const stop = decoding.isStop(choice.id);
    if (stop) {
      stoppedBy = stop;
      break;
    }
  }

  let attention: AttentionMaps = {};
  tf.tidy(() => {
    attention = readAttentionMaps(model.forward(decoding.toInput(decoding.sequence)).attention);
  });
  const decoded = vocab.decode(decoding.sequence);
  return {
    family,
    tokens: family === 'gpt' ? { input: decoded } : { input: vocab.decode(encoderIds), target: decoded },
    generated,
    stoppedBy,
    attention,
    isTruncated,
  };
}
