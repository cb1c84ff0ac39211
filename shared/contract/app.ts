/** Schemas of the `app:` domain: facts about the running app, answered by the host (Electron main or web host). */
import { z } from 'zod';

/** Where the renderer runs. */
export const hostKindSchema = z.enum(['electron', 'web', 'cli']);

/** `app:info` response: versions, platform and locale. */
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
});

export type AppInfo = z.infer<typeof appInfoSchema>;
export type HostKind = z.infer<typeof hostKindSchema>;
