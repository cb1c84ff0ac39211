/**
 * Presenter mode's full screen: the Fullscreen API on the walkthrough's element when the browser allows it;
 * when it refuses (no user gesture, a kiosk, an embedding page) the page still fills the window with CSS and
 * says so. Leaving full screen through the browser (its own Esc) leaves presenter mode too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/** Presenter state and its two switches. */
export interface Presenter {
  isPresenting: boolean;
  /** Full screen was asked for and refused: the window is filled instead. */
  isRefused: boolean;
  enter: () => void;
  exit: () => void;
}

/** Full screen for the element of `ref`. */
export function usePresenter(ref: RefObject<HTMLElement | null>): Presenter {
  const [isPresenting, setPresenting] = useState(false);
  const [isRefused, setRefused] = useState(false);
  const isFullscreen = useRef(false);

  useEffect(() => {
    const onChange = () => {
      const isNow = document.fullscreenElement !== null && document.fullscreenElement === ref.current;
      if (isFullscreen.current && !isNow) setPresenting(false); // the browser's own Esc left full screen
      isFullscreen.current = isNow;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [ref]);

  const enter = useCallback(() => {
    setPresenting(true);
    setRefused(false);
    const element = ref.current;
    if (!element?.requestFullscreen) {
      setRefused(true);
      return;
    }
    element.requestFullscreen().catch(() => setRefused(true));
  }, [ref]);

  const exit = useCallback(() => {
    setPresenting(false);
    setRefused(false);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined); // already left
  }, []);

  useEffect(
    () => () => void (document.fullscreenElement && document.exitFullscreen().catch(() => undefined)),
    [],
  );
  return { isPresenting, isRefused, enter, exit };
}
