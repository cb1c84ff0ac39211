import { describe, expect, it } from 'vitest';
import { LabError } from '../../../../shared/contract/errors';
import { parseLabeledCsv, parseTextPairCsv } from '../../../../main/engine/finetune/csv';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The error message parsing `input` throws (fails the test when it parses). */
function errorOf(
  input: Uint8Array | string,
  parse: (bytes: Uint8Array) => unknown = parseLabeledCsv,
): string {
  try {
    parse(typeof input === 'string' ? bytes(input) : input);
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('invalid-corpus');
    return (error as LabError).message;
  }
  throw new Error('expected the CSV to be refused');
}

describe('finetune/csv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, skipping the header and blank rows', () => {
    const text =
      'text,label\r\n"a fine, sunny day",good\r\n\r\n"she said ""no""\nand left",bad\nplain words , good \n';
    expect(parseLabeledCsv(bytes(text))).toEqual([
      { text: 'a fine, sunny day', label: 'good', line: 2 },
      { text: 'she said "no"\nand left', label: 'bad', line: 4 },
      { text: 'plain words', label: 'good', line: 6 },
    ]);
  });

  it('reads a file without a header row', () => {
    expect(parseLabeledCsv(bytes('up,a\ndown,b')).map((row) => row.label)).toEqual(['a', 'b']);
  });

  it('names the line of a row with a missing column', () => {
    expect(errorOf('text,label\nfine,good\nno label here\nbad,bad\n')).toMatch(
      /^CSV line 3: expected 2 columns/,
    );
  });

  it('names the line of a row with too many columns', () => {
    expect(errorOf('fine,good\nx,y,z\n')).toMatch(/^CSV line 2: expected 2 columns .* found 3/);
  });

  it('names the line of an empty label', () => {
    expect(errorOf('fine,good\n\n"two\nlines",\n')).toMatch(/^CSV line 3: the label is empty/);
  });

  it('names the line of an empty text', () => {
    expect(errorOf('fine,good\n ,bad\n')).toMatch(/^CSV line 2: the text is empty/);
  });

  it('names the line with bytes that are not UTF-8', () => {
    const latin1 = Uint8Array.from([...bytes('fine,good\nok,bad\ncaf'), 0xe9, ...bytes(',good\n')]);
    expect(errorOf(latin1)).toMatch(/^CSV line 3: the file is not UTF-8/);
  });

  it('names the line where an unclosed quote starts', () => {
    expect(errorOf('fine,good\n"never closed,bad\nmore,good\n')).toMatch(
      /^CSV line 2: a quoted field is never closed/,
    );
  });

  it('refuses an input,target header (a T5 CSV) naming line 1 and the columns a BERT needs', () => {
    expect(errorOf('input,target\nplural : cat,cats\nplural : dog,dogs\n')).toBe(
      'CSV line 1: the columns input,target are for a T5 checkpoint; this is a BERT checkpoint, which needs the columns text,label.',
    );
  });

  it('refuses a file with fewer than two labels', () => {
    expect(errorOf('text,label\na,same\nb,same\n')).toMatch(/at least two different labels.*only "same"/);
    expect(errorOf('text,label\n\n')).toMatch(/at least two different labels.*no rows/);
  });
});

describe('finetune/csv (input,target for T5)', () => {
  const pairError = (input: Uint8Array | string) => errorOf(input, parseTextPairCsv);

  it('reads input,target rows, skipping their header and blank rows', () => {
    const text = 'input,target\n"plural : cat",cats\n\nplural : dog , dogs\n';
    expect(parseTextPairCsv(bytes(text))).toEqual([
      { input: 'plural : cat', target: 'cats', line: 2 },
      { input: 'plural : dog', target: 'dogs', line: 4 },
    ]);
  });

  it('refuses a text,label header (a BERT CSV) naming line 1 and the columns a T5 needs', () => {
    expect(pairError('Text , Label\na,b\nc,d\n')).toBe(
      'CSV line 1: the columns text,label are for a BERT checkpoint; this is a T5 checkpoint, which needs the columns input,target.',
    );
  });

  it('reads text,label as data after line 1 (only a first row is a header)', () => {
    expect(parseTextPairCsv(bytes('a,b\ntext,label\n')).map((row) => row.input)).toEqual(['a', 'text']);
  });

  it('names the line of a row with a missing column, naming the input,target columns', () => {
    expect(pairError('input,target\na,b\nno target here\n')).toMatch(
      /^CSV line 3: expected 2 columns \(input,target\) but found 1/,
    );
  });

  it('names the line of an empty input and of an empty target', () => {
    expect(pairError('a,b\n,c\n')).toMatch(/^CSV line 2: the input is empty/);
    expect(pairError('a,b\n\nc, \n')).toMatch(/^CSV line 3: the target is empty/);
  });

  it('names the line with bytes that are not UTF-8', () => {
    const latin1 = Uint8Array.from([...bytes('a,b\ncaf'), 0xe9, ...bytes(',c\n')]);
    expect(pairError(latin1)).toMatch(/^CSV line 2: the file is not UTF-8/);
  });

  it('refuses a file with fewer than two rows', () => {
    expect(pairError('input,target\nonly,one\n')).toMatch(/at least two input,target rows.*it has 1/);
  });
});
