import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../src-shared/api/transport.js';
import {
  runKioskApp,
  type ElectronAppLike,
  type ElectronParts,
  type StartKioskCore,
} from '../../../src-main/electron/kiosk-app.js';
import type { LaunchOptions } from '../../../src-main/electron/launch-options.js';
import {
  FakeIpcMain,
  FakeTransport,
  FakeWebContents,
  FakeWindow,
  flushPromises,
  preventableEvent,
  RecordingLogger,
} from './fakes.js';

/** Like Electron's `app`: `quit()` emits before-quit and only quits if nobody prevented it. */
class FakeApp extends EventEmitter implements ElectronAppLike {
  isPackaged = true;
  hasLock = true;
  quitCount = 0;
  quitted = false;
  exitCode: number | undefined;
  readonly steps: string[] = [];
  constructor(private readonly userData: string) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    this.steps.push('requestSingleInstanceLock');
    return this.hasLock;
  }
  whenReady(): Promise<void> {
    this.steps.push('whenReady');
    return Promise.resolve();
  }
  getPath(): string {
    return this.userData;
  }
  quit(): void {
    this.quitCount += 1;
    const event = preventableEvent();
    this.emit('before-quit', event);
    if (event.preventDefault.mock.calls.length === 0) {
      this.quitted = true;
    }
  }
  exit(exitCode?: number): void {
    this.exitCode = exitCode;
  }
}

