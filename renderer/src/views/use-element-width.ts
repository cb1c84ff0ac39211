/** The width of an element's content box, followed as the window (or the layout around it) changes. */
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** The content width of `ref`'s element in CSS pixels (0 before it is laid out). */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
