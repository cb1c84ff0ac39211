/** The model's guesses: BERT's top-k words for each [MASK], GPT's (and T5's next target) top-k next tokens. */
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { TransformerModel } from '../models/model';
import type { AttentionMaps } from './attention-stack';
import { readAttentionMaps } from './attention-stack';
import { frameBert, frameGpt, frameT5 } from './inputs';
import { rankTokens, softmax } from './sampling';

/** One candidate token and its probability. */
export interface TokenScore {
  id: number;
  token: string;
  probability: number;
}

/** A text's tokens, the model's candidates and the attention behind them. */
interface Prediction {
  tokens: string[];
  attention: AttentionMaps;
  isTruncated: boolean;
}

/** BERT's guesses for each [MASK] of the text. */
export interface MaskedPrediction extends Prediction {
  predictions: { position: number; candidates: TokenScore[] }[];
}

/** GPT's guesses for the token after the text. */
export interface NextTokenPrediction extends Prediction {
  candidates: TokenScore[];
}

/** T5's guesses for the target token after `targetTokens` (the decoder's `[PAD]` start and the target so far). */
export interface NextTargetPrediction extends NextTokenPrediction {
  targetTokens: string[];
}

function checkTopK(topK: number): void {
  if (!(Number.isInteger(topK) && topK >= 1 && topK <= 100)) {
    throw new LabError('invalid-argument', `top-k must be a whole number from 1 to 100; got ${topK}.`);
  }
}

function topCandidates(logits: Float32Array, vocab: Vocabulary, topK: number): TokenScore[] {
  const probabilities = softmax(logits);
  return rankTokens(probabilities)
    .slice(0, topK)
    .map((id) => ({ id, token: vocab.token(id), probability: probabilities[id] ?? 0 }));
}

function requireFamily(model: TransformerModel, family: 'bert' | 'gpt' | 't5', what: string): void {
  if (model.config.family !== family) {
    throw new LabError(
      'wrong-model-family',
      `${what} needs a ${family.toUpperCase()} model; this is ${model.config.family}.`,
    );
  }
}

/**
 * Top-k words for every `[MASK]` in `text` (e.g. "i love [MASK] red car"), or at the token `positions` given
 * ([CLS] is 0; what an animation needs when a chosen token was replaced by a random word or kept).
 */
export function predictMasked(
  model: TransformerModel,
  vocab: Vocabulary,
  request: { text: string; topK: number; positions?: readonly number[] },
): MaskedPrediction {
  requireFamily(model, 'bert', 'Filling in [MASK]');
  checkTopK(request.topK);
  const framed = frameBert(request.text, vocab, model.config.maxLength);
  const length = framed.inputIds.length;
  const outside = request.positions?.find((p) => !(Number.isInteger(p) && p >= 0 && p < length));
  if (outside !== undefined) {
    throw new LabError(
      'invalid-argument',
      `Position ${outside} is outside the text, which has ${length} tokens with [CLS] and [SEP] (positions 0 to ${length - 1}).`,
    );
  }
  const positions = request.positions
    ? [...request.positions]
    : framed.inputIds.flatMap((id, i) => (id === vocab.maskId ? [i] : []));
  if (positions.length === 0) {
    throw new LabError(
      'invalid-argument',
      'Write [MASK] where BERT should guess a word, e.g. "i love [MASK] red car".',
    );
  }
  const vocabSize = model.config.vocabSize;
  let result: MaskedPrediction | undefined;
  tf.tidy(() => {
    const { logits, attention } = model.forward(framed.input); // logits [1, t, V]
    const all = logits.dataSync() as Float32Array;
    result = {
      tokens: vocab.decode(framed.inputIds),
      attention: readAttentionMaps(attention),
      isTruncated: framed.isTruncated.input,
      predictions: positions.map((position) => ({
        position,
        candidates: topCandidates(
          all.subarray(position * vocabSize, (position + 1) * vocabSize),
          vocab,
          request.topK,
        ),
      })),
    };
  });
  return result as MaskedPrediction;
}

/** Top-k candidates for the token after `text`. */
export function predictNext(
  model: TransformerModel,
  vocab: Vocabulary,
  request: { text: string; topK: number },
): NextTokenPrediction {
  requireFamily(model, 'gpt', 'Next-token prediction');
  checkTopK(request.topK);
  const framed = frameGpt(request.text, vocab, model.config.maxLength, 'end');
  const { vocabSize } = model.config;
  let result: NextTokenPrediction | undefined;
  tf.tidy(() => {
    const { logits, attention } = model.forward(framed.input); // [1, t, V]
    const last = tf.slice(logits, [0, framed.input.length - 1, 0], [1, 1, vocabSize]);
    result = {
      tokens: vocab.decode(framed.inputIds),
      attention: readAttentionMaps(attention),
      isTruncated: framed.isTruncated.input,
      candidates: topCandidates(last.dataSync() as Float32Array, vocab, request.topK),
    };
  });
  return result as NextTokenPrediction;
}

/** T5: top-k candidates for the target token after `target` (so far) given the input `text`. */
export function predictNextTarget(
  model: TransformerModel,
  vocab: Vocabulary,
  request: { text: string; target: string; topK: number },
): NextTargetPrediction {
  requireFamily(model, 't5', 'Predicting the next target token');
  checkTopK(request.topK);
  const framed = frameT5(request.text, request.target, vocab, model.config.maxLength);
  const { vocabSize } = model.config;
  let result: NextTargetPrediction | undefined;
  tf.tidy(() => {
    const { logits, attention } = model.forward(framed.input); // [1, targetLength, V]
    const last = tf.slice(logits, [0, framed.input.targetLength - 1, 0], [1, 1, vocabSize]);
    result = {
      tokens: vocab.decode(framed.inputIds),
      targetTokens: vocab.decode(framed.targetIds ?? []),
      attention: readAttentionMaps(attention),
      isTruncated: framed.isTruncated.input || framed.isTruncated.target,
      candidates: topCandidates(last.dataSync() as Float32Array, vocab, request.topK),
    };
  });
  return result as NextTargetPrediction;
}
