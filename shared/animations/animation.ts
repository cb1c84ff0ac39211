/** One entry point for the three objectives' animations, as the app and `attention-lab animate` build them. */
import { splitWords } from '../text/tokenize';
import type { TokenId, Vocabulary } from '../text/vocabulary';
import { buildVocabulary, defaultSentinelCount, specialTokens } from '../text/vocabulary';
import type { BertAnimation } from './bert-frames';
import { bertMaskingFrames } from './bert-frames';
import type { Frame, Objective } from './frame';
import type { GptAnimation } from './gpt-frames';
import { gptShiftFrames } from './gpt-frames';
import type { T5Animation } from './t5-frames';
import { t5SpanFrames } from './t5-frames';

/** The animation of any objective. */
export type ObjectiveAnimation = BertAnimation | T5Animation | GptAnimation;

/** Options of {@link buildAnimation} (each objective reads its own). */
export interface AnimationOptions {
  /** BERT: fraction of words chosen (0.15). */
  probability?: number;
  /** T5: fraction of tokens corrupted (0.15) and mean span length (3). */
  noiseDensity?: number;
  meanSpanLength?: number;
  /** T5 and GPT: most decoder steps shown (12). */
  maxSteps?: number;
}

/** The chapter's example sentence. */
export const chapterSentence = 'I love this red car';

/** Builds the animation of `objective` for `input` with `createRng(seed)` (GPT needs no randomness). */
export function buildAnimation(
  objective: Objective,
  input: string | readonly TokenId[],
  vocab: Vocabulary,
  seed: number,
  options: AnimationOptions = {},
): ObjectiveAnimation {
  if (objective === 'bert') {
    return bertMaskingFrames(
      input,
      vocab,
      seed,
      options.probability === undefined ? {} : { probability: options.probability },
    );
  }
  if (objective === 't5') {
    const { noiseDensity, meanSpanLength, maxSteps } = options;
    return t5SpanFrames(input, vocab, seed, {
      ...(noiseDensity === undefined ? {} : { noiseDensity }),
      ...(meanSpanLength === undefined ? {} : { meanSpanLength }),
      ...(maxSteps === undefined ? {} : { maxSteps }),
    });
  }
  return gptShiftFrames(input, vocab, options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps });
}

/** Adds the "no model is open" note to every frame that has attention or prediction slots. */
export function withNoModelNote(frames: readonly Frame[]): Frame[] {
  return frames.map((frame) =>
    frame.attention.length > 0 || frame.predictions.length > 0
      ? { ...frame, notes: [...frame.notes, { key: 'note.noModel' }] }
      : frame,
  );
}

/**
 * A stand-in vocabulary when no model is open: the special tokens, 32 sentinels and the sentence's own words.
 * The choices and fates of a seed are the same as with any vocabulary; only BERT's random replacement word
 * depends on the vocabulary (here it is one of the sentence's words), which the frames then say.
 */
export function sentenceVocabulary(text: string): Vocabulary {
  const words = splitWords(text);
  const reserved = Object.keys(specialTokens).length + defaultSentinelCount;
  return buildVocabulary(words, { size: reserved + Math.max(1, new Set(words).size) });
}

/** Adds the stand-in vocabulary's note to every frame. */
export function withSentenceVocabularyNote(frames: readonly Frame[]): Frame[] {
  return frames.map((frame) => ({ ...frame, notes: [...frame.notes, { key: 'note.sentenceVocabulary' }] }));
}
