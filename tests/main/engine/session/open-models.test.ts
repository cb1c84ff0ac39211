import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCheckpointsRoot } from '../../../../main/engine/session/builtin';
import { OpenModels } from '../../../../main/engine/session/open-models';
import { engineCaller, record, saveTiny, temporaryFolder } from './fixtures';

let root = '';
const open = (path: string) => ({ source: { kind: 'checkpoint', path } });

/** Parameters counted from the checkpoint's own manifest (independently of the model code). */
async function manifestParameters(dir: string): Promise<number> {
  const manifest = JSON.parse(await readFile(join(dir, 'weights.json'), 'utf8')) as {
    weights: { shape: number[] }[];
  };
  return manifest.weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
}

describe('open models', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    root = await temporaryFolder();
    for (const name of ['a', 'b', 'c']) await saveTiny(join(root, name), 'gpt', name.charCodeAt(0));
    await saveTiny(join(root, 't5'), 't5');
    await saveTiny(join(root, 'builtin', 'gpt-tiny'), 'gpt');
    await saveTiny(join(root, 'builtin', 'bert-tiny'), 't5'); // a wrong model where BERT belongs
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('model:open summarises the config and the training of a checkpoint', async () => {
    const models = new OpenModels({ builtinRoot: join(root, 'builtin') });
    const info = await engineCaller(models).ok('model:open', open(join(root, 't5')));
    expect(info).toMatchObject({
      family: 't5',
      name: 't5',
      path: join(root, 't5'),
      config: { layers: 2, decoderLayers: 2, heads: 2, dModel: 8, dFf: 16, maxLength: 16, norm: 'pre' },
      training: { steps: 40, seed: 3, finalLoss: 2.5, finalValLoss: 3.75, corpus: record.corpus },
    });
    expect(info.config.parameters).toBe(await manifestParameters(join(root, 't5')));
    expect(Date.parse(info.training.createdAt)).not.toBeNaN();
    models.dispose();
  });

  it('opens built-in models from its folder, and says how to install a missing one', async () => {
    const models = new OpenModels({ builtinRoot: join(root, 'builtin') });
    const engine = engineCaller(models);
    const list = await engine.ok('model:listBuiltin', {});
    expect(list.models.map((m) => [m.id, m.family, m.isAvailable])).toEqual([
      ['bert-tiny', 'bert', true],
      ['t5-tiny', 't5', false],
      ['gpt-tiny', 'gpt', true],
    ]);
    expect(list.models.every((m) => m.name.length > 0 && m.description.length > 20)).toBe(true);
    const gpt = await engine.ok('model:open', { source: { kind: 'builtin', id: 'gpt-tiny' } });
    expect(gpt).toMatchObject({ family: 'gpt', name: 'Tiny GPT' });
    const missing = await engine.fails(
      'model:open',
      { source: { kind: 'builtin', id: 't5-tiny' } },
      'not-found',
    );
    expect(missing.message).toMatch(/Tiny T5 is not installed .* npm run train:assets/);
    await engine.fails('model:open', { source: { kind: 'builtin', id: 'bert-tiny' } }, 'wrong-model-family');
    await engine.fails('model:open', open(join(root, 'nowhere')), 'not-found');
    await engine.fails('model:open', { source: { kind: 'builtin', id: 'gpt-huge' } }, 'invalid-payload');
    models.dispose();
  });

  it('finds assets/checkpoints up from the sources and from dist/, and in the packaged resources first', async () => {
    const app = join(root, 'app');
    for (const dir of [
      'assets/checkpoints',
      'main/engine/session',
      'dist/main',
      'resources/assets/checkpoints',
    ])
      await mkdir(join(app, dir), { recursive: true });
    const repository = join(app, 'assets/checkpoints');
    expect(builtinCheckpointsRoot({ moduleDir: join(app, 'main/engine/session') })).toBe(repository);
    expect(builtinCheckpointsRoot({ moduleDir: join(app, 'dist/main') })).toBe(repository);
    expect(
      builtinCheckpointsRoot({ resourcesPath: join(app, 'resources'), moduleDir: join(app, 'dist/main') }),
    ).toBe(join(app, 'resources/assets/checkpoints'));
  });

  it('returns the open model for the same checkpoint, and a new one once the checkpoint is rewritten', async () => {
    const models = new OpenModels();
    const engine = engineCaller(models);
    const first = await engine.ok('model:open', open(join(root, 'a')));
    const again = await Promise.all([
      engine.ok('model:open', open(join(root, 'a'))),
      engine.ok('model:open', open(join(root, 'a'))),
    ]);
    expect(again.map((info) => info.modelId)).toEqual([first.modelId, first.modelId]);
    expect(models.size).toBe(1);
    await saveTiny(join(root, 'a'), 'gpt', 42);
    const rewritten = await engine.ok('model:open', open(join(root, 'a')));
    expect(rewritten.modelId).not.toBe(first.modelId);
    models.dispose();
  });

  it('evicts the least recently used model and frees its tensors', async () => {
    const models = new OpenModels({ capacity: 2 });
    const engine = engineCaller(models);
    const baseline = tf.memory().numTensors;
    const a = await engine.ok('model:open', open(join(root, 'a')));
    const perModel = tf.memory().numTensors - baseline;
    expect(perModel).toBeGreaterThan(0);
    const b = await engine.ok('model:open', open(join(root, 'b')));
    await engine.ok('attention:compute', { modelId: a.modelId, text: 'i love' }); // a is now the most recent
    const c = await engine.ok('model:open', open(join(root, 'c')));
    expect(models.size).toBe(2);
    expect(tf.memory().numTensors).toBe(baseline + 2 * perModel);
    await engine.fails('attention:compute', { modelId: b.modelId, text: 'i love' }, 'not-found');
    await engine.ok('attention:compute', { modelId: a.modelId, text: 'i love' });
    await engine.ok('attention:compute', { modelId: c.modelId, text: 'i love' });
    models.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
