/**
 * A user's own UTF-8 text file as a corpus: blank lines separate documents, sentences end at `.`, `?`, `!`
 * (see {@link splitSentences}), words are split like Brown's ({@link splitWords}).
 */
import { readFile, stat } from 'node:fs/promises';
import { LabError } from '../../../shared/contract/errors';
import { splitSentences } from '../../../shared/text/tokenize';
import type { CorpusDocument } from './document';

/** Files above this many bytes are refused unless the caller allows more. */
export const defaultMaxCorpusBytes = 50 * 1024 * 1024;

/** Options of {@link loadTextCorpus}. */
export interface TextCorpusOptions {
  maxBytes?: number;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads and splits a text file; throws `invalid-corpus` with a student-readable reason when it cannot. */
export async function loadTextCorpus(
  path: string,
  options: TextCorpusOptions = {},
): Promise<CorpusDocument[]> {
  const maxBytes = options.maxBytes ?? defaultMaxCorpusBytes;
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      throw new LabError('invalid-corpus', `The corpus file "${path}" does not exist.`);
    throw new LabError(
      'invalid-corpus',
      `The corpus file "${path}" cannot be read (${error.code ?? error.message}).`,
    );
  });
  if (!info.isFile()) throw new LabError('invalid-corpus', `"${path}" is not a file.`);
  if (info.size > maxBytes) {
    throw new LabError(
      'invalid-corpus',
      `The corpus file "${path}" is ${formatBytes(info.size)}, more than the limit of ${formatBytes(maxBytes)}.`,
    );
  }
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LabError(
      'invalid-corpus',
      `The corpus file "${path}" is not UTF-8 text. Save it as UTF-8 (plain text) and import it again.`,
    );
  }
  const documents = parseTextCorpus(text, path);
  if (documents.length === 0) {
    throw new LabError('invalid-corpus', `The corpus file "${path}" is empty: it contains no words.`);
  }
  return documents;
}

/** Splits text into documents at blank lines; each document gets the id `name#n` (1-based). */
export function parseTextCorpus(text: string, name: string): CorpusDocument[] {
  return text
    .replace(/^\uFEFF/, '') // a byte-order mark is not a word
    .split(/\r?\n[ \t]*\r?\n/)
    .map((block) => splitSentences(block).map((words) => ({ words })))
    .filter((sentences) => sentences.length > 0)
    .map((sentences, i) => ({ id: `${name}#${i + 1}`, sentences }));
}

/** Throws `invalid-corpus` when `tokenCount` words cannot fill `sequences` training sequences of `sequenceLength`. */
export function assertCorpusFits(tokenCount: number, sequenceLength: number, sequences = 1): void {
  const needed = sequenceLength * sequences;
  if (tokenCount < needed) {
    throw new LabError(
      'invalid-corpus',
      `The corpus has only ${tokenCount} words, but training needs at least ${needed} (${sequences} sequence${sequences === 1 ? '' : 's'} of ${sequenceLength}). Use a longer text or a shorter sequence length.`,
    );
  }
}
