/**
 * The animation of one pretraining objective (BERT masking, T5 span corruption, GPT shifted targets and
 * generation): the frame as SVG, play/pause, stepping, speed, a visible seed, a new random draw, the sentence
 * editor, keyboard shortcuts (Space, ←/→, R) and exports (PNG, SVG, GIF, WebM). With an open model the frames
 * show its attention and guesses; the built-in model of the family can be opened from here.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chapterSentence } from '../../../shared/animations/animation';
import type { Objective } from '../../../shared/animations/frame';
import type { ThemeName } from '../../../shared/charts/color';
import { animationHeight } from '../../../shared/animations/layout';
import { asLanguage, narrate } from '../../../shared/animations/narration';
import { renderFrameSvg } from '../../../shared/animations/render-svg';
import { holdMs } from '../../../shared/animations/timeline';
import type { LabApi } from '../../../shared/contract/api';
import type { BuiltinModelId } from '../../../shared/contract/model';
import { asLabError } from '../errors/as-lab-error';
import { useColorScheme } from '../views/use-color-scheme';
import { AnimationExports } from './animation-exports';
import { speeds, usePlayback } from './use-playback';
import { useAnimationFrames } from './use-animation-frames';
import './animations.css';

const builtinOf: Record<Objective, BuiltinModelId> = { bert: 'bert-tiny', t5: 't5-tiny', gpt: 'gpt-tiny' };
const maxSeed = 2 ** 31 - 1;

/** Props: the objective, the LabApi, and the id of an open model of that family (if any). */
export interface ObjectiveAnimationProps {
  objective: Objective;
  api: LabApi;
  modelId?: string;
  /** The sentence it starts from (default: the chapter's "I love this red car"). */
  initialText?: string;
  /** The random draw it starts from (default 0). */
  initialSeed?: number;
  /** T5: the share of tokens corrupted; BERT: the share masked (defaults: the objectives' own). */
  noiseDensity?: number;
  /** T5: the mean length of a corrupted span. */
  meanSpanLength?: number;
  /** The frame shown first (default `first`); `last` tells the whole story at once (a walkthrough step). */
  startFrame?: 'first' | 'last' | number;
  /** The colours of the frame on screen (default: the OS's light or dark theme); exports stay light. */
  theme?: ThemeName;
}

/** Offers to open the family's built-in model when none was given (and it is installed). */
function useBuiltinModel(api: LabApi, objective: Objective, given: string | undefined) {
  const [opened, setOpened] = useState<string | undefined>(undefined);
  const [isAvailable, setAvailable] = useState(false);
  const [state, setState] = useState<{ isOpening: boolean; error: string | null }>({
    isOpening: false,
    error: null,
  });
  useEffect(() => {
    if (given) return;
    let isCurrent = true;
    api
      .invoke('model:listBuiltin', {})
      .then(
        ({ models }) =>
          isCurrent && setAvailable(models.some((m) => m.id === builtinOf[objective] && m.isAvailable)),
      )
      .catch(() => isCurrent && setAvailable(false)); // no engine yet: the animation works without a model
    return () => {
      isCurrent = false;
    };
  }, [api, objective, given]);
  const open = () => {
    setState({ isOpening: true, error: null });
    api
      .invoke('model:open', { source: { kind: 'builtin', id: builtinOf[objective] } })
      .then((info) => {
        setOpened(info.modelId);
        setState({ isOpening: false, error: null });
      })
      .catch((error: unknown) => setState({ isOpening: false, error: asLabError(error).message }));
  };
  return { modelId: given ?? opened, canOpen: !given && !opened && isAvailable, open, ...state };
}

