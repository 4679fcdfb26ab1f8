/** The parts of an `<input>` or `<textarea>` needed to take a typed character back out. */
export interface TextFieldLike {
  /** An `<input>`'s type; undefined for a `<textarea>`. */
  type?: string;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  setRangeText(replacement: string, start: number, end: number, mode: 'end'): void;
  dispatchEvent(event: Event): boolean;
}

/** The focused text field a key went to, if the event's target is one. */
export function textFieldOf(target: unknown): TextFieldLike | undefined {
  if (typeof target !== 'object' || target === null) {
    return undefined;
  }
  const candidate = target as Partial<TextFieldLike>;
  return typeof candidate.setRangeText === 'function' &&
    typeof candidate.value === 'string' &&
    typeof candidate.selectionStart === 'number'
    ? (candidate as TextFieldLike)
    : undefined;
}

/**
 * Removes `character` just before the caret, where the browser put it a moment ago, and tells
 * the page's bindings with an `input` event. Does nothing when the field no longer ends the
 * caret with that character (the person moved on): never deletes anything else.
 */
export function takeBackCharacter(field: TextFieldLike, character: string): boolean {
  const caret = field.selectionStart;
  if (caret === null || caret !== field.selectionEnd || caret < character.length) {
    return false;
  }
  const start = caret - character.length;
  if (field.value.slice(start, caret) !== character) {
    return false;
  }
  field.setRangeText('', start, caret, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

/** Puts `text` at the caret, as if typed there, and tells the page's bindings. */
export function insertText(field: TextFieldLike, text: string): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
