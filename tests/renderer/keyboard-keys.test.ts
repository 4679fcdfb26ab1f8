import { describe, expect, it } from 'vitest';
import {
  keyboardRows,
  keyName,
  pressKey,
  type KeyboardKey,
} from '../../src-renderer/keyboard/keyboard-keys.js';

const character = (value: string): KeyboardKey => ({ kind: 'character', character: value });

function type(keys: KeyboardKey[], start = '', maxLength?: number) {
  let input = { value: start, shifted: false };
  let submitted = false;
  for (const key of keys) {
    const next = pressKey(input, key, maxLength);
    input = { value: next.value, shifted: next.shifted };
    submitted ||= next.submitted;
  }
  return { ...input, submitted };
}

describe('on-screen keyboard layouts', () => {
  it('is QWERTY in English and AZERTY in French', () => {
    const firstLetters = (locale: 'en' | 'fr') =>
      keyboardRows('text', locale)[1]?.slice(0, 6).map(keyName).join('');
    expect(firstLetters('en')).toBe('qwerty');
    expect(firstLetters('fr')).toBe('azerty');
  });

  it('offers every letter, the accents French names need, and the email and name signs', () => {
    for (const locale of ['en', 'fr'] as const) {
      const names = keyboardRows('text', locale).flat().map(keyName);
      for (const needed of [..."abcdefghijklmnopqrstuvwxyz0123456789éèêàçôîùïë@.-_'"]) {
        expect(names, `${locale} lacks ${needed}`).toContain(needed);
      }
      expect(names).toEqual(expect.arrayContaining(['shift', 'space', 'backspace', 'enter']));
      expect(new Set(names).size, `${locale} has a key twice`).toBe(names.length);
    }
  });

  it('is a phone keypad for digits', () => {
    expect(keyboardRows('digits', 'fr').map((row) => row.map(keyName))).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
      ['backspace', '0', 'enter'],
    ]);
  });
});

describe('pressing keys', () => {
  it('types characters at the end and deletes the last one', () => {
    expect(
      type([character('a'), character('b'), { kind: 'backspace' }, character('é')]).value,
    ).toBe('aé');
  });

  it('shifts one letter only, accents included', () => {
    const typed = type([{ kind: 'shift' }, character('é'), character('l'), character('o')]);
    expect(typed.value).toBe('Élo');
    expect(typed.shifted).toBe(false);
  });

  it('keeps shift on across a sign, and turns it off when pressed again', () => {
    expect(type([{ kind: 'shift' }, character('-'), character('a')]).value).toBe('-A');
    expect(type([{ kind: 'shift' }, { kind: 'shift' }, character('a')]).value).toBe('a');
  });

  it('types a space, and submits on enter without changing the value', () => {
    const typed = type([character('a'), { kind: 'space' }, character('b'), { kind: 'enter' }]);
    expect(typed).toEqual({ value: 'a b', shifted: false, submitted: true });
  });

  it('takes nothing beyond the maximum length, counting accented letters as one', () => {
    expect(type([character('1'), character('2'), character('3')], '', 2).value).toBe('12');
    expect(type([character('é'), character('x')], 'à', 2).value).toBe('àé');
  });

  it('deletes a whole character even outside the basic plane', () => {
    expect(type([{ kind: 'backspace' }], 'a😀').value).toBe('a');
    expect(type([{ kind: 'backspace' }], '').value).toBe('');
  });
});
