/**
 * Permission handlers that deny everything: the lab needs no camera, microphone, location, notifications,
 * HID/USB/serial devices or screen capture, so the renderer is never granted any, whatever it asks.
 */

/** The part of Electron's `Session` this module needs. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (isGranted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** Installs the deny-all handlers on a session. */
export function denyAllPermissions(session: PermissionSession, log: (line: string) => void = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`[permissions] denied a request for ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
