import { describe, expect, it } from 'vitest';
import { LabError } from '../../../shared/contract/errors';
import { assemblePrompt, formatExample, parseExampleLines } from '../../../shared/prompting/prompt-parts';

const figure = {
  task: 'Translate English to French:',
  examples: parseExampleLines(
    'sea otter -- loutre de mer\npeppermint -- menthe poivrée\n\nplush girafe -- girafe peluche',
  ),
  prompt: 'cheese',
};

describe('parseExampleLines', () => {
  it('reads one example per line, trimmed, skipping blank lines', () => {
    expect(figure.examples).toEqual([
      { input: 'sea otter', output: 'loutre de mer' },
      { input: 'peppermint', output: 'menthe poivrée' },
      { input: 'plush girafe', output: 'girafe peluche' },
    ]);
  });

  it('names the line that lacks the arrow or a side', () => {
    expect(() => parseExampleLines('a -- b\n\nno arrow here')).toThrow(/line 3/);
    expect(() => parseExampleLines(' -- b')).toThrow(LabError);
    expect(() => parseExampleLines('a --  ')).toThrow(/line 1/);
  });

  it("splits at the last spaced arrow, so an input may hold a dash, and reads the figure's => too", () => {
    const examples = [{ input: 'the jury -- twelve men -- said', output: 'so' }];
    expect(parseExampleLines(examples.map(formatExample).join('\n'))).toEqual(examples);
    expect(parseExampleLines('well-known => famous')).toEqual([{ input: 'well-known', output: 'famous' }]);
    expect(parseExampleLines('long--dash -- short')).toEqual([{ input: 'long--dash', output: 'short' }]);
  });
});

describe('assemblePrompt', () => {
  it('lays out zero-, one- and few-shot prompts as the chapter figure does', () => {
    expect(assemblePrompt(figure, 'zero')).toBe('Translate English to French:\ncheese --');
    expect(assemblePrompt(figure, 'one')).toBe(
      'Translate English to French:\nsea otter -- loutre de mer\ncheese --',
    );
    expect(assemblePrompt(figure, 'few').split('\n')).toEqual([
      'Translate English to French:',
      'sea otter -- loutre de mer',
      'peppermint -- menthe poivrée',
      'plush girafe -- girafe peluche',
      'cheese --',
    ]);
  });

  it('leaves out an empty task description', () => {
    expect(assemblePrompt({ ...figure, task: '  ' }, 'zero')).toBe('cheese --');
  });

  it('refuses too few examples or an empty prompt', () => {
    expect(() => assemblePrompt({ ...figure, examples: figure.examples.slice(0, 2) }, 'few')).toThrow(
      /needs 3 examples; only 2/,
    );
    expect(() => assemblePrompt({ ...figure, examples: [] }, 'zero')).not.toThrow();
    expect(() => assemblePrompt({ ...figure, prompt: ' ' }, 'one')).toThrow(LabError);
  });
});
