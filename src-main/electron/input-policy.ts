/** The fields of Electron's `Input` (before-input-event) the policy reads. */
export interface KeyInputLike {
  key: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

/**
 * Named keys a person (or a keyboard-wedge scanner) needs on the kiosk. Everything else that is
 * not a plain character is dropped: F5/F11/F12, Ctrl+R, Ctrl+Shift+I, Alt+F4, Ctrl+W, zoom keys,
 * browser back... An allow-list, because a block-list misses whatever Chromium adds next.
 */
const allowedNamedKeys = new Set([
  'Enter',
  'Tab',
  'Backspace',
  'Delete',
  'Escape',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'Shift',
  'CapsLock',
  'NumLock',
  'AltGraph',
  'Dead',
]);

/**
 * Whether a key press reaches the page. A single character is allowed unless Control or Meta is
 * held (those make shortcuts); Alt alone is let through with characters because AltGr layouts
 * (French `@`, `€`) report it. Development builds let every key through so devtools still open.
 */
export function isAllowedKeyInput(input: KeyInputLike, options: { isPackaged: boolean }): boolean {
  if (!options.isPackaged) {
    return true;
  }
  if (input.control || input.meta) {
    return false;
  }
  if ([...input.key].length === 1) {
    return true;
  }
  // Alt with a named key is a shortcut (Alt+F4, Alt+Left = back), except AltGr itself.
  return allowedNamedKeys.has(input.key) && (!input.alt || input.key === 'AltGraph');
}
