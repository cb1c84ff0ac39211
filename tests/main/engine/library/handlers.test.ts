import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../../../../main/engine/checkpoint';
import { OpenModels } from '../../../../main/engine/session/open-models';
import { engineCaller, record, saveTiny, sessionConfig, temporaryFolder } from '../session/fixtures';

let root = '';
let library = '';
let models: OpenModels;
let engine: ReturnType<typeof engineCaller>;

/** Every weight of the checkpoint in `dir`, by name, as plain arrays. */
async function weightsOf(dir: string): Promise<Record<string, number[]>> {
  const loaded = await loadCheckpoint(dir);
  const values: Record<string, number[]> = {};
  for (const [name, variable] of loaded.model.weights) values[name] = Array.from(variable.dataSync());
  loaded.model.dispose();
  return values;
}

/** A fresh library folder under the temporary root with the given checkpoints. */
async function freshLibrary(name: string, families: Record<string, 'bert' | 't5' | 'gpt'>): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  for (const [checkpoint, family] of Object.entries(families))
    await saveTiny(join(folder, checkpoint), family);
  return folder;
}

describe('library handlers', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    root = await temporaryFolder();
    library = await freshLibrary('library', { 'my gpt': 'gpt', bert: 'bert', t5: 't5' });
    models = new OpenModels({ capacity: 1, builtinRoot: root });
    engine = engineCaller(models);
  });
  afterAll(async () => {
    models.dispose();
    await rm(root, { recursive: true, force: true });
  });

  it('library:list summarises every checkpoint and lists a broken folder with its reason', async () => {
    const broken = join(library, 'broken');
    await mkdir(broken);
    await writeFile(join(broken, 'config.json'), '{ not json');
    await mkdir(join(library, '.hidden'));
    await writeFile(join(library, 'notes.txt'), 'not a folder');
    const { entries } = await engine.ok('library:list', { folder: library });
    expect(entries.map((entry) => entry.name)).toEqual(['bert', 'broken', 'my gpt', 't5']);
    const gpt = entries.find((entry) => entry.name === 'my gpt');
    expect(gpt).toMatchObject({ valid: true, family: 'gpt', steps: record.steps, finalLoss: 2.5 });
    const files = await readdir(join(library, 'my gpt'));
    let bytes = 0;
    for (const file of files) bytes += (await readFile(join(library, 'my gpt', file))).byteLength;
    expect(gpt?.valid && gpt.bytes).toBe(bytes);
    const size = sessionConfig('gpt');
    expect(gpt?.valid && gpt.sizes).toBe(
      `${size.layers} layers × ${size.heads} heads, d=${size.dModel}, vocab ${size.vocabSize}`,
    );
    const t5 = entries.find((entry) => entry.name === 't5');
    expect(t5?.valid && t5.sizes).toMatch(/^2\+\d+ layers/);
    const bad = entries.find((entry) => entry.name === 'broken');
    expect(bad).toMatchObject({ valid: false });
    expect(!bad?.valid && bad?.error).toMatch(/config\.json .* not valid JSON/);
    await rm(broken, { recursive: true });
  });

  it('library:list of a missing folder is empty, of a relative path an invalid payload', async () => {
    expect((await engine.ok('library:list', { folder: join(root, 'nowhere') })).entries).toEqual([]);
    await engine.fails('library:list', { folder: 'relative/path' }, 'invalid-payload');
    await engine.fails(
      'library:list',
      { folder: join(library, '..', 'library', 'bert', 'config.json') },
      'invalid-argument',
    );
  });

  it('library:rename renames in place and refuses taken, empty or path-like names', async () => {
    const folder = await freshLibrary('rename', { a: 'gpt', b: 'gpt' });
    const renamed = await engine.ok('library:rename', { path: join(folder, 'a'), newName: 'lesson 1' });
    expect(renamed.path).toBe(join(folder, 'lesson 1'));
    expect((await readdir(folder)).sort()).toEqual(['b', 'lesson 1']);
    expect(
      (
        await engine.fails(
          'library:rename',
          { path: join(folder, 'b'), newName: 'lesson 1' },
          'invalid-argument',
        )
      ).message,
    ).toMatch(/already/);
    await mkdir(join(folder, 'empty'));
    await engine.fails('library:rename', { path: join(folder, 'b'), newName: 'empty' }, 'invalid-argument');
    expect(await readdir(join(folder, 'empty'))).toEqual([]); // an empty folder is not replaced either
    await rm(join(folder, 'empty'), { recursive: true });
    for (const newName of ['', '   ', '../escape', 'a/b', 'a\\b', '.hidden']) {
      await engine.fails('library:rename', { path: join(folder, 'b'), newName }, 'invalid-payload');
    }
    await engine.fails('library:rename', { path: join(folder, 'gone'), newName: 'x' }, 'not-found');
    expect((await readdir(folder)).sort()).toEqual(['b', 'lesson 1']);
    await loadCheckpoint(join(folder, 'lesson 1')).then((loaded) => loaded.model.dispose());
  });

  it('library:delete removes a checkpoint but refuses, and leaves intact, any other folder', async () => {
    const folder = await freshLibrary('delete', { doomed: 'bert' });
    const precious = join(folder, 'homework');
    await mkdir(precious);
    await writeFile(join(precious, 'essay.txt'), 'my essay');
    await writeFile(join(precious, 'config.json'), JSON.stringify({ format: 'something-else' }));
    const refusal = await engine.fails('library:delete', { path: precious }, 'invalid-argument');
    expect(refusal.message).toMatch(/not an Attention Lab checkpoint/);
    expect(await readFile(join(precious, 'essay.txt'), 'utf8')).toBe('my essay');
    await engine.fails('library:delete', { path: join(folder, 'missing') }, 'not-found');
    await engine.fails('library:delete', { path: 'doomed' }, 'invalid-payload');
    expect(await engine.ok('library:delete', { path: join(folder, 'doomed') })).toEqual({
      deleted: join(folder, 'doomed'),
    });
    expect(await readdir(folder)).toEqual(['homework']);
  });

  it('library:import and library:export copy a checkpoint that loads identically, under a free name', async () => {
    const outside = await freshLibrary('outside', { 'my gpt': 'gpt' });
    const into = join(root, 'imported');
    const first = await engine.ok('library:import', { from: join(outside, 'my gpt'), folder: into });
    const second = await engine.ok('library:import', { from: join(outside, 'my gpt'), folder: into });
    expect([first.path, second.path]).toEqual([join(into, 'my gpt'), join(into, 'my gpt (2)')]);
    const exported = await engine.ok('library:export', { path: first.path, to: join(root, 'usb stick') });
    expect(exported.path).toBe(join(root, 'usb stick', 'my gpt'));
    const original = await weightsOf(join(outside, 'my gpt'));
    expect(Object.keys(original).length).toBeGreaterThan(5);
    expect(await weightsOf(exported.path)).toEqual(original);
    expect(await readFile(join(exported.path, 'training.json'), 'utf8')).toBe(
      await readFile(join(outside, 'my gpt', 'training.json'), 'utf8'),
    );
    expect((await readdir(into)).sort()).toEqual(['my gpt', 'my gpt (2)']); // no temporary folder left
  });

  it('library:import refuses a damaged checkpoint, a missing folder and a copy into itself, copying nothing', async () => {
    const outside = await freshLibrary('damaged', { truncated: 't5' });
    await writeFile(join(outside, 'truncated', 'weights.bin'), Buffer.alloc(8));
    const into = join(root, 'empty-library');
    const damaged = await engine.fails(
      'library:import',
      { from: join(outside, 'truncated'), folder: into },
      'invalid-checkpoint',
    );
    expect(damaged.message).toMatch(/weights\.bin .* bytes/);
    await engine.fails('library:import', { from: join(root, 'no such'), folder: into }, 'not-found');
    await engine.fails(
      'library:export',
      { path: join(library, 'bert'), to: join(library, 'bert', 'inside') },
      'invalid-argument',
    );
    await engine.fails(
      'library:export',
      { path: join(library, 'bert'), to: 'C:relative' },
      'invalid-payload',
    );
    expect(await readdir(into).catch(() => [])).toEqual([]);
    expect((await readdir(join(library, 'bert'))).sort()).toEqual([
      'config.json',
      'tokenizer.json',
      'training.json',
      'weights.bin',
      'weights.json',
    ]);
  });
});
