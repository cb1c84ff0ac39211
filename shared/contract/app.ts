/** Schemas of the `app:` domain: facts about the running app, answered by the host (Electron main or web host). */
import { z } from 'zod';

/** Where the renderer runs. */
export const hostKindSchema = z.enum(['electron', 'web', 'cli']);

/** `app:info` response: versions, platform, locale and the folders the app keeps its data in. */
export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: hostKindSchema,
  versions: z.object({
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    tfjs: z.string(),
  }),
  platform: z.string(),
  arch: z.string(),
  locale: z.string(),
  /** Full paths on the engine's machine (join them with `platform`'s separator). */
  paths: z.object({
    /** Where the Train screen puts new checkpoints by default. */
    checkpoints: z.string().min(1),
  }),
});

export type AppInfo = z.infer<typeof appInfoSchema>;
export type HostKind = z.infer<typeof hostKindSchema>;
