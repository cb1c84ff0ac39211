/** The `app:info` answer, from facts the host passes in (Electron knows more than a plain Node host). */
import type { AppInfo, HostKind } from '../../shared/contract/app';
import packageJson from '../../package.json' with { type: 'json' };

/** Builds `app:info` for a host; `locale` is the OS locale (Electron: `app.getLocale()`). */
export function appInfo(
  host: HostKind,
  facts: { locale?: string; electron?: string; chrome?: string } = {},
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
  };
}
