import { describe, expect, it } from 'vitest';
import {
  createAccessGuard,
  createToken,
  hostWithPort,
  readCookie,
  tokensMatch,
} from '../../../main/web/access';

describe('access', () => {
  it('creates 32-byte base64url tokens that differ every time', () => {
    const a = createToken();
    const b = createToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('matches only the exact token', () => {
    const token = createToken();
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(`${token}x`, token)).toBe(false);
    expect(tokensMatch(token.slice(1), token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
    expect(tokensMatch(null, token)).toBe(false);
  });

  it('reads one cookie among several', () => {
    expect(readCookie('a=1; attention_lab_80=xyz; b=2', 'attention_lab_80')).toBe('xyz');
    expect(readCookie('a=1', 'attention_lab_80')).toBeNull();
    expect(readCookie(undefined, 'x')).toBeNull();
  });

  it('writes IPv6 hosts in brackets', () => {
    expect(hostWithPort('127.0.0.1', 80)).toBe('127.0.0.1:80');
    expect(hostWithPort('::1', 80)).toBe('[::1]:80');
  });

  const token = createToken();
  const guard = createAccessGuard({ token, host: '127.0.0.1', port: 4321 });

  it('allows only its own Host header (DNS-rebinding guard)', () => {
    expect(guard.isHostAllowed('127.0.0.1:4321')).toBe(true);
    expect(guard.isHostAllowed('localhost:4321')).toBe(true);
    expect(guard.isHostAllowed('127.0.0.1:4322')).toBe(false);
    expect(guard.isHostAllowed('evil.example:4321')).toBe(false);
    expect(guard.isHostAllowed(undefined)).toBe(false);
  });

  it('allows only its own origin', () => {
    expect(guard.origin).toBe('http://127.0.0.1:4321');
    expect(guard.isOriginAllowed('http://127.0.0.1:4321')).toBe(true);
    expect(guard.isOriginAllowed('https://127.0.0.1:4321')).toBe(false);
    expect(guard.isOriginAllowed('http://evil.example:4321')).toBe(false);
    expect(guard.isOriginAllowed('null')).toBe(false);
    expect(guard.isOriginAllowed(undefined)).toBe(false);
  });

  it('finds the token in the query or in its per-port cookie, and nowhere else', () => {
    const url = (query: string) => new URL(`http://127.0.0.1:4321/${query}`);
    expect(guard.tokenSource(url(`?token=${token}`), undefined)).toBe('query');
    expect(guard.tokenSource(url(''), `attention_lab_4321=${token}`)).toBe('cookie');
    expect(guard.tokenSource(url(''), `attention_lab_9999=${token}`)).toBeNull();
    expect(guard.tokenSource(url('?token=wrong'), 'attention_lab_4321=wrong')).toBeNull();
    expect(guard.tokenSource(url(''), undefined)).toBeNull();
  });

  it('sets an HttpOnly, SameSite=Strict cookie', () => {
    expect(guard.setCookie).toBe(`attention_lab_4321=${token}; Path=/; HttpOnly; SameSite=Strict`);
  });
});
