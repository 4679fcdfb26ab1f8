import { describe, expect, it } from 'vitest';
import {
  captureKeyboardWedge,
  type KeyDownLike,
  type KeyDownSource,
} from '../../src-renderer/scanning/keyboard-capture.js';
import type { TextFieldLike } from '../../src-renderer/scanning/text-field-undo.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';

/** A text field that takes typed characters at its caret, as a browser's input does. */
class FakeField implements TextFieldLike {
  type = 'text';
  value = '';
  selectionStart: number | null = 0;
  selectionEnd: number | null = 0;
  inputEvents = 0;

  typeKey(character: string): void {
    const caret = this.selectionStart ?? 0;
    this.value = this.value.slice(0, caret) + character + this.value.slice(caret);
    this.selectionStart = this.selectionEnd = caret + character.length;
  }

  setRangeText(replacement: string, start: number, end: number): void {
    this.value = this.value.slice(0, start) + replacement + this.value.slice(end);
    this.selectionStart = this.selectionEnd = start + replacement.length;
  }

  dispatchEvent(): boolean {
    this.inputEvents++;
    return true;
  }
}

/** The page: keys go to the capture listener first, then (unless prevented) into the field. */
class FakePage implements KeyDownSource {
  #listener: ((event: KeyDownLike) => void) | undefined;

  addEventListener(_type: 'keydown', listener: (event: KeyDownLike) => void): void {
    this.#listener = listener;
  }

  removeEventListener(): void {
    this.#listener = undefined;
  }

  press(key: string, field: FakeField | undefined): void {
    let prevented = false;
    this.#listener?.({
      key,
      repeat: false,
      isComposing: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      target: field,
      preventDefault: () => {
        prevented = true;
      },
      stopImmediatePropagation: () => undefined,
    });
    if (!prevented && field && [...key].length === 1) {
      field.typeKey(key);
    }
  }
}

function setUp() {
  const clock = new ManualClock();
  const page = new FakePage();
  const field = new FakeField();
  const scans: string[] = [];
  const capture = captureKeyboardWedge({ source: page, clock, onScan: (text) => scans.push(text) });
  const typeAt = async (text: string, gapMs: number) => {
    for (const key of text) {
      page.press(key, field);
      await clock.advance(gapMs);
    }
  };
  return { clock, page, field, scans, capture, typeAt };
}

describe('keyboard-wedge capture in the page', async () => {
  it('catches a fast burst as one scan and takes its first key back out of the focused field', async () => {
    const { field, scans, typeAt, page } = setUp();
    field.typeKey('path');
    await typeAt('1Z999AA10123456784', 5);
    page.press('Enter', field);
    expect(scans).toEqual(['1Z999AA10123456784']);
    expect(field.value).toBe('path');
    expect(field.inputEvents).toBe(1);
  });

  it('leaves a person typing at a person’s pace alone', async () => {
    const { field, scans, typeAt } = setUp();
    await typeAt('hello world', 150);
    expect(field.value).toBe('hello world');
    expect(scans).toEqual([]);
    expect(field.inputEvents).toBe(0);
  });

  it('takes the bank’s thresholds: a slow scanner counts once the gap allows it', async () => {
    const { field, scans, typeAt, capture, clock } = setUp();
    await typeAt('ABCDEFGH', 90);
    await clock.advance(1000);
    expect(scans).toEqual([]);
    expect(field.value).toBe('ABCDEFGH');
    capture.setTiming({ maxInterKeyMs: 100, endSilenceMs: 200, minLength: 5 });
    await typeAt('12345678', 90);
    await clock.advance(300);
    expect(scans).toEqual(['12345678']);
    expect(field.value).toBe('ABCDEFGH');
  });

  it('never takes back a character the person has since moved away from', async () => {
    const { field, scans, page, clock } = setUp();
    page.press('x', field);
    // The caret moved (a tap elsewhere in the field) before the next fast key.
    field.selectionStart = field.selectionEnd = 0;
    await clock.advance(5);
    for (const key of 'ABCDEF') {
      page.press(key, field);
      await clock.advance(5);
    }
    await clock.advance(200);
    expect(scans).toEqual(['xABCDEF']);
    expect(field.value).toBe('x');
  });

  it('gives a fast typist’s quick keys back to the field, in order', async () => {
    const { field, scans, page, clock } = setUp();
    field.typeKey('x');
    await clock.advance(300);
    // "th" typed 30 ms apart: too fast for a person to be told from a scanner at first.
    page.press('t', field);
    await clock.advance(30);
    page.press('h', field);
    await clock.advance(300);
    expect(scans).toEqual([]);
    expect(field.value).toBe('xth');
  });

  it('never holds back keys typed into a password field', async () => {
    const { field, scans, typeAt } = setUp();
    field.type = 'password';
    await typeAt('correct-horse', 5);
    expect(field.value).toBe('correct-horse');
    expect(scans).toEqual([]);
  });
});
