import type { BridgeLogger } from './bridge-logger.js';
import { isAllowedKeyInput, type KeyInputLike } from './input-policy.js';

/** An Electron event whose default action can be cancelled. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of any `webContents` the hardening touches. */
export interface HardenableWebContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(
    event: 'will-frame-navigate',
    listener: (event: PreventableEvent & { url: string; isMainFrame: boolean }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(
    event: 'before-input-event',
    listener: (event: PreventableEvent, input: KeyInputLike) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Applied to every webContents the app creates (security.md, Electron checklist): the page can
 * neither navigate away, nor open windows, nor embed a <webview>, and in production only the
 * allow-listed keys reach it. The kiosk loads its page with `loadURL`, which these events do not
 * intercept; in-page history (hash) changes do not fire them either.
 */
export function hardenWebContents(
  contents: HardenableWebContents,
  options: { isPackaged: boolean; logger: BridgeLogger },
): void {
  const { logger } = options;
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    logger.warn({ url }, 'navigation refused');
  });
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
    // The main frame's attempt was already logged by will-navigate.
    if (!event.isMainFrame) {
      logger.warn({ url: event.url }, 'frame navigation refused');
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn({}, 'webview refused');
  });
  contents.setWindowOpenHandler((details) => {
    logger.warn({ url: details.url }, 'new window refused');
    return { action: 'deny' };
  });
  contents.on('before-input-event', (event, input) => {
    if (!isAllowedKeyInput(input, { isPackaged: options.isPackaged })) {
      event.preventDefault();
    }
  });
}
