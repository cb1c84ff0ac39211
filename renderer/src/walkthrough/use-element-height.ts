/** The height of an element's content box, followed as the window (or the layout around it) changes. */
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** The content height of `ref`'s element in CSS pixels (0 before it is laid out, or while `isOn` is false). */
export function useElementHeight(ref: RefObject<HTMLElement | null>, isOn: boolean): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element || !isOn) return;
    const observer = new ResizeObserver(([entry]) => setHeight(Math.floor(entry?.contentRect.height ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, isOn]);
  return isOn ? height : 0;
}
