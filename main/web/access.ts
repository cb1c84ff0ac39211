/**
 * Who may talk to the web host: a request must name the host's own loopback address in `Host` (a guard against DNS
 * rebinding), come from the host's own origin when it says where it comes from, and carry the random access token
 * (in the query on the first page load, then in an HttpOnly cookie). Pure: no sockets here.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random access token: 32 bytes, base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares a candidate with the token in constant time (both are hashed first, so lengths never leak). */
export function tokensMatch(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 256) return false;
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** Reads one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

/** `host:port` as it appears in a `Host` header (IPv6 addresses in brackets). */
export function hostWithPort(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  return `${bare.includes(':') ? `[${bare}]` : bare}:${port}`;
}

/** How a request proved it holds the token. */
export type TokenSource = 'query' | 'cookie';

/** The access rules of one running host. */
export interface AccessGuard {
  /** The `Set-Cookie` value the first page load receives. */
  readonly setCookie: string;
  /** The origin the page is served from, e.g. `http://127.0.0.1:5173`. */
  readonly origin: string;
  isHostAllowed(hostHeader: string | undefined): boolean;
  isOriginAllowed(originHeader: string | undefined): boolean;
  /** Where a valid token was found, or `null` when the request has none. */
  tokenSource(url: URL, cookieHeader: string | undefined): TokenSource | null;
}

/** Builds the guard for a host bound to `host:port`. */
export function createAccessGuard(options: { token: string; host: string; port: number }): AccessGuard {
  const { token, port } = options;
  const bound = hostWithPort(options.host, port);
  const allowedHosts = new Set([bound.toLowerCase(), `localhost:${port}`]);
  // One cookie per port: cookies ignore ports, and two hosts on one machine must not overwrite each other's.
  const cookieName = `attention_lab_${port}`;
  return {
    setCookie: `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`,
    origin: `http://${bound}`,
    isHostAllowed: (hostHeader) => allowedHosts.has((hostHeader ?? '').toLowerCase()),
    isOriginAllowed(originHeader) {
      if (!originHeader) return false;
      const match = /^http:\/\/(.+)$/.exec(originHeader.toLowerCase());
      return match?.[1] !== undefined && allowedHosts.has(match[1]);
    },
    tokenSource(url, cookieHeader) {
      if (tokensMatch(url.searchParams.get('token'), token)) return 'query';
      if (tokensMatch(readCookie(cookieHeader, cookieName), token)) return 'cookie';
      return null;
    },
  };
}
