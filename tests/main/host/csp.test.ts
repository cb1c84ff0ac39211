import { describe, expect, it } from 'vitest';
import { cspDirectives, serializeCsp } from '../../../main/host/csp';

describe('csp', () => {
  const directives = cspDirectives(['ws://127.0.0.1:5000']);

  it('allows scripts and styles from the page itself only: no inline code, no eval', () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    const all = Object.values(directives).flat();
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
  });

  it('denies by default, and forbids plugins, framing, base changes and form posts', () => {
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
  });

  it('connects only to the page itself and the sources given', () => {
    expect(directives['connect-src']).toEqual(["'self'", 'ws://127.0.0.1:5000']);
  });

  it('serializes to a header value', () => {
    expect(serializeCsp({ 'default-src': ["'none'"], 'img-src': ["'self'", 'data:'] })).toBe(
      "default-src 'none'; img-src 'self' data:",
    );
  });
});
