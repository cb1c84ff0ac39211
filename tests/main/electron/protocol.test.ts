import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../main/electron/csp';
import {
  appSchemePrivileges,
  contentTypeFor,
  createAppProtocolHandler,
  resolveAppRequest,
  serveAppProtocol,
} from '../../../main/electron/protocol';

const root = '/opt/lab/dist/renderer';

function refusalOf(url: string, paths = path.posix, rootDir = root): number | null {
  const resolved = resolveAppRequest(url, rootDir, paths);
  return resolved.ok ? null : resolved.status;
}

describe('protocol: resolving app:// URLs', () => {
  it('maps the root and directories to index.html', () => {
    for (const url of ['app://lab', 'app://lab/', 'app://lab/index.html', 'app://lab/?x=1#top']) {
      expect(resolveAppRequest(url, root, path.posix)).toMatchObject({
        ok: true,
        filePath: `${root}/index.html`,
      });
    }
    expect(resolveAppRequest('app://lab/docs/', root, path.posix)).toMatchObject({
      filePath: `${root}/docs/index.html`,
    });
  });

  it('maps nested assets, decoding percent-escapes', () => {
    expect(resolveAppRequest('app://lab/assets/index-3f2a.js', root, path.posix)).toEqual({
      ok: true,
      filePath: `${root}/assets/index-3f2a.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://lab/fonts/Noto%20Sans.woff2', root, path.posix)).toMatchObject({
      filePath: `${root}/fonts/Noto Sans.woff2`,
      contentType: 'font/woff2',
    });
  });

  it('refuses traversal with .. in every spelling', () => {
    const attempts = [
      'app://lab/..%2f..%2fetc%2fpasswd',
      'app://lab/assets/..%2F..%2F..%2Fetc/passwd',
      'app://lab/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://lab/..%5c..%5csecret.txt',
    ];
    for (const url of attempts) expect(refusalOf(url), url).toBe(403);
  });

  it('never resolves outside the root, even after URL normalisation', () => {
    // The URL parser already folds plain `/../` and `/%2e%2e/`; whatever it leaves must stay inside the root.
    const folded = [
      'app://lab/../../etc/passwd',
      'app://lab/%2e%2e/%2e%2e/etc/passwd',
      'app://lab/a/%2E%2E/%2E%2E/x',
    ];
    for (const url of folded) {
      const resolved = resolveAppRequest(url, root, path.posix);
      if (resolved.ok) expect(resolved.filePath.startsWith(`${root}/`), url).toBe(true);
    }
  });

  it('keeps absolute paths inside the root', () => {
    const resolved = resolveAppRequest('app://lab//etc/passwd', root, path.posix);
    expect(resolved).toMatchObject({ ok: true, filePath: `${root}/etc/passwd` });
    expect(refusalOf('app://lab/%2Fetc%2Fpasswd')).toBeNull(); // also inside: /opt/lab/dist/renderer/etc/passwd
  });

  it('refuses Windows drive letters, UNC escapes and backslash traversal', () => {
    const winRoot = 'C:\\Lab\\dist\\renderer';
    expect(refusalOf('app://lab/C:/Windows/win.ini', path.win32, winRoot)).toBe(400);
    expect(refusalOf('app://lab/C%3A%5CWindows%5Cwin.ini', path.win32, winRoot)).toBe(400);
    expect(refusalOf('app://lab/..%5C..%5C..%5CWindows%5Cwin.ini', path.win32, winRoot)).toBe(403);
    expect(refusalOf('app://lab/index.html::$DATA', path.win32, winRoot)).toBe(400);
    const unc = resolveAppRequest('app://lab/%5C%5Cserver%5Cshare%5Cx.js', winRoot, path.win32);
    expect(unc).toMatchObject({ ok: true, filePath: 'C:\\Lab\\dist\\renderer\\server\\share\\x.js' });
  });

  it('refuses other hosts, schemes, ports and credentials', () => {
    for (const url of [
      'app://evil/index.html',
      'app://lab:1/index.html',
      'https://lab/index.html',
      'app://u@lab/',
    ]) {
      expect(refusalOf(url), url).toBe(403);
    }
  });

  it('refuses malformed escapes and NUL bytes', () => {
    expect(refusalOf('app://lab/%E0%A4%A')).toBe(400);
    expect(refusalOf('app://lab/index.html%00.png')).toBe(400);
  });

  it('gives each asset its content type and unknown files an opaque one', () => {
    const expected: Record<string, string> = {
      'a.html': 'text/html; charset=utf-8',
      'a.js': 'text/javascript; charset=utf-8',
      'a.mjs': 'text/javascript; charset=utf-8',
      'a.css': 'text/css; charset=utf-8',
      'a.json': 'application/json; charset=utf-8',
      'a.SVG': 'image/svg+xml',
      'a.png': 'image/png',
      'a.woff2': 'font/woff2',
      'a.wasm': 'application/wasm',
      'a.exe': 'application/octet-stream',
      noextension: 'application/octet-stream',
    };
    for (const [file, type] of Object.entries(expected)) expect(contentTypeFor(file), file).toBe(type);
  });

  it('registers a standard, secure scheme without bypassing CSP', () => {
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true });
    expect(appSchemePrivileges.privileges?.bypassCSP).toBeUndefined();
    expect(appSchemePrivileges.privileges?.allowServiceWorkers).toBeUndefined();
  });
});

describe('protocol: serving files', () => {
  let dir: string;
  let rendererDir: string;
  let handler: (request: Request) => Promise<Response>;
  const logged: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lab-protocol-'));
    rendererDir = path.join(dir, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lab</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
    handler = createAppProtocolHandler({ rootDir: rendererDir, log: (line) => logged.push(line) });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const response = await handler(new Request('app://lab/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Lab</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets', async () => {
    const response = await handler(new Request('app://lab/assets/app.js'));
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and directories, still with the CSP', async () => {
    for (const url of ['app://lab/missing.js', 'app://lab/assets']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    }
  });

  it('does not serve the file next to the root through an encoded traversal, and logs it', async () => {
    const response = await handler(new Request('app://lab/..%2fsecret.txt'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('do not serve');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(logged.some((line) => line.includes('path traversal'))).toBe(true);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler(new Request('app://lab/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handler(new Request('app://lab/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('answers 500 when the file cannot be read for another reason', async () => {
    const failing = createAppProtocolHandler({
      rootDir: rendererDir,
      readFile: () =>
        Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
      log: () => {},
    });
    expect((await failing(new Request('app://lab/index.html'))).status).toBe(500);
  });

  it('registers the handler for the app scheme', async () => {
    const registered = new Map<string, (request: Request) => Promise<Response>>();
    serveAppProtocol({ handle: (scheme, given) => registered.set(scheme, given) }, { rootDir: rendererDir });
    const response = await registered.get('app')?.(new Request('app://lab/assets/app.js'));
    expect(response?.status).toBe(200);
  });
});
