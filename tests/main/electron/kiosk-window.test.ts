import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appUrl } from '../../../src-main/electron/app-origin.js';
import { focusKioskWindow, openKioskWindow } from '../../../src-main/electron/kiosk-window.js';
import type {
  PermissionCheckLike,
  PermissionRequestLike,
} from '../../../src-main/electron/permission-policy.js';
import { FakeWindow, flushPromises, RecordingLogger } from './fakes.js';

function open(options: { cameraScanning?: boolean; window?: FakeWindow } = {}) {
  const window = options.window ?? new FakeWindow();
  const logger = new RecordingLogger();
  const createdWith: BrowserWindowConstructorOptions[] = [];
  const returned = openKioskWindow({
    createWindow: (windowOptions) => {
      createdWith.push(windowOptions);
      return window;
    },
    settings: { preloadPath: '/app/dist/preload/preload.cjs', isPackaged: true, title: 'Casier' },
    permissions: { appUrl, cameraScanning: options.cameraScanning ?? false },
    url: appUrl,
    labelSheets: { folder: '/var/lib/casier/labels', openPath: async () => '' },
    logger,
  });
  return { window, returned, logger, createdWith };
}

/** What Electron does on a permission request: call the handler and wait for its callback. */
function requestPermission(
  window: FakeWindow,
  permission: string,
  details: PermissionRequestLike,
): boolean {
  const handler = window.webContents.session.requestHandler;
  if (!handler) {
    throw new Error('no permission request handler installed');
  }
  const callback = vi.fn<(granted: boolean) => void>();
  handler(window.webContents, permission, callback, details);
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]?.[0] ?? false;
}

function checkPermission(
  window: FakeWindow,
  permission: string,
  origin: string,
  details: PermissionCheckLike,
): boolean {
  const handler = window.webContents.session.checkHandler;
  if (!handler) {
    throw new Error('no permission check handler installed');
  }
  return handler(window.webContents, permission, origin, details);
}

const cameraFromThePage: PermissionRequestLike = {
  requestingUrl: 'app://kiosk/index.html',
  isMainFrame: true,
  mediaTypes: ['video'],
};

describe('openKioskWindow', () => {
  it('creates the window with the sandboxed preferences, removes its menu and loads app://kiosk/', () => {
    const { window, returned, createdWith } = open();
    expect(returned).toBe(window);
    expect(createdWith).toHaveLength(1);
    expect(createdWith[0]?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(window.calls).toContain('removeMenu');
    expect(window.loadedUrls).toEqual(['app://kiosk/']);
  });

  it('shows the window only once its first paint is ready', () => {
    const { window } = open();
    expect(window.calls).not.toContain('show');
    window.emit('ready-to-show');
    expect(window.calls).toContain('show');
  });

  it('logs a page that fails to load instead of leaving a rejected promise', async () => {
    const window = new FakeWindow();
    window.loadResult = Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    const { logger } = open({ window });
    await flushPromises();
    expect(logger.at('error').map((entry) => entry.message)).toEqual(['kiosk page failed to load']);
  });

  it.each([
    'geolocation',
    'notifications',
    'clipboard-read',
    'midi',
    'hid',
    'serial',
    'usb',
    'openExternal',
    'display-capture',
    'fullscreen',
  ])('denies the %s permission', (permission) => {
    const { window } = open({ cameraScanning: true });
    expect(
      requestPermission(window, permission, {
        requestingUrl: 'app://kiosk/index.html',
        isMainFrame: true,
      }),
    ).toBe(false);
    expect(
      checkPermission(window, permission, 'app://kiosk', {
        requestingUrl: 'app://kiosk/index.html',
      }),
    ).toBe(false);
  });

  it('denies the camera when the bank does not scan with a camera', () => {
    const { window } = open({ cameraScanning: false });
    expect(requestPermission(window, 'media', cameraFromThePage)).toBe(false);
    expect(
      checkPermission(window, 'media', 'app://kiosk', {
        requestingUrl: 'app://kiosk/index.html',
        mediaType: 'video',
      }),
    ).toBe(false);
  });

  it('allows the camera to the kiosk page when the bank scans with a camera', () => {
    const { window } = open({ cameraScanning: true });
    expect(requestPermission(window, 'media', cameraFromThePage)).toBe(true);
    expect(
      checkPermission(window, 'media', 'app://kiosk', {
        requestingUrl: 'app://kiosk/index.html',
        mediaType: 'video',
      }),
    ).toBe(true);
  });

  it.each([
    ['the microphone', { ...cameraFromThePage, mediaTypes: ['audio'] }],
    ['camera and microphone together', { ...cameraFromThePage, mediaTypes: ['video', 'audio'] }],
    ['an unspecified media type', { ...cameraFromThePage, mediaTypes: [] }],
    ['another origin', { ...cameraFromThePage, requestingUrl: 'https://evil.example/' }],
    ['a look-alike origin', { ...cameraFromThePage, requestingUrl: 'app://kiosk.evil/' }],
    ['a sub-frame', { ...cameraFromThePage, isMainFrame: false }],
  ])('still denies %s to a camera-scanning bank', (_name, details) => {
    const { window } = open({ cameraScanning: true });
    expect(requestPermission(window, 'media', details)).toBe(false);
  });

  it('still denies a camera check from another origin or for audio', () => {
    const { window } = open({ cameraScanning: true });
    expect(
      checkPermission(window, 'media', 'https://evil.example', {
        requestingUrl: 'https://evil.example/',
        mediaType: 'video',
      }),
    ).toBe(false);
    expect(
      checkPermission(window, 'media', 'app://kiosk', {
        requestingUrl: 'app://kiosk/index.html',
        mediaType: 'audio',
      }),
    ).toBe(false);
  });

  it('saves label sheets into the labels folder and refuses other downloads', () => {
    const { window } = open();
    const sheet = window.webContents.session.download('casier-labels-demo.pdf');
    expect(sheet.savePath).toBe('/var/lib/casier/labels/casier-labels-demo.pdf');
    const other = window.webContents.session.download('notes.txt');
    expect(other.cancelled).toBe(true);
    expect(other.savePath).toBeUndefined();
  });

  it('reloads a page whose renderer crashed, but not one that exited cleanly', () => {
    const { window, logger } = open();
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(window.webContents.calls).toEqual([]);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.webContents.calls).toEqual(['reload']);
    expect(logger.at('error')[0]?.details).toEqual({ reason: 'crashed' });
  });

  it('restarts a hung renderer in a new process', () => {
    const { window } = open();
    window.webContents.emit('unresponsive');
    expect(window.webContents.calls).toEqual(['forcefullyCrashRenderer', 'reload']);
  });

  it('does not touch a window that is already destroyed', () => {
    const { window } = open();
    window.destroyed = true;
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    window.webContents.emit('unresponsive');
    expect(window.webContents.calls).toEqual([]);
  });
});

describe('focusKioskWindow', () => {
  it('restores and focuses the window at a second launch', () => {
    const window = new FakeWindow();
    window.minimized = true;
    focusKioskWindow(window);
    expect(window.calls).toEqual(['restore', 'focus']);
  });

  it('does nothing before the window exists or after it is gone', () => {
    const window = new FakeWindow();
    window.destroyed = true;
    focusKioskWindow(window);
    focusKioskWindow(undefined);
    expect(window.calls).toEqual([]);
  });
});
