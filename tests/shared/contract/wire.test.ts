import { describe, expect, it } from 'vitest';
import { maxMessageBytes, messageSchema, resultSchema } from '../../../shared/contract/wire';

const accepts = (value: unknown) => messageSchema.safeParse(value).success;

describe('contract wire', () => {
  it('caps messages at 8 MiB', () => expect(maxMessageBytes).toBe(8 * 1024 * 1024));

  it('accepts requests, responses and events', () => {
    expect(accepts({ kind: 'request', id: 0, channel: 'engine:ping', payload: { nonce: 'a' } })).toBe(true);
    expect(accepts({ kind: 'response', id: 3, result: { ok: true, value: null } })).toBe(true);
    expect(
      accepts({ kind: 'response', id: 3, result: { ok: false, error: { code: 'busy', message: 'm' } } }),
    ).toBe(true);
    expect(accepts({ kind: 'event', channel: 'engine:onStatus', payload: {} })).toBe(true);
  });

  it('refuses bad ids, long channel names and unknown kinds', () => {
    expect(accepts({ kind: 'request', id: -1, channel: 'a:b', payload: null })).toBe(false);
    expect(accepts({ kind: 'request', id: 1.5, channel: 'a:b', payload: null })).toBe(false);
    expect(accepts({ kind: 'request', id: '1', channel: 'a:b', payload: null })).toBe(false);
    expect(accepts({ kind: 'event', channel: 'a'.repeat(65), payload: null })).toBe(false);
    expect(accepts({ kind: 'shout', channel: 'a:b' })).toBe(false);
    expect(accepts(null)).toBe(false);
  });

  it('requires a typed error on a failed result', () => {
    expect(resultSchema.safeParse({ ok: false }).success).toBe(false);
    expect(resultSchema.safeParse({ ok: false, error: { code: 'nope', message: 'm' } }).success).toBe(false);
    expect(resultSchema.safeParse({ ok: 'yes', value: 1 }).success).toBe(false);
  });
});