describe('runKioskApp', () => {
  let userData: string;
  let app: FakeApp;
  let ipcMain: FakeIpcMain;
  let window: FakeWindow;
  let transport: FakeTransport;
  let logger: RecordingLogger;
  let protocolCalls: string[];
  let protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  let menus: unknown[];
  let startKioskCore: ReturnType<typeof vi.fn<StartKioskCore>>;
  let stopCore: ReturnType<typeof vi.fn<() => Promise<void>>>;
  let createdWindows: BrowserWindowConstructorOptions[];
  let openPath: ReturnType<typeof vi.fn<(filePath: string) => Promise<string>>>;

  beforeEach(async () => {
    userData = await mkdtemp(path.join(tmpdir(), 'casier-userdata-'));
    app = new FakeApp(userData);
    ipcMain = new FakeIpcMain();
    window = new FakeWindow();
    transport = new FakeTransport();
    logger = new RecordingLogger();
    protocolCalls = [];
    protocolHandlers = new Map();
    menus = [];
    createdWindows = [];
    openPath = vi.fn<(filePath: string) => Promise<string>>(async () => '');
    stopCore = vi.fn(async () => {
      app.steps.push('stopCore');
    });
    startKioskCore = vi.fn<StartKioskCore>(async () => {
      app.steps.push('startKioskCore');
      return { transport, stop: stopCore };
    });
  });

  afterEach(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  function parts(): ElectronParts {
    return {
      app,
      ipcMain,
      protocol: {
        registerSchemesAsPrivileged: (schemes) => {
          protocolCalls.push(`privileged:${schemes.map((scheme) => scheme.scheme).join(',')}`);
          app.steps.push('registerSchemesAsPrivileged');
        },
        handle: (scheme, handler) => {
          protocolCalls.push(`handle:${scheme}`);
          protocolHandlers.set(scheme, handler);
        },
      },
      Menu: { setApplicationMenu: (menu) => menus.push(menu) },
      shell: { openPath },
      createWindow: (options) => {
        createdWindows.push(options);
        return window;
      },
    };
  }

  function run(launch: Partial<LaunchOptions> = {}): Promise<void> {
    return runKioskApp(parts(), {
      startKioskCore,
      appRoot: '/opt/casier/resources/app.asar',
      launch: {
        dataDir: undefined,
        demo: false,
        cameraScanning: false,
        serialPath: undefined,
        scanners: {},
        cloudUrl: undefined,
        enrolmentCode: undefined,
        ...launch,
      },
      logger,
    });
  }

  it('registers the app scheme as privileged before anything else, then takes the single-instance lock', async () => {
    await run();
    expect(app.steps.slice(0, 3)).toEqual([
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
      'whenReady',
    ]);
    expect(protocolCalls).toEqual(['privileged:app', 'handle:app']);
  });

  it('quits at once, starting nothing, when another instance holds the lock', async () => {
    app.hasLock = false;
    await run();
    expect(app.quitted).toBe(true);
    expect(startKioskCore).not.toHaveBeenCalled();
    expect(createdWindows).toEqual([]);
  });

  it('starts the core on a data folder under userData, opens the window, removes the menu', async () => {
    await run({ demo: true });
    const dataDir = path.join(userData, 'data');
    expect(startKioskCore).toHaveBeenCalledExactlyOnceWith({ dataDir, demo: true });
    expect((await stat(dataDir)).isDirectory()).toBe(true);
    expect(menus).toEqual([null]);
    expect(createdWindows).toHaveLength(1);
    expect(createdWindows[0]?.webPreferences?.preload).toBe(
      path.join('/opt/casier/resources/app.asar', 'dist', 'preload', 'preload.cjs'),
    );
    expect(window.loadedUrls).toEqual(['app://kiosk/']);
  });

  it('uses the data folder given at launch', async () => {
    const dataDir = path.join(userData, 'elsewhere');
    await run({ dataDir });
    expect(startKioskCore).toHaveBeenCalledExactlyOnceWith({ dataDir, demo: false });
  });

  it('hands the launcher’s lock bus device to the core', async () => {
    const dataDir = path.join(userData, 'elsewhere');
    await run({ dataDir, serialPath: '/dev/pts/7' });
    expect(startKioskCore).toHaveBeenCalledExactlyOnceWith({
      dataDir,
      demo: false,
      serialPath: '/dev/pts/7',
    });
  });

  it('connects the window to the core: trusted calls reach it, its events reach the window', async () => {
    await run();
    await ipcMain.invokeFrom(
      'app://kiosk/index.html',
      ipcChannels.invoke,
      'bank.overview',
      {},
      'en',
    );
    expect(transport.invoke).toHaveBeenCalledExactlyOnceWith('bank.overview', {}, 'en');
    const refused = await ipcMain.invokeFrom(
      'https://evil.example/',
      ipcChannels.invoke,
      'bank.overview',
      {},
      'en',
    );
    expect(refused).toMatchObject({ ok: false });
    expect(transport.invoke).toHaveBeenCalledTimes(1);

    transport.emit('hardware.changed', { hardware: 'ok' });
    expect(window.webContents.sent).toEqual([
      [ipcChannels.event, 'hardware.changed', { hardware: 'ok' }],
    ]);
  });

  it('saves label sheets under userData/labels, made at start, and opens them for printing', async () => {
    await run({ dataDir: path.join(userData, 'elsewhere') });
    const folder = path.join(userData, 'labels');
    expect((await stat(folder)).isDirectory()).toBe(true);
    const item = window.webContents.session.download('casier-labels-demo.pdf');
    const saved = path.join(folder, 'casier-labels-demo.pdf');
    expect(item.savePath).toBe(saved);
    await item.complete(new TextEncoder().encode('%PDF-1.7'));
    await flushPromises();
    expect(await readFile(saved, 'utf8')).toBe('%PDF-1.7');
    expect(openPath).toHaveBeenCalledExactlyOnceWith(saved);
  });

  it('still starts when the labels folder cannot be made, and says so', async () => {
    // A file where the folder should be: mkdir fails.
    await writeFile(path.join(userData, 'labels'), '');
    await run();
    expect(createdWindows).toHaveLength(1);
    expect(logger.at('warn').map((entry) => entry.message)).toEqual([
      'label sheet folder could not be created',
    ]);
  });

  it('hardens every webContents the app creates', async () => {
    await run();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const navigation = preventableEvent();
    contents.emit('will-navigate', navigation, 'https://evil.example/');
    expect(navigation.preventDefault).toHaveBeenCalledTimes(1);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
  });

  it('serves the renderer through the app protocol', async () => {
    await run();
    const handler = protocolHandlers.get('app');
    const response = await handler?.(new Request('app://kiosk/..%2F..%2Fetc%2Fpasswd'));
    expect(response?.status).toBe(404);
  });

  it('stops the core before quitting when the last window closes, then really quits', async () => {
    await run();
    app.emit('window-all-closed');
    expect(app.quitted).toBe(false);
    await flushPromises();
    expect(stopCore).toHaveBeenCalledTimes(1);
    expect(app.quitted).toBe(true);
    expect(app.steps.indexOf('stopCore')).toBeGreaterThan(app.steps.indexOf('startKioskCore'));
    // The IPC handler went away with the core.
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('stops the core only once when quit is asked repeatedly', async () => {
    await run();
    app.quit();
    app.quit();
    await flushPromises();
    expect(stopCore).toHaveBeenCalledTimes(1);
    expect(app.quitted).toBe(true);
  });

  it('still quits when the core fails to stop, and logs it', async () => {
    stopCore.mockRejectedValueOnce(new Error('database busy'));
    await run();
    app.quit();
    await flushPromises();
    expect(app.quitted).toBe(true);
    expect(logger.at('error').map((entry) => entry.message)).toContain(
      'kiosk core did not stop cleanly',
    );
  });

  it('exits with code 1 when the core cannot start, so the service manager restarts it', async () => {
    startKioskCore.mockRejectedValueOnce(new Error('database is newer than this app'));
    await run();
    expect(app.exitCode).toBe(1);
    expect(createdWindows).toEqual([]);
    expect(logger.at('error').map((entry) => entry.message)).toEqual(['kiosk failed to start']);
  });

  it('brings the kiosk window to the front at a second launch', async () => {
    await run();
    window.minimized = true;
    app.emit('second-instance');
    expect(window.calls).toEqual(expect.arrayContaining(['restore', 'focus']));
  });
});