/** The animation view of `objective`. */
export function ObjectiveAnimation(props: ObjectiveAnimationProps) {
  const { objective, api, modelId, noiseDensity, meanSpanLength, startFrame } = props;
  const { t, i18n } = useTranslation();
  const systemTheme = useColorScheme();
  const theme = props.theme ?? systemTheme;
  const language = asLanguage(i18n.language);
  const [text, setText] = useState(props.initialText ?? chapterSentence);
  const [seed, setSeed] = useState(props.initialSeed ?? 0);
  const builtin = useBuiltinModel(api, objective, modelId);
  const { frames, error, modelStatus, modelMessage } = useAnimationFrames({
    objective,
    text,
    seed,
    api,
    modelId: builtin.modelId,
    options: {
      ...(noiseDensity === undefined ? {} : { noiseDensity, probability: noiseDensity }),
      ...(meanSpanLength === undefined ? {} : { meanSpanLength }),
    },
  });
  const hold = useCallback(
    (step: number) => (frames[step] ? holdMs(frames[step], language) : 2000),
    [frames, language],
  );
  // `last` asks for a step past the end: playback keeps the step within the frames it has.
  const firstStep =
    startFrame === 'last' ? Number.MAX_SAFE_INTEGER : startFrame === 'first' ? 0 : (startFrame ?? 0);
  const playback = usePlayback(frames.length, hold, firstStep);
  const minHeight = useMemo(() => animationHeight(frames, { language }), [frames, language]);
  const frame = frames[playback.step];
  const options = { language, seed: objective === 'gpt' ? undefined : seed, total: frames.length, minHeight };
  const rendered = frame
    ? renderFrameSvg(frame, { ...options, step: playback.step, idPrefix: `anim-${objective}`, theme })
    : null;

  const newDraw = () => setSeed(Math.floor(Math.random() * maxSeed));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (
      ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName) ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey
    )
      return;
    const actions: Record<string, () => void> = {
      ' ': playback.toggle,
      ArrowRight: playback.forward,
      ArrowLeft: playback.back,
      r: newDraw,
      R: newDraw,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <section
      className="objective-animation"
      aria-label={t(`animation.title.${objective}`)}
      onKeyDown={onKeyDown}
      data-testid="objective-animation"
    >
      <div className="anim-inputs">
        <label className="anim-field anim-sentence">
          <span>{t('animation.sentence')}</span>
          <input
            type="text"
            value={text}
            maxLength={2000}
            onChange={(event) => setText(event.target.value)}
            data-testid="anim-sentence"
          />
        </label>
        {objective !== 'gpt' && (
          <label className="anim-field anim-seed">
            <span>{t('animation.seed')}</span>
            <input
              type="number"
              min={0}
              max={maxSeed}
              step={1}
              value={seed}
              onChange={(event) => {
                const value = Number(event.target.value);
                if (Number.isSafeInteger(value) && value >= 0 && value <= maxSeed) setSeed(value);
              }}
              data-testid="anim-seed"
            />
          </label>
        )}
        {objective !== 'gpt' && (
          <button type="button" className="button" onClick={newDraw} title={t('animation.newDrawKey')}>
            {t('animation.newDraw')}
          </button>
        )}
      </div>

      <p className={`anim-model anim-model-${modelStatus}`} data-testid="anim-model" role="status">
        {modelStatus === 'none' && t('animation.model.none')}
        {modelStatus === 'loading' && t('animation.model.loading')}
        {modelStatus === 'ready' && t('animation.model.ready')}
        {modelStatus === 'error' && t('animation.model.error', { message: modelMessage ?? '' })}
        {builtin.canOpen && (
          <button
            type="button"
            className="button anim-open-model"
            onClick={builtin.open}
            disabled={builtin.isOpening}
          >
            {t(`animation.model.open.${objective}`)}
          </button>
        )}
        {builtin.error && <span className="anim-error"> {builtin.error}</span>}
      </p>
      {error && (
        <p className="anim-error" role="alert">
          {error}
        </p>
      )}

      {rendered && (
        // The frame is the one tab stop for the keys (Space, ←/→, R); they reach the section's handler.
        <figure
          className={`anim-stage anim-theme-${theme}${playback.isReducedMotion ? ' anim-reduced' : ''}`}
          tabIndex={0}
          aria-label={t('animation.keys')}
        >
          <div
            key={`${playback.step}|${text}|${seed}`}
            className="anim-svg"
            data-testid="anim-svg"
            data-stage={frame?.stage}
            dangerouslySetInnerHTML={{ __html: rendered.svg }}
          />
          <figcaption className="anim-narration" aria-live="polite">
            {frame ? narrate(frame.narration, language) : ''}
          </figcaption>
        </figure>
      )}

      <div className="anim-controls" role="toolbar" aria-label={t('animation.controls')}>
        <button
          type="button"
          className="button"
          onClick={playback.back}
          disabled={playback.step === 0}
          aria-label={t('animation.back')}
        >
          ←
        </button>
        <button type="button" className="button anim-play" onClick={playback.toggle} data-testid="anim-play">
          {playback.isPlaying ? t('animation.pause') : t('animation.play')}
        </button>
        <button
          type="button"
          className="button"
          onClick={playback.forward}
          disabled={playback.step >= frames.length - 1}
          aria-label={t('animation.forward')}
          data-testid="anim-forward"
        >
          →
        </button>
        <input
          type="range"
          min={0}
          max={Math.max(0, frames.length - 1)}
          value={playback.step}
          onChange={(event) => playback.goTo(Number(event.target.value))}
          aria-label={t('animation.stepSlider')}
        />
        <span className="anim-counter" data-testid="anim-counter">
          {t('animation.counter', { step: playback.step + 1, total: frames.length })}
        </span>
        <label className="anim-field anim-speed">
          <span>{t('animation.speed')}</span>
          <select value={playback.speed} onChange={(event) => playback.setSpeed(Number(event.target.value))}>
            {speeds.map((speed) => (
              <option key={speed} value={speed}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
        {rendered && (
          <AnimationExports
            objective={objective}
            seed={seed}
            step={playback.step}
            frames={frames}
            current={rendered}
            renderOptions={{ ...options, idPrefix: `anim-${objective}` }}
            isReducedMotion={playback.isReducedMotion}
          />
        )}
      </div>
      <p className="muted anim-keys">{t('animation.keys')}</p>
    </section>
  );
}
