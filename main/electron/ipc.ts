/**
 * The only user of `ipcMain`: one `lab:invoke` handler for every request of the contract, and the sender of
 * `lab:event` messages. All logic lives in ipc-handler.ts and sender.ts, which the tests exercise.
 */
import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../host/dispatcher';
import { isAppUrl } from './app-url';
import { eventChannel, invokeChannel } from './ipc-channels';
import { createEventForwarder, createInvokeHandler } from './ipc-handler';
import { checkInvokeEvent } from './sender';

/** Registers the handler; returns the event forwarder (for the supervisor) and a way to unregister. */
export function registerLabIpc(deps: {
  getWindow: () => BrowserWindow | null;
  dispatch: Dispatch;
  log: (line: string) => void;
}): { forwardEvent: (channel: unknown, payload: unknown) => void; dispose: () => void } {
  const liveContents = () => {
    const window = deps.getWindow();
    return window && !window.isDestroyed() ? window.webContents : null;
  };
  const handle = createInvokeHandler<IpcMainInvokeEvent>({
    dispatch: deps.dispatch,
    log: deps.log,
    checkSender: (event) => checkInvokeEvent(event, liveContents()),
  });
  ipcMain.handle(invokeChannel, handle);
  const forwardEvent = createEventForwarder({
    log: deps.log,
    send: (channel, payload) => {
      const contents = liveContents();
      // Events go only to the app's own page (the navigation guard keeps it there; this is belt and braces).
      if (contents && isAppUrl(contents.getURL())) contents.send(eventChannel, channel, payload);
    },
  });
  return { forwardEvent, dispose: () => ipcMain.removeHandler(invokeChannel) };
}
