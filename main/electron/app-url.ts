/**
 * The app's own origin. The renderer is served from a privileged custom scheme (`app://lab/…`), so every check
 * that asks "is this us?" (navigation, sender frame, CSP, protocol) compares against the same scheme and host.
 */

/** The custom scheme the renderer is served from. */
export const appScheme = 'app';

/** The one host of that scheme. */
export const appHost = 'lab';

/** The serialized origin Chromium gives our pages (a `standard` scheme has a real origin). */
export const appOrigin = `${appScheme}://${appHost}`;

/** The first page the window loads. */
export const appEntryUrl = `${appOrigin}/index.html`;

/** Parses a URL, or returns `null` when it is not one. */
export function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Is `url` one of the app's own pages? Exactly our scheme and host; no port and no credentials, which a
 * crafted URL could otherwise use to look like ours. (Node's `URL.origin` is `"null"` for custom schemes, so
 * the parts are compared instead.)
 */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${appScheme}:` &&
    parsed.host === appHost &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
