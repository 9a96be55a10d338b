import { describe, expect, it } from 'vitest';
import { isDevicePermissionAllowed, isPermissionAllowed } from '../../../electron/main/permissions';
import { APP_ORIGIN } from '../../../electron/shared/app-origin';

const own = 'app://basic-header/index.html';

describe('isPermissionAllowed', () => {
  it('allows clipboard-sanitized-write for the app top frame', () => {
    expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: own, isMainFrame: true }, APP_ORIGIN)).toBe(true);
    // Check handler form: the origin without a path.
    expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: 'app://basic-header', isMainFrame: true }, APP_ORIGIN)).toBe(true);
  });

  it.each([
    'clipboard-read',
    'deprecated-sync-clipboard-read',
    'media',
    'geolocation',
    'notifications',
    'openExternal',
    'fullscreen',
    'display-capture',
    'persistent-storage',
    'storage-access',
    'local-fonts',
    'hid',
    'usb',
    'serial',
    'unknown',
  ])('denies %s even for the app', (permission) => {
    expect(isPermissionAllowed({ permission, requestingUrl: own, isMainFrame: true }, APP_ORIGIN)).toBe(false);
  });

  it.each(['https://evil.example/', 'app://basic-header.evil/', 'app://evil/', 'file:///x', '', 'null'])(
    'denies clipboard write to a foreign origin %j',
    (requestingUrl) => {
      expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl, isMainFrame: true }, APP_ORIGIN)).toBe(false);
    },
  );

  it('denies sub-frames and unknown frames', () => {
    expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: own, isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: own, isMainFrame: undefined }, APP_ORIGIN)).toBe(false);
  });
});

describe('isDevicePermissionAllowed', () => {
  it('never grants a device', () => {
    expect(isDevicePermissionAllowed()).toBe(false);
  });
});
