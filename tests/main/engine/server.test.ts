import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineHandlers } from '../../../main/engine/server';
import { runRequest } from '../../../main/engine/server';
import { LabError } from '../../../shared/contract/errors';

const context = { emit: () => {} };

/** Handlers whose `engine:ping` throws `error`. */
const throwing = (error: unknown) =>
  ({
    'engine:ping': () => Promise.reject(error),
  }) as unknown as EngineHandlers;

describe('engine server', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps a LabError as it is', async () => {
    const result = await runRequest(
      throwing(new LabError('busy', 'Training.')),
      'engine:ping',
      { nonce: 'n' },
      context,
    );
    expect(result).toEqual({ ok: false, error: { code: 'busy', message: 'Training.' } });
  });

  it('answers a bug with a generic internal error and writes the full error to stderr under the same id', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const bug = new RuntimeErrorLike('Aborted(). /home/student/lab/weights.bin');
    const result = await runRequest(throwing(bug), 'engine:ping', { nonce: 'n' }, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).not.toMatch(/Aborted|student/);
    const id = /error (e-[0-9a-f]{8})/.exec(result.error.message)?.[1];
    expect(id).toBeDefined();
    const line = written.find((text) => text.includes(`internal error ${id ?? '?'}`));
    expect(line).toMatch(
      /^\[engine\] internal error e-[0-9a-f]{8}: RuntimeError: Aborted\(\)\. \/home\/student/,
    );
  });
});

/** Stands in for emscripten's WebAssembly.RuntimeError. */
class RuntimeErrorLike extends Error {
  override readonly name = 'RuntimeError';
}
