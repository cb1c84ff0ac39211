import { describe, expect, it } from 'vitest';
import { handleFrame, parseRequestFrame, recoverRequestId } from '../../../main/web/ws-messages';
import type { ResponseMessage } from '../../../shared/contract/wire';

describe('ws-messages', () => {
  it('recovers the id from the head of a broken request', () => {
    expect(recoverRequestId('{"kind":"request","id":17,"channel":')).toBe(17);
    expect(recoverRequestId('{"id" : 3}')).toBe(3);
    expect(recoverRequestId('{"id":1.5}')).toBeNull();
    expect(recoverRequestId('not json at all')).toBeNull();
  });

  it('parses a valid request envelope', () => {
    const frame = JSON.stringify({ kind: 'request', id: 4, channel: 'engine:ping', payload: { nonce: 'a' } });
    expect(parseRequestFrame(frame)).toEqual({
      ok: true,
      request: { kind: 'request', id: 4, channel: 'engine:ping', payload: { nonce: 'a' } },
    });
  });

  it('turns broken JSON and bad envelopes into invalid-payload errors', () => {
    const broken = parseRequestFrame('{"kind":"request","id":9,');
    expect(broken).toMatchObject({ ok: false, id: 9 });
    expect(!broken.ok && broken.error.code).toBe('invalid-payload');
    const badKind = parseRequestFrame('{"kind":"event","id":2,"channel":"app:info"}');
    expect(badKind).toMatchObject({ ok: false, id: 2 });
    expect(parseRequestFrame('[]')).toMatchObject({ ok: false, id: null });
  });

  it('answers a dispatched request with its result, and a broken one with a typed error', async () => {
    const sent: ResponseMessage[] = [];
    const logs: string[] = [];
    const deps = {
      dispatch: async (channel: unknown) =>
        channel === 'app:info'
          ? { ok: true as const, value: 'info' }
          : { ok: false as const, error: { code: 'unknown-channel' as const, message: 'no' } },
      send: (message: ResponseMessage) => sent.push(message),
      log: (line: string) => logs.push(line),
    };
    await handleFrame(JSON.stringify({ kind: 'request', id: 1, channel: 'app:info', payload: {} }), deps);
    await handleFrame(JSON.stringify({ kind: 'request', id: 2, channel: 'nope:nope', payload: {} }), deps);
    await handleFrame('{"id":3,', deps);
    await handleFrame('garbage', deps);
    expect(sent).toEqual([
      { kind: 'response', id: 1, result: { ok: true, value: 'info' } },
      { kind: 'response', id: 2, result: { ok: false, error: { code: 'unknown-channel', message: 'no' } } },
      {
        kind: 'response',
        id: 3,
        result: { ok: false, error: { code: 'invalid-payload', message: 'The request is not valid JSON.' } },
      },
    ]);
    expect(logs).toHaveLength(3); // the failed dispatch and both refusals, the unanswerable one included
  });
});
