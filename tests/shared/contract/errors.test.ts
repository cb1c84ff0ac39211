import { describe, expect, it } from 'vitest';
import {
  errorCodes,
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

  it('turns anything thrown into a wire error: LabErrors keep their code, the rest are internal', () => {
    expect(toWireError(new LabError('busy', 'Training.'))).toEqual({ code: 'busy', message: 'Training.' });
    expect(toWireError(new RangeError('index 9'))).toEqual({ code: 'internal', message: 'index 9' });
    expect(toWireError('a string')).toEqual({ code: 'internal', message: 'a string' });
    expect(toWireError(undefined)).toEqual({ code: 'internal', message: 'undefined' });
  });

  it('keeps wire messages within 4000 characters, which the schema enforces', () => {
    const long = 'x'.repeat(5000);
    expect(toWireError(new LabError('internal', long)).message).toHaveLength(4000);
    expect(toWireError(new Error(long)).message).toHaveLength(4000);
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
