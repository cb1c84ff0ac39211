import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenModels } from '../../../../main/engine/session/open-models';
import { historyDir, historyEntryName, ownHistoryDir } from '../../../../main/engine/train/history-folder';
import { engineCaller, saveTiny, temporaryFolder } from '../session/fixtures';

let root = '';
let models: OpenModels;
let engine: ReturnType<typeof engineCaller>;

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** A GPT checkpoint at `dir` with history entries at steps 0 and 40 (each a checkpoint of its own). */
async function withHistory(dir: string): Promise<void> {
  await saveTiny(dir, 'gpt');
  // saveTiny records 40 steps; an entry's folder must name the step its training.json records.
  await saveTiny(join(historyDir(dir), historyEntryName(40)), 'gpt', 2);
}

/** The steps train:history lists for `checkpoint`. */
async function historySteps(checkpoint: string): Promise<number[]> {
  const history = await engine.ok('train:history', { checkpoint });
  expect(history.skipped).toEqual([]);
  for (const entry of history.steps) expect(entry.path.startsWith(historyDir(checkpoint))).toBe(true);
  return history.steps.map((entry) => entry.step);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  root = await temporaryFolder();
  models = new OpenModels({ capacity: 1, builtinRoot: root });
  engine = engineCaller(models);
});

afterAll(async () => {
  models.dispose();
  await rm(root, { recursive: true, force: true });
});

describe('library operations with training histories', () => {
  it('library:list hides history folders but not a checkpoint whose name ends in .history', async () => {
    const library = join(root, 'list');
    await withHistory(join(library, 'run'));
    await saveTiny(join(library, 'odd.history'), 'bert');
    const { entries } = await engine.ok('library:list', { folder: library });
    expect(entries.map((entry) => [entry.name, entry.valid])).toEqual([
      ['odd.history', true],
      ['run', true],
    ]);
    expect(await historySteps(join(library, 'run'))).toEqual([40]);
  });

  it('library:rename moves the history along and refuses a name its history cannot take', async () => {
    const library = join(root, 'rename');
    const from = join(library, 'run');
    await withHistory(from);
    const { path } = await engine.ok('library:rename', { path: from, newName: 'renamed' });
    expect(path).toBe(join(library, 'renamed'));
    expect(await exists(historyDir(from))).toBe(false);
    expect(await historySteps(path)).toEqual([40]);

    await mkdir(join(library, 'taken.history'));
    await writeFile(join(library, 'taken.history', 'mine.txt'), 'keep');
    const taken = await engine.fails('library:rename', { path, newName: 'taken' }, 'invalid-argument');
    expect(taken.message).toContain('"taken.history"');
    const reserved = await engine.fails('library:rename', { path, newName: 'x.history' }, 'invalid-argument');
    expect(reserved.message).toMatch(/cannot end in "\.history"/);
    // Both refusals left everything where it was.
    expect(await historySteps(path)).toEqual([40]);
    expect(await readdir(join(library, 'taken.history'))).toEqual(['mine.txt']);
  });

  it('library:delete removes the checkpoint and its history, and nothing else', async () => {
    const library = join(root, 'delete');
    await withHistory(join(library, 'run'));
    await withHistory(join(library, 'other'));
    await engine.ok('library:delete', { path: join(library, 'run') });
    expect((await readdir(library)).sort()).toEqual(['other', 'other.history']);
  });

  it('library:export and library:import copy the history with the checkpoint, under a free name for both', async () => {
    const source = join(root, 'source', 'run');
    await withHistory(source);
    // A save in progress (a hidden folder) is not copied.
    await mkdir(join(historyDir(source), '.step-000050.writing-1'));
    const target = join(root, 'exported');
    const first = await engine.ok('library:export', { path: source, to: target });
    expect(first.path).toBe(join(target, 'run'));
    expect(await historySteps(first.path)).toEqual([40]);
    expect(await readdir(historyDir(first.path))).toEqual(['step-000040']);

    // "run" is free in the next folder but "run.history" is not: the copy takes "run (2)" for both.
    const library = join(root, 'imported');
    await mkdir(join(library, 'run.history'), { recursive: true });
    const second = await engine.ok('library:import', { from: source, folder: library });
    expect(second.path).toBe(join(library, 'run (2)'));
    expect(await historySteps(second.path)).toEqual([40]);
    expect(await readdir(join(library, 'run.history'))).toEqual([]);

    // A checkpoint without history copies as before, and gets none.
    const plain = join(root, 'source', 'plain');
    await saveTiny(plain, 'bert');
    const third = await engine.ok('library:import', { from: plain, folder: library });
    expect(await exists(historyDir(third.path))).toBe(false);
  });

  it('library:list counts the history in the size, and says how much of it the history takes', async () => {
    const library = join(root, 'sizes');
    await withHistory(join(library, 'run'));
    await saveTiny(join(library, 'plain'), 'gpt');
    const { entries } = await engine.ok('library:list', { folder: library });
    const [plain, run] = entries;
    if (!plain?.valid || !run?.valid) throw new Error('both are checkpoints');
    // Same model and vocabulary: the checkpoint alone has plain's size; the float32 entry adds as much again.
    expect(plain.historyBytes).toBeUndefined();
    expect(run.historyBytes).toBeGreaterThan(0);
    expect(run.bytes).toBe(plain.bytes + (run.historyBytes ?? 0));
    let entryBytes = 0;
    const entry = join(historyDir(join(library, 'run')), historyEntryName(40));
    for (const file of await readdir(entry)) entryBytes += (await stat(join(entry, file))).size;
    expect(run.historyBytes).toBe(entryBytes);
  });
});

