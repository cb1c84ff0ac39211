/**
 * Recently opened checkpoints: the last 10 folder paths, newest first, kept in the page's `localStorage` under
 * `attention-lab.recent-checkpoints` (so it works alike in Electron and in the browser: each keeps its own list
 * for its origin). A storage that is full, disabled or holds something else reads as an empty list.
 */

/** The `localStorage` key. */
export const recentCheckpointsKey = 'attention-lab.recent-checkpoints';
/** How many paths are kept. */
export const maxRecentCheckpoints = 10;

/** The remembered paths, newest first. */
export function recentCheckpoints(storage: Storage | undefined = globalThis.localStorage): string[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(recentCheckpointsKey) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter((path): path is string => typeof path === 'string').slice(0, maxRecentCheckpoints);
  } catch {
    return [];
  }
}

/** Puts `path` first (once) and forgets the oldest beyond the limit; returns the new list. */
export function rememberCheckpoint(
  path: string,
  storage: Storage | undefined = globalThis.localStorage,
): string[] {
  const list = [path, ...recentCheckpoints(storage).filter((known) => known !== path)].slice(
    0,
    maxRecentCheckpoints,
  );
  try {
    storage?.setItem(recentCheckpointsKey, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the list lives until the page closes.
  }
  return list;
}

/** Replaces `from` by `to` (after a rename) or drops it (`to` null, after a delete); returns the new list. */
export function updateRecentCheckpoint(
  from: string,
  to: string | null,
  storage: Storage | undefined = globalThis.localStorage,
): string[] {
  const list = recentCheckpoints(storage).flatMap((path) =>
    path === from ? (to === null ? [] : [to]) : [path],
  );
  try {
    storage?.setItem(recentCheckpointsKey, JSON.stringify(list));
  } catch {
    // as above
  }
  return list;
}
