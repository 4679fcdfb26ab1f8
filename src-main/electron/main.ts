import { app, BrowserWindow, ipcMain, Menu, protocol, shell } from 'electron';
import { findAppRoot } from '../app-root.js';
import { startKioskCore } from '../core/start-kiosk-core.js';
import { createLogger } from '../logging/logger.js';
import { runKioskApp } from './kiosk-app.js';
import { parseLaunchOptions } from './launch-options.js';

// The Electron entry: wiring only. Every decision lives in kiosk-app.ts and the modules it uses,
// which are unit-tested with fakes because the Electron binary cannot run in CI.
void runKioskApp(
  {
    app,
    protocol,
    Menu,
    ipcMain,
    shell,
    createWindow: (options) => new BrowserWindow(options),
  },
  {
    startKioskCore,
    appRoot: findAppRoot(),
    launch: parseLaunchOptions(process.argv, process.env),
    logger: createLogger({ name: 'casier-electron' }),
  },
);
