import { describe, expect, it } from 'vitest';
import { LabError } from '../../../shared/contract/errors';
import { findJsonSyntaxError } from '../../../shared/walkthrough/json-error';
import {
  duplicateWalkthrough,
  localize,
  parseWalkthrough,
  serializeWalkthrough,
} from '../../../shared/walkthrough/parse';
import type { WalkthroughInput } from '../../../shared/walkthrough/schema';

const both = (en: string, id: string) => ({ en, id });

function sample(): WalkthroughInput {
  return {
    format: 'attention-lab-walkthrough',
    version: 1,
    title: both('Lesson', 'Pelajaran'),
    steps: [
      {
        id: 'bert-love',
        kind: 'attention',
        model: 'bert-tiny',
        text: 'I love this red car',
        view: 'head',
        title: both('Love', 'Cinta'),
        narration: both('Look at love.', 'Lihat love.'),
      },
      {
        id: 't5-span',
        kind: 'animation',
        objective: 't5',
        text: 'I love this red car',
        seed: 10,
        title: both('Spans', 'Span'),
        narration: both('Spans.', 'Span.'),
      },
      {
        id: 'scaling',
        kind: 'text',
        title: both('Scaling', 'Skala'),
        narration: both('Power laws.', 'Hukum pangkat.'),
        link: 'scaling',
      },
    ],
  };
}

/** The LabError `parseWalkthrough(text)` throws. */
function failure(text: string): LabError {
  try {
    parseWalkthrough(text);
  } catch (error) {
    if (error instanceof LabError) return error;
    throw error;
  }
  throw new Error('expected the walkthrough to be rejected');
}

/** The sample with `edit` applied to step `index`, as text. */
function withStep(index: number, edit: (step: Record<string, unknown>) => void): string {
  const input = sample() as unknown as { steps: Record<string, unknown>[] };
  const step = input.steps[index];
  if (!step) throw new Error('no such step');
  edit(step);
  return JSON.stringify(input);
}

describe('parseWalkthrough', () => {
  it('reads a valid file and fills in the defaults', () => {
    const walkthrough = parseWalkthrough(JSON.stringify(sample()));
    expect(walkthrough.steps.map((s) => s.id)).toEqual(['bert-love', 't5-span', 'scaling']);
    const first = walkthrough.steps[0];
    expect(first?.kind === 'attention' && [first.layer, first.head]).toEqual([0, 'average']);
    const second = walkthrough.steps[1];
    expect(second?.kind === 'animation' && second.frame).toBe('last');
  });

  it('accepts a byte-order mark at the start', () => {
    expect(parseWalkthrough(`\uFEFF${JSON.stringify(sample())}`).steps).toHaveLength(3);
  });

  it('names the line and column of a JSON syntax error', () => {
    const text = serializeWalkthrough(parseWalkthrough(JSON.stringify(sample())));
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.includes('"view": "head"'));
    lines[at] = (lines[at] ?? '').replace('"view"', 'view'); // an unquoted field name
    const error = failure(lines.join('\n'));
    expect(error.code).toBe('invalid-payload');
    const column = (lines[at] ?? '').indexOf('view') + 1;
    expect(error.message).toContain(`line ${at + 1}, column ${column}`);
    expect(error.message).toContain('field name in double quotes');
  });

  it('explains a trailing comma, a missing bracket and text after the end', () => {
    expect(failure('{"a": 1,\n}').message).toMatch(/line 2, column 1: a comma before "}"/);
    expect(failure('{"a": [1, 2}').message).toMatch(/line 1, column 12: expected "," or "]"/);
    expect(failure('{"a": 1').message).toMatch(/line 1, column 8: the file ends too early/);
    expect(failure('{} x').message).toMatch(/line 1, column 4: more text after the end/);
    expect(failure('').message).toMatch(/line 1, column 1/);
  });

  it('explains a file of another format and a file from a newer version', () => {
    expect(failure('[1, 2]').message).toMatch(/should hold one JSON object/);
    expect(failure('{"title": "x"}').message).toMatch(/no "format": "attention-lab-walkthrough"/);
    expect(failure('{"format": "attention-lab-checkpoint"}').message).toMatch(
      /its format is "attention-lab-checkpoint"/,
    );
    const newer = failure(JSON.stringify({ ...sample(), version: 2 }));
    expect(newer.code).toBe('invalid-payload');
    expect(newer.message).toMatch(/newer Attention Lab \(file version 2\); this one reads version 1/);
    expect(failure(JSON.stringify({ ...sample(), version: 0 })).message).toMatch(/field version: must be 1/);
  });

  it('names the step and the field of a schema error', () => {
    const missing = failure(
      withStep(1, (step) => delete (step['narration'] as Record<string, unknown>)['id']),
    );
    expect(missing.code).toBe('invalid-payload');
    expect(missing.message).toContain('step 2 (id "t5-span"), field narration.id: is missing');
  });

  it.each([
    [
      withStep(0, (s) => (s['view'] = 'heads')),
      'step 1 (id "bert-love"), field view: must be one of head, grid, lines, mask, triptych (got "heads")',
    ],
    [
      withStep(0, (s) => (s['model'] = 'bert-huge')),
      'step 1 (id "bert-love"), field model: must be a built-in model',
    ],
    [withStep(0, (s) => (s['layer'] = 'two')), 'field layer: must be a number (got "two")'],
    [withStep(0, (s) => (s['layer'] = -1)), 'field layer: must be at least 0 (got -1)'],
    [withStep(0, (s) => (s['layer'] = 1.5)), 'step 1 (id "bert-love"), field layer'],
    [
      withStep(0, (s) => (s['kind'] = 'video')),
      'step 1 (id "bert-love"), field kind: must be one of attention, animation, prompting, text (got "video")',
    ],
    [withStep(0, (s) => (s['colour'] = 'red')), 'step 1 (id "bert-love"): has unknown field "colour"'],
    [withStep(0, (s) => (s['text'] = '   ')), 'field text: is empty'],
    [
      withStep(1, (s) => (s['noiseDensity'] = 1.5)),
      'step 2 (id "t5-span"), field noiseDensity: must be at most 1',
    ],
    [
      withStep(2, (s) => (s['id'] = 'Scaling Step')),
      'step 3 (id "Scaling Step"), field id: use lowercase letters',
    ],
    [
      withStep(2, (s) => (s['id'] = 'bert-love')),
      'step 3 (id "bert-love"), field id: step id "bert-love" is used twice',
    ],
    [withStep(2, (s) => (s['link'] = 'nowhere')), 'field link: must be one of encoder'],
    [withStep(2, (s) => (s['title'] = 'Scaling')), 'field title: must be an object (got "Scaling")'],
    [JSON.stringify({ ...sample(), steps: [] }), 'field steps: needs at least 1'],
    [JSON.stringify({ ...sample(), title: { en: 'x' } }), 'field title.id: is missing'],
  ])('explains a malformed file (%#)', (text, expected) => {
    const error = failure(text);
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toContain(expected);
  });

  it('lists at most three mistakes and counts the rest', () => {
    const text = withStep(0, (s) => {
      s['view'] = 'x';
      s['layer'] = 'x';
      s['head'] = 'x';
      s['focus'] = 7;
      s['text'] = 7;
    });
    expect(failure(text).message).toMatch(/; .*; .*\(and 2 more\)\.$/);
  });

  it('refuses a file larger than the limit', () => {
    expect(failure(' '.repeat(1_000_001)).code).toBe('payload-too-large');
  });

  it('names the place of broken JSON nested far too deeply instead of overflowing the stack', () => {
    for (const text of ['['.repeat(200_000), '{"a":'.repeat(100_000)]) {
      const error = failure(text);
      expect(error.code).toBe('invalid-payload');
      const column = text.startsWith('[') ? 65 : 5 * 64 + 1; // the 65th opening bracket
      expect(error.message).toBe(
        `This walkthrough file is not valid JSON: line 1, column ${column}: brackets nested more than 64 deep (a walkthrough never nests this deep).`,
      );
    }
  });

  it('names the field of valid JSON nested far too deeply', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const text = `{"format":"attention-lab-walkthrough","version":1,"title":${deep},"steps":[]}`;
    const error = failure(text);
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toMatch(/field title: must be an object \(got a value nested too deeply to show\)/);
  });
});

