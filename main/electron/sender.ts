/**
 * The sender-frame check: a request is trusted only when it comes from the main frame of our own window, and
 * that frame currently shows one of the app's own pages. Anything else — a subframe, another window, a page
 * that navigated away, a frame already torn down — is refused with `forbidden-sender`.
 */
import { isAppUrl } from './app-url';

/** The part of Electron's `WebFrameMain` the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
  readonly detached?: boolean;
}

/** The verdict, with a reason for the log when refused. */
export type SenderVerdict = { isTrusted: true } | { isTrusted: false; reason: string };

/**
 * Checks `frame` (the IPC event's `senderFrame`) against `mainFrame` (our window's `webContents.mainFrame`).
 * Frames are compared by process and routing id, which Electron keeps stable for one frame even across
 * distinct `WebFrameMain` objects.
 */
export function checkSender(
  frame: SenderFrame | null | undefined,
  mainFrame: SenderFrame | null | undefined,
): SenderVerdict {
  if (!frame) return { isTrusted: false, reason: 'the sending frame is gone' };
  if (frame.detached === true) return { isTrusted: false, reason: 'the sending frame is detached' };
  if (frame.parent !== null) return { isTrusted: false, reason: 'the sender is a subframe' };
  if (!mainFrame || frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) {
    return { isTrusted: false, reason: "the sender is not our window's main frame" };
  }
  if (!isAppUrl(frame.url)) {
    return { isTrusted: false, reason: `the sender shows ${String(frame.url).slice(0, 100)}, not the app` };
  }
  return { isTrusted: true };
}

/** The part of an `IpcMainInvokeEvent` the check reads. */
export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: SenderFrame | null;
}

/**
 * Checks an IPC event against our window's contents: the event must come from those very contents, and
 * from their main frame (see {@link checkSender}). `contents` is `null` when the window is gone.
 */
export function checkInvokeEvent(
  event: InvokeEventLike,
  contents: { readonly mainFrame: SenderFrame } | null,
): SenderVerdict {
  if (!contents || event.sender !== contents) {
    return { isTrusted: false, reason: 'the sender is not our window' };
  }
  let frame: SenderFrame | null;
  try {
    frame = event.senderFrame; // a getter; reading it for a frame torn down mid-request may throw
  } catch {
    frame = null;
  }
  return checkSender(frame, contents.mainFrame);
}
