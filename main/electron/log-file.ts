/**
 * The main process's log: timestamped lines appended to a file in the user's log folder (and echoed to the
 * console), so "details are in the log" is true when a student reports a crashed engine.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/** A log grows to this size, then starts over (the previous one is kept as `<name>.old.log`). */
export const maxLogBytes = 5 * 1024 * 1024;

/** Opens the log at `filePath`; the returned function never throws (a full disk must not crash the app). */
export function createFileLog(
  filePath: string,
  options: { echo?: (line: string) => void; now?: () => Date } = {},
): (line: string) => void {
  const echo = options.echo ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  let isWritable = true;
  try {
    mkdirSync(path.dirname(filePath), { recursive: true });
    const size = statSync(filePath, { throwIfNoEntry: false })?.size ?? 0;
    if (size > maxLogBytes) {
      renameSync(filePath, filePath.replace(/(\.log)?$/, '.old.log'));
    }
  } catch {
    isWritable = false;
  }
  return (line) => {
    const stamped = `${now().toISOString()} ${line}`;
    echo(stamped);
    if (!isWritable) return;
    try {
      appendFileSync(filePath, `${stamped}\n`);
    } catch {
      isWritable = false;
    }
  };
}
