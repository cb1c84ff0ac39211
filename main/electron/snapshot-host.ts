/**
 * The host channels behind snapshots in Electron: `snapshot:save` shows the native save dialog and writes the
 * file atomically, `snapshot:copy` puts a PNG on the system clipboard (the sandboxed renderer may not: every
 * permission, the clipboard's included, is denied to it), and `dialog:chooseCheckpoint` shows a folder picker.
 * Electron's dialog, clipboard and nativeImage are injected, so the logic is tested without Electron.
 */
import { extname, join } from 'node:path';
import { LabError } from '../../shared/contract/errors';
import type { SnapshotFormat } from '../../shared/contract/snapshot';
import type { HostHandlerMap } from '../host/dispatcher';

/** What the handlers need from Electron and the file system. */
export interface SnapshotHostDeps {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    title: string;
    properties: ['openDirectory'];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** The pixel size of a PNG (through `nativeImage`), or null when it cannot be decoded. */
  imageSize(png: Buffer): { width: number; height: number } | null;
  /** Puts a PNG on the system clipboard. */
  writeClipboardPng(png: Buffer): Promise<void>;
  /** Writes through a temporary file and a rename. */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  /** The folder the save dialog starts in (e.g. the user's Pictures folder). */
  defaultDir(): string;
}

const filters: Record<SnapshotFormat, { name: string; extensions: string[] }> = {
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  json: { name: 'JSON data', extensions: ['json'] },
};

/** A proposed file name made safe for every OS: no folders, no reserved characters, the format's extension. */
export function safeFileName(suggested: string, format: SnapshotFormat): string {
  const printable = [...suggested].filter((c) => c.charCodeAt(0) >= 0x20).join('');
  const cleaned = printable
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 120);
  const base = cleaned === '' ? 'attention' : cleaned;
  return extname(base).toLowerCase() === `.${format}` ? base : `${base}.${format}`;
}

/** `path` with the format's extension (the user may have typed a name without one). */
function withExtension(path: string, format: SnapshotFormat): string {
  return extname(path).toLowerCase() === `.${format}` ? path : `${path}.${format}`;
}

/** The Electron handlers of `snapshot:save`, `snapshot:copy` and `dialog:chooseCheckpoint`. */
export function createSnapshotHost(
  deps: SnapshotHostDeps,
): Pick<HostHandlerMap, 'snapshot:save' | 'snapshot:copy' | 'dialog:chooseCheckpoint'> {
  return {
    'snapshot:save': async ({ suggestedName, format, data }) => {
      const choice = await deps.showSaveDialog({
        title: 'Save snapshot',
        defaultPath: join(deps.defaultDir(), safeFileName(suggestedName, format)),
        filters: [filters[format]],
      });
      if (choice.canceled || !choice.filePath) return { path: null };
      const path = withExtension(choice.filePath, format);
      await deps.writeFileAtomic(path, Buffer.from(data, 'base64'));
      return { path };
    },

    'snapshot:copy': async ({ png }) => {
      const bytes = Buffer.from(png, 'base64');
      const size = deps.imageSize(bytes);
      if (!size || size.width === 0 || size.height === 0) {
        throw new LabError('invalid-argument', 'The snapshot to copy is not a readable PNG image.');
      }
      await deps.writeClipboardPng(bytes);
      return size;
    },

    'dialog:chooseCheckpoint': async () => {
      const choice = await deps.showOpenDialog({
        title: 'Open a checkpoint folder',
        properties: ['openDirectory'],
      });
      const path = choice.filePaths[0];
      return { path: choice.canceled || !path ? null : path };
    },
  };
}
