/** Every attention map of a model for one text (and, for T5, a target text), ready to leave the engine. */
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../../shared/contract/errors';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { ModelFamily } from '../models/config';
import type { ModelInput, TransformerModel } from '../models/model';
import type { AttentionMaps } from './attention-stack';
import { readAttentionMaps } from './attention-stack';
import type { FramedInput } from './inputs';
import { frameBert, frameGpt, frameT5 } from './inputs';

/** What {@link attendText} returns. */
export interface AttendResult {
  family: ModelFamily;
  /** The tokens along each axis: `input` (encoder, or GPT's sequence), `target` (T5's decoder input). */
  tokens: { input: string[]; target?: string[] };
  ids: { input: number[]; target?: number[] };
  attention: AttentionMaps;
  /** Whether the text (or target) was longer than the model's context and was cut. */
  isTruncated: { input: boolean; target: boolean };
}

/** Frames `text` (and `target`) the way the model's family reads it. */
export function frameText(
  model: TransformerModel,
  vocab: Vocabulary,
  text: string,
  target?: string,
): FramedInput<ModelInput> {
  const { family, maxLength } = model.config;
  if (target !== undefined && family !== 't5') {
    throw new LabError(
      'invalid-argument',
      `Only T5 (encoder–decoder) models take a target text; this is ${family}.`,
    );
  }
  if (family === 'bert') return frameBert(text, vocab, maxLength);
  if (family === 'gpt') return frameGpt(text, vocab, maxLength);
  return frameT5(text, target ?? '', vocab, maxLength);
}

/** Runs the model once and returns the tokens and every attention map [layer][head][query][key]. */
export function attendText(
  model: TransformerModel,
  vocab: Vocabulary,
  request: { text: string; target?: string },
): AttendResult {
  const framed = frameText(model, vocab, request.text, request.target);
  let attention: AttentionMaps = {};
  tf.tidy(() => {
    attention = readAttentionMaps(model.forward(framed.input).attention);
  });
  const result: AttendResult = {
    family: model.config.family,
    tokens: { input: vocab.decode(framed.inputIds) },
    ids: { input: [...framed.inputIds] },
    attention,
    isTruncated: framed.isTruncated,
  };
  if (framed.targetIds) {
    result.tokens.target = vocab.decode(framed.targetIds);
    result.ids.target = [...framed.targetIds];
  }
  return result;
}
