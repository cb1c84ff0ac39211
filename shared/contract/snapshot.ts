/**
 * Schemas of the host's native services for snapshots and files: `snapshot:save` (the save dialog, then an
 * atomic write), `snapshot:copy` (a PNG onto the system clipboard) and `dialog:chooseCheckpoint` (a folder
 * picker). Electron main serves them; the web host answers `unsupported`, and the renderer then uses the
 * browser's own way (a download, `navigator.clipboard`, a path field).
 */
import { z } from 'zod';
import { maxMessageBytes } from './wire';

/** What a snapshot file holds: a picture (PNG, SVG) or the numbers behind it (JSON). */
export const snapshotFormats = ['png', 'svg', 'json'] as const;
export type SnapshotFormat = (typeof snapshotFormats)[number];

/** File contents as base64 (the envelope around it must still fit one message). */
const base64Schema = z
  .string()
  .min(1)
  .max(maxMessageBytes - 4096)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/** `snapshot:save` input. */
export const snapshotSaveSchema = z
  .object({
    /** The name the save dialog proposes, e.g. `attention-gpt-head-L0-H0.png` (no folders). */
    suggestedName: z.string().min(1).max(200),
    format: z.enum(snapshotFormats),
    data: base64Schema,
  })
  .strict();

/** `snapshot:save` output: where the file went, or `null` when the user cancelled the dialog. */
export const snapshotSavedSchema = z.object({ path: z.string().nullable() });

/** `snapshot:copy` input: a PNG image. */
export const snapshotCopySchema = z.object({ png: base64Schema }).strict();

/** `snapshot:copy` output: the size of the image now on the clipboard. */
export const snapshotCopiedSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** `dialog:chooseCheckpoint` output: the folder chosen, or `null` when the user cancelled. */
export const checkpointChoiceSchema = z.object({ path: z.string().nullable() });

export type SnapshotSaveInput = z.infer<typeof snapshotSaveSchema>;
