/** The OS's light or dark theme, followed live (the charts draw in the same theme as the page). */
import { useEffect, useState } from 'react';
import type { ThemeName } from '../../../shared/charts/color';

const darkQuery = '(prefers-color-scheme: dark)';

/** `dark` when the OS asks for dark colours, else `light`; re-renders when that changes. */
export function useColorScheme(): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() =>
    window.matchMedia(darkQuery).matches ? 'dark' : 'light',
  );
  useEffect(() => {
    const query = window.matchMedia(darkQuery);
    const onChange = () => setTheme(query.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return theme;
}
