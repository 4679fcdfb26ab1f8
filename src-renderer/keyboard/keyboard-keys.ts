import type { Locale } from '../../src-shared/i18n/locales.js';

/** The two keyboards a screen may ask for: letters for names and emails, or a phone keypad. */
export type KeyboardLayoutName = 'text' | 'digits';

/**
 * One key. A character key names the character it types unshifted; shift only changes letters
 * (digits and punctuation type the same either way, so a person never hunts for a symbol row).
 */
export type KeyboardKey =
  | { kind: 'character'; character: string }
  | { kind: 'shift' }
  | { kind: 'space' }
  | { kind: 'backspace' }
  | { kind: 'enter' };

const characters = (row: string): KeyboardKey[] =>
  [...row].map((character) => ({ kind: 'character', character }));

const shift: KeyboardKey = { kind: 'shift' };
const space: KeyboardKey = { kind: 'space' };
const backspace: KeyboardKey = { kind: 'backspace' };
const enter: KeyboardKey = { kind: 'enter' };

/** The accented letters French names need; shown in both languages (a Zoë works in English too). */
const accentRow = characters('éèêàçôîùïë');
const digitRow = characters('1234567890');

/** QWERTY in English, AZERTY in French, as people of each language learnt to type. */
const letterRows: Record<Locale, KeyboardKey[][]> = {
  en: [
    digitRow,
    characters('qwertyuiop'),
    characters("asdfghjkl'"),
    [shift, ...characters('zxcvbnm-'), backspace],
  ],
  fr: [
    digitRow,
    characters('azertyuiop'),
    characters('qsdfghjklm'),
    [shift, ...characters("wxcvbn'-"), backspace],
  ],
};

/** Emails and names need these; space is wide and enter ends the row, as on a phone. */
const bottomRow: KeyboardKey[] = [...characters('@._'), space, enter];

/** A big phone-style keypad: 1 2 3 at the top, backspace and enter beside 0. */
const digitKeypad: KeyboardKey[][] = [
  characters('123'),
  characters('456'),
  characters('789'),
  [backspace, ...characters('0'), enter],
];

export function keyboardRows(layout: KeyboardLayoutName, locale: Locale): KeyboardKey[][] {
  if (layout === 'digits') {
    return digitKeypad;
  }
  return [...letterRows[locale], accentRow, bottomRow];
}

/** A stable name for a key (tests and data-testid): its unshifted character, or what it does. */
export function keyName(key: KeyboardKey): string {
  return key.kind === 'character' ? key.character : key.kind;
}

/** What a character key types now. */
export function typedCharacter(character: string, shifted: boolean): string {
  return shifted ? character.toLocaleUpperCase() : character;
}

export interface KeyboardInput {
  value: string;
  shifted: boolean;
}

export interface KeyPressResult extends KeyboardInput {
  /** The person pressed enter: the screen submits. */
  submitted: boolean;
}

/**
 * The value after one key press. Keys always act at the end of the value: the on-screen keyboard
 * types like a phone, and a person who wants to edit mid-word uses backspace. Shift lasts one
 * letter, so a name's capital does not turn the rest of it into capitals. A value already at
 * `maxLength` takes no more characters (counted as characters a person sees, not UTF-16 units).
 */
export function pressKey(
  input: KeyboardInput,
  key: KeyboardKey,
  maxLength?: number,
): KeyPressResult {
  switch (key.kind) {
    case 'shift':
      return { ...input, shifted: !input.shifted, submitted: false };
    case 'backspace':
      return {
        value: [...input.value].slice(0, -1).join(''),
        shifted: input.shifted,
        submitted: false,
      };
    case 'enter':
      return { ...input, submitted: true };
    case 'space':
      return {
        value: append(input.value, ' ', maxLength),
        shifted: input.shifted,
        submitted: false,
      };
    case 'character':
      return {
        value: append(input.value, typedCharacter(key.character, input.shifted), maxLength),
        shifted: input.shifted && !isLetter(key.character),
        submitted: false,
      };
  }
}

function append(value: string, addition: string, maxLength: number | undefined): string {
  if (maxLength !== undefined && [...value].length >= maxLength) {
    return value;
  }
  return value + addition;
}

function isLetter(character: string): boolean {
  return character.toLocaleUpperCase() !== character.toLocaleLowerCase();
}
