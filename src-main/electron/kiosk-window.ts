import type { BrowserWindowConstructorOptions } from 'electron';
import type { BridgeLogger } from './bridge-logger.js';
import { createDownloadHandler, type DownloadItemLike } from './download-policy.js';
import type { EventTargetContentsLike } from './ipc-bridge.js';
import {
  isPermissionCheckAllowed,
  isPermissionRequestAllowed,
  type PermissionCheckLike,
  type PermissionPolicy,
  type PermissionRequestLike,
} from './permission-policy.js';
import type { PreventableEvent } from './web-contents-hardening.js';
import { kioskWindowOptions, type KioskWindowSettings } from './window-options.js';

/** The parts of a `Session` the kiosk window configures. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (permissionGranted: boolean) => void,
      details: PermissionRequestLike,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: PermissionCheckLike,
    ) => boolean,
  ): void;
  on(
    event: 'will-download',
    listener: (event: PreventableEvent, item: DownloadItemLike) => void,
  ): unknown;
}

/** The parts of the kiosk window's `webContents` used here and by the IPC bridge. */
export interface KioskWebContentsLike extends EventTargetContentsLike {
  readonly session: SessionLike;
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string }) => void,
  ): unknown;
  on(event: 'unresponsive', listener: () => void): unknown;
  reload(): void;
  forcefullyCrashRenderer(): void;
}

/** The parts of a `BrowserWindow` used here and at a second launch. */
export interface KioskWindowLike {
  readonly webContents: KioskWebContentsLike;
  removeMenu(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
}

export interface KioskWindowOptions {
  /** `(options) => new BrowserWindow(options)` in main.ts; a fake in tests. */
  createWindow: (options: BrowserWindowConstructorOptions) => KioskWindowLike;
  settings: KioskWindowSettings;
  permissions: PermissionPolicy;
  /** The page to show: `app://kiosk/` (see app-origin.ts). */
  url: string;
  /** Where label sheets are saved (`<userData>/labels`) and how they are opened for printing. */
  labelSheets: { folder: string; openPath: (filePath: string) => Promise<string> };
  logger: BridgeLogger;
}

/**
 * Creates the one kiosk window: sandboxed preferences, no menu, every permission denied but the
 * camera for camera-scanning banks, label sheet downloads saved without a dialog
 * (download-policy.ts), and self-healing: a renderer that dies or hangs is reloaded
 * (security.md, "Recovery"). Navigation, new windows and keys are handled for every webContents
 * in web-contents-hardening.ts.
 */
export function openKioskWindow(options: KioskWindowOptions): KioskWindowLike {
  const { logger } = options;
  const window = options.createWindow(kioskWindowOptions(options.settings));
  const contents = window.webContents;
  window.removeMenu();

  contents.session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const granted = isPermissionRequestAllowed(permission, details, options.permissions);
    if (!granted) {
      logger.warn({ permission }, 'permission request denied');
    }
    callback(granted);
  });
  contents.session.setPermissionCheckHandler(
    (_webContents, permission, requestingOrigin, details) =>
      isPermissionCheckAllowed(permission, requestingOrigin, details, options.permissions),
  );
  contents.session.on(
    'will-download',
    createDownloadHandler({ ...options.labelSheets, logger: options.logger }),
  );

  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) {
      return;
    }
    logger.error({ reason: details.reason }, 'kiosk page crashed; reloading it');
    contents.reload();
  });
  contents.on('unresponsive', () => {
    if (window.isDestroyed()) {
      return;
    }
    logger.error({}, 'kiosk page stopped responding; restarting it');
    // A hung renderer ignores a plain reload; killing it first makes the reload use a new process.
    contents.forcefullyCrashRenderer();
    contents.reload();
  });

  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(options.url).catch((error: unknown) => {
    logger.error({ url: options.url, err: error }, 'kiosk page failed to load');
  });
  return window;
}

/** A second launch of the app brings the existing kiosk window to the front (single instance). */
export function focusKioskWindow(window: KioskWindowLike | undefined): void {
  if (!window || window.isDestroyed()) {
    return;
  }
  if (window.isMinimized()) {
    window.restore();
  }
  window.focus();
}
