/**
 * In-context learning as the chapter's figure lays it out: a task description, zero, one or a few examples
 * ("sea otter -- loutre de mer"), and the prompt ("cheese --") the model continues. No parameter is updated.
 */
import { LabError } from '../contract/errors';

/** How many examples each setting shows. */
export const shotCounts = { zero: 0, one: 1, few: 3 } as const;
/** Zero-, one- or few-shot. */
export type Shot = keyof typeof shotCounts;
/** The settings in the figure's order. */
export const shots: readonly Shot[] = ['zero', 'one', 'few'];

/**
 * What separates an example's input from its output, where the figure draws "=>": Brown's dash "--", a token
 * the tiny models know (the figure's "=>" would be read as [UNK] [UNK] before every answer).
 */
export const exampleArrow = '--';

/** One demonstration: an input and the output the task wants. */
export interface PromptExample {
  input: string;
  output: string;
}

/** The three editable parts of a prompt. */
export interface PromptParts {
  task: string;
  examples: readonly PromptExample[];
  prompt: string;
}

/**
 * An example line: input, the arrow with a space on each side, output. The last such arrow splits it, so an
 * input may itself hold Brown's dash ("well -- known -- fine"); the figure's "=>" is read too.
 */
const exampleLine = /^(.*\S)\s+(?:--|=>)\s+(\S.*)$/;

/**
 * Reads examples written one per line as `input -- output`; blank lines are skipped. A line without the arrow,
 * or with an empty side, throws `invalid-argument` naming the line (1-based).
 */
export function parseExampleLines(text: string): PromptExample[] {
  const examples: PromptExample[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const match = exampleLine.exec(line.trim());
    if (!match) {
      throw new LabError(
        'invalid-argument',
        `Example line ${index + 1} should read "input ${exampleArrow} output", e.g. "sea otter ${exampleArrow} loutre de mer".`,
      );
    }
    examples.push({ input: (match[1] ?? '').trim(), output: (match[2] ?? '').trim() });
  });
  return examples;
}

/** Writes one example as a line, as the figure does. */
export function formatExample(example: PromptExample): string {
  return `${example.input} ${exampleArrow} ${example.output}`;
}

/**
 * The text the model reads: the task description, the first {@link shotCounts}[shot] examples and the prompt
 * followed by the arrow, one per line (empty parts left out). Throws `invalid-argument` when the setting needs
 * more examples than given, or the prompt is empty.
 */
export function assemblePrompt(parts: PromptParts, shot: Shot): string {
  const needed = shotCounts[shot];
  if (parts.examples.length < needed) {
    throw new LabError(
      'invalid-argument',
      `${shot}-shot prompting needs ${needed} example${needed === 1 ? '' : 's'}; only ${parts.examples.length} given.`,
    );
  }
  const prompt = parts.prompt.trim();
  if (prompt === '') throw new LabError('invalid-argument', 'Write the prompt the model should continue.');
  const lines = [
    parts.task.trim(),
    ...parts.examples.slice(0, needed).map(formatExample),
    `${prompt} ${exampleArrow}`,
  ];
  return lines.filter((line) => line !== '').join('\n');
}
