/**
 * `attention-lab animate --objective bert|t5|gpt --text "…" --seed S [--checkpoint DIR] [--fps N] [--lang en|id]
 * --out FILE.gif|FILE.webm [--json]`: the app's animation of a pretraining objective as a GIF or WebM file. The
 * corruption comes from the same seeded functions as `attention-lab corrupt` (same seed, same result); with
 * --checkpoint the frames also show that model's attention and guesses (and, for GPT, its generation).
 */
import { resolve } from 'node:path';
import type { AnimationOptions } from '../../../shared/animations/animation';
import { buildAnimation, chapterSentence, withNoModelNote } from '../../../shared/animations/animation';
import type { AskModel } from '../../../shared/animations/enrich';
import { enrichAnimation } from '../../../shared/animations/enrich';
import type { Objective } from '../../../shared/animations/frame';
import { objectives } from '../../../shared/animations/frame';
import type { Language } from '../../../shared/animations/narration';
import { LabError } from '../../../shared/contract/errors';
import { parseInput, parseOutput } from '../../../shared/contract/validate';
import { Vocabulary } from '../../../shared/text/vocabulary';
import { animationFormat, writeAnimation } from '../../engine/animate/export';
import { defaultVocabulary, defaultVocabularySize } from '../../engine/corpus/default-vocabulary';
import { startEngine } from '../../engine/engine';
import type { EngineContext } from '../../engine/server';
import { createModelHandlers } from '../../engine/session/handlers';
import { OpenModels } from '../../engine/session/open-models';
import { checkWritable } from '../../engine/snapshot/write-file-atomic';
import { choiceFlag, intFlag, numberFlag, requiredChoiceFlag, requiredFlag } from '../args';
import type { Command, Output } from '../command';

/** Opens checkpoint `dir` in an in-process engine: its vocabulary, a way to ask it (as the app does), a cleanup. */
export async function openAnimationModel(dir: string, objective: Objective) {
  await startEngine();
  const models = new OpenModels({ capacity: 1 });
  const handlers = createModelHandlers(models);
  const context: EngineContext = { emit: () => undefined };
  // The same validation as requests from the app: inputs get their defaults, outputs are checked.
  const ask: AskModel = async (channel, input) => {
    const handler = handlers[channel] as (input: unknown, context: EngineContext) => Promise<unknown>;
    return parseOutput(channel, await handler(parseInput(channel, input), context));
  };
  try {
    const info = await handlers['model:open'](
      // The contract takes full paths only: a relative one means the CLI's working folder.
      parseInput('model:open', { source: { kind: 'checkpoint', path: resolve(dir) } }),
      context,
    );
    if (info.family !== objective) {
      throw new LabError(
        'wrong-model-family',
        `--objective ${objective} needs a ${objective.toUpperCase()} checkpoint, but ${dir} holds a ${info.family.toUpperCase()} model.`,
      );
    }
    const wire = await handlers['model:vocabulary']({ modelId: info.modelId }, context);
    return { vocab: new Vocabulary(wire.tokens), ask, modelId: info.modelId, close: () => models.dispose() };
  } catch (error) {
    models.dispose();
    throw error;
  }
}

/** The `animate` subcommand. */
export const animateCommand: Command = {
  name: 'animate',
  summary:
    'Export the animation of a pretraining objective (BERT, T5, GPT) as an animated GIF or a WebM video.',
  flags: {
    objective: { type: 'string', value: 'bert|t5|gpt', description: 'the objective to animate' },
    text: { type: 'string', value: 'TEXT', description: `the sentence (default: "${chapterSentence}")` },
    seed: {
      type: 'string',
      value: 'S',
      description: 'random seed, as in `attention-lab corrupt` (default 0)',
    },
    out: { type: 'string', value: 'FILE', description: 'output file, .gif or .webm' },
    checkpoint: { type: 'string', value: 'DIR', description: "show this model's attention and guesses" },
    fps: {
      type: 'string',
      value: 'N',
      description: 'pictures per second of the cross-fades; 0 = cuts (default 8)',
    },
    lang: { type: 'string', value: 'en|id', description: 'language of the narration (default en)' },
    width: { type: 'string', value: 'PX', description: 'width in pixels (default 1280)' },
    'vocab-size': {
      type: 'string',
      value: 'N',
      description: `Brown vocabulary without --checkpoint (default ${defaultVocabularySize})`,
    },
    'noise-density': {
      type: 'string',
      value: 'D',
      description: 't5: fraction of tokens corrupted (default 0.15)',
    },
    'mean-span-length': {
      type: 'string',
      value: 'L',
      description: 't5: mean corrupted span length (default 3)',
    },
    json: { type: 'boolean', description: 'print one JSON object describing the file' },
  },
  async run(flags, output: Output) {
    const objective = requiredChoiceFlag(flags, 'objective', objectives);
    const out = requiredFlag(flags, 'out');
    animationFormat(out);
    await checkWritable(out);
    const seed = intFlag(flags, 'seed', 0, 0, 2 ** 32 - 1);
    const language = choiceFlag<Language>(flags, 'lang', ['en', 'id'], 'en');
    const text = typeof flags['text'] === 'string' ? flags['text'] : chapterSentence;
    const options: AnimationOptions = {
      noiseDensity: numberFlag(flags, 'noise-density', 0.15, 0.01, 0.99),
      meanSpanLength: numberFlag(flags, 'mean-span-length', 3, 1, 100),
    };
    const exportOptions = {
      fps: intFlag(flags, 'fps', 8, 0, 30),
      width: intFlag(flags, 'width', 1280, 640, 3840),
      language,
      seed,
    };
    const checkpoint = typeof flags['checkpoint'] === 'string' ? flags['checkpoint'] : undefined;
    const opened = checkpoint ? await openAnimationModel(checkpoint, objective) : undefined;
    try {
      const vocab =
        opened?.vocab ?? defaultVocabulary(intFlag(flags, 'vocab-size', defaultVocabularySize, 64, 100_000));
      const animation = buildAnimation(objective, text, vocab, seed, options);
      if (animation.sentence.unknownWords.length > 0) {
        output.err(`Not in the vocabulary (shown as [UNK]): ${animation.sentence.unknownWords.join(', ')}`);
      }
      const frames = opened
        ? await enrichAnimation(animation, vocab, opened.ask, { modelId: opened.modelId })
        : withNoModelNote(animation.frames);
      const result = await writeAnimation(frames, out, exportOptions);
      if (flags['json']) output.out(JSON.stringify({ objective, seed, ...result }));
      else
        output.out(
          `${result.path}: ${result.format.toUpperCase()} ${result.width}×${result.height}, ${result.steps} steps, ` +
            `${result.pictures} pictures, ${(result.durationMs / 1000).toFixed(1)} s, ${result.bytes} bytes`,
        );
      return 0;
    } finally {
      opened?.close();
    }
  },
};
