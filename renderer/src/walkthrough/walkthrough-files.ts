/**
 * Walkthroughs as files a teacher shares: the file and folder names made from the title, the default slides
 * folder next to the checkpoints folder, and a file read as strict UTF-8 text within {@link maxWalkthroughBytes}
 * (the parse itself is `parseWalkthrough`'s, the copy `duplicateWalkthrough`'s, both in shared/walkthrough).
 */
import type { Walkthrough, WalkthroughLanguage } from '../../../shared/walkthrough/schema';
import { maxWalkthroughBytes } from '../../../shared/walkthrough/schema';
import type { CheckpointsFolder } from '../train/train-settings';

/**
 * "classroom-walkthrough": the title (English unless another language is asked for) in lowercase letters,
 * digits and dashes (at most 60).
 */
export function walkthroughSlug(walkthrough: Walkthrough, language: WalkthroughLanguage = 'en'): string {
  const slug = walkthrough.title[language]
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents go, their letters stay
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'walkthrough' : slug;
}

/** The file name offered when saving: `<slug>.walkthrough.json`. */
export function walkthroughFileName(walkthrough: Walkthrough): string {
  return `${walkthroughSlug(walkthrough)}.walkthrough.json`;
}

/** `<parent of the checkpoints folder>/slides/<slug>`, joined with the engine platform's separator. */
export function slidesFolder(folder: CheckpointsFolder, slug: string): string {
  const base = folder.path.replace(/[\\/]+$/, '');
  const cut = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
  const parent = cut >= 0 ? base.slice(0, cut) : base;
  return [parent, 'slides', slug].join(folder.separator);
}

/** What reading a chosen file gave: its text, or why there is none. */
export type FileText =
  { kind: 'text'; text: string } | { kind: 'too-large'; bytes: number } | { kind: 'not-utf8' };

/** Reads `file` as UTF-8 text (a byte-order mark is dropped), refusing large or non-UTF-8 files. */
export async function readWalkthroughText(file: Blob, maxBytes = maxWalkthroughBytes): Promise<FileText> {
  if (file.size > maxBytes) return { kind: 'too-large', bytes: file.size };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    return { kind: 'text', text };
  } catch {
    return { kind: 'not-utf8' }; // fatal: a byte sequence that is not UTF-8 throws
  }
}
