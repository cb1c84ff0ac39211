import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, installCsp, withCsp } from '../../../main/electron/csp';
import type { CspSession, ResponseHeaders } from '../../../main/electron/csp';

/** Parses a policy into directive → sources, failing on a directive given twice. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `${name} appears twice`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

const policy = parsePolicy(contentSecurityPolicy);
const sources = (name: string): string[] => policy.get(name) ?? [];

describe('csp', () => {
  it("defaults to nothing: default-src 'none'", () => expect(sources('default-src')).toEqual(["'none'"]));

  it("runs only the app's own scripts: no inline, no eval, no wasm eval", () => {
    expect(sources('script-src')).toEqual(["'self'"]);
    for (const name of ['script-src', 'default-src', 'worker-src']) {
      for (const unsafe of [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'wasm-unsafe-eval'",
        '*',
        'data:',
        'blob:',
      ]) {
        expect(sources(name), `${name} ${unsafe}`).not.toContain(unsafe);
      }
    }
  });

  it("loads styles only from the app: style-src 'self'", () =>
    expect(sources('style-src')).toEqual(["'self'"]));
  it('shows images from the app, data: and blob: URLs', () =>
    expect(sources('img-src').sort()).toEqual(["'self'", 'blob:', 'data:']));
  it('loads fonts only from the app', () => expect(sources('font-src')).toEqual(["'self'"]));
  it('connects only to the app', () => expect(sources('connect-src')).toEqual(["'self'"]));
  it('starts workers only from the app', () => expect(sources('worker-src')).toEqual(["'self'"]));
  it('embeds no plugins: object-src none', () => expect(sources('object-src')).toEqual(["'none'"]));
  it('allows no <base>: base-uri none', () => expect(sources('base-uri')).toEqual(["'none'"]));
  it('posts no forms: form-action none', () => expect(sources('form-action')).toEqual(["'none'"]));
  it('cannot be framed: frame-ancestors none', () => expect(sources('frame-ancestors')).toEqual(["'none'"]));

  it('lists no remote origin anywhere', () => {
    for (const [name, list] of policy) {
      for (const source of list) expect(source, name).not.toMatch(/^(https?|wss?):|\*/);
    }
  });

  it('replaces any Content-Security-Policy header, whatever its case, and keeps the others', () => {
    const headers = withCsp({
      'content-security-policy': ["script-src 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy],
    });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] });
  });

  it('adds the policy to app responses and leaves other URLs (DevTools) alone', () => {
    let listener: Parameters<CspSession['webRequest']['onHeadersReceived']>[0] | undefined;
    installCsp({ webRequest: { onHeadersReceived: (registered) => (listener = registered) } });
    const respond = (url: string): { responseHeaders?: ResponseHeaders } => {
      let response: { responseHeaders?: ResponseHeaders } | undefined;
      listener?.({ url, responseHeaders: { 'X-A': ['1'] } }, (given) => (response = given));
      return response ?? { responseHeaders: { missing: ['callback not called'] } };
    };
    expect(respond('app://lab/index.html').responseHeaders?.['Content-Security-Policy']).toEqual([
      contentSecurityPolicy,
    ]);
    expect(respond('devtools://devtools/bundled/inspector.html')).toEqual({});
  });
});
