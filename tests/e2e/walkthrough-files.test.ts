/**
 * End to end in Chromium through the web host: a teacher duplicates the chapter's walkthrough, changes a step's
 * sentence in the editor (an emptied sentence is refused next to its field), saves the walkthrough as a file (a
 * download in the browser) and opens it back — identical, with the changed sentence live on the page. Malformed
 * files are refused with a message naming the mistake while the current walkthrough stays, and the slides export
 * writes one PNG per step into a temporary folder. Run after `npm run build`.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { duplicateWalkthrough, parseWalkthrough, serializeWalkthrough } from '../../shared/walkthrough/parse';
import type { Walkthrough } from '../../shared/walkthrough/schema';
import { openLab } from './lab-page';
import { screenshotPath } from './screenshots';
import { figureGeometry } from './views-page';

const chapterTitle = 'Large-Scale Pretraining with Transformers';
const copyTitle = `${chapterTitle} (copy)`;
const newSentence = 'I love this blue car and that red bus'; // 9 words: 11 rows with [CLS] and [SEP]
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('walkthrough files in Chromium', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  let outDir = '';
  let saved = '';
  let expected: Walkthrough;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'walkthrough-slides-'));
    const chapter = parseWalkthrough(await readFile('assets/walkthroughs/chapter.json', 'utf8'));
    // The walkthrough the teacher will make: the chapter's copy with step 3's sentence changed.
    const copy = duplicateWalkthrough(chapter);
    expected = { ...copy, steps: copy.steps.map((s, i) => (i === 2 ? { ...s, text: newSentence } : s)) };
    ({ host, browser, page, pageErrors } = await openLab('Walkthrough'));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  const title = () => page.locator('.walkthrough-title').textContent();
  const save = async (): Promise<string> => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('walkthrough-save').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.walkthrough\.json$/);
    return readFile(await download.path(), 'utf8');
  };
  const open = (name: string, text: string | Buffer) =>
    page.getByTestId('walkthrough-file-input').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: typeof text === 'string' ? Buffer.from(text) : text,
    });
  const rowsOfStep3 = async () => {
    await page.getByTestId('walkthrough-step-3').click();
    return (await figureGeometry(page)).panels[0]?.rows;
  };

  it('duplicates the chapter, and the editor changes a step sentence only when it is valid', async () => {
    expect(await rowsOfStep3()).toBe(7); // "I love this red car" with [CLS] and [SEP]
    await page.getByTestId('walkthrough-duplicate').click();
    expect(await title()).toBe(copyTitle);
    await page.getByTestId('walkthrough-edit').click();
    await page.getByTestId('editor-step').nth(2).click();
    const sentence = page.getByTestId('editor-sentence');
    expect(await sentence.inputValue()).toBe('I love this red car');

    await sentence.fill('   ');
    // The emptied sentence is named next to its field; the page keeps the last valid walkthrough.
    expect(await sentence.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await sentence.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Write something here.');
    expect(await page.getByTestId('editor-status').textContent()).toMatch(/^1 problem to fix/);
    await page.setViewportSize({ width: 1360, height: 1900 }); // the page scrolls inside: show all of it
    await page.locator('.walkthrough-editor').screenshot({ path: screenshotPath('walkthrough-editor.png') });
    await page.setViewportSize({ width: 1360, height: 900 });
    expect(await rowsOfStep3()).toBe(7);

    await sentence.fill(newSentence);
    expect(await page.getByTestId('editor-status').textContent()).toBe('Every change applies at once.');
    expect(await rowsOfStep3()).toBe(11);
  });

  it('saves the walkthrough as a file that holds exactly the edited walkthrough', async () => {
    saved = await save();
    expect(saved).toBe(serializeWalkthrough(expected));
    expect(await page.getByTestId('walkthrough-files-status').textContent()).toMatch(
      /^Downloaded .*\.json\.$/,
    );
  });

  it('opens the saved file back: the same walkthrough, with the changed sentence on the page', async () => {
    await page.getByTestId('walkthrough-restore').click(); // back to the chapter first
    expect(await title()).toBe(chapterTitle);
    expect(await rowsOfStep3()).toBe(7);
    await open('lesson.walkthrough.json', saved);
    await page.getByTestId('walkthrough-files-status').filter({ hasText: 'Opened lesson' }).waitFor();
    expect(await title()).toBe(copyTitle);
    expect(await page.getByTestId('editor-sentence').inputValue()).toBe(newSentence);
    expect(await rowsOfStep3()).toBe(11);
    expect(await save()).toBe(saved); // what the page holds now serializes to the very same file
  });

  it('refuses malformed files with a message naming the mistake, keeping the current walkthrough', async () => {
    const error = page.getByTestId('walkthrough-files-error');
    await open('broken.json', '{\n  "format": "attention-lab-walkthrough",\n  "version": 1,\n}');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toMatch(
      /Could not open broken\.json\. .*not valid JSON: line 4, column 1: a comma before "}".*unchanged\./,
    );

    const wrong = JSON.parse(saved) as { steps: Record<string, unknown>[] };
    wrong.steps[2] = { ...wrong.steps[2], layer: 'two' };
    await open('wrong.json', JSON.stringify(wrong));
    await error.filter({ hasText: 'wrong.json' }).waitFor();
    expect(await error.textContent()).toMatch(
      /step 3 \(id "bert-bidirectional"\), field layer: must be a number/,
    );

    await open('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])); // {"é"} in Latin-1
    await error.filter({ hasText: 'latin1.json' }).waitFor();
    expect(await error.textContent()).toMatch(/not UTF-8 text/);

    expect(await title()).toBe(copyTitle); // nothing lost
    expect(await rowsOfStep3()).toBe(11);
    expect(await save()).toBe(saved);
  });

  it('adds a copy of a step, moves it, refuses a repeated id and deletes the copy in the editor', async () => {
    const editorSteps = page.getByTestId('editor-step');
    const stepId = page.getByTestId('editor-step-id');
    await editorSteps.nth(2).click();
    // Renaming the step the page shows keeps the page on it (not back at step 1).
    await page.getByTestId('walkthrough-step-3').click();
    await stepId.fill('every-token');
    expect(await page.getByTestId('walkthrough-counter').textContent()).toContain(
      `3 / ${expected.steps.length}`,
    );
    await stepId.fill('bert-bidirectional');
    await page.getByTestId('editor-add-step').click();
    expect(await editorSteps.count()).toBe(expected.steps.length + 1);
    expect(await stepId.inputValue()).toBe('bert-bidirectional-copy');
    // The page follows: the copy is its step 4.
    expect(await page.getByTestId('walkthrough-step-4').textContent()).toContain('Every token attends');
    await page.getByTestId('editor-move-up').click();
    expect(await editorSteps.nth(2).getAttribute('aria-current')).toBe('step');
    expect(await stepId.inputValue()).toBe('bert-bidirectional-copy');

    await stepId.fill('bert-bidirectional');
    const describedBy = await stepId.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Another step already has this id.',
    );
    expect(await page.getByTestId('editor-status').textContent()).toMatch(/^2 problems to fix/);

    await page.getByTestId('editor-delete-step').click();
    expect(await editorSteps.count()).toBe(expected.steps.length);
    expect(await page.getByTestId('editor-status').textContent()).toBe('Every change applies at once.');
    expect(await save()).toBe(saved);
  });

  it('exports one numbered PNG slide per step into the chosen folder', async () => {
    await page.getByTestId('walkthrough-export-toggle').click();
    expect(await page.getByTestId('export-folder').inputValue()).toMatch(
      /[\\/]slides[\\/]large-scale-pretraining-with-transformers-copy$/,
    );
    await page.getByTestId('export-folder').fill(outDir);
    await page.getByTestId('export-run').click();
    const result = page.getByTestId('export-result');
    const failure = page.getByTestId('export-error');
    await result.or(failure).waitFor({ timeout: 170_000 });
    expect(await failure.count(), (await failure.allTextContents()).join()).toBe(0);
    const files = (await readdir(outDir)).filter((name) => name.endsWith('.png')).sort();
    expect(files).toHaveLength(expected.steps.length);
    expect(await result.locator('li').count()).toBe(expected.steps.length);
    expect(await result.textContent()).toContain(`Wrote ${expected.steps.length} slides to ${outDir}`);
    for (const file of files) {
      const bytes = await readFile(join(outDir, file));
      expect([...bytes.subarray(0, 8)], file).toEqual(pngSignature);
    }
    await page.setViewportSize({ width: 1360, height: 1900 });
    await page
      .locator('.walkthrough-actions')
      .screenshot({ path: screenshotPath('walkthrough-toolbar.png') });
    // In Bahasa Indonesia the panel speaks Indonesian and exports in Indonesian unless told otherwise.
    await page.locator('.language-switch').getByRole('button', { name: 'Bahasa Indonesia' }).click();
    expect(await page.getByTestId('export-language-id').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('export-run').textContent()).toBe(`Ekspor ${expected.steps.length} slide`);
    await page
      .locator('.walkthrough-editor')
      .screenshot({ path: screenshotPath('walkthrough-editor-id.png') });
    expect(pageErrors).toEqual([]);
  });
});
