import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { KioskTransport } from '../../src-shared/api/transport.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { defaultLocale } from '../../src-shared/i18n/locales.js';
import { appScheme, appUrl, createTrustedSenderCheck } from './app-origin.js';
import { appSchemePrivileges, createAppProtocolHandler } from './app-protocol.js';
import type { BridgeLogger } from './bridge-logger.js';
import { registerKioskIpc, type IpcMainLike } from './ipc-bridge.js';
import { focusKioskWindow, openKioskWindow, type KioskWindowLike } from './kiosk-window.js';
import type { LaunchOptions } from './launch-options.js';
import {
  hardenWebContents,
  type HardenableWebContents,
  type PreventableEvent,
} from './web-contents-hardening.js';

/** The running kiosk core, as `startKioskCore` (src-main/core/start-kiosk-core.ts) returns it. */
export interface StartedKioskCore {
  transport: KioskTransport;
  stop(): Promise<void>;
}

export type StartKioskCore = (options: {
  dataDir: string;
  demo?: boolean;
}) => Promise<StartedKioskCore>;

/** The parts of Electron's `app` the kiosk uses. */
export interface ElectronAppLike {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  getPath(name: 'userData'): string;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: HardenableWebContents) => void,
  ): unknown;
  quit(): void;
  exit(exitCode?: number): void;
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: Array<typeof appSchemePrivileges>): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

export interface MenuLike {
  setApplicationMenu(menu: null): void;
}

export interface ShellLike {
  /** Opens a file in the desktop's default app; resolves with an error message or ''. */
  openPath(path: string): Promise<string>;
}

/** Electron's objects; main.ts passes the real ones, tests pass fakes. */
export interface ElectronParts {
  app: ElectronAppLike;
  protocol: ProtocolLike;
  Menu: MenuLike;
  ipcMain: IpcMainLike;
  shell: ShellLike;
  createWindow: (options: BrowserWindowConstructorOptions) => KioskWindowLike;
}

export interface KioskAppDependencies {
  startKioskCore: StartKioskCore;
  /** The folder holding package.json and dist/ (findAppRoot()). */
  appRoot: string;
  launch: LaunchOptions;
  logger: BridgeLogger;
}

/** Where the build puts the renderer and the bundled preload, relative to the app root. */
export function kioskPaths(appRoot: string): { rendererFolder: string; preloadPath: string } {
  return {
    rendererFolder: path.join(appRoot, 'dist', 'renderer'),
    preloadPath: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
  };
}

type Phase = 'running' | 'stopping' | 'stopped';

/**
 * The whole Electron main process, with Electron injected so it is tested with fakes: one
 * instance, the app protocol, the kiosk core, the window, the IPC bridge, and a clean stop of the
 * core before the process quits. Resolves once started (or refused); never rejects: a failed
 * start is logged and exits with code 1 so the service manager restarts the kiosk.
 */
export async function runKioskApp(
  parts: ElectronParts,
  dependencies: KioskAppDependencies,
): Promise<void> {
  const { app, protocol, Menu, ipcMain, shell, createWindow } = parts;
  const { logger, launch } = dependencies;
  const { rendererFolder, preloadPath } = kioskPaths(dependencies.appRoot);

  // Must happen before `ready`, hence first and synchronous.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  if (!app.requestSingleInstanceLock()) {
    logger.warn({}, 'another kiosk instance is running; quitting');
    app.quit();
    return;
  }

  let phase: Phase = 'running';
  let core: StartedKioskCore | undefined;
  let window: KioskWindowLike | undefined;
  let disposeIpc: (() => void) | undefined;

  async function stopCore(): Promise<void> {
    disposeIpc?.();
    disposeIpc = undefined;
    const running = core;
    core = undefined;
    try {
      await running?.stop();
    } catch (error) {
      logger.error({ err: error }, 'kiosk core did not stop cleanly');
    }
  }

  async function start(): Promise<void> {
    await app.whenReady();
    if (phase !== 'running') {
      return;
    }
    Menu.setApplicationMenu(null);
    protocol.handle(appScheme, createAppProtocolHandler({ rendererFolder, logger }));
    const dataDir = launch.dataDir ?? path.join(app.getPath('userData'), 'data');
    await mkdir(dataDir, { recursive: true });
    const labelsFolder = await prepareLabelsFolder(app.getPath('userData'), logger);
    core = await dependencies.startKioskCore({
      dataDir,
      demo: launch.demo,
      ...(launch.serialPath === undefined ? {} : { serialPath: launch.serialPath }),
      ...(launch.cloudUrl === undefined ? {} : { cloudUrl: launch.cloudUrl }),
      ...(launch.enrolmentCode === undefined ? {} : { enrolmentCode: launch.enrolmentCode }),
      ...(Object.keys(launch.scanners).length === 0 ? {} : { scanners: launch.scanners }),
    });
    if (phase !== 'running') {
      // A quit arrived while the core was starting: the shutdown below stops it.
      return;
    }
    window = openKioskWindow({
      createWindow,
      settings: {
        preloadPath,
        isPackaged: app.isPackaged,
        title: translate(defaultLocale, 'app.title'),
      },
      permissions: { appUrl, cameraScanning: launch.cameraScanning },
      url: appUrl,
      labelSheets: { folder: labelsFolder, openPath: (filePath) => shell.openPath(filePath) },
      logger,
    });
    disposeIpc = registerKioskIpc({
      ipcMain,
      transport: core.transport,
      webContents: window.webContents,
      isTrustedSender: createTrustedSenderCheck(appUrl),
      logger,
    });
    logger.info({ dataDir, demo: launch.demo }, 'kiosk started');
  }

  async function shutDown(): Promise<void> {
    await starting;
    await stopCore();
    phase = 'stopped';
    app.quit();
  }

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { isPackaged: app.isPackaged, logger });
  });
  app.on('second-instance', () => {
    focusKioskWindow(window);
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('before-quit', (event) => {
    if (phase === 'stopped') {
      return;
    }
    // Hold the quit until the core has closed the database and the serial port.
    event.preventDefault();
    if (phase === 'running') {
      phase = 'stopping';
      void shutDown();
    }
  });

  const starting = start().catch(async (error: unknown) => {
    logger.error({ err: error }, 'kiosk failed to start');
    phase = 'stopped';
    await stopCore();
    app.exit(1);
  });
  await starting;
}

/**
 * `<userData>/labels`, where label sheets are saved (download-policy.ts), created now. Always in
 * userData, even with `--data-dir`: it holds printouts, not kiosk data. A folder that cannot be
 * made is logged, not fatal: the kiosk runs without printing, and Electron tries again to create
 * it at the download.
 */
async function prepareLabelsFolder(userData: string, logger: BridgeLogger): Promise<string> {
  const folder = path.join(userData, 'labels');
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    logger.warn({ folder, err: error }, 'label sheet folder could not be created');
  }
  return folder;
}
