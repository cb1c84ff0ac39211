/**
 * The engine's handlers of the `model:`, `attention:`, `predict:` and `generate:` channels, over one
 * {@link OpenModels}: open a model once, then ask for its attention, predictions and generations by model id.
 * Every answer is plain JSON (see shared/contract/model.ts) and checked to fit one message.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import { generateRunSchema, predictMaskedSchema, predictNextSchema } from '../../../shared/contract/model';
import { maxMessageBytes } from '../../../shared/contract/wire';
import { checkpointFiles } from '../checkpoint';
import { unknownWords } from '../infer/encode-text';
import { generateText } from '../infer/generate';
import { predictMasked, predictNext, predictNextTarget } from '../infer/predict';
import type { NextTokenPrediction } from '../infer/predict';
import type { ModelFamily } from '../models/config';
import type { EngineHandlers } from '../server';
import { builtinModels } from './builtin';
import type { OpenModel } from './open-models';
import { OpenModels } from './open-models';
import { attentionAnswer, ensureFitsMessage, toWireMaps, toWireRows } from './wire-attention';

/** The channels of the engine's open models. */
export type ModelChannel =
  | 'model:open'
  | 'model:listBuiltin'
  | 'model:vocabulary'
  | 'attention:compute'
  | 'predict:masked'
  | 'predict:next'
  | 'generate:run';

const familyNames: Record<ModelFamily, string> = {
  bert: 'a BERT (encoder-only)',
  t5: 'a T5 (encoder–decoder)',
  gpt: 'a GPT (decoder-only)',
};

/** Throws `wrong-model-family` unless the open model is of one of `families`. */
function requireFamily(open: OpenModel, families: readonly ModelFamily[], what: string): void {
  const { family, name } = open.info;
  if (families.includes(family)) return;
  const needed = families.map((f) => familyNames[f]).join(' or ');
  throw new LabError(
    'wrong-model-family',
    `${what} needs ${needed} model, but ${name} is ${familyNames[family]} model. Open another model.`,
  );
}

/** Throws `invalid-argument` for text with nothing in it. */
function requireText(text: string, what = 'a sentence'): void {
  if (text.trim() === '') {
    throw new LabError('invalid-argument', `Type ${what} first: the text is empty.`);
  }
}

/** A target only T5 reads; an empty one is the same as none. */
function targetOf(open: OpenModel, target: string | undefined): string | undefined {
  if (target === undefined || (target === '' && open.info.family !== 't5')) return undefined;
  requireFamily(open, ['t5'], 'A target text');
  return target;
}

/** Handlers for the open-model channels; `maxBytes` is the largest answer (one message). */
export function createModelHandlers(
  models = new OpenModels(),
  options: { maxBytes?: number } = {},
): Pick<EngineHandlers, ModelChannel> {
  const fits = <T>(output: T, what: string): T =>
    ensureFitsMessage(output, what, options.maxBytes ?? maxMessageBytes);
  return {
    'model:open': async ({ source }) => (await models.open(source)).info,

    'model:listBuiltin': async () => ({
      models: builtinModels.map((model) => ({
        ...model,
        isAvailable: existsSync(join(models.builtinDir(model.id), checkpointFiles.config)),
      })),
    }),

    'model:vocabulary': async ({ modelId }) => {
      const { vocab } = models.get(modelId);
      const specials = {
        pad: vocab.padId,
        unk: vocab.unkId,
        cls: vocab.clsId,
        sep: vocab.sepId,
        mask: vocab.maskId,
        bos: vocab.bosId,
        eos: vocab.eosId,
      };
      return fits(
        { modelId, tokens: [...vocab.tokens], specials, sentinelCount: vocab.sentinelCount },
        'vocabulary',
      );
    },

    'attention:compute': async ({ modelId, text, target }) => {
      const open = models.get(modelId);
      requireText(text);
      const soFar = targetOf(open, target);
      return attentionAnswer(open.model, open.vocab, { text, target: soFar }, options.maxBytes);
    },

    'predict:masked': async (input) => {
      // The server already validated the input; parsing again gives the defaults their types.
      const { modelId, text, positions, topK } = predictMaskedSchema.parse(input);
      const open = models.get(modelId);
      requireFamily(open, ['bert'], 'Filling in [MASK] words');
      requireText(text);
      const result = predictMasked(open.model, open.vocab, {
        text,
        topK,
        ...(positions ? { positions } : {}),
      });
      const output = {
        tokens: result.tokens,
        truncated: result.isTruncated,
        unknownWords: unknownWords(text, open.vocab),
        predictions: result.predictions,
        attention: toWireMaps(result.attention),
      };
      return fits(output, 'prediction for this text');
    },

    'predict:next': async (input) => {
      const { modelId, text, target, topK } = predictNextSchema.parse(input);
      const open = models.get(modelId);
      requireFamily(open, ['gpt', 't5'], 'Predicting the next word');
      requireText(text);
      const soFar = targetOf(open, target);
      let result: NextTokenPrediction;
      let tokens: { input: string[]; target?: string[] };
      if (open.info.family === 't5') {
        const t5 = predictNextTarget(open.model, open.vocab, { text, target: soFar ?? '', topK });
        tokens = { input: t5.tokens, target: t5.targetTokens };
        result = t5;
      } else {
        result = predictNext(open.model, open.vocab, { text, topK });
        tokens = { input: result.tokens };
      }
      const output = {
        family: open.info.family,
        tokens,
        truncated: result.isTruncated,
        unknownWords: unknownWords(`${text} ${soFar ?? ''}`, open.vocab),
        candidates: result.candidates,
        attention: toWireMaps(result.attention),
      };
      return fits(output, 'prediction for this text');
    },

    'generate:run': async (input) => {
      const { modelId, prompt, ...sampling } = generateRunSchema.parse(input);
      const open = models.get(modelId);
      requireFamily(open, ['gpt', 't5'], 'Generating text');
      requireText(prompt, 'a prompt');
      const result = generateText(open.model, open.vocab, { prompt, ...sampling });
      const { decoder, cross } = result.attention;
      if (!decoder) throw new Error('A generating model returned no decoder attention');
      const steps = result.generated.map((token) => {
        const query = token.position - 1; // the newest token when this one was chosen
        return {
          ...token,
          query,
          decoder: toWireRows(decoder, query, query + 1), // keys after the query are masked
          ...(cross ? { cross: toWireRows(cross, query) } : {}),
        };
      });
      const output = {
        family: result.family,
        tokens: result.tokens,
        truncated: result.isTruncated,
        unknownWords: unknownWords(prompt, open.vocab),
        stoppedBy: result.stoppedBy,
        steps,
        attention: toWireMaps(result.attention),
      };
      return fits(output, 'generated text with its attention');
    },
  };
}
