/**
 * The Train and Fine-tune forms' default output folders (renderer/src/train/train-settings.ts and
 * finetune-settings.ts): stamped to the second, and renewed after a run into them ended, so a second run does not
 * overwrite the first; a folder the user typed stays. Also the renderer's number formatting in both languages.
 */
import { describe, expect, it } from 'vitest';
import { formatFixed, formatSignificant } from '../../renderer/src/i18n/format-number';
import { defaultFinetuneSettings, finetuneOutDirAfterRun } from '../../renderer/src/train/finetune-settings';
import type { CheckpointsFolder } from '../../renderer/src/train/train-settings';
import { defaultSettings, outDirAfterRun } from '../../renderer/src/train/train-settings';

const folder: CheckpointsFolder = { path: '/home/ana/checkpoints', separator: '/' };
const first = new Date(2026, 10, 26, 14, 12, 5);
const later = new Date(2026, 10, 26, 14, 12, 41);

describe('renderer train-settings outDirAfterRun', () => {
  it('stamps the default folder to the second', () => {
    expect(defaultSettings(first, folder).outDir).toBe('/home/ana/checkpoints/gpt-2026-11-26-141205');
  });

  it('renews the default a run used, and keeps a folder the user typed or changed since', () => {
    const settings = defaultSettings(first, folder);
    expect(outDirAfterRun(settings, settings.outDir, later, folder)).toBe(
      '/home/ana/checkpoints/gpt-2026-11-26-141241',
    );
    const typed = { ...settings, outDir: '/home/ana/mine' };
    expect(outDirAfterRun(typed, typed.outDir, later, folder)).toBe('/home/ana/mine');
    // The field already holds another default than the run's (e.g. the family changed during the run).
    expect(outDirAfterRun(settings, '/home/ana/checkpoints/bert-2026-11-26-141000', later, folder)).toBe(
      settings.outDir,
    );
  });

  it('never renews to the folder the run used, even when it ended within the same second', () => {
    const settings = defaultSettings(first, folder);
    const second = outDirAfterRun(settings, settings.outDir, first, folder);
    expect(second).toBe('/home/ana/checkpoints/gpt-2026-11-26-141205-2');
    const third = outDirAfterRun({ ...settings, outDir: second }, second, first, folder);
    expect(third).toBe('/home/ana/checkpoints/gpt-2026-11-26-141205-3');
    const finetune = defaultFinetuneSettings(first, folder);
    expect(finetuneOutDirAfterRun(finetune, finetune.outDir, first, folder)).toBe(`${finetune.outDir}-2`);
  });
});

describe('renderer finetune-settings finetuneOutDirAfterRun', () => {
  it('renews the default a fine-tune used, and keeps a typed folder', () => {
    const settings = defaultFinetuneSettings(first, folder);
    expect(settings.outDir).toBe('/home/ana/checkpoints/finetune-brown-genre-2026-11-26-141205');
    expect(finetuneOutDirAfterRun(settings, settings.outDir, later, folder)).toBe(
      '/home/ana/checkpoints/finetune-brown-genre-2026-11-26-141241',
    );
    const typed = { ...settings, outDir: '/home/ana/genre' };
    expect(finetuneOutDirAfterRun(typed, typed.outDir, later, folder)).toBe('/home/ana/genre');
  });
});

describe('renderer format-number', () => {
  it('writes decimals the way each language does', () => {
    expect(formatFixed(4.2128, 3, 'en')).toBe('4.213');
    expect(formatFixed(4.2128, 3, 'id')).toBe('4,213');
    expect(formatFixed(5, 2, 'id')).toBe('5,00');
    expect(formatSignificant(0.25, 2, 'id')).toBe('0,25');
    expect(formatSignificant(4.5, 3, 'en')).toBe('4.5');
  });
});
