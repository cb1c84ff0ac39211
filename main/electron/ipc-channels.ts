/**
 * The two raw IPC channels under the contract: every request travels as `lab:invoke` (channel name + input)
 * and every event as `lab:event` (channel name + payload). Shared by main (ipc.ts) and the preload.
 */

/** Renderer → main: `ipcRenderer.invoke(invokeChannel, channel, input)` resolves with a `Result`. */
export const invokeChannel = 'lab:invoke';

/** Main → renderer: `webContents.send(eventChannel, channel, payload)`. */
export const eventChannel = 'lab:event';
