import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile, resolveStaticPath } from '../../../main/web/static-files';

describe('static-files', () => {
  let root = '';
  let renderer = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'attention-lab-static-'));
    renderer = join(root, 'renderer');
    await mkdir(join(renderer, 'assets'), { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html>');
    await writeFile(join(renderer, 'assets', 'app.js'), 'export {};');
    await writeFile(join(renderer, 'assets', 'app.css'), 'body{}');
    await writeFile(join(renderer, 'assets', 'blob.xyz'), 'x');
    await writeFile(join(root, 'secret.txt'), 'secret');
    await symlink(join(root, 'secret.txt'), join(renderer, 'link.txt'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('maps / to index.html and paths inside the folder to their files', () => {
    expect(resolveStaticPath(renderer, '/')).toBe(join(renderer, 'index.html'));
    expect(resolveStaticPath(renderer, '/assets/app.js')).toBe(join(renderer, 'assets', 'app.js'));
  });

  it('refuses every way out of the folder', () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
    ]) {
      expect(resolveStaticPath(renderer, path), path).toBeNull();
    }
    expect(resolveStaticPath(renderer, '/..\\secret.txt')).toBeNull();
    expect(resolveStaticPath(renderer, '/index.html%00.js')).toBeNull();
    expect(resolveStaticPath(renderer, '/%E0%A4%A')).toBeNull();
  });

  it('serves files with their MIME types', async () => {
    expect((await readStaticFile(renderer, '/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await readStaticFile(renderer, '/assets/app.js'))?.contentType).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await readStaticFile(renderer, '/assets/app.css'))?.contentType).toBe('text/css; charset=utf-8');
    expect((await readStaticFile(renderer, '/assets/blob.xyz'))?.contentType).toBe(
      'application/octet-stream',
    );
    expect((await readStaticFile(renderer, '/assets/app.js'))?.body.toString()).toBe('export {};');
  });

  it('returns nothing for folders, missing files and symlinks that leave the folder', async () => {
    expect(await readStaticFile(renderer, '/assets')).toBeNull();
    expect(await readStaticFile(renderer, '/missing.js')).toBeNull();
    expect(await readStaticFile(renderer, '/link.txt')).toBeNull();
  });
});
