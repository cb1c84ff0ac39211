/**
 * The renderer's Content-Security-Policy under Electron, sent as a response header with every page and asset
 * of the app. It is the web host's policy (main/host/csp.ts) with nothing added, so the renderer's end-to-end
 * test in Chromium exercises the very policy Electron applies:
 *
 * - `default-src 'none'`: whatever is not listed is refused.
 * - `script-src 'self'`: only the bundled scripts; no inline script, no `eval`, and no `'wasm-unsafe-eval'`
 *   because TensorFlow.js runs in the engine process, never in the renderer.
 * - `style-src 'self'`: no `'unsafe-inline'` either. React `style` props and d3 `.style()` write through the
 *   CSSOM, which CSP does not restrict; only `<style>` elements and `style="…"` markup are refused.
 * - `connect-src 'self'`: under Electron the renderer talks to main through the preload, not the network.
 */
import { isAppUrl } from './app-url';
import { cspDirectives, serializeCsp } from '../host/csp';

/** The policy as one header value. */
export const contentSecurityPolicy = serializeCsp(cspDirectives());

/** Response headers as Electron's `webRequest` passes them (each value a list). */
export type ResponseHeaders = Record<string, string[]>;

/** Returns `headers` with our policy as the only Content-Security-Policy (any other, in any case, is dropped). */
export function withCsp(headers: ResponseHeaders | undefined): ResponseHeaders {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [contentSecurityPolicy] };
}

/** The part of Electron's `Session` this module needs. */
export interface CspSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Adds the policy to every response from the app's origin. The protocol handler already sets it; this also
 * covers anything Chromium loads for the app outside that handler. Other URLs (DevTools) pass unchanged.
 */
export function installCsp(session: CspSession): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback(isAppUrl(details.url) ? { responseHeaders: withCsp(details.responseHeaders) } : {});
  });
}