describe('library operations beside a .history folder that is not a training history', () => {
  /** `notes` (a checkpoint) beside `notes.history/my-essay.txt`, and `run` beside a checkpoint `run.history`. */
  async function strangers(library: string): Promise<void> {
    await saveTiny(join(library, 'notes'), 'gpt');
    await mkdir(join(library, 'notes.history'));
    await writeFile(join(library, 'notes.history', 'my-essay.txt'), 'mine');
    await saveTiny(join(library, 'run'), 'gpt');
    await saveTiny(join(library, 'run.history'), 'bert');
  }

  /** Whether the student's essay and the checkpoint `run.history` are still there, untouched. */
  async function expectStrangersKept(library: string): Promise<void> {
    expect(await readFile(join(library, 'notes.history', 'my-essay.txt'), 'utf8')).toBe('mine');
    const { entries } = await engine.ok('library:list', { folder: library });
    const kept = entries.find((entry) => entry.name === 'run.history');
    expect(kept?.valid && kept.family).toBe('bert');
  }

  it('is not taken for a history, not even one whose step folders are not checkpoints', async () => {
    const library = join(root, 'strangers-check');
    await strangers(library);
    expect(await ownHistoryDir(join(library, 'notes'))).toBeNull();
    expect(await ownHistoryDir(join(library, 'run'))).toBeNull();
    await mkdir(join(library, 'other.history', 'step-000001'), { recursive: true });
    expect(await ownHistoryDir(join(library, 'other'))).toBeNull();
    await withHistory(join(library, 'mine'));
    expect(await ownHistoryDir(join(library, 'mine'))).toBe(historyDir(join(library, 'mine')));
  });

  it('library:delete deletes the checkpoint and leaves the other folder alone', async () => {
    const library = join(root, 'strangers-delete');
    await strangers(library);
    await engine.ok('library:delete', { path: join(library, 'notes') });
    await engine.ok('library:delete', { path: join(library, 'run') });
    expect((await readdir(library)).sort()).toEqual(['notes.history', 'run.history']);
    await expectStrangersKept(library);
  });

  it('library:rename renames the checkpoint and leaves the other folder where it is', async () => {
    const library = join(root, 'strangers-rename');
    await strangers(library);
    await engine.ok('library:rename', { path: join(library, 'notes'), newName: 'essay-model' });
    await engine.ok('library:rename', { path: join(library, 'run'), newName: 'renamed' });
    expect((await readdir(library)).sort()).toEqual([
      'essay-model',
      'notes.history',
      'renamed',
      'run.history',
    ]);
    await expectStrangersKept(library);
  });

  it('library:export copies the checkpoint without the other folder, and sizes leave it out', async () => {
    const library = join(root, 'strangers-export');
    await strangers(library);
    const target = join(root, 'strangers-exported');
    await engine.ok('library:export', { path: join(library, 'notes'), to: target });
    await engine.ok('library:export', { path: join(library, 'run'), to: target });
    expect((await readdir(target)).sort()).toEqual(['notes', 'run']);
    const { entries } = await engine.ok('library:list', { folder: library });
    for (const entry of entries) expect(entry.valid && entry.historyBytes).toBeFalsy();
    await expectStrangersKept(library);
  });
});

