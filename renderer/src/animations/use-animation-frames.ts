/**
 * The frames of one objective's animation for a sentence and seed, computed in the renderer by the shared
 * objective functions; when a model is open, filled with its attention and guesses through the LabApi (while
 * the request runs, or when it fails, the frames without them stay on screen with a note).
 */
import { useEffect, useMemo, useState } from 'react';
import type { AnimationOptions, ObjectiveAnimation } from '../../../shared/animations/animation';
import {
  buildAnimation,
  sentenceVocabulary,
  withNoModelNote,
  withSentenceVocabularyNote,
} from '../../../shared/animations/animation';
import { enrichAnimation } from '../../../shared/animations/enrich';
import type { Frame, Objective } from '../../../shared/animations/frame';
import type { LabApi } from '../../../shared/contract/api';
import { Vocabulary } from '../../../shared/text/vocabulary';
import { asLabError } from '../errors/as-lab-error';

/** Where the model part stands. */
export type ModelStatus = 'none' | 'loading' | 'ready' | 'error';

/** What the animation view shows. */
export interface AnimationFrames {
  frames: Frame[];
  animation: ObjectiveAnimation | null;
  /** Why the animation could not be built (e.g. a text needing more sentinels than the vocabulary has). */
  error: string | null;
  modelStatus: ModelStatus;
  modelMessage: string | null;
}

interface Request {
  objective: Objective;
  text: string;
  seed: number;
  api: LabApi;
  modelId: string | undefined;
  /** Noise settings of the objective (defaults: the objective's own). */
  options?: Pick<AnimationOptions, 'probability' | 'noiseDensity' | 'meanSpanLength'>;
}

/** Builds (and, with a model, fills) the frames; the model's vocabulary is fetched once per model. */
export function useAnimationFrames({
  objective,
  text,
  seed,
  api,
  modelId,
  options,
}: Request): AnimationFrames {
  const { probability, noiseDensity, meanSpanLength } = options ?? {};
  const [vocabulary, setVocabulary] = useState<{ modelId: string; vocab: Vocabulary } | null>(null);
  const [modelError, setModelError] = useState<{ key: string; message: string } | null>(null);
  const [filled, setFilled] = useState<{ key: string; frames: Frame[] } | null>(null);

  useEffect(() => {
    if (!modelId) return;
    let isCurrent = true;
    api
      .invoke('model:vocabulary', { modelId })
      .then((wire) => isCurrent && setVocabulary({ modelId, vocab: new Vocabulary(wire.tokens) }))
      .catch(
        (error: unknown) => isCurrent && setModelError({ key: modelId, message: asLabError(error).message }),
      );
    return () => {
      isCurrent = false;
    };
  }, [api, modelId]);

  const modelVocab = modelId && vocabulary?.modelId === modelId ? vocabulary.vocab : null;
  const built = useMemo(() => {
    try {
      const vocab = modelVocab ?? sentenceVocabulary(text);
      const noise = {
        ...(probability === undefined ? {} : { probability }),
        ...(noiseDensity === undefined ? {} : { noiseDensity }),
        ...(meanSpanLength === undefined ? {} : { meanSpanLength }),
      };
      return { animation: buildAnimation(objective, text, vocab, seed, noise), vocab, error: null };
    } catch (error) {
      return { animation: null, vocab: null, error: asLabError(error).message };
    }
  }, [objective, text, seed, modelVocab, probability, noiseDensity, meanSpanLength]);

  const key = `${modelId ?? ''}|${objective}|${seed}|${text}|${probability}|${noiseDensity}|${meanSpanLength}`;
  useEffect(() => {
    const { animation, vocab } = built;
    if (!modelId || !modelVocab || !animation || !vocab) return;
    let isCurrent = true;
    // Typing changes the text often: ask the model only once the sentence has rested a moment.
    const timer = setTimeout(() => {
      enrichAnimation(animation, vocab, api.invoke.bind(api), { modelId })
        .then((frames) => isCurrent && setFilled({ key, frames }))
        .catch((error: unknown) => isCurrent && setModelError({ key, message: asLabError(error).message }));
    }, 250);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [api, built, key, modelId, modelVocab]);

  const { animation, error } = built;
  if (!animation) return { frames: [], animation: null, error, modelStatus: 'none', modelMessage: null };
  if (!modelId) {
    return {
      // Only BERT's random replacement depends on the vocabulary.
      frames:
        objective === 'bert'
          ? withSentenceVocabularyNote(withNoModelNote(animation.frames))
          : withNoModelNote(animation.frames),
      animation,
      error: null,
      modelStatus: 'none',
      modelMessage: null,
    };
  }
  const failure =
    modelError && (modelError.key === key || modelError.key === modelId) ? modelError.message : null;
  if (failure) {
    return {
      frames: withNoModelNote(animation.frames),
      animation,
      error: null,
      modelStatus: 'error',
      modelMessage: failure,
    };
  }
  if (filled?.key === key)
    return { frames: filled.frames, animation, error: null, modelStatus: 'ready', modelMessage: null };
  return { frames: animation.frames, animation, error: null, modelStatus: 'loading', modelMessage: null };
}
