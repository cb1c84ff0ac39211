import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCorpusFits, loadTextCorpus, parseTextCorpus } from '../../../../main/engine/corpus/text-file';
import { LabError } from '../../../../shared/contract/errors';

let folder = '';

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

async function expectCorpusError(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LabError);
  expect((error as LabError).code).toBe('invalid-corpus');
  expect((error as LabError).message).toMatch(message);
}

describe('text-file', () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'attention-lab-corpus-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads documents separated by blank lines, sentences and Brown-style words', async () => {
    const path = await file(
      'story.txt',
      '\uFEFFI love this red car. Don\u2019t you?\r\n\r\n\r\nThe end!\nReally.\n',
    );
    const documents = await loadTextCorpus(path);
    expect(documents.map((d) => d.id)).toEqual([`${path}#1`, `${path}#2`]);
    expect(documents[0]?.sentences).toEqual([
      { words: ['i', 'love', 'this', 'red', 'car', '.'] },
      { words: ["don't", 'you', '?'] },
    ]);
    expect(documents[1]?.sentences.map((s) => s.words)).toEqual([
      ['the', 'end', '!'],
      ['really', '.'],
    ]);
  });

  it('refuses an empty or whitespace-only file', async () => {
    await expectCorpusError(loadTextCorpus(await file('empty.txt', '')), /is empty/);
    await expectCorpusError(loadTextCorpus(await file('blank.txt', ' \n\n\t \r\n')), /is empty/);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const latin1 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]); // "café ok" in Latin-1
    await expectCorpusError(loadTextCorpus(await file('latin1.txt', latin1)), /is not UTF-8 text/);
  });

  it('refuses a file above the size limit, saying both sizes', async () => {
    const path = await file('big.txt', 'word '.repeat(400)); // 2,000 bytes
    await expectCorpusError(
      loadTextCorpus(path, { maxBytes: 1024 }),
      /is 2\.0 KB, more than the limit of 1\.0 KB/,
    );
    await expect(loadTextCorpus(path, { maxBytes: 2000 })).resolves.toHaveLength(1);
  });

  it('refuses a missing file and a folder', async () => {
    await expectCorpusError(loadTextCorpus(join(folder, 'nope.txt')), /does not exist/);
    await expectCorpusError(loadTextCorpus(folder), /is not a file/);
  });

  it('parses text without a file', () => {
    expect(parseTextCorpus('a b.\n \nc', 'x').map((d) => d.id)).toEqual(['x#1', 'x#2']);
  });

  it('checks that a corpus can fill the training sequences', () => {
    expect(() => assertCorpusFits(64, 64)).not.toThrow();
    expect(() => assertCorpusFits(63, 64)).toThrow(/only 63 words, but training needs at least 64/);
    expect(() => assertCorpusFits(100, 64, 2)).toThrow(/2 sequences of 64/);
  });
});
