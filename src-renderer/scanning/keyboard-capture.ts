import { KeyboardWedge } from '../../src-shared/scanning/keyboard-wedge.js';
import {
  defaultKeyboardWedgeSettings,
  type KeyboardWedgeSettings,
} from '../../src-shared/domain/hardware-profile.js';
import type { Clock } from '../../src-shared/time/clock.js';
import {
  insertText,
  takeBackCharacter,
  textFieldOf,
  type TextFieldLike,
} from './text-field-undo.js';

/** The fields of a `keydown` event the capture reads. */
export interface KeyDownLike {
  key: string;
  repeat: boolean;
  isComposing: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Where the key went: a focused text field, or the page. */
  target: unknown;
  preventDefault(): void;
  stopImmediatePropagation(): void;
}

/** Where keys are listened for: the page's `window`, or a fake in tests. */
export interface KeyDownSource {
  addEventListener(type: 'keydown', listener: (event: KeyDownLike) => void, capture: true): void;
  removeEventListener(type: 'keydown', listener: (event: KeyDownLike) => void, capture: true): void;
}

export interface KeyboardCaptureOptions {
  source: KeyDownSource;
  clock: Clock;
  onScan(text: string): void;
  /** The bank's thresholds (commissioning screen); the defaults until they are known. */
  timing?: KeyboardWedgeSettings;
}

export interface KeyboardCapture {
  /** New thresholds from the bank's profile; a burst in progress is dropped. */
  setTiming(timing: KeyboardWedgeSettings): void;
  stop(): void;
}

/**
 * The keyboard-wedge scanner, in both transports: a wedge is a keyboard, and its keys arrive at
 * the page. Listens in the capture phase, ahead of any focused field, and swallows the keys the
 * wedge says belong to a scan, so a scan never types into a text box. The first key of a burst
 * cannot be told from a person's and reaches the field; when the second key shows it was a
 * scanner, that character is taken back out of the field.
 */
export function captureKeyboardWedge(options: KeyboardCaptureOptions): KeyboardCapture {
  const createWedge = (timing: KeyboardWedgeSettings): KeyboardWedge =>
    new KeyboardWedge({
      clock: options.clock,
      onScan: (text) => {
        held = undefined;
        options.onScan(text);
      },
      onNotScan: (claimed) => {
        // A person's quick keys after all: give the field back what was held from it.
        if (held) {
          insertText(held.field, `${held.takenBack}${claimed}`);
        }
        held = undefined;
      },
      ...timing,
    });
  let wedge = createWedge(options.timing ?? defaultKeyboardWedgeSettings);

  // The last key let through to a text field, in case the next one shows it was a scanner's.
  let letThrough: { character: string; field: TextFieldLike } | undefined;
  // The field a burst's keys were held from, and the first key taken back out of it.
  let held: { field: TextFieldLike; takenBack: string } | undefined;

  function onKeyDown(event: KeyDownLike): void {
    // A held key, an input method composing, or a shortcut: a person, never a scanner.
    if (event.repeat || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) {
      letThrough = undefined;
      return;
    }
    const field = textFieldOf(event.target);
    // A password is never a scan, and a fast typist's password must never be held back.
    if (field?.type === 'password') {
      letThrough = undefined;
      return;
    }
    if (wedge.key(event.key)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (letThrough) {
        const { field: from, character } = letThrough;
        held = { field: from, takenBack: takeBackCharacter(from, character) ? character : '' };
      }
      letThrough = undefined;
      return;
    }
    letThrough = field && [...event.key].length === 1 ? { character: event.key, field } : undefined;
  }

  options.source.addEventListener('keydown', onKeyDown, true);
  return {
    setTiming(timing) {
      wedge.reset();
      wedge = createWedge(timing);
      letThrough = undefined;
    },
    stop() {
      options.source.removeEventListener('keydown', onKeyDown, true);
      wedge.reset();
    },
  };
}
