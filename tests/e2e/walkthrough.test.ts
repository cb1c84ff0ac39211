/**
 * The classroom walkthrough end to end in Chromium, through the web host and the real engine, in English and
 * in Bahasa Indonesia: presenter mode, every step reached with the keyboard (→, Space, Page Down, ←, Page Up,
 * Home, End, step numbers), the counter following, each step's live view (attention on a painted canvas, the
 * animation's SVG, the prompt's parts, the narration in the chosen language), speaker notes, high contrast,
 * and a language switch that keeps the step. Saves test-results/screens/walkthrough-<lang>-<nn>-<id>.png.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { parseWalkthrough, serializeWalkthrough } from '../../shared/walkthrough/parse';
import type { WalkthroughStep } from '../../shared/walkthrough/schema';
import { openLab } from './lab-page';
import { colourCount, decodePng } from './png-decode';
import { screenshotPath } from './screenshots';

const chapter = parseWalkthrough(readFileSync('assets/walkthroughs/chapter.json', 'utf8'));
const total = chapter.steps.length;
const languageNames = { en: 'English', id: 'Bahasa Indonesia' } as const;

/** Distinct colours in the stage's canvas as drawn on screen: a painted heatmap has many, a blank one one. */
async function canvasColours(page: Page): Promise<number> {
  const png = await page.locator('[data-testid="walkthrough-stage"] canvas').first().screenshot();
  return colourCount(decodePng(png));
}

/** Checks that the slide shows `step` live, in `language`. */
async function expectLiveStep(page: Page, step: WalkthroughStep, language: 'en' | 'id'): Promise<void> {
  const stage = page.getByTestId('walkthrough-stage');
  await expect.poll(() => stage.getAttribute('data-kind')).toBe(step.kind);
  expect(await page.locator('#walkthrough-step-title').textContent()).toBe(step.title[language]);
  if (step.kind === 'text') {
    expect(await page.getByTestId('walkthrough-text-stage').textContent()).toBe(step.narration[language]);
    return;
  }
  expect(await page.getByTestId('walkthrough-narration').textContent()).toBe(step.narration[language]);
  if (step.kind === 'attention') {
    await page.locator('[data-testid="walkthrough-stage"] canvas').waitFor();
    await expect.poll(() => canvasColours(page), { timeout: 20_000 }).toBeGreaterThan(30);
  } else if (step.kind === 'animation') {
    await page.locator('[data-testid="anim-svg"] svg').waitFor();
    // The step's model fills in its attention and guesses; the last frame tells the whole story.
    await page.locator('[data-testid="anim-model"].anim-model-ready').waitFor({ timeout: 20_000 });
    const [shown, frames] =
      ((await page.getByTestId('anim-counter').textContent()) ?? '').match(/\d+/g) ?? [];
    if (step.frame === 'last') expect(shown).toBe(frames);
    await page.waitForTimeout(350); // the frame's fade-in, for the screenshot
  } else {
    const assembled = page.getByTestId('prompting-assembled');
    await assembled.waitFor();
    const text = (await assembled.textContent()) ?? '';
    expect(text).toContain(step.task);
    expect(text).toContain(step.prompt);
  }
}

