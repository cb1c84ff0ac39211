/**
 * Which walkthrough the page shows: the chapter's own (`shared/walkthrough/chapter.ts`: the bundled
 * assets/walkthroughs/chapter.json, checked like any file), or the teacher's edited one, remembered on this
 * computer until they go back to the chapter.
 */
import type { LabError } from '../../../shared/contract/errors';
import { chapterWalkthrough } from '../../../shared/walkthrough/chapter';
import { parseWalkthrough, serializeWalkthrough } from '../../../shared/walkthrough/parse';
import type { Walkthrough } from '../../../shared/walkthrough/schema';
import { asLabError } from '../errors/as-lab-error';

const storageKey = 'attention-lab.walkthrough.edited';

/** What the page starts with: the remembered edit, else the chapter (and why a remembered edit was dropped). */
export interface StartingWalkthrough {
  walkthrough: Walkthrough;
  isEdited: boolean;
  problem: LabError | null;
}

/** The edited walkthrough kept on this computer, if any and readable, else the chapter's. */
export function startingWalkthrough(): StartingWalkthrough {
  let text: string | null = null;
  try {
    text = localStorage.getItem(storageKey);
  } catch {
    // storage unavailable (privacy settings): the chapter it is
  }
  if (text === null) return { walkthrough: chapterWalkthrough(), isEdited: false, problem: null };
  try {
    return { walkthrough: parseWalkthrough(text), isEdited: true, problem: null };
  } catch (error) {
    rememberWalkthrough(null); // said once: the next visit starts from the chapter without the warning
    return { walkthrough: chapterWalkthrough(), isEdited: false, problem: asLabError(error) };
  }
}

/** Keeps `walkthrough` as the teacher's edit, or (null) forgets the edit. */
export function rememberWalkthrough(walkthrough: Walkthrough | null): void {
  try {
    if (walkthrough) localStorage.setItem(storageKey, serializeWalkthrough(walkthrough));
    else localStorage.removeItem(storageKey);
  } catch {
    // not remembered; the page still shows it for this session
  }
}
