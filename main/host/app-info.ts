/** The `app:info` answer, from facts the host passes in (Electron knows more than a plain Node host). */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppInfo, HostKind } from '../../shared/contract/app';
import packageJson from '../../package.json' with { type: 'json' };

/**
 * The checkpoints folder of a host without its own data folder (web host, CLI): `checkpoints` in the folder
 * named by the environment variable `ATTENTION_LAB_DATA_DIR` (tests, classroom machines), else in the user's home.
 */
export function defaultCheckpointsFolder(env: NodeJS.ProcessEnv = process.env): string {
  const dataDir = env['ATTENTION_LAB_DATA_DIR'];
  return join(dataDir ? resolve(dataDir) : join(homedir(), 'Attention Lab'), 'checkpoints');
}

/**
 * Builds `app:info` for a host; `locale` is the OS locale (Electron: `app.getLocale()`), `checkpoints` the
 * folder for new checkpoints (Electron: under `app.getPath('userData')`; otherwise {@link defaultCheckpointsFolder}).
 */
export function appInfo(
  host: HostKind,
  facts: { locale?: string; electron?: string; chrome?: string; checkpoints?: string } = {},
): AppInfo {
  return {
    name: packageJson.productName,
    version: packageJson.version,
    host,
    versions: {
      node: process.versions.node,
      electron: facts.electron ?? null,
      chrome: facts.chrome ?? null,
      tfjs: packageJson.dependencies['@tensorflow/tfjs'], // pinned exactly; main never loads TF.js itself
    },
    platform: process.platform,
    arch: process.arch,
    locale: facts.locale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    paths: { checkpoints: facts.checkpoints ?? defaultCheckpointsFolder() },
  };
}
