/**
 * Schemas of the `library:` domain: the checkpoint folders of a library folder — list them, rename, delete,
 * import one into the library and export one out of it. Every path is a full path on the engine's machine.
 */
import { z } from 'zod';
import { absolutePathSchema, trainFamilySchema } from './train';

/** A folder name: not empty, no path separators, not `.`/`..`, not hidden. */
export const checkpointNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the checkpoint a name.')
  .max(200, 'Use a name of at most 200 characters.')
  .regex(/^[^/\\:*?"<>|]+$/, 'A name cannot contain / \\ : * ? " < > or |.')
  .refine((name) => !name.startsWith('.'), 'A name cannot start with a dot.');

/** `library:list` input: the library folder. */
export const libraryListSchema = z.object({ folder: absolutePathSchema }).strict();

/** One folder of the library: a checkpoint with its summary, or a folder that is not one, with the reason. */
export const libraryEntrySchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    path: z.string(),
    name: z.string(),
    family: trainFamilySchema,
    /** "2 layers × 2 heads, d=32, vocab 500". */
    sizes: z.string(),
    steps: z.number().int().nonnegative(),
    /** The last recorded training loss (`null` for an untrained model). */
    finalLoss: z.number().nullable(),
    /** ISO 8601. */
    createdAt: z.string(),
    /** Total size of the folder's files, its training history's (`name.history`) included. */
    bytes: z.number().int().nonnegative(),
    /** Of `bytes`, the part the training history takes (absent when the checkpoint has none). */
    historyBytes: z.number().int().nonnegative().optional(),
  }),
  z.object({
    valid: z.literal(false),
    path: z.string(),
    name: z.string(),
    error: z.string(),
    /**
     * `orphanHistory`: the folder is the training history (`name.history`) of a checkpoint that no longer
     * exists; `library:delete` deletes it. Absent: a folder that is not a valid checkpoint.
     */
    kind: z.literal('orphanHistory').optional(),
  }),
]);
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

/** `library:list` output, by name. A missing library folder lists as empty. */
export const libraryListingSchema = z.object({ entries: z.array(libraryEntrySchema) });

/** `library:rename` input. */
export const libraryRenameSchema = z
  .object({ path: absolutePathSchema, newName: checkpointNameSchema })
  .strict();

/** `library:delete` input: a checkpoint folder (deleted with its history), or an orphan history. */
export const libraryDeleteSchema = z.object({ path: absolutePathSchema }).strict();

/** `library:import` input: the checkpoint folder `from` is copied into the library folder `folder`. */
export const libraryImportSchema = z
  .object({ from: absolutePathSchema, folder: absolutePathSchema })
  .strict();

/** `library:export` input: the checkpoint `path` is copied into the folder `to` (under its own name). */
export const libraryExportSchema = z.object({ path: absolutePathSchema, to: absolutePathSchema }).strict();

/** The output of rename, import and export: the checkpoint folder's path afterwards. */
export const libraryPathSchema = z.object({ path: z.string() });

/** `library:delete` output. */
export const libraryDeletedSchema = z.object({ deleted: z.string() });
