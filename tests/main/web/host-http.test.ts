import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost } from '../../../main/web/host';
import { LabError } from '../../../shared/contract/errors';
import { engineEntry, get, startTestHost } from './web-host-fixture';
import type { TestHost } from './web-host-fixture';

describe('host (HTTP)', () => {
  let fixture: TestHost;
  beforeAll(async () => {
    fixture = await startTestHost();
  });
  afterAll(() => fixture.close());

  it('prints a loopback URL on a free port that carries the token', () => {
    const { host } = fixture;
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
  });

  it('refuses a request without the token', async () => {
    const reply = await get(fixture.host, '/');
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('Attention Lab');
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a wrong token, in the query or in the cookie', async () => {
    const { host } = fixture;
    expect((await get(host, '/?token=wrong')).status).toBe(403);
    expect((await get(host, `/?token=${host.token.slice(1)}`)).status).toBe(403);
    expect((await get(host, '/assets/app.js', { cookie: `attention_lab_${host.port}=wrong` })).status).toBe(
      403,
    );
  });

  it('serves the page for the token and sets an HttpOnly SameSite=Strict cookie with security headers', async () => {
    const reply = await get(fixture.host, `/?token=${fixture.host.token}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Attention Lab</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['set-cookie']).toEqual([
      `attention_lab_${fixture.host.port}=${fixture.host.token}; Path=/; HttpOnly; SameSite=Strict`,
    ]);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain(`ws://127.0.0.1:${fixture.host.port}`);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the page’s assets to the cookie, with their MIME types', async () => {
    const cookie = `attention_lab_${fixture.host.port}=${fixture.host.token}`;
    const script = await get(fixture.host, '/assets/app.js', { cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("app");');
    expect(script.headers['set-cookie']).toBeUndefined();
    const style = await get(fixture.host, '/assets/style.css', { cookie });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('refuses a Host header other than its own, even with the token (DNS rebinding)', async () => {
    const { host } = fixture;
    const reply = await get(host, `/?token=${host.token}`, { host: `evil.example:${host.port}` });
    expect(reply.status).toBe(403);
    expect((await get(host, `/?token=${host.token}`, { host: '127.0.0.1:1' })).status).toBe(403);
  });

  it('refuses paths that leave the renderer folder', async () => {
    const { host } = fixture;
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
    ]) {
      const reply = await get(host, `${path}?token=${host.token}`);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('outside the renderer');
    }
  });

  it('answers 404 for a missing file and 405 for other methods', async () => {
    const { host } = fixture;
    expect((await get(host, `/missing.js?token=${host.token}`)).status).toBe(404);
    const post = await fetch(`${host.url}`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('refuses to listen on an address other computers can reach', async () => {
    const starting = startWebHost({ host: '0.0.0.0', rendererDir: fixture.root, engineEntry });
    await expect(starting).rejects.toBeInstanceOf(LabError);
    await expect(starting).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
