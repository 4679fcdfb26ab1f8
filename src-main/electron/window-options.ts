import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface KioskWindowSettings {
  /** Absolute path of dist/preload/preload.cjs. */
  preloadPath: string;
  /** `app.isPackaged`: a packaged kiosk has no devtools and runs in kiosk mode. */
  isPackaged: boolean;
  title: string;
}

/**
 * The renderer's sandbox (security.md, Electron checklist). Each value is written out even where
 * it is Electron's default, so a changed default cannot weaken the kiosk silently.
 */
export function kioskWebPreferences(
  settings: Pick<KioskWindowSettings, 'preloadPath' | 'isPackaged'>,
): WebPreferences {
  return {
    preload: settings.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    enableWebSQL: false,
    spellcheck: false,
    // A kiosk page must never freeze behind a native alert nobody can dismiss.
    disableDialogs: true,
    devTools: !settings.isPackaged,
    // Door timers and event handling keep running even if the compositor thinks we are hidden.
    backgroundThrottling: false,
  };
}

/** The one kiosk window: full screen, no menu bar, shown once its first paint is ready. */
export function kioskWindowOptions(settings: KioskWindowSettings): BrowserWindowConstructorOptions {
  return {
    title: settings.title,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    // Development keeps a normal window so the developer can still reach their desktop.
    kiosk: settings.isPackaged,
    fullscreen: settings.isPackaged,
    webPreferences: kioskWebPreferences(settings),
  };
}
