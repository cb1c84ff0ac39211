/**
 * Writing a snapshot file atomically: the bytes go to a temporary file beside the target, which then takes the
 * target's name in one rename — a reader (or a crash) never sees half a PNG.
 */
import { randomBytes } from 'node:crypto';
import { access, constants, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { LabError } from '../../../shared/contract/errors';

function reason(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `the folder ${folder} does not exist`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `you may not write in ${folder}`;
  if (code === 'EISDIR') return 'a folder has that name';
  if (code === 'ENOSPC') return 'the disk is full';
  return (error as Error).message;
}

/** Throws a clear `invalid-argument` error unless a file could be written at `path` (checked before slow work). */
export async function checkWritable(path: string): Promise<void> {
  const target = resolve(path);
  const folder = dirname(target);
  try {
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOENT' });
    await access(folder, constants.W_OK);
    const existing = await stat(target).catch(() => null);
    if (existing?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
  } catch (error) {
    throw new LabError('invalid-argument', `Cannot write ${target}: ${reason(error, folder)}.`);
  }
}

/** Writes `data` to `path` through a temporary file and a rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new LabError('invalid-argument', `Cannot write ${target}: ${reason(error, dirname(target))}.`);
  }
}
