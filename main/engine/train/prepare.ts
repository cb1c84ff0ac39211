/**
 * Everything a training run needs before its first step: the corpus (Brown or a text file) split by document
 * into training and validation, the vocabulary, the model configuration and a freshly initialised model, and
 * the seeded batch makers. Bad input fails here, before any tensor exists, with a typed error.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainStartRequest } from '../../../shared/contract/train';
import type { Vocabulary } from '../../../shared/text/vocabulary';
import { buildVocabulary, defaultSentinelCount } from '../../../shared/text/vocabulary';
import { loadBrown } from '../corpus/brown';
import { defaultVocabulary } from '../corpus/default-vocabulary';
import type { CorpusDocument } from '../corpus/document';
import { corpusWords } from '../corpus/document';
import { splitDocuments } from '../corpus/split';
import { loadTextCorpus } from '../corpus/text-file';
import type { ModelConfig } from '../models/config';
import { modelConfig } from '../models/config';
import type { ModelBatch, TransformerModel } from '../models/model';
import { createModel } from '../models/model';
import type { BatchPlan } from './batches';
import { createBatchSource, validationBatches } from './batches';
import { assertFitsMemory } from './memory-budget';
import { encodeDocuments } from './packing';
import type { BatchSource } from './trainer';

/** Fraction of documents held out for the validation loss. */
export const validationFraction = 0.1;
/** Validation batches per evaluation (the first chunks of the held-out documents). */
export const validationBatchCount = 8;

/** A run ready to train. The caller owns `model` (dispose it when the run ends). */
export interface PreparedRun {
  config: ModelConfig;
  vocab: Vocabulary;
  model: TransformerModel;
  source: BatchSource;
  validation: ModelBatch[];
  /** Documents on each side of the split. */
  documents: { train: number; validation: number };
}

async function loadDocuments(request: TrainStartRequest): Promise<CorpusDocument[]> {
  return request.corpus.kind === 'brown' ? loadBrown().documents : loadTextCorpus(request.corpus.path);
}

/**
 * The vocabulary: for Brown the shared default one (so the chapter's sentence reads the same everywhere),
 * otherwise the most frequent words of the file. Built from all documents, so it does not depend on the split.
 */
function vocabularyFor(request: TrainStartRequest, documents: CorpusDocument[], size: number): Vocabulary {
  if (request.corpus.kind === 'brown') return defaultVocabulary(size);
  return buildVocabulary(corpusWords(documents), { size, sentinels: defaultSentinelCount });
}

/** Loads, splits and encodes the corpus, builds the vocabulary, the model and the batch makers. */
export async function prepareRun(request: TrainStartRequest): Promise<PreparedRun> {
  const requested = modelConfig(request.family, request.preset, {
    ...request.sizes,
    ...(request.norm ? { norm: request.norm } : {}),
    ...(request.family === 'bert' ? { nextSentence: request.nextSentence } : {}),
  });
  const documents = await loadDocuments(request);
  const vocab = vocabularyFor(request, documents, requested.vocabSize);
  // A small text may have fewer distinct words than asked for: the model gets exactly the vocabulary's size.
  const config = modelConfig(request.family, request.preset, { ...requested, vocabSize: vocab.size });
  // Before any tensor: a run too big for the backend would abort the whole engine (the wasm heap is finite).
  assertFitsMemory(config, request.batchSize, tf.getBackend());
  const split = splitDocuments(documents, { validationFraction, seed: request.seed });
  const plan: BatchPlan = {
    family: config.family,
    batchSize: request.batchSize,
    maxLength: config.maxLength,
    nextSentence: config.nextSentence ?? false,
  };
  const train = encodeDocuments(split.train, vocab);
  const source = createBatchSource(train, vocab, plan, request.seed);
  const validation = validationBatches(encodeDocuments(split.validation, vocab), vocab, plan, {
    seed: request.seed + 1,
    maxBatches: validationBatchCount,
  });
  const model = createModel(config, request.seed);
  return {
    config,
    vocab,
    model,
    source,
    validation,
    documents: { train: split.train.length, validation: split.validation.length },
  };
}
