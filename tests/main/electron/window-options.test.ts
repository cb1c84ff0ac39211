import { describe, expect, it } from 'vitest';
import { windowBackground, windowOptions } from '../../../main/electron/window-options';

const options = windowOptions({ preloadPath: '/app/dist/main/preload.cjs', isDevToolsAllowed: false });
const web = options.webPreferences ?? {};

describe('window-options', () => {
  it('isolates the renderer: contextIsolation on', () => expect(web.contextIsolation).toBe(true));
  it('sandboxes the renderer: sandbox on', () => expect(web.sandbox).toBe(true));
  it('gives the renderer no Node', () => expect(web.nodeIntegration).toBe(false));
  it('gives workers no Node', () => expect(web.nodeIntegrationInWorker).toBe(false));
  it('gives subframes no Node', () => expect(web.nodeIntegrationInSubFrames).toBe(false));
  it('keeps web security on', () => expect(web.webSecurity).toBe(true));
  it('refuses insecure content', () => expect(web.allowRunningInsecureContent).toBe(false));
  it('disables the <webview> tag', () => expect(web.webviewTag).toBe(false));
  it('disables experimental web features', () => expect(web.experimentalFeatures).toBe(false));
  it('does not navigate to dropped files', () => expect(web.navigateOnDragDrop).toBe(false));
  it('loads the given preload', () => expect(web.preload).toBe('/app/dist/main/preload.cjs'));

  it('has DevTools only when allowed (development)', () => {
    expect(web.devTools).toBe(false);
    const dev = windowOptions({ preloadPath: 'p', isDevToolsAllowed: true });
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  it('is titled, sized for a classroom laptop and shown only when ready', () => {
    expect(options.title).toBe('Attention Lab');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe(windowBackground);
    expect(options.minWidth).toBeLessThanOrEqual(1366);
    expect(options.minHeight).toBeLessThanOrEqual(768);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? Infinity);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? Infinity);
  });
});
