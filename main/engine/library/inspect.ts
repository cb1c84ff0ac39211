/**
 * Reading a checkpoint folder's summary without building the model: config.json (format marker, version,
 * sizes), training.json, and weights.bin's size against its manifest. Cheap enough to list a whole library.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import type { LibraryEntry } from '../../../shared/contract/library';
import { checkpointFiles, manifestSchema, parseFile, trainingSchema } from '../checkpoint/format';
import { isLabCheckpoint, readConfig, readJson } from '../checkpoint/read';
import {
  checkpointOfHistory,
  historyEntryStep,
  isHistoryFolderName,
  isOrphanHistory,
  ownHistoryDir,
} from '../train/history-folder';

/** Total bytes of the files directly inside `dir` (a checkpoint has no subfolders). */
async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(dir, entry.name))).size;
  }
  return total;
}

/** Total bytes of the history entries of `checkpoint`, or `null` when it has no training history. */
async function historyBytes(checkpoint: string): Promise<number | null> {
  const history = await ownHistoryDir(checkpoint);
  if (!history) return null;
  let total = 0;
  for (const entry of await readdir(history, { withFileTypes: true })) {
    // Saves in progress (hidden names) are not counted.
    if (historyEntryStep(entry.name) !== null) total += await folderBytes(join(history, entry.name));
  }
  return total;
}

/** The summary of the checkpoint in `dir`; throws `invalid-checkpoint` naming the file that is wrong. */
export async function inspectCheckpoint(dir: string): Promise<Extract<LibraryEntry, { valid: true }>> {
  const config = await readConfig(dir);
  const training = parseFile(
    trainingSchema,
    await readJson(dir, checkpointFiles.training),
    checkpointFiles.training,
    dir,
  );
  const manifest = parseFile(
    manifestSchema,
    await readJson(dir, checkpointFiles.manifest),
    checkpointFiles.manifest,
    dir,
  );
  await readJson(dir, checkpointFiles.tokenizer);
  const weights = await stat(join(dir, checkpointFiles.weights)).catch(() => null);
  if (!weights?.isFile()) {
    throw new LabError(
      'invalid-checkpoint',
      `${checkpointFiles.weights} is missing from the checkpoint folder ${dir}.`,
    );
  }
  if (weights.size !== manifest.byteLength) {
    throw new LabError(
      'invalid-checkpoint',
      `${checkpointFiles.weights} in ${dir} has ${weights.size} bytes but should have ${manifest.byteLength}.`,
    );
  }
  const layers = config.decoderLayers ? `${config.layers}+${config.decoderLayers}` : `${config.layers}`;
  const last = training.losses?.at(-1);
  return {
    valid: true,
    path: dir,
    name: basename(dir),
    family: config.family,
    sizes: `${layers} layers × ${config.heads} heads, d=${config.dModel}, vocab ${config.vocabSize}`,
    steps: training.steps,
    finalLoss: last ? last.loss : null,
    createdAt: training.createdAt,
    bytes: await folderBytes(dir),
  };
}

/** The entry of `dir`, the orphan history (see isOrphanHistory) of a checkpoint that no longer exists. */
function orphanEntry(dir: string): LibraryEntry {
  const name = basename(dir);
  return {
    valid: false,
    kind: 'orphanHistory',
    path: dir,
    name,
    error: `The training history of "${basename(checkpointOfHistory(dir))}", a checkpoint that no longer exists.`,
  };
}

/** How the folder `name` of the library `folder` is listed: as a checkpoint, an orphan history, or not. */
async function listedAs(folder: string, name: string): Promise<'checkpoint' | 'orphan' | null> {
  const path = join(folder, name);
  // A checkpoint may itself be named "….history"; a history folder never holds a config.json of ours.
  if (!isHistoryFolderName(name) || (await isLabCheckpoint(path))) return 'checkpoint';
  return (await isOrphanHistory(path)) ? 'orphan' : null;
}

/**
 * Every folder directly inside `folder` by name — hidden ones, and the training histories that sit beside
 * their checkpoints (`name.history`), skipped; an orphan history (its checkpoint gone) listed as such so that
 * it can be deleted; a missing folder lists as empty. A checkpoint's size counts its history too.
 */
export async function listLibrary(folder: string): Promise<LibraryEntry[]> {
  const info = await stat(folder).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) throw new LabError('invalid-argument', `${folder} is a file, not a folder.`);
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const kinds = await Promise.all(names.map((name) => listedAs(folder, name)));
  return Promise.all(
    names
      .map((name, index) => ({ name, kind: kinds[index] }))
      .filter(({ kind }) => kind)
      .map(async ({ name, kind }): Promise<LibraryEntry> => {
        const path = join(folder, name);
        if (kind === 'orphan') return orphanEntry(path);
        try {
          const entry = await inspectCheckpoint(path);
          const history = await historyBytes(path).catch(() => null); // it vanished meanwhile
          return history === null ? entry : { ...entry, bytes: entry.bytes + history, historyBytes: history };
        } catch (error) {
          if (!(error instanceof LabError)) throw error;
          return { valid: false, path, name, error: error.message };
        }
      }),
  );
}
