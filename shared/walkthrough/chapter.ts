/**
 * The walkthrough of the chapter "Large-Scale Pretraining with Transformers" shipped with the lab
 * (assets/walkthroughs/chapter.json), bundled into the app and the CLI so no file has to be found at run time.
 */
import chapterJson from '../../assets/walkthroughs/chapter.json';
import { validateWalkthrough } from './parse';
import type { Walkthrough } from './schema';

/** The chapter's walkthrough, checked (a fresh copy each call: callers may edit it). */
export function chapterWalkthrough(): Walkthrough {
  return validateWalkthrough(JSON.parse(JSON.stringify(chapterJson)));
}