describe('serializeWalkthrough', () => {
  it('writes 2-space JSON with a final newline, in schema order', () => {
    const text = serializeWalkthrough(parseWalkthrough(JSON.stringify(sample())));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "attention-lab-walkthrough",');
    const step = text.slice(text.indexOf('"bert-love"'));
    expect(step.indexOf('"title"')).toBeLessThan(step.indexOf('"kind"'));
  });

  it('save → load → save is byte-identical, whatever order the fields were written in', () => {
    const shuffled = JSON.parse(JSON.stringify(sample())) as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(shuffled).reverse());
    const first = serializeWalkthrough(parseWalkthrough(JSON.stringify(reversed)));
    const second = serializeWalkthrough(parseWalkthrough(first));
    expect(second).toBe(first);
    expect(serializeWalkthrough(parseWalkthrough(JSON.stringify(sample())))).toBe(first);
  });
});

describe('duplicateWalkthrough', () => {
  it('copies deeply under a new title', () => {
    const original = parseWalkthrough(JSON.stringify(sample()));
    const copy = duplicateWalkthrough(original);
    expect(copy.title).toEqual({ en: 'Lesson (copy)', id: 'Pelajaran (salinan)' });
    expect(copy.steps).toEqual(original.steps);
    copy.steps[0]!.narration.en = 'changed';
    expect(original.steps[0]?.narration.en).toBe('Look at love.');
    expect(duplicateWalkthrough(original, both('Mine', 'Milikku')).title.id).toBe('Milikku');
  });
});

describe('localize', () => {
  it('picks the language', () => {
    expect(localize(both('car', 'mobil'), 'id')).toBe('mobil');
    expect(localize(both('car', 'mobil'), 'en')).toBe('car');
  });
});

describe('findJsonSyntaxError', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' 1 ', '"a\\u00e9\\n"', '{"a":[true,false,null,-1.5e3,{"b":""}]}']) {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it('follows 64 nested brackets and reports the 65th', () => {
    expect(findJsonSyntaxError(`${'['.repeat(64)}${']'.repeat(64)}`)).toBeNull();
    expect(findJsonSyntaxError(`${'[{"a":'.repeat(32)}1${'}]'.repeat(32)}`)).toBeNull();
    expect(findJsonSyntaxError(`${'['.repeat(65)}${']'.repeat(65)}`)).toEqual({
      line: 1,
      column: 65,
      problem: 'brackets nested more than 64 deep (a walkthrough never nests this deep)',
    });
  });

  it('rejects what JSON.parse rejects', () => {
    for (const text of ["{'a': 1}", '{"a": 01}', '"a\nb"', '"\\x"', '[1,]', 'tru', '{"a" 1}', 'NaN']) {
      expect(() => JSON.parse(text) as unknown).toThrow();
      expect(findJsonSyntaxError(text)).not.toBeNull();
    }
  });
});
