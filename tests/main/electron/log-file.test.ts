import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLog, maxLogBytes } from '../../../main/electron/log-file';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'lab-log-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = () => new Date('2026-03-01T08:30:00.000Z');

describe('log-file', () => {
  it('appends timestamped lines, creating the folder, and echoes them', () => {
    const file = path.join(dir, 'logs', 'main.log');
    const echoed: string[] = [];
    const log = createFileLog(file, { echo: (line) => echoed.push(line), now });
    log('[main] started');
    log('[engine] exited with code 1');
    const expected = [
      '2026-03-01T08:30:00.000Z [main] started',
      '2026-03-01T08:30:00.000Z [engine] exited with code 1',
    ];
    expect(readFileSync(file, 'utf8')).toBe(`${expected.join('\n')}\n`);
    expect(echoed).toEqual(expected);
  });

  it('starts over when the log is too large, keeping the previous one', () => {
    const file = path.join(dir, 'main.log');
    writeFileSync(file, 'x'.repeat(maxLogBytes + 1));
    createFileLog(file, { echo: () => {}, now })('fresh');
    expect(readFileSync(file, 'utf8')).toBe('2026-03-01T08:30:00.000Z fresh\n');
    expect(existsSync(path.join(dir, 'main.old.log'))).toBe(true);
  });

  it('never throws when the log cannot be written', () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const echoed: string[] = [];
    const log = createFileLog(path.join(blocker, 'main.log'), { echo: (line) => echoed.push(line), now });
    expect(() => log('still echoed')).not.toThrow();
    expect(echoed).toHaveLength(1);
  });
});
