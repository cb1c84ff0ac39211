import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  guardNavigation,
  isSafeExternalUrl,
  navigationDecision,
  windowOpenDecision,
} from '../../../main/electron/navigation';
import type { GuardedContents } from '../../../main/electron/navigation';

/** A stand-in for `webContents`: a real EventEmitter plus the window-open handler it was given. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) =>
      (openHandler = handler),
  }) as unknown as GuardedContents & EventEmitter;
  const opened: string[] = [];
  const logged: string[] = [];
  guardNavigation(contents, { openExternal: (url) => opened.push(url), log: (line) => logged.push(line) });
  /** Emits a navigation event; returns whether it was prevented. */
  const navigate = (event: string, url: string, isMainFrame = true): boolean => {
    let isPrevented = false;
    emitter.emit(event, { url, isMainFrame, preventDefault: () => (isPrevented = true) });
    return isPrevented;
  };
  const open = (url: string) => openHandler?.({ url });
  return { emitter, navigate, open, opened, logged };
}

describe('navigation', () => {
  it('allows navigation within the app', () => {
    expect(navigationDecision('app://lab/index.html', true)).toBe('allow');
    expect(navigationDecision('app://lab/other.html', false)).toBe('allow');
  });

  it('sends main-frame https links to the OS browser', () => {
    expect(navigationDecision('https://d2l.ai/', true)).toBe('open-external');
  });

  it('denies https in subframes, and every other scheme or origin', () => {
    expect(navigationDecision('https://d2l.ai/', false)).toBe('deny');
    const denied = [
      'http://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'app://evil/index.html',
      'chrome://settings',
      'smb://server/share',
      'not a url',
    ];
    for (const url of denied) expect(navigationDecision(url, true), url).toBe('deny');
  });

  it('only trusts plain https URLs to open externally', () => {
    expect(isSafeExternalUrl('https://d2l.ai/chapter.html')).toBe(true);
    for (const url of ['https://user:pw@d2l.ai/', 'http://d2l.ai/', 'mailto:a@b.c', 'ms-settings:', 42]) {
      expect(isSafeExternalUrl(url), String(url)).toBe(false);
    }
  });

  it('never opens a new window', () => {
    expect(windowOpenDecision('app://lab/index.html')).toBe('deny');
    expect(windowOpenDecision('https://d2l.ai/')).toBe('open-external');
    expect(windowOpenDecision('about:blank')).toBe('deny');
  });

  it('prevents foreign navigations and redirects, and lets the app navigate', () => {
    const { navigate, opened, logged } = fakeContents();
    expect(navigate('will-frame-navigate', 'app://lab/index.html')).toBe(false);
    expect(navigate('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://evil.example/')).toBe(true);
    expect(navigate('will-frame-navigate', 'https://d2l.ai/', false)).toBe(true);
    expect(opened).toEqual([]);
    expect(logged).toHaveLength(3);
  });

  it('opens a followed https link in the OS browser instead of the window', () => {
    const { navigate, opened } = fakeContents();
    expect(navigate('will-frame-navigate', 'https://d2l.ai/')).toBe(true);
    expect(opened).toEqual(['https://d2l.ai/']);
  });

  it('denies window.open, handing https links to the OS browser', () => {
    const { open, opened } = fakeContents();
    expect(open('https://d2l.ai/')).toEqual({ action: 'deny' });
    expect(open('app://lab/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://d2l.ai/']);
  });

  it('refuses every <webview>', () => {
    const { emitter } = fakeContents();
    let isPrevented = false;
    emitter.emit(
      'will-attach-webview',
      { preventDefault: () => (isPrevented = true) },
      {},
      { src: 'app://lab/' },
    );
    expect(isPrevented).toBe(true);
  });
});
