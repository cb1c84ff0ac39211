/**
 * Changing the library on disk, atomically: rename in place, delete (only a folder that is one of our
 * checkpoints), and copy a checkpoint into another folder through a hidden temporary folder and a rename.
 * A checkpoint's training history (`name.history` beside it) goes wherever its checkpoint goes; a folder of
 * that name that is not a training history (a student's own, or another checkpoint) is never touched, and a
 * rename never takes a name whose `.history` is there already (it would adopt it).
 */
import { cp, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import { loadCheckpoint } from '../checkpoint/load';
import { isLabCheckpoint } from '../checkpoint/read';
import { hiddenSibling, moveAside, removeFolderAtomically } from '../checkpoint/remove-folder';
import {
  historyDir,
  historySuffix,
  isHistoryFolderName,
  isOrphanHistory,
  ownHistoryDir,
} from '../train/history-folder';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Throws `not-found` unless `dir` is a folder, and `invalid-argument` unless it is one of our checkpoints. */
async function assertCheckpointFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new LabError('not-found', `There is no checkpoint folder at ${dir}.`);
  if (!(await isLabCheckpoint(dir))) {
    throw new LabError(
      'invalid-argument',
      `${dir} is not an Attention Lab checkpoint folder, so it was left alone.`,
    );
  }
}

/**
 * Throws unless `to` is free (or is `from` itself: a case-only rename on a case-insensitive disk); `why`
 * ends the message.
 */
async function assertFree(from: string, to: string, name: string, why = ''): Promise<void> {
  const taken = await stat(to).catch(() => null);
  if (!taken) return;
  const source = await stat(from).catch(() => null);
  if (!source || taken.ino !== source.ino || taken.dev !== source.dev) {
    throw new LabError('invalid-argument', `There is already a file or folder named "${name}" there${why}.`);
  }
}

/** Renames the checkpoint `path` (and its history) to `newName` in the same folder; refuses a name taken. */
export async function renameCheckpoint(path: string, newName: string): Promise<string> {
  const from = resolve(path);
  await assertCheckpointFolder(from);
  if (isHistoryFolderName(newName)) {
    throw new LabError(
      'invalid-argument',
      `A name cannot end in "${historySuffix}": that ending marks a checkpoint's training history.`,
    );
  }
  const to = join(dirname(from), newName);
  if (to === from) return from;
  const hasHistory = (await ownHistoryDir(from)) !== null;
  await assertFree(from, to, newName);
  // Even without a history of its own: the new name would adopt `<to>.history` (another model's).
  await assertFree(
    historyDir(from),
    historyDir(to),
    `${newName}${historySuffix}`,
    `, which would be taken for this checkpoint's training history; choose another name`,
  );
  await rename(from, to);
  if (hasHistory) {
    try {
      await rename(historyDir(from), historyDir(to));
    } catch (error) {
      await rename(to, from); // keep the checkpoint and its history together
      throw error;
    }
  }
  return to;
}

/**
 * Deletes the checkpoint `path` and its history, or an orphan history (see isOrphanHistory): moved to hidden
 * names first (atomic), then removed.
 */
export async function deleteCheckpoint(path: string): Promise<string> {
  const dir = resolve(path);
  if (await isOrphanHistory(dir)) {
    await removeFolderAtomically(dir);
    return dir;
  }
  await assertCheckpointFolder(dir);
  const history = await ownHistoryDir(dir);
  const trash = await moveAside(dir);
  const historyTrash = history
    ? await moveAside(history).catch(() => null) // it vanished meanwhile: nothing to delete
    : null;
  await rm(trash, { recursive: true, force: true });
  if (historyTrash) await rm(historyTrash, { recursive: true, force: true });
  return dir;
}

/** `name`, or `name (2)`, `name (3)`… : the first free in `folder`, together with its history's name. */
async function freeName(folder: string, name: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = join(folder, n === 1 ? name : `${name} (${n})`);
    if (!(await exists(candidate)) && !(await exists(historyDir(candidate)))) return candidate;
  }
}

/**
 * Copies the checkpoint `from` into `folder` under a free name, after loading it fully (every file checked):
 * the copy is written to a hidden temporary folder and renamed into place, so no half copy ever shows.
 */
export async function copyCheckpointInto(from: string, folder: string): Promise<string> {
  const source = resolve(from);
  const loaded = await loadCheckpoint(source);
  loaded.model.dispose();
  const parent = resolve(folder);
  if (parent === source || parent.startsWith(`${source}/`) || parent.startsWith(`${source}\\`)) {
    throw new LabError('invalid-argument', 'A checkpoint cannot be copied into its own folder.');
  }
  const info = await stat(parent).catch(() => null);
  if (info && !info.isDirectory())
    throw new LabError('invalid-argument', `${parent} is a file, not a folder.`);
  await mkdir(parent, { recursive: true });
  const temporary = hiddenSibling(join(parent, basename(source)), 'copying');
  const temporaryHistory = `${temporary}${historySuffix}`;
  const history = await ownHistoryDir(source);
  try {
    await cp(source, temporary, { recursive: true, errorOnExist: true, force: false });
    if (history) {
      // Entries being written or deleted (hidden names) are not part of the history.
      await cp(history, temporaryHistory, {
        recursive: true,
        errorOnExist: true,
        force: false,
        filter: (from) => !basename(from).startsWith('.'),
      });
    }
    const target = await freeName(parent, basename(source));
    // The history first: the checkpoint appears last, complete with its history.
    if (history) await rename(temporaryHistory, historyDir(target));
    await rename(temporary, target);
    return target;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    await rm(temporaryHistory, { recursive: true, force: true });
    throw error;
  }
}
