import { describe, expect, it } from 'vitest';
import { assertLoopback, isLoopback } from '../../../main/web/loopback';
import { LabError } from '../../../shared/contract/errors';

describe('loopback', () => {
  it('accepts localhost, the whole 127.0.0.0/8 block and ::1', () => {
    for (const host of [
      'localhost',
      'LOCALHOST',
      '127.0.0.1',
      '127.1.2.3',
      '127.255.255.254',
      '::1',
      '[::1]',
    ]) {
      expect(isLoopback(host), host).toBe(true);
      expect(assertLoopback(host)).toBe(host);
    }
  });

  it('refuses every address other computers can reach, with a typed error', () => {
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.10',
      '10.0.0.1',
      '128.0.0.1',
      'example.com',
      '127.0.0.1.nip.io',
      '',
    ]) {
      expect(isLoopback(host), host).toBe(false);
      expect(() => assertLoopback(host), host).toThrow(LabError);
    }
    try {
      assertLoopback('0.0.0.0');
    } catch (error) {
      expect((error as LabError).code).toBe('invalid-argument');
    }
  });

  it('refuses malformed addresses that only look like 127.x', () => {
    expect(isLoopback('127.0.0.256')).toBe(false);
    expect(isLoopback('127.0.0')).toBe(false);
  });
});