describe('library operations with a damaged or littered history, and orphan histories', () => {
  /**
   * `run` with a history whose entry at step 10 lost its config.json (damaged, still ours: it holds weights.bin)
   * and the litter macOS and Windows leave: `._step-000040`, `.DS_Store`, `Thumbs.db`, `desktop.ini`.
   */
  async function littered(checkpoint: string): Promise<void> {
    await withHistory(checkpoint);
    const history = historyDir(checkpoint);
    await saveTiny(join(history, historyEntryName(10)), 'gpt', 3);
    await rm(join(history, historyEntryName(10), 'config.json'));
    for (const file of ['._step-000040', '.DS_Store', 'Thumbs.db', 'desktop.ini']) {
      await writeFile(join(history, file), 'litter');
    }
  }

  it("still counts as the checkpoint's history: rename, copy and delete take it along", async () => {
    const library = join(root, 'littered');
    await littered(join(library, 'run'));
    expect(await ownHistoryDir(join(library, 'run'))).toBe(historyDir(join(library, 'run')));
    const { entries } = await engine.ok('library:list', { folder: library });
    expect(entries.map((entry) => entry.name)).toEqual(['run']);
    expect(entries[0]?.valid && entries[0].historyBytes).toBeGreaterThan(0);

    const { path } = await engine.ok('library:rename', { path: join(library, 'run'), newName: 'moved' });
    expect((await readdir(library)).sort()).toEqual(['moved', 'moved.history']);
    expect(await readdir(join(historyDir(path), historyEntryName(10)))).not.toContain('config.json');

    const exported = await engine.ok('library:export', { path, to: join(root, 'littered-out') });
    expect(await readdir(historyDir(exported.path))).toEqual(
      expect.arrayContaining([historyEntryName(10), historyEntryName(40)]),
    );

    await engine.ok('library:delete', { path });
    expect(await readdir(library)).toEqual([]);
  });

  it("is still foreign when it holds a student's file, or a step folder without any checkpoint file", async () => {
    const library = join(root, 'foreign-steps');
    await littered(join(library, 'run'));
    await mkdir(join(historyDir(join(library, 'run')), 'step-000002'));
    await writeFile(join(historyDir(join(library, 'run')), 'step-000002', 'photo.jpg'), 'mine');
    expect(await ownHistoryDir(join(library, 'run'))).toBeNull();
    await engine.ok('library:delete', { path: join(library, 'run') });
    expect(await readdir(library)).toEqual(['run.history']);
    // Its checkpoint gone, a foreign folder is still not listed, and library:delete refuses it.
    expect((await engine.ok('library:list', { folder: library })).entries).toEqual([]);
    await engine.fails('library:delete', { path: join(library, 'run.history') }, 'invalid-argument');
    expect(await readdir(join(library, 'run.history', 'step-000002'))).toEqual(['photo.jpg']);
  });

  it('lists an orphan history (its checkpoint gone) as such, and library:delete deletes it', async () => {
    const library = join(root, 'orphans');
    await littered(join(library, 'gone'));
    await rm(join(library, 'gone'), { recursive: true });
    await withHistory(join(library, 'kept'));
    const { entries } = await engine.ok('library:list', { folder: library });
    expect(entries).toEqual([
      expect.objectContaining({ name: 'gone.history', valid: false, kind: 'orphanHistory' }),
      expect.objectContaining({ name: 'kept', valid: true }),
    ]);
    const [orphan] = entries;
    expect(!orphan?.valid && orphan?.error).toContain('"gone"');
    await engine.ok('library:delete', { path: join(library, 'gone.history') });
    expect((await readdir(library)).sort()).toEqual(['kept', 'kept.history']);
    // A history whose checkpoint is there is not an orphan, and is deleted only with its checkpoint.
    await engine.fails('library:delete', { path: join(library, 'kept.history') }, 'invalid-argument');
    expect(await historySteps(join(library, 'kept'))).toEqual([40]);
  });

  it('library:rename refuses a name whose .history is there, whether or not the checkpoint has one', async () => {
    const library = join(root, 'adopt');
    await withHistory(join(library, 'b'));
    await rm(join(library, 'b'), { recursive: true }); // b.history is an orphan now
    await saveTiny(join(library, 'plain'), 'gpt');
    await withHistory(join(library, 'run'));
    for (const path of [join(library, 'plain'), join(library, 'run')]) {
      const refused = await engine.fails('library:rename', { path, newName: 'b' }, 'invalid-argument');
      expect(refused.message).toMatch(/"b\.history" there, which would be taken for this checkpoint's/);
    }
    expect((await readdir(library)).sort()).toEqual(['b.history', 'plain', 'run', 'run.history']);
    expect(await historySteps(join(library, 'run'))).toEqual([40]);
  });
});
