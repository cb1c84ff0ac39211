import { describe, expect, it } from 'vitest';
import { checkInvokeEvent, checkSender } from '../../../main/electron/sender';
import type { SenderFrame } from '../../../main/electron/sender';

const mainFrame: SenderFrame = { url: 'app://lab/index.html', parent: null, processId: 4, routingId: 1 };
const frame = (patch: Partial<SenderFrame>): SenderFrame => ({ ...mainFrame, ...patch });
const isTrusted = (sender: SenderFrame | null | undefined, main: SenderFrame | null = mainFrame) =>
  checkSender(sender, main).isTrusted;

describe('sender', () => {
  it("trusts our window's main frame showing the app", () => {
    expect(isTrusted(mainFrame)).toBe(true);
    expect(isTrusted(frame({ url: 'app://lab/index.html#encoder' }))).toBe(true);
    expect(isTrusted(frame({ detached: false }))).toBe(true);
  });

  it('refuses a wrong origin in the main frame', () => {
    expect(isTrusted(frame({ url: 'https://evil.example/' }))).toBe(false);
    expect(isTrusted(frame({ url: 'app://evil/index.html' }))).toBe(false);
  });

  it('refuses file:// and http://localhost', () => {
    expect(isTrusted(frame({ url: 'file:///home/student/index.html' }))).toBe(false);
    expect(isTrusted(frame({ url: 'http://localhost:5173/' }))).toBe(false);
  });

  it('refuses a subframe, even one on the app origin', () => {
    expect(isTrusted(frame({ parent: mainFrame, routingId: 2 }))).toBe(false);
    expect(isTrusted(frame({ parent: mainFrame }))).toBe(false);
  });

  it('refuses a null or missing frame, and a detached one', () => {
    expect(isTrusted(null)).toBe(false);
    expect(isTrusted(undefined)).toBe(false);
    expect(isTrusted(frame({ detached: true }))).toBe(false);
  });

  it('refuses the main frame of another window (different process or routing id)', () => {
    expect(isTrusted(frame({ processId: 5 }))).toBe(false);
    expect(isTrusted(frame({ routingId: 9 }))).toBe(false);
    expect(isTrusted(mainFrame, null)).toBe(false);
  });

  it('refuses about:blank and empty URLs', () => {
    expect(isTrusted(frame({ url: 'about:blank' }))).toBe(false);
    expect(isTrusted(frame({ url: '' }))).toBe(false);
  });

  it('explains a refusal', () => {
    expect(checkSender(frame({ parent: mainFrame }), mainFrame)).toEqual({
      isTrusted: false,
      reason: 'the sender is a subframe',
    });
  });

  it("checks an IPC event against our window's contents", () => {
    const contents = { mainFrame };
    expect(checkInvokeEvent({ sender: contents, senderFrame: mainFrame }, contents).isTrusted).toBe(true);
    expect(checkInvokeEvent({ sender: {}, senderFrame: mainFrame }, contents).isTrusted).toBe(false);
    expect(checkInvokeEvent({ sender: contents, senderFrame: null }, contents).isTrusted).toBe(false);
    expect(checkInvokeEvent({ sender: contents, senderFrame: mainFrame }, null).isTrusted).toBe(false);
  });

  it('refuses an event whose frame can no longer be read', () => {
    const contents = { mainFrame };
    const event = {
      sender: contents,
      get senderFrame(): SenderFrame {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(checkInvokeEvent(event, contents).isTrusted).toBe(false);
  });
});
