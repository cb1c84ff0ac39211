import { describe, expect, it } from 'vitest';
import { denyAllPermissions } from '../../../main/electron/permissions';
import type { PermissionSession } from '../../../main/electron/permissions';

type Handlers = {
  request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
  check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
  device?: Parameters<PermissionSession['setDevicePermissionHandler']>[0];
};

function install(): { handlers: Handlers; logged: string[] } {
  const handlers: Handlers = {};
  const logged: string[] = [];
  denyAllPermissions(
    {
      setPermissionRequestHandler: (handler) => (handlers.request = handler),
      setPermissionCheckHandler: (handler) => (handlers.check = handler),
      setDevicePermissionHandler: (handler) => (handlers.device = handler),
    },
    (line) => logged.push(line),
  );
  return { handlers, logged };
}

const permissions = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'hid',
  'serial',
  'usb',
  'openExternal',
  'fileSystem',
];

describe('permissions', () => {
  it('denies every permission request, and logs it', () => {
    const { handlers, logged } = install();
    for (const permission of permissions) {
      const answers: boolean[] = [];
      handlers.request?.({}, permission, (isGranted) => answers.push(isGranted));
      expect(answers, permission).toEqual([false]);
    }
    expect(logged).toHaveLength(permissions.length);
  });

  it('answers every permission check with false', () => {
    const { handlers } = install();
    for (const permission of permissions) expect(handlers.check?.({}, permission), permission).toBe(false);
  });

  it('grants no device', () => {
    const { handlers } = install();
    expect(handlers.device?.({ deviceType: 'usb', origin: 'app://lab' })).toBe(false);
  });
});
