import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAnimation, sentenceVocabulary } from '../../../shared/animations/animation';
import { displayToken } from '../../../shared/text/vocabulary';
import { chapterWalkthrough } from '../../../shared/walkthrough/chapter';
import { parseWalkthrough, serializeWalkthrough } from '../../../shared/walkthrough/parse';
import type { WalkthroughStep } from '../../../shared/walkthrough/schema';
import {
  builtinFamily,
  describeStepFamilyProblem,
  stepFamilyProblem,
} from '../../../shared/walkthrough/step-family';

const path = new URL('../../../assets/walkthroughs/chapter.json', import.meta.url);
const chapter = parseWalkthrough(readFileSync(path, 'utf8'));

/** The chapter section a step belongs to (the seed's headings, in order). */
function section(step: WalkthroughStep): string {
  if (step.id.startsWith('exercise-')) return 'Latihan';
  if (step.id === 'why-pretraining') return 'introduction';
  if (step.id === 'scaling') return 'Skalabilitas';
  if (step.id === 'summary') return 'Ringkasan dan Diskusi';
  const family = 'model' in step && step.model ? builtinFamily(step.model) : null;
  return { bert: 'Encoder-Only', t5: 'Encoder--Decoder', gpt: 'Decoder-Only' }[family ?? 'bert'];
}

describe('the chapter walkthrough', () => {
  it('follows the chapter: introduction, the three modes, scaling, summary, the four exercises', () => {
    const sections = chapter.steps.map(section).filter((name, i, all) => name !== all[i - 1]);
    expect(sections).toEqual([
      'introduction',
      'Encoder-Only',
      'Encoder--Decoder',
      'Decoder-Only',
      'Skalabilitas',
      'Ringkasan dan Diskusi',
      'Latihan',
    ]);
    const exercises = chapter.steps.filter((step) => section(step) === 'Latihan');
    expect(exercises.map((step) => step.title.id.slice(0, 9))).toEqual([
      'Latihan 1',
      'Latihan 2',
      'Latihan 3',
      'Latihan 4',
    ]);
    expect(exercises.every((step) => step.link !== undefined)).toBe(true);
  });

  it('shows each objective in its section: masking, span corruption, shifted targets, then prompting', () => {
    const kinds = chapter.steps.map((step) =>
      step.kind === 'animation' ? step.objective : step.kind === 'prompting' ? step.shot : '',
    );
    expect(kinds.filter(Boolean)).toEqual(['bert', 't5', 'gpt', 'zero', 'one', 'few', 'few']);
    expect(chapter.steps.find((s) => s.id === 'scaling')?.link).toBe('scaling');
  });

  it('runs every step on a model of the right family (triptych and cross-attention only on T5)', () => {
    for (const step of chapter.steps) {
      if (step.kind === 'text') continue;
      const family = step.model ? builtinFamily(step.model) : null;
      expect(family, step.id).not.toBeNull();
      expect(stepFamilyProblem(step, family ?? 'bert'), step.id).toBeNull();
    }
    const triptych = chapter.steps.find((s) => s.kind === 'attention' && s.view === 'triptych');
    const problem = triptych && stepFamilyProblem(triptych, 'bert');
    expect(problem && describeStepFamilyProblem(problem)).toMatch(/needs a T5 model/);
    const cross = chapter.steps.find((s) => s.kind === 'attention' && s.attention === 'cross');
    const noCross = cross && stepFamilyProblem(cross, 'gpt');
    expect(noCross && describeStepFamilyProblem(noCross)).toMatch(/no cross attention/);
  });

  it('focuses only on words of its text (or [CLS])', () => {
    for (const step of chapter.steps) {
      if (step.kind !== 'attention' || step.focus === undefined) continue;
      const words = step.text.toLowerCase().split(/\s+/);
      expect(step.focus === '[CLS]' || words.includes(step.focus.toLowerCase()), step.id).toBe(true);
    }
  });

  it('masks "love" and corrupts spans exactly as the chapter does', () => {
    const bert = chapter.steps.find((s) => s.kind === 'animation' && s.objective === 'bert');
    const t5 = chapter.steps.find((s) => s.kind === 'animation' && s.objective === 't5');
    if (bert?.kind !== 'animation' || t5?.kind !== 'animation') throw new Error('missing animations');
    const vocab = sentenceVocabulary(bert.text);
    const masking = buildAnimation('bert', bert.text, vocab, bert.seed);
    if (masking.objective !== 'bert') throw new Error('not bert');
    expect(vocab.decode(masking.masked.input)).toEqual([
      '[CLS]',
      'i',
      '[MASK]',
      'this',
      'red',
      'car',
      '[SEP]',
    ]);
    const options = { noiseDensity: t5.noiseDensity ?? 0, meanSpanLength: t5.meanSpanLength ?? 0 };
    const spans = buildAnimation('t5', t5.text, vocab, t5.seed, options);
    if (spans.objective !== 't5') throw new Error('not t5');
    const show = (ids: readonly number[]) => vocab.decode(ids).map(displayToken).join(' ');
    expect(show(spans.corrupted.input)).toBe('i <X> this <Y>');
    expect(show(spans.corrupted.target)).toBe('<X> love <Y> red car <Z>');
  });

  it('speaks both languages in every step, and the Indonesian is not the English', () => {
    for (const step of chapter.steps) {
      expect(step.narration.id, step.id).not.toBe(step.narration.en);
      expect(step.title.id, step.id).not.toBe(step.title.en);
      expect(step.notes, step.id).toBeDefined();
    }
    expect(chapter.title.id).toBe('Pretraining Skala Besar dengan Transformers');
  });

  it('is the walkthrough bundled into the app, and saves back to the same data', () => {
    expect(chapterWalkthrough()).toEqual(chapter);
    expect(parseWalkthrough(serializeWalkthrough(chapter))).toEqual(chapter);
  });
});
