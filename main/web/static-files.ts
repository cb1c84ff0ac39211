/** Static files of the built renderer: one folder, nothing outside it, each with its correct MIME type. */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { mimeTypeOf } from '../host/mime-types';

/**
 * Maps a URL path to a file inside `rootDir`, or `null` when it is malformed or would leave the folder
 * (`..`, encoded `%2e%2e`, backslashes, NUL bytes). `/` is `index.html`.
 */
export function resolveStaticPath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const root = resolve(rootDir);
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : null;
}

/** A file ready to send. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a file of the renderer, or `null` when it does not exist, is not a file or escapes through a symlink. */
export async function readStaticFile(rootDir: string, pathname: string): Promise<StaticFile | null> {
  const file = resolveStaticPath(rootDir, pathname);
  if (!file) return null;
  try {
    const [root, real] = await Promise.all([realpath(rootDir), realpath(file)]);
    if (!real.startsWith(root + sep) || !(await stat(real)).isFile()) return null;
    const contentType = mimeTypeOf(extname(real));
    return { body: await readFile(real), contentType };
  } catch {
    return null;
  }
}
