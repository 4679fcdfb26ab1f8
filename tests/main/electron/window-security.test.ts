import { describe, expect, it } from 'vitest';
import { isAllowedKeyInput, type KeyInputLike } from '../../../src-main/electron/input-policy.js';
import { hardenWebContents } from '../../../src-main/electron/web-contents-hardening.js';
import {
  kioskWebPreferences,
  kioskWindowOptions,
} from '../../../src-main/electron/window-options.js';
import { FakeWebContents, preventableEvent, RecordingLogger } from './fakes.js';

describe('kioskWebPreferences', () => {
  it('sets every sandbox value of the security checklist', () => {
    const preferences = kioskWebPreferences({
      preloadPath: '/app/dist/preload/preload.cjs',
      isPackaged: true,
    });
    expect(preferences).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
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
      devTools: false,
    });
  });

  it('allows devtools only in an unpackaged (development) run', () => {
    expect(kioskWebPreferences({ preloadPath: 'p', isPackaged: false }).devTools).toBe(true);
    expect(kioskWebPreferences({ preloadPath: 'p', isPackaged: true }).devTools).toBe(false);
  });
});

describe('kioskWindowOptions', () => {
  it('runs the packaged kiosk full screen in kiosk mode, hidden until ready, without a menu bar', () => {
    const options = kioskWindowOptions({ preloadPath: 'p', isPackaged: true, title: 'Casier' });
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      show: false,
      autoHideMenuBar: true,
      title: 'Casier',
    });
    expect(options.webPreferences?.sandbox).toBe(true);
  });

  it('keeps a normal window in development', () => {
    const options = kioskWindowOptions({ preloadPath: 'p', isPackaged: false, title: 'Casier' });
    expect(options.kiosk).toBe(false);
    expect(options.fullscreen).toBe(false);
  });
});

function key(keyName: string, modifiers: Partial<Omit<KeyInputLike, 'key'>> = {}): KeyInputLike {
  return { key: keyName, control: false, alt: false, meta: false, shift: false, ...modifiers };
}

describe('isAllowedKeyInput (production)', () => {
  const production = { isPackaged: true };

  it.each([
    ['Ctrl+Shift+I (devtools)', key('I', { control: true, shift: true })],
    ['F12 (devtools)', key('F12')],
    ['F5 (reload)', key('F5')],
    ['Ctrl+R (reload)', key('r', { control: true })],
    ['Ctrl+Shift+R (hard reload)', key('R', { control: true, shift: true })],
    ['Alt+F4 (close)', key('F4', { alt: true })],
    ['Ctrl+W (close)', key('w', { control: true })],
    ['Ctrl+Q (quit)', key('q', { control: true })],
    ['F11 (leave full screen)', key('F11')],
    ['Ctrl+= (zoom)', key('=', { control: true })],
    ['Alt+ArrowLeft (back)', key('ArrowLeft', { alt: true })],
    ['Meta+Q', key('q', { meta: true })],
    ['BrowserBack', key('BrowserBack')],
    ['ContextMenu', key('ContextMenu')],
  ])('blocks %s', (_name, input) => {
    expect(isAllowedKeyInput(input, production)).toBe(false);
  });

  it.each([
    ['a letter', key('a')],
    ['a capital', key('A', { shift: true })],
    ['a digit', key('7')],
    ['a space', key(' ')],
    ['an AltGr character (French @)', key('@', { alt: true })],
    ['an accented letter', key('é')],
    ['Enter (scanner suffix)', key('Enter')],
    ['Tab', key('Tab')],
    ['Backspace', key('Backspace')],
    ['Escape', key('Escape')],
    ['ArrowDown', key('ArrowDown')],
    ['Shift alone', key('Shift', { shift: true })],
  ])('allows %s', (_name, input) => {
    expect(isAllowedKeyInput(input, production)).toBe(true);
  });

  it('lets every key through in development, so devtools still open', () => {
    expect(isAllowedKeyInput(key('I', { control: true, shift: true }), { isPackaged: false })).toBe(
      true,
    );
  });
});

describe('hardenWebContents', () => {
  function hardened(isPackaged = true) {
    const contents = new FakeWebContents();
    const logger = new RecordingLogger();
    hardenWebContents(contents, { isPackaged, logger });
    return { contents, logger };
  }

  it('prevents every navigation away from the page, and logs it', () => {
    const { contents, logger } = hardened();
    const event = preventableEvent();
    contents.emit('will-navigate', event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(logger.at('warn')[0]?.details).toEqual({ url: 'https://evil.example/' });
  });

  it('prevents frame navigations too', () => {
    const { contents } = hardened();
    const event = preventableEvent({ url: 'https://evil.example/', isMainFrame: false });
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('denies every new window', () => {
    const { contents, logger } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({
      action: 'deny',
    });
    expect(logger.at('warn')).toHaveLength(2);
  });

  it('refuses <webview> tags', () => {
    const { contents } = hardened();
    const event = preventableEvent();
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('drops blocked keys before the page sees them and lets allowed ones through', () => {
    const { contents } = hardened(true);
    const devtools = preventableEvent();
    contents.emit('before-input-event', devtools, key('I', { control: true, shift: true }));
    const letter = preventableEvent();
    contents.emit('before-input-event', letter, key('a'));
    expect(devtools.preventDefault).toHaveBeenCalledTimes(1);
    expect(letter.preventDefault).not.toHaveBeenCalled();
  });
});
