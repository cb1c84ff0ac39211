/**
 * The `app://lab/…` scheme: serves the built renderer (dist/renderer) and nothing else. A request is resolved
 * to a file strictly inside that folder — `..` in any spelling, absolute paths, drive letters and other hosts
 * are refused — and every response carries the CSP and the right content type.
 */
import { readFile as readFileFromDisk } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { appScheme, isAppUrl, parseUrl } from './app-url';
import { contentSecurityPolicy } from './csp';
import { mimeTypeOf } from '../host/mime-types';

/**
 * The scheme's privileges: a standard, secure origin (so `'self'`, relative URLs and `fetch` work). Vite's
 * `<script type="module" crossorigin>` is a CORS-mode fetch, which Chromium performs only for CORS-enabled
 * schemes in some versions; `corsEnabled` grants no other origin anything, as no response carries
 * `Access-Control-Allow-Origin`. No `bypassCSP`, no service workers.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** The Content-Type for a file, by extension; unknown files are opaque bytes (never sniffed as HTML). */
export function contentTypeFor(filePath: string): string {
  return mimeTypeOf(path.extname(filePath));
}

/** Where a request leads: a file inside the root, or a refusal with its HTTP status. */
export type Resolution =
  { ok: true; filePath: string; contentType: string } | { ok: false; status: 400 | 403; reason: string };

/** The path functions used, so Windows rules can be tested on any machine (`path.win32`). */
export type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/** Resolves an `app://lab/…` URL to a file inside `rootDir`, or refuses it. Pure: touches no file. */
export function resolveAppRequest(url: string, rootDir: string, paths: PathApi = path): Resolution {
  const parsed = parseUrl(url);
  if (!parsed || !isAppUrl(url)) return { ok: false, status: 403, reason: 'not the app origin' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  // Decoded `%2F` and `%5C` are separators too: split on both before looking at segments.
  const segments = decoded.split(/[\\/]/);
  if (segments.some((segment) => segment === '..'))
    return { ok: false, status: 403, reason: 'path traversal' };
  if (segments.some((segment) => segment.includes('\0') || segment.includes(':'))) {
    return { ok: false, status: 400, reason: 'invalid character in path' }; // NUL, drive letters, NTFS streams
  }
  const names = segments.filter((segment) => segment !== '' && segment !== '.');
  const isDirectory = decoded.endsWith('/') || decoded.endsWith('\\') || names.length === 0;
  const relative = [...names, ...(isDirectory ? ['index.html'] : [])].join('/');
  const filePath = paths.resolve(rootDir, relative);
  const fromRoot = paths.relative(paths.resolve(rootDir), filePath);
  if (
    fromRoot === '' ||
    fromRoot === '..' ||
    fromRoot.startsWith(`..${paths.sep}`) ||
    paths.isAbsolute(fromRoot)
  ) {
    return { ok: false, status: 403, reason: 'outside the app folder' };
  }
  return { ok: true, filePath, contentType: contentTypeFor(filePath) };
}

/** Headers on every response, files and refusals alike. */
function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
}

function refusal(status: number, reason: string): Response {
  return new Response(`${status} ${reason}`, {
    status,
    headers: securityHeaders('text/plain; charset=utf-8'),
  });
}

/** Builds the scheme's request handler (a fetch-style `Request → Response`, as `protocol.handle` wants). */
export function createAppProtocolHandler(options: {
  rootDir: string;
  readFile?: (filePath: string) => Promise<Uint8Array>;
  log?: (line: string) => void;
}): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? readFileFromDisk;
  const log = options.log ?? (() => {});
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
    const resolved = resolveAppRequest(request.url, options.rootDir);
    if (!resolved.ok) {
      log(`[protocol] refused ${request.url.slice(0, 200)}: ${resolved.reason}`);
      return refusal(resolved.status, resolved.reason);
    }
    let body: Uint8Array;
    try {
      body = await readFile(resolved.filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return refusal(404, 'not found');
      log(`[protocol] could not read ${resolved.filePath}: ${String(error)}`);
      return refusal(500, 'could not read the file');
    }
    const payload = request.method === 'HEAD' ? null : new Uint8Array(body);
    return new Response(payload, { status: 200, headers: securityHeaders(resolved.contentType) });
  };
}

/** Registers the handler on Electron's `protocol` (after `app.whenReady()`). */
export function serveAppProtocol(
  protocol: { handle(scheme: string, handler: (request: Request) => Promise<Response>): void },
  options: { rootDir: string; log?: (line: string) => void },
): void {
  protocol.handle(appScheme, createAppProtocolHandler(options));
}
