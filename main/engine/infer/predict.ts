/** The model's guesses: BERT's top-k words for each [MASK], GPT's top-k next tokens. */
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { TransformerModel } from '../models/model';
import type { AttentionMaps } from './attention-stack';
import { readAttentionMaps } from './attention-stack';
import { frameBert, frameGpt } from './inputs';
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

function requireFamily(model: TransformerModel, family: 'bert' | 'gpt', what: string): void {
  if (model.config.family !== family) {
    throw new LabError(
      'wrong-model-family',
      `${what} needs a ${family.toUpperCase()} model; this is ${model.config.family}.`,
    );
  }
}

/** Top-k words for every `[MASK]` in `text` (e.g. "i love [MASK] red car"). */
export function predictMasked(
  model: TransformerModel,
  vocab: Vocabulary,
  request: { text: string; topK: number },
): MaskedPrediction {
  requireFamily(model, 'bert', 'Filling in [MASK]');
  checkTopK(request.topK);
  const framed = frameBert(request.text, vocab, model.config.maxLength);
  const positions = framed.inputIds.flatMap((id, i) => (id === vocab.maskId ? [i] : []));
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
