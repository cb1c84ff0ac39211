/**
 * The one way the renderer reaches the host: `window.attentionLab`, which Electron's preload exposes; in a
 * browser the page creates it once over the web host's WebSocket, so every caller (and a test driving the page)
 * sees the same object in both hosts.
 */
import type { LabApi } from '../../../shared/contract/api';
import type { WebLabApi } from './web-socket-api';
import { createWebSocketLabApi, socketUrlFor } from './web-socket-api';

declare global {
  interface Window {
    /** The LabApi: from Electron's preload, or the WebSocket client in a browser. */
    attentionLab?: LabApi;
  }
}

/** Is the page inside Electron (its preload has exposed the API before any page script ran)? */
export const isElectron = typeof window !== 'undefined' && window.attentionLab !== undefined;

/** Returns the LabApi for this page: Electron's, or a WebSocket client created on first use. */
export function getLabApi(): LabApi {
  if (window.attentionLab) return window.attentionLab;
  const api = Object.freeze(createWebSocketLabApi(socketUrlFor(window.location)));
  Object.defineProperty(window, 'attentionLab', { value: api, writable: false, configurable: false });
  return api;
}

/** The connection of a browser API (`null` under Electron, where there is no socket to lose). */
export function webConnection(api: LabApi): WebLabApi | null {
  return 'onConnection' in api ? (api as WebLabApi) : null;
}
