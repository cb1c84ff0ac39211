/**
 * The models the engine holds open for inference, by model id: a small least-recently-used cache. Opening a
 * checkpoint that is already open (same folder, same weights file) returns the open model; opening more than
 * `capacity` models disposes the least recently used one, so its tensors are freed.
 */
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import type { BuiltinModelId, ModelInfo, ModelSource } from '../../../shared/contract/model';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import type { LoadedCheckpoint } from '../checkpoint';
import { checkpointFiles, loadCheckpoint } from '../checkpoint';
import type { ModelFamily } from '../models/config';
import type { TransformerModel } from '../models/model';
import { countParameters } from '../models/model';
import { builtinCheckpointsRoot, builtinModel } from './builtin';

/** An open model: the model, its vocabulary and what `model:open` reports about it. */
export interface OpenModel {
  info: ModelInfo;
  model: TransformerModel;
  vocab: Vocabulary;
}

/** Options of {@link OpenModels}. */
export interface OpenModelsOptions {
  /** Most models open at once (default 4: the three built-in ones and one more). */
  capacity?: number;
  /** Where the built-in checkpoints are (default: {@link builtinCheckpointsRoot}). */
  builtinRoot?: string;
}

/** What `model:open` reports, from a loaded checkpoint. */
function describe(modelId: string, name: string, loaded: LoadedCheckpoint): ModelInfo {
  const { config, training } = loaded;
  const losses = training.losses ?? [];
  const validated = losses.filter((point) => point.valLoss !== undefined);
  return {
    modelId,
    family: config.family,
    name,
    path: loaded.dir,
    config: {
      layers: config.layers,
      ...(config.family === 't5' ? { decoderLayers: config.decoderLayers ?? config.layers } : {}),
      heads: config.heads,
      dModel: config.dModel,
      dFf: config.dFf,
      maxLength: config.maxLength,
      vocabSize: config.vocabSize,
      norm: config.norm,
      parameters: countParameters(loaded.model),
    },
    training: {
      steps: training.steps,
      seed: training.seed,
      finalLoss: losses.at(-1)?.loss ?? null,
      finalValLoss: validated.at(-1)?.valLoss ?? null,
      corpus: training.corpus,
      createdAt: training.createdAt,
    },
  };
}

/** The engine's open models. */
export class OpenModels {
  readonly capacity: number;
  readonly builtinRoot: string;
  /** Map order is recency: the first entry is the least recently used. */
  private readonly models = new Map<string, OpenModel & { key: string }>();
  private readonly loading = new Map<string, Promise<OpenModel>>();
  private counter = 0;

  constructor(options: OpenModelsOptions = {}) {
    this.capacity = Math.max(1, options.capacity ?? 4);
    this.builtinRoot = options.builtinRoot ?? builtinCheckpointsRoot();
  }

  /** How many models are open. */
  get size(): number {
    return this.models.size;
  }

  /** The folder of a built-in model. */
  builtinDir(id: BuiltinModelId): string {
    return join(this.builtinRoot, id);
  }

  /** Opens (or finds open) the model of `source`; throws `not-found`, `invalid-checkpoint`, … as loading does. */
  async open(source: ModelSource): Promise<OpenModel> {
    const { dir, name, family } = this.locate(source);
    // The weights file's time and size tell a checkpoint rewritten since it was opened (training goes on).
    const weights = await stat(join(dir, checkpointFiles.weights)).catch(() => null);
    const key = `${dir}\n${weights?.mtimeMs ?? ''}\n${weights?.size ?? ''}`;
    const open = [...this.models.values()].find((entry) => entry.key === key);
    if (open) return this.touch(open.info.modelId);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const load = this.load(dir, name, family, key).finally(() => this.loading.delete(key));
    this.loading.set(key, load);
    return load;
  }

  /** The open model `modelId` (now the most recently used); throws `not-found` when it is not open. */
  get(modelId: string): OpenModel {
    if (!this.models.has(modelId)) {
      throw new LabError(
        'not-found',
        `The model ${modelId} is not open (any more): open it again. The engine keeps the ${this.capacity} models used last.`,
      );
    }
    return this.touch(modelId);
  }

  /** Closes every model. */
  dispose(): void {
    for (const entry of this.models.values()) entry.model.dispose();
    this.models.clear();
  }

  private touch(modelId: string): OpenModel {
    const entry = this.models.get(modelId);
    if (!entry) throw new Error(`${modelId} is not open`);
    this.models.delete(modelId);
    this.models.set(modelId, entry);
    return entry;
  }

  private locate(source: ModelSource): { dir: string; name: string; family?: ModelFamily } {
    if (source.kind === 'checkpoint') {
      const dir = resolve(source.path);
      return { dir, name: basename(dir) };
    }
    const { name, family } = builtinModel(source.id);
    return { dir: resolve(this.builtinDir(source.id)), name, family };
  }

  private async load(
    dir: string,
    name: string,
    family: ModelFamily | undefined,
    key: string,
  ): Promise<OpenModel> {
    let loaded: LoadedCheckpoint;
    try {
      loaded = await loadCheckpoint(dir, family ? { expectFamily: family } : {});
    } catch (error) {
      if (family && error instanceof LabError && error.code === 'not-found') {
        throw new LabError(
          'not-found',
          `The built-in model ${name} is not installed (there is no folder ${dir}); create it with npm run train:assets.`,
        );
      }
      throw error;
    }
    this.counter += 1;
    const modelId = `model-${this.counter}`;
    const entry = { key, info: describe(modelId, name, loaded), model: loaded.model, vocab: loaded.vocab };
    this.models.set(modelId, entry);
    while (this.models.size > this.capacity) {
      const [oldest] = this.models.values();
      if (!oldest) break;
      oldest.model.dispose();
      this.models.delete(oldest.info.modelId);
    }
    return entry;
  }
}
