/**
 * A prompting step drawn as the chapter's in-context learning figure: the task description, the examples
 * ("monday -- tuesday") and the prompt ("thursday --") followed by the model's continuation, highlighted —
 * with the reminder that no parameter is updated. Pure: the engine runs the generation and passes its text.
 */
import type { ThemeName } from '../charts/color';
import { themeColors } from '../charts/color';
import { element, escapeXml, fitText, svgDocument, textElement } from '../charts/svg';
import { exampleArrow, formatExample, shotCounts } from '../prompting/prompt-parts';
import type { WalkthroughLanguage, WalkthroughStep } from './schema';
import type { SlideFigure } from './slide';

/** A prompting step. */
export type PromptingStep = Extract<WalkthroughStep, { kind: 'prompting' }>;

const labels: Record<
  WalkthroughLanguage,
  Record<'task' | 'examples' | 'prompt' | 'none' | 'note', string>
> = {
  en: {
    task: 'Task description',
    examples: 'Examples',
    prompt: 'Prompt and the model’s continuation',
    none: 'none (zero-shot)',
    note: 'In-context learning: no parameter is updated.',
  },
  id: {
    task: 'Deskripsi tugas',
    examples: 'Contoh',
    prompt: 'Prompt dan lanjutan dari model',
    none: 'tidak ada (zero-shot)',
    note: 'In-context learning: tidak ada pembaruan parameter.',
  },
};

const width = 1300;
const pad = 32;
const labelFont = 20;
const lineFont = 30;
const lineHeight = 44;
// The model's words: Okabe–Ito blue, lighter on dark ground, the presenter's yellow in high contrast.
const accents: Record<ThemeName, string> = { light: '#0072b2', dark: '#56b4e9', contrast: '#ffd400' };

/** The figure of `step` with the model's `continuation` (its generated words, joined by spaces). */
export function promptingFigure(
  step: PromptingStep,
  language: WalkthroughLanguage,
  continuation: string,
  theme: ThemeName = 'light',
): SlideFigure {
  const colors = themeColors(theme);
  const words = labels[language];
  const examples = step.examples.slice(0, shotCounts[step.shot]).map(formatExample);
  const fit = (text: string) => fitText(text, lineFont, width - 2 * pad);
  const parts: string[] = [];
  let y = pad;
  const section = (label: string, lines: readonly string[], last?: string) => {
    parts.push(
      textElement(label, { x: pad, y: y + labelFont, 'font-size': labelFont, fill: colors.mutedText }),
    );
    y += labelFont + 14;
    lines.forEach((line) => {
      parts.push(
        textElement(fit(line), { x: pad, y: y + lineFont, 'font-size': lineFont, fill: colors.text }),
      );
      y += lineHeight;
    });
    if (last !== undefined) parts.push(last);
    y += 18;
  };
  section(words.task, [step.task]);
  section(words.examples, examples.length > 0 ? examples : [words.none]);
  const prompt = `${step.prompt} ${exampleArrow} `;
  const answer = element(
    'text',
    { x: pad, y: y + labelFont + 14 + lineFont, 'font-size': lineFont, fill: colors.text },
    [
      escapeXml(prompt),
      element('tspan', { fill: accents[theme], 'font-weight': 'bold' }, escapeXml(continuation || '…')),
    ],
  );
  section(words.prompt, [], answer);
  y += lineHeight;
  parts.push(
    textElement(words.note, { x: pad, y: y + labelFont, 'font-size': labelFont, fill: colors.mutedText }),
  );
  const height = y + labelFont + pad;
  const frame = element('rect', {
    x: 1,
    y: 1,
    width: width - 2,
    height: height - 2,
    rx: 12,
    fill: 'none',
    stroke: colors.gridline,
    'stroke-width': 2,
  });
  return {
    svg: svgDocument({ width, height, background: colors.background }, [frame, ...parts]),
    width,
    height,
  };
}
