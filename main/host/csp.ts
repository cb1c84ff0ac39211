/**
 * The Content-Security-Policy both hosts (Electron and the web host) send with every response: scripts and styles from the page's own
 * origin only (no `unsafe-inline`, no `unsafe-eval`), no plugins, no framing, no form posts, and network access
 * only back to the host itself (its WebSocket included).
 */

/** CSP directives, each a list of sources. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/** The policy the renderer needs, with `connectSources` added to `connect-src`. */
export function cspDirectives(connectSources: readonly string[] = []): CspDirectives {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...connectSources],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
}

/** Serializes directives into a header value. */
export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
