/**
 * The web host's HTTP side: every request must pass the DNS-rebinding guard and show the token; then it gets a
 * file of the built renderer with security headers. The first page load with `?token=` receives the cookie that
 * lets the page's own assets (and its WebSocket) in.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessGuard } from './access';
import { readStaticFile } from './static-files';

/** Headers every response carries. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function refuse(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string>,
): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

/** The request's URL against the host's origin, or `null` when the request line holds no valid URL. */
export function parseRequestUrl(target: string | undefined, origin: string): URL | null {
  try {
    return new URL(target ?? '/', origin);
  } catch {
    return null;
  }
}

/** Builds the `request` listener for `http.createServer`. */
export function createRequestHandler(options: {
  guard: AccessGuard;
  rendererDir: string;
  csp: string;
  log: (line: string) => void;
}) {
  const { guard, rendererDir, log } = options;
  const headers = securityHeaders(options.csp);
  return async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!guard.isHostAllowed(request.headers.host)) {
      log(`[web-host] refused a request for host "${String(request.headers.host).slice(0, 80)}"`);
      return refuse(response, 403, 'Forbidden: wrong Host header.', headers);
    }
    const url = parseRequestUrl(request.url, guard.origin);
    if (!url) return refuse(response, 400, 'Bad request: the address is not a valid URL.', headers);
    const source = guard.tokenSource(url, request.headers.cookie);
    if (!source) {
      return refuse(
        response,
        403,
        'Forbidden: open the full address the web host printed, including its ?token=… part.',
        headers,
      );
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(response, 405, 'Method not allowed.', { ...headers, Allow: 'GET, HEAD' });
    }
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return refuse(response, 404, 'Not found.', headers);
    response.writeHead(200, {
      ...headers,
      'Content-Type': file.contentType,
      'Content-Length': String(file.body.length),
      ...(source === 'query' ? { 'Set-Cookie': guard.setCookie } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };
}
