/**
 * The walkthrough's wrong-model problems in the renderer's languages: each problem code of
 * shared/walkthrough/step-family.ts is worded by renderer/src/walkthrough/step-problem-text.ts from en.json / id.json
 * (no English inside the Indonesian message). Plain i18next in Node, with the app's resource files.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { stepProblemText } from '../../renderer/src/walkthrough/step-problem-text';
import en from '../../renderer/src/i18n/en.json';
import id from '../../renderer/src/i18n/id.json';
import type { StepFamilyProblem } from '../../shared/walkthrough/step-family';

const problems: StepFamilyProblem[] = [
  { code: 'view-needs-t5', family: 'bert', view: 'triptych' },
  { code: 'no-such-attention', family: 'bert', attention: 'cross' },
  { code: 'target-needs-t5', family: 'gpt' },
  { code: 'animation-needs-family', family: 'bert', objective: 'gpt' },
  { code: 'prompting-needs-gpt', family: 't5' },
];

async function translator(language: 'en' | 'id') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, id: { translation: id } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('walkthrough step problems in the renderer', () => {
  it('words every problem in Bahasa Indonesia with the views’ family and attention names', async () => {
    const t = await translator('id');
    expect(problems.map((problem) => stepProblemText(t, problem))).toEqual([
      'tampilan Triptik memerlukan model T5, bukan BERT (hanya encoder)',
      'BERT (hanya encoder) tidak memiliki Cross-attention; yang dimilikinya: Self-attention encoder',
      'hanya model T5 yang membaca teks target, bukan GPT (hanya decoder)',
      'animasi GPT memerlukan model GPT, bukan BERT (hanya encoder)',
      'prompting memerlukan model GPT, bukan T5 (encoder–decoder)',
    ]);
  });

  it('words every problem in English', async () => {
    const t = await translator('en');
    expect(stepProblemText(t, { code: 'no-such-attention', family: 'gpt', attention: 'encoder' })).toBe(
      'GPT (decoder-only) has no Encoder self-attention; it has: Decoder self-attention (causal)',
    );
    for (const problem of problems) expect(stepProblemText(t, problem)).not.toMatch(/walkthrough\.|\{\{/);
  });
});
