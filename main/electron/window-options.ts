/** The main window's options: the renderer is sandboxed, isolated and without Node; it sees only the preload API. */
import type { BrowserWindowConstructorOptions } from 'electron';

/** The window's background, shown before the first paint (matches the renderer's page background). */
export const windowBackground = '#f8fafc';

/** Builds the `BrowserWindow` options. DevTools exist only in development (`!app.isPackaged`). */
export function windowOptions(options: {
  preloadPath: string;
  isDevToolsAllowed: boolean;
}): BrowserWindowConstructorOptions {
  return {
    title: 'Attention Lab',
    width: 1280,
    height: 820,
    // Small enough for a 1366×768 classroom laptop, large enough for the layer × head overview.
    minWidth: 960,
    minHeight: 600,
    backgroundColor: windowBackground,
    show: false, // shown on 'ready-to-show', so the user never sees a blank white frame
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false, // a file dropped on the window must not replace the app
      safeDialogs: true,
      spellcheck: false,
      devTools: options.isDevToolsAllowed,
    },
  };
}
