import { describe, expect, it } from 'vitest';
import { LabError } from '../../../shared/contract/errors';
import { assertRequestChannel, parseEvent, parseInput, parseOutput } from '../../../shared/contract/validate';

/** Runs `fn` and returns the LabError it throws. */
function thrown(fn: () => unknown): LabError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LabError) return error;
    throw error;
  }
  throw new Error('expected a LabError');
}

describe('contract validate', () => {
  it('passes known request channels and refuses others with unknown-channel', () => {
    expect(assertRequestChannel('engine:ping')).toBe('engine:ping');
    const error = thrown(() => assertRequestChannel(`x:${'y'.repeat(200)}`));
    expect(error.code).toBe('unknown-channel');
    expect(error.message.length).toBeLessThan(100); // a hostile name is not echoed whole
  });

  it('returns the parsed input, and names the field of a malformed one', () => {
    expect(parseInput('engine:ping', { nonce: 'a' })).toEqual({ nonce: 'a' });
    const error = thrown(() => parseInput('engine:ping', { nonce: 1 }));
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toMatch(/^Invalid input for engine:ping at nonce: /);
  });

  it('checks outputs the same way', () => {
    expect(parseOutput('engine:ping', { nonce: 'a', pid: 1, uptimeMs: 2 })).toEqual({
      nonce: 'a',
      pid: 1,
      uptimeMs: 2,
    });
    expect(thrown(() => parseOutput('engine:ping', { nonce: 'a' })).code).toBe('invalid-payload');
  });

  it('checks events: unknown channels and malformed payloads', () => {
    // @ts-expect-error -- not an event channel, on purpose
    expect(thrown(() => parseEvent('engine:onNothing', {})).code).toBe('unknown-channel');
    expect(thrown(() => parseEvent('engine:onStatus', { state: 'ready' })).code).toBe('invalid-payload');
  });
});
