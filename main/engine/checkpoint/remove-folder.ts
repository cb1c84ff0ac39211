/**
 * Removing a folder so that it vanishes in one step: it is renamed to a hidden name beside it (atomic), then
 * deleted at leisure — a crash midway leaves a hidden leftover, never a half-deleted checkpoint or history.
 * Shared by checkpoint saving, the library and training histories.
 */
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** A name part unique to this process and moment (`<pid>-<ms>-<random>`). */
export function uniqueStamp(): string {
  return `${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
}

/** A hidden, unique sibling name of `path` for `purpose`: `<parent>/.<name>.<purpose>-<stamp>`. */
export function hiddenSibling(path: string, purpose: string): string {
  const full = resolve(path);
  return join(dirname(full), `.${basename(full)}.${purpose}-${uniqueStamp()}`);
}

/** Moves `dir` to a hidden sibling name (one atomic rename) and returns that name; throws when it fails. */
export async function moveAside(dir: string, purpose = 'deleting'): Promise<string> {
  const aside = hiddenSibling(dir, purpose);
  await rename(resolve(dir), aside);
  return aside;
}

/** Deletes `dir` atomically (moved aside, then removed); `false` when there was nothing to delete. */
export async function removeFolderAtomically(dir: string): Promise<boolean> {
  let aside: string;
  try {
    aside = await moveAside(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
  return true;
}
