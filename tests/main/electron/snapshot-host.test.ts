import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnapshotHost, safeFileName } from '../../../main/electron/snapshot-host';
import type { SnapshotHostDeps } from '../../../main/electron/snapshot-host';
import { writeFileAtomic } from '../../../main/engine/snapshot/write-file-atomic';
import { appInfo } from '../../../main/host/app-info';
import { createDispatcher } from '../../../main/host/dispatcher';
import { browserFallbacks } from '../../../main/web/browser-fallbacks';
import { encodePng } from '../../../shared/charts/png-encode';
import { readyStatus } from '../host/fakes';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'lab-snapshot-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Reads the size from a PNG's IHDR (what nativeImage does for the real host). */
function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature) return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The handlers over a real folder, with the dialog answering `answer` and a clipboard that records. */
function setup(answer: { canceled: boolean; filePath?: string; filePaths?: string[] }) {
  const dialogs: unknown[] = [];
  const clipboard: Buffer[] = [];
  const deps: SnapshotHostDeps = {
    showSaveDialog: async (options) => {
      dialogs.push(options);
      return answer;
    },
    showOpenDialog: async (options) => {
      dialogs.push(options);
      return { canceled: answer.canceled, filePaths: answer.filePaths ?? [] };
    },
    imageSize: pngSize,
    writeClipboardPng: async (png) => {
      clipboard.push(png);
    },
    writeFileAtomic,
    defaultDir: () => dir,
  };
  const dispatch = createDispatcher({
    host: {
      'app:info': async () => appInfo('electron'),
      'engine:status': async () => readyStatus,
      ...createSnapshotHost(deps),
    },
    engine: { request: async () => ({ ok: true, value: null }) },
  });
  return { dispatch, dialogs, clipboard };
}

const png = Buffer.from(encodePng(3, 2, new Uint8Array(3 * 2 * 3).fill(200)));

describe('snapshot-host', () => {
  it('saves through the dialog into the chosen file, adding the extension the user left out', async () => {
    const chosen = path.join(dir, 'slide');
    const { dispatch, dialogs } = setup({ canceled: false, filePath: chosen });
    const result = await dispatch('snapshot:save', {
      suggestedName: 'attention-gpt-head.png',
      format: 'png',
      data: png.toString('base64'),
    });
    expect(result).toEqual({ ok: true, value: { path: `${chosen}.png` } });
    expect(readFileSync(`${chosen}.png`).equals(png)).toBe(true);
    expect(dialogs[0]).toMatchObject({
      defaultPath: path.join(dir, 'attention-gpt-head.png'),
      filters: [{ extensions: ['png'] }],
    });
    expect(readdirSync(dir)).toEqual(['slide.png']); // no temporary file left behind
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const { dispatch } = setup({ canceled: true });
    const data = Buffer.from('<svg/>').toString('base64');
    const result = await dispatch('snapshot:save', { suggestedName: 'a.svg', format: 'svg', data });
    expect(result).toEqual({ ok: true, value: { path: null } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses data that is not base64 before any dialog opens', async () => {
    const { dispatch, dialogs } = setup({ canceled: false, filePath: path.join(dir, 'x.json') });
    const result = await dispatch('snapshot:save', { suggestedName: 'x', format: 'json', data: '{"a":1}' });
    expect(result.ok ? null : result.error.code).toBe('invalid-payload');
    expect(dialogs).toEqual([]);
  });

  it('copies a PNG to the clipboard and reports its size; a non-PNG is refused', async () => {
    const { dispatch, clipboard } = setup({ canceled: false });
    expect(await dispatch('snapshot:copy', { png: png.toString('base64') })).toEqual({
      ok: true,
      value: { width: 3, height: 2 },
    });
    expect(clipboard).toHaveLength(1);
    const bad = await dispatch('snapshot:copy', { png: Buffer.from('not a png').toString('base64') });
    expect(bad.ok ? null : bad.error.code).toBe('invalid-argument');
    expect(clipboard).toHaveLength(1);
  });

  it('returns the checkpoint folder chosen, or null when cancelled', async () => {
    expect(
      await setup({ canceled: false, filePaths: [dir] }).dispatch('dialog:chooseCheckpoint', {}),
    ).toEqual({
      ok: true,
      value: { path: dir },
    });
    expect(await setup({ canceled: true }).dispatch('dialog:chooseCheckpoint', {})).toEqual({
      ok: true,
      value: { path: null },
    });
  });

  it('proposes file names without folders or reserved characters, with the right extension', () => {
    expect(safeFileName('../../etc/passwd', 'png')).toBe('etc-passwd.png');
    expect(safeFileName('a:b*c?.svg', 'svg')).toBe('a-b-c-.svg');
    expect(safeFileName('numbers', 'json')).toBe('numbers.json');
    expect(safeFileName('...', 'png')).toBe('attention.png');
  });
});

describe('browser-fallbacks', () => {
  it('answers every native channel with unsupported, so the page uses its own way', async () => {
    const dispatch = createDispatcher({
      host: {
        'app:info': async () => appInfo('web'),
        'engine:status': async () => readyStatus,
        ...browserFallbacks,
      },
      engine: { request: async () => ({ ok: true, value: null }) },
    });
    const data = png.toString('base64');
    for (const [channel, input] of [
      ['snapshot:save', { suggestedName: 'a.png', format: 'png', data }],
      ['snapshot:copy', { png: data }],
      ['dialog:chooseCheckpoint', {}],
    ] as const) {
      const result = await dispatch(channel, input);
      expect(result.ok ? null : result.error.code, channel).toBe('unsupported');
    }
  });

  it('is also what a host without a handler answers', async () => {
    const dispatch = createDispatcher({
      host: { 'app:info': async () => appInfo('cli'), 'engine:status': async () => readyStatus },
      engine: { request: async () => ({ ok: true, value: null }) },
    });
    const result = await dispatch('dialog:chooseCheckpoint', {});
    expect(result.ok ? null : result.error.code).toBe('unsupported');
  });
});