describe('walkthrough place in Chromium', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await openLab('Walkthrough'));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const counter = () => page.getByTestId('presenter-counter').textContent();

  for (const language of ['en', 'id'] as const) {
    it(`presents every step with the keyboard (${language})`, async () => {
      await page.getByRole('button', { name: languageNames[language], exact: true }).first().click();
      await page.getByTestId('walkthrough-present').click();
      await page.locator('[data-presenting="true"]').waitFor();
      await page.keyboard.press('Home');
      const forward = ['ArrowRight', ' ', 'PageDown'];
      for (const [index, step] of chapter.steps.entries()) {
        expect(await counter()).toBe(`${index + 1} / ${total}`);
        await expectLiveStep(page, step, language);
        // Presenting, a prompting step has generated on its own: the continuation is on the slide.
        if (step.kind === 'prompting') await page.getByTestId('prompting-continuation').waitFor();
        // Every slide fits the screen (1360 × 900): neither the slide nor its stage scrolls (polled: the stage
        // takes its height one layout pass after the step mounts; 2 px of slack for font rounding).
        type Box = { scrollHeight: number; clientHeight: number };
        const overflow = () =>
          Promise.all(
            ['.walkthrough-body', '[data-testid="walkthrough-stage"]'].map((selector) =>
              page.locator(selector).evaluate((element) => {
                const box = element as unknown as Box;
                return Math.max(0, box.scrollHeight - box.clientHeight - 2);
              }),
            ),
          );
        await expect.poll(overflow, { timeout: 10_000, message: step.id }).toEqual([0, 0]);
        await page
          .locator('.walkthrough-body')
          .evaluate((element) => ((element as unknown as { scrollTop: number }).scrollTop = 0));
        const name = `walkthrough-${language}-${String(index + 1).padStart(2, '0')}-${step.id}.png`;
        await page.screenshot({ path: screenshotPath(name) });
        await page.keyboard.press(forward[index % forward.length] ?? 'ArrowRight');
      }
      expect(await counter()).toBe(`${total} / ${total}`); // forward stops at the last step
      await page.keyboard.press('ArrowLeft');
      expect(await counter()).toBe(`${total - 1} / ${total}`);
      await page.keyboard.press('PageUp');
      expect(await counter()).toBe(`${total - 2} / ${total}`);
      await page.keyboard.press('Home');
      expect(await counter()).toBe(`1 / ${total}`);
      await page.keyboard.press('End');
      expect(await counter()).toBe(`${total} / ${total}`);
      await page.keyboard.press('5');
      expect(await counter()).toBe(`5 / ${total}`);
      await page.keyboard.press('1');
      await page.keyboard.press('2');
      expect(await counter()).toBe(`12 / ${total}`);
      await expectLiveStep(page, chapter.steps[11] as WalkthroughStep, language);

      // Speaker notes (N) in the UI language.
      await page.keyboard.press('n');
      const notes = chapter.steps[11]?.notes?.[language] ?? '';
      expect(await page.getByTestId('walkthrough-notes').textContent()).toContain(notes);
      await page.keyboard.press('n');
      expect(await page.getByTestId('walkthrough-notes').count()).toBe(0);

      // A click on the bar's → keeps the focus out of the bar: Space turns the page, it does not press → again.
      await page.keyboard.press('Home');
      await page.locator('.presenter-bar .presenter-arrow').last().click();
      await page.keyboard.press(' ');
      expect(await counter()).toBe(`3 / ${total}`);
      await page.keyboard.press('Escape');
      await page.locator('[data-presenting="false"]').waitFor();
      // Leaving presenter mode puts the focus back on Present.
      type Focusable = { ownerDocument: { activeElement: unknown } };
      const isFocused = (element: unknown) => (element as Focusable).ownerDocument.activeElement === element;
      await expect.poll(() => page.getByTestId('walkthrough-present').evaluate(isFocused)).toBe(true);
    });
  }

  it('keeps the step across a language switch, high contrast, typing, the editor and a visit to the lab', async () => {
    await page.getByTestId('walkthrough-present').click();
    await page.keyboard.press('6'); // the T5 triptych
    const step = chapter.steps[5] as WalkthroughStep;
    await page.getByRole('button', { name: languageNames.en, exact: true }).last().click();
    expect(await counter()).toBe(`6 / ${total}`);
    await expectLiveStep(page, step, 'en');
    await page.getByTestId('presenter-contrast').click();
    await page.keyboard.press('n');
    await page.locator('.is-high-contrast').waitFor();
    await expectLiveStep(page, step, 'en');
    await page.screenshot({ path: screenshotPath('walkthrough-high-contrast.png') });
    await page.getByRole('button', { name: languageNames.id, exact: true }).last().click();
    expect(await counter()).toBe(`6 / ${total}`);
    await expectLiveStep(page, step, 'id');
    // Typing in a field of a live view types; it does not turn the page.
    await page.keyboard.press('1');
    await page.keyboard.press('0');
    expect(await counter()).toBe(`10 / ${total}`);
    await page.getByTestId('prompting-prompt').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' 5 n');
    expect(await counter()).toBe(`10 / ${total}`);
    expect(await page.getByTestId('prompting-prompt').inputValue()).toMatch(/ 5 n$/);
    await page.getByTestId('presenter-exit').click();
    await page.locator('[data-presenting="false"]').waitFor();
    await page.screenshot({ path: screenshotPath('walkthrough-page-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByTestId('walkthrough-step-3').click();
    await expectLiveStep(page, chapter.steps[2] as WalkthroughStep, 'id');
    await page.screenshot({ path: screenshotPath('walkthrough-page-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // The editor opens and closes in place (its own tests are H4b's); the step link opens its screen, and
    // coming back finds the same step.
    await page.getByTestId('walkthrough-edit').click();
    await page.getByTestId('editor-close').click();
    expect(await page.getByTestId('editor-close').count()).toBe(0);
    await page.getByTestId('walkthrough-link').click();
    await page.getByRole('heading', { level: 1, name: 'Encoder' }).waitFor();
    await page.getByRole('button', { name: 'Panduan Kelas', exact: true }).click();
    await expectLiveStep(page, chapter.steps[2] as WalkthroughStep, 'id');
    expect(pageErrors).toEqual([]);
  });

  it("shows a teacher's edited walkthrough after a reload, goes back to the chapter, and drops a broken one", async () => {
    const title = () => page.locator('.walkthrough-title').textContent();
    const reloadWith = async (text: string) => {
      await page.evaluate(
        ([key, value]) =>
          (
            globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
          ).localStorage.setItem(key ?? '', value ?? ''),
        ['attention-lab.walkthrough.edited', text],
      );
      await page.reload();
      await page.getByRole('button', { name: 'Panduan Kelas', exact: true }).click();
      await page.getByTestId('walkthrough-page').waitFor();
    };
    await reloadWith(serializeWalkthrough({ ...chapter, title: { en: 'My lesson', id: 'Pelajaran saya' } }));
    expect(await title()).toBe('Pelajaran saya');
    await page.getByTestId('walkthrough-restore').click();
    expect(await title()).toBe(chapter.title.id);
    expect(await page.getByTestId('walkthrough-restore').count()).toBe(0);

    await reloadWith('{ "format": "slides" }');
    expect(await title()).toBe(chapter.title.id);
    expect(await page.locator('.walkthrough-warning').textContent()).toContain(
      'not an Attention Lab walkthrough',
    );
    expect(pageErrors).toEqual([]);
  });
});
