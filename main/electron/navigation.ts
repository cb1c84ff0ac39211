/**
 * The navigation guard: the window only ever shows the app's own pages. Navigations elsewhere, new windows and
 * `<webview>`s are refused; an `https:` link the user follows opens in their own browser instead.
 */
import { isAppUrl, parseUrl } from './app-url';

/** What to do with a navigation or `window.open`. */
export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/**
 * Is `url` safe to hand to the OS browser? Only `https:` with a real host and no credentials: `http:` could be
 * read on the network, and `file:`, `javascript:` or custom schemes could start local programs.
 */
export function isSafeExternalUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** A frame wants to navigate: the app's own pages stay, a main-frame https link goes to the OS browser. */
export function navigationDecision(url: unknown, isMainFrame: boolean): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isMainFrame && isSafeExternalUrl(url) ? 'open-external' : 'deny';
}

/** The page asked for a new window: never granted; an https link goes to the OS browser. */
export function windowOpenDecision(url: unknown): Exclude<NavigationDecision, 'allow'> {
  return isSafeExternalUrl(url) ? 'open-external' : 'deny';
}

/** An Electron event that can be cancelled, with the navigation's details. */
interface NavigationEvent {
  url: string;
  isMainFrame: boolean;
  preventDefault(): void;
}

/** The part of Electron's `WebContents` the guard needs. */
export interface GuardedContents {
  on(event: 'will-frame-navigate' | 'will-redirect', listener: (details: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Installs the guard on a window's contents. */
export function guardNavigation(
  contents: GuardedContents,
  deps: { openExternal: (url: string) => unknown; log: (line: string) => void },
): void {
  const onNavigate = (details: NavigationEvent): void => {
    const decision = navigationDecision(details.url, details.isMainFrame);
    if (decision === 'allow') return;
    details.preventDefault();
    if (decision === 'open-external') void deps.openExternal(details.url);
    else deps.log(`[navigation] refused ${String(details.url).slice(0, 200)}`);
  };
  contents.on('will-frame-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log('[navigation] refused a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenDecision(url) === 'open-external') void deps.openExternal(url);
    else deps.log(`[navigation] refused window.open(${String(url).slice(0, 200)})`);
    return { action: 'deny' };
  });
}
