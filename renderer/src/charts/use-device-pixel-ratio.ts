/** The screen's device pixel ratio, updated when the window moves to another screen or the zoom changes. */
import { useEffect, useState } from 'react';
import { devicePixelRatioOf } from './canvas-surface';

/** Re-renders with the new ratio whenever it changes. */
export function useDevicePixelRatio(): number {
  const [dpr, setDpr] = useState(() => devicePixelRatioOf());
  useEffect(() => {
    const query = window.matchMedia(`(resolution: ${dpr}dppx)`);
    const onChange = () => setDpr(devicePixelRatioOf());
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [dpr]);
  return dpr;
}
