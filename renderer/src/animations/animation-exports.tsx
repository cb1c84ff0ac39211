/** The export buttons of an animation: the current frame as PNG or SVG, the whole animation as GIF or WebM. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Frame, Objective } from '../../../shared/animations/frame';
import type { RenderedFrame, RenderOptions } from '../../../shared/animations/render-svg';
import { renderFrameSvg } from '../../../shared/animations/render-svg';
import { animationTimeline, holdMs } from '../../../shared/animations/timeline';
import { asLabError } from '../errors/as-lab-error';
import { downloadBlob, gifBlob, pngBlob, stepImages, svgBlob, webmBlob } from './export-media';

/** What the exports draw: every frame with the options of the view (always light), and the step on screen. */
export interface AnimationExportsProps {
  objective: Objective;
  seed: number;
  step: number;
  frames: readonly Frame[];
  current: RenderedFrame;
  /** The view's options; the exports draw them in the light theme (for slides, print and the web). */
  renderOptions: RenderOptions;
  /** No cross-fades in exported videos either. */
  isReducedMotion: boolean;
}

type Kind = 'png' | 'svg' | 'gif' | 'webm';

/** Four buttons and what they are doing. */
export function AnimationExports(props: AnimationExportsProps) {
  const { t } = useTranslation();
  const { objective, seed, step, frames, current, renderOptions } = props;
  const [busy, setBusy] = useState<{ kind: Kind; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `attention-lab-${objective}${objective === 'gpt' ? '' : `-seed${seed}`}`;

  const run = async (kind: Kind) => {
    setBusy({ kind, done: 0, total: frames.length });
    setError(null);
    try {
      const light = { ...renderOptions, theme: 'light' as const };
      const shown = frames[step];
      const still = shown ? renderFrameSvg(shown, { ...light, step }) : current;
      if (kind === 'svg') return downloadBlob(svgBlob(still.svg), `${base}-step${step + 1}.svg`);
      if (kind === 'png')
        return downloadBlob(
          await pngBlob(still.svg, still.width, still.height),
          `${base}-step${step + 1}.png`,
        );
      const svgs = frames.map((frame, i) => renderFrameSvg(frame, { ...light, step: i }).svg);
      const steps = await stepImages(svgs, current.width, current.height);
      const language = renderOptions.language ?? 'en';
      const timeline = animationTimeline(
        frames.map((frame) => holdMs(frame, language)),
        { fps: props.isReducedMotion ? 0 : 8 },
      );
      setBusy({ kind, done: 0, total: timeline.length });
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the "exporting" state paint first
      const blob =
        kind === 'gif'
          ? gifBlob(steps, timeline)
          : await webmBlob(steps, timeline, (done, total) => setBusy({ kind, done, total }));
      downloadBlob(blob, `${base}.${kind}`);
    } catch (reason) {
      setError(asLabError(reason).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="anim-exports" role="group" aria-label={t('animation.export.label')}>
      {(['png', 'svg', 'gif', 'webm'] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void run(kind)}
          data-testid={`anim-export-${kind}`}
          title={t(`animation.export.${kind}`)}
        >
          {kind.toUpperCase()}
        </button>
      ))}
      {busy && (busy.kind === 'gif' || busy.kind === 'webm') && (
        <span className="muted" role="status">
          {t('animation.export.busy', { done: busy.done, total: busy.total })}
        </span>
      )}
      {error && (
        <span className="anim-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
