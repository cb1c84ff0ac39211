/**
 * `attention-lab corrupt --objective bert|t5|gpt [--text "…"] [--seed S] [--vocab-size N] [--json]`
 * (and for t5 `--noise-density D --mean-span-length L`): shows
 * what one training objective does to a text, with the same seeded functions the trainer and the animations use.
 *
 * JSON keys (every token is its vocabulary text; unknown words appear as `[UNK]`, sentinels as `<extra_id_i>`):
 * - bert: `tokens` (the encoded text), `input` (after masking), `labels` (the original token at chosen
 *   positions, `null` elsewhere), `choices` (`index`, `original`, `replacement`, `kind`: mask | random | keep);
 * - t5: `tokens`, `input`, `target`, `spans` ([start, end) positions in `tokens`);
 * - gpt: `input` (`<bos>` + tokens), `target` (tokens + `<eos>`).
 * Without --json the same is printed as lines, sentinels shown as <X>, <Y>, <Z>.
 */
import { LabError } from '../../../shared/contract/errors';
import type { MaskingChoice } from '../../../shared/objectives/bert-masking';
import { maskTokens } from '../../../shared/objectives/bert-masking';
import { shiftForNextToken } from '../../../shared/objectives/gpt-shift';
import type { SpanCorruptionOptions } from '../../../shared/objectives/t5-span-corruption';
import { corruptSpans } from '../../../shared/objectives/t5-span-corruption';
import { createRng } from '../../../shared/random';
import { splitWords } from '../../../shared/text/tokenize';
import type { TokenId, Vocabulary } from '../../../shared/text/vocabulary';
import { sentinelLabel } from '../../../shared/text/vocabulary';
import { defaultVocabulary, defaultVocabularySize } from '../../engine/corpus/default-vocabulary';
import { intFlag, numberFlag, requiredChoiceFlag } from '../args';
import type { Command, Output } from '../command';

const objectives = ['bert', 't5', 'gpt'] as const;
type Objective = (typeof objectives)[number];

/** The chapter's example sentence, used when --text is not given. */
export const chapterSentence = 'I love this red car';

/** A BERT choice with tokens as text. */
interface ChoiceText {
  index: number;
  original: string;
  replacement: string;
  kind: MaskingChoice['kind'];
}

/** The documented JSON object of each objective. */
export type CorruptResult =
  | { tokens: string[]; input: string[]; labels: Array<string | null>; choices: ChoiceText[] }
  | { tokens: string[]; input: string[]; target: string[]; spans: Array<[start: number, end: number]> }
  | { input: string[]; target: string[] };

/** Runs one objective with a fresh generator seeded by `seed`; tokens come back as vocabulary text. */
export function corruptText(
  objective: Objective,
  ids: TokenId[],
  vocab: Vocabulary,
  seed: number,
  spanOptions: SpanCorruptionOptions = {},
): CorruptResult {
  const rng = createRng(seed);
  const text = (list: readonly TokenId[]) => vocab.decode(list);
  if (objective === 'bert') {
    const { input, labels, choices } = maskTokens(ids, vocab, rng);
    return {
      tokens: text(ids),
      input: text(input),
      labels: labels.map((label) => (label < 0 ? null : vocab.token(label))),
      choices: choices.map((choice) => ({
        index: choice.index,
        original: vocab.token(choice.original),
        replacement: vocab.token(choice.replacement),
        kind: choice.kind,
      })),
    };
  }
  if (objective === 't5') {
    const { input, target, spans } = corruptSpans(ids, vocab, rng, spanOptions);
    return { tokens: text(ids), input: text(input), target: text(target), spans };
  }
  const { input, target } = shiftForNextToken(ids, vocab);
  return { input: text(input), target: text(target) };
}

/** Prints `result` as lines of tokens, sentinels as the chapter's <X>, <Y>, <Z>, unchosen labels as ·. */
function printReadable(result: CorruptResult, vocab: Vocabulary, output: Output): void {
  const show = (token: string | null) => {
    if (token === null) return '·';
    const sentinel = vocab.sentinelIndex(vocab.id(token));
    return sentinel >= 0 ? sentinelLabel(sentinel) : token;
  };
  const line = (label: string, tokens: Array<string | null>) =>
    output.out(`${label.padEnd(7)} ${tokens.map(show).join(' ')}`);
  if ('tokens' in result) line('tokens', result.tokens);
  line('input', result.input);
  if ('labels' in result) {
    line('labels', result.labels);
    for (const choice of result.choices) {
      output.out(`  position ${choice.index}: ${choice.original} → ${choice.replacement} (${choice.kind})`);
    }
  } else {
    line('target', result.target);
  }
  if ('spans' in result)
    output.out(`spans   ${result.spans.map(([start, end]) => `[${start}, ${end})`).join(' ')}`);
}

/** The `corrupt` subcommand. */
export const corruptCommand: Command = {
  name: 'corrupt',
  summary: 'Show what a training objective (BERT masking, T5 span corruption, GPT shift) does to a text.',
  flags: {
    objective: { type: 'string', value: 'bert|t5|gpt', description: 'the objective to apply' },
    text: { type: 'string', value: 'TEXT', description: `the text (default: "${chapterSentence}")` },
    seed: {
      type: 'string',
      value: 'S',
      description: 'random seed; the same seed gives the same result (default 0)',
    },
    'vocab-size': {
      type: 'string',
      value: 'N',
      description: `size of the Brown vocabulary (default ${defaultVocabularySize})`,
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
    json: { type: 'boolean', description: 'print one JSON object' },
  },
  async run(flags, output) {
    const objective = requiredChoiceFlag<Objective>(flags, 'objective', objectives);
    const seed = intFlag(flags, 'seed', 0, 0, 2 ** 32 - 1);
    const vocab = defaultVocabulary(intFlag(flags, 'vocab-size', defaultVocabularySize, 64, 100_000));
    const text = typeof flags['text'] === 'string' ? flags['text'] : chapterSentence;
    const words = splitWords(text);
    if (words.length === 0) throw new LabError('invalid-argument', '--text contains no words');
    const unknown = [...new Set(words.filter((word) => !vocab.has(word)))];
    if (unknown.length > 0) output.err(`Not in the vocabulary (shown as [UNK]): ${unknown.join(', ')}`);

    const spanOptions = {
      noiseDensity: numberFlag(flags, 'noise-density', 0.15, 0.01, 0.99),
      meanSpanLength: numberFlag(flags, 'mean-span-length', 3, 1, 100),
    };
    const ids = vocab.encode(text);
    const result = corruptText(objective, ids, vocab, seed, spanOptions);
    if (flags['json']) output.out(JSON.stringify(result));
    else printReadable(result, vocab, output);
    return 0;
  },
};
