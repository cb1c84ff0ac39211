/**
 * Playing an animation: the current step, play/pause, stepping, speed. While playing, each step is held as long
 * as its narration needs (divided by the speed); playback stops at the last step. Whether the reader asked the
 * system for reduced motion is reported too, so the view can drop its fades.
 */
import { useCallback, useEffect, useState } from 'react';

/** The speeds offered. */
export const speeds = [0.5, 1, 2] as const;

/** What the controls need. */
export interface Playback {
  step: number;
  isPlaying: boolean;
  speed: number;
  isReducedMotion: boolean;
  play(): void;
  pause(): void;
  toggle(): void;
  forward(): void;
  back(): void;
  goTo(step: number): void;
  setSpeed(speed: number): void;
}

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

/** Follows the system's reduced-motion setting. */
export function usePrefersReducedMotion(): boolean {
  const [isReduced, setReduced] = useState(() => window.matchMedia?.(reducedMotionQuery).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(reducedMotionQuery);
    if (!query) return;
    const onChange = () => setReduced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return isReduced;
}

/** Playback over `count` steps held `holdMs(step)` milliseconds each at speed 1, from `firstStep` (default 0). */
export function usePlayback(count: number, holdMs: (step: number) => number, firstStep = 0): Playback {
  const [requested, setStep] = useState(firstStep);
  const [isPlaying, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const isReducedMotion = usePrefersReducedMotion();
  const last = Math.max(0, count - 1);
  const step = Math.min(requested, last); // a shorter animation (new sentence) keeps a valid step

  useEffect(() => {
    if (!isPlaying) return;
    const timer = setTimeout(
      () => {
        if (step >= last) setPlaying(false);
        else setStep(step + 1);
      },
      holdMs(step) / speed,
    );
    return () => clearTimeout(timer);
  }, [isPlaying, step, last, speed, holdMs]);

  const goTo = useCallback((next: number) => setStep(Math.max(0, Math.min(last, next))), [last]);
  const play = () => {
    if (step >= last) setStep(0); // play again from the start
    setPlaying(true);
  };
  const pause = () => setPlaying(false);
  return {
    step,
    isPlaying,
    speed,
    isReducedMotion,
    play,
    pause,
    toggle: () => (isPlaying ? pause() : play()),
    forward: () => {
      pause();
      goTo(step + 1);
    },
    back: () => {
      pause();
      goTo(step - 1);
    },
    goTo,
    setSpeed,
  };
}
