import { describe, expect, it } from 'vitest';
import {
  describeInternalError,
  errorCodes,
  internalErrorMessage,
  fromWireError,
  LabError,
  toWireError,
  wireErrorSchema,
} from '../../../shared/contract/errors';

describe('contract errors', () => {
  it('has unique codes, including every code the hosts use', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
    for (const code of [
      'invalid-payload',
      'unknown-channel',
      'payload-too-large',
      'forbidden-sender',
      'engine-crashed',
    ]) {
      expect(errorCodes).toContain(code);
    }
  });

  it('makes a LabError an Error with a name, a code and a message', () => {
    const error = new LabError('not-found', 'No checkpoint in that folder.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LabError');
    expect(error.toWire()).toEqual({ code: 'not-found', message: 'No checkpoint in that folder.' });
  });

  it('turns anything thrown into a wire error: LabErrors keep their code and message, the rest are internal', () => {
    const reported: Array<[string, unknown]> = [];
    const report = (id: string, error: unknown) => reported.push([id, error]);
    expect(toWireError(new LabError('busy', 'Training.'), report)).toEqual({
      code: 'busy',
      message: 'Training.',
    });
    expect(reported).toEqual([]);
    for (const thrown of [new RangeError('index 9'), 'a string', undefined]) {
      expect(toWireError(thrown, report).code).toBe('internal');
    }
    expect(reported.map(([, error]) => error)).toEqual([new RangeError('index 9'), 'a string', undefined]);
  });

  it('sends a bug as a generic sentence with an id, and reports the full error with the same id', () => {
    const reported: Array<[string, unknown]> = [];
    const bug = new Error('ENOENT: no such file, open /home/student/secret/weights.bin; Aborted(OOM)');
    const wire = toWireError(bug, (id, error) => reported.push([id, error]));
    const [id, error] = reported[0] ?? [];
    expect(id).toMatch(/^e-[0-9a-f]{8}$/);
    expect(error).toBe(bug);
    expect(wire).toEqual({ code: 'internal', message: internalErrorMessage(id ?? '') });
    expect(wire.message).toContain(`error ${id}`);
    expect(wire.message).not.toMatch(/ENOENT|secret|Aborted/);
    expect(describeInternalError(id ?? '', bug)).toMatch(
      new RegExp(`^internal error ${id}: Error: ENOENT.*secret`),
    );
    // Two bugs get two ids.
    toWireError(new Error('again'), (other) => expect(other).not.toBe(id));
  });

  it('keeps wire messages within 4000 characters, which the schema enforces', () => {
    const long = 'x'.repeat(5000);
    expect(toWireError(new LabError('internal', long)).message).toHaveLength(4000);
    expect(toWireError(new Error(long), () => {}).message.length).toBeLessThan(200);
    expect(wireErrorSchema.safeParse({ code: 'internal', message: long }).success).toBe(false);
  });

  it('refuses unknown codes on the wire', () => {
    expect(wireErrorSchema.safeParse({ code: 'teapot', message: 'x' }).success).toBe(false);
    expect(wireErrorSchema.safeParse({ code: 'busy' }).success).toBe(false);
  });

  it('round-trips through the wire', () => {
    const rebuilt = fromWireError(new LabError('timeout', 'Too slow.').toWire());
    expect(rebuilt).toBeInstanceOf(LabError);
    expect(rebuilt.toWire()).toEqual({ code: 'timeout', message: 'Too slow.' });
  });
});
