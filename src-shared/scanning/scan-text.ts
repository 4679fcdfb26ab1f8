/**
 * Scanners end a scan with CR, LF, CR LF, or Tab (a keyboard wedge's "next field"). Stripped
 * from the end only: inside a code these characters are data. A loop rather than a regular
 * expression so a long run of them costs linear time.
 */
export function stripScanSuffix(text: string): string {
  let end = text.length;
  while (end > 0 && isSuffixCharacter(text.charCodeAt(end - 1))) {
    end--;
  }
  return text.slice(0, end);
}

function isSuffixCharacter(code: number): boolean {
  return code === 0x0d || code === 0x0a || code === 0x09;
}

/**
 * The text with every control character (C0 and DEL) replaced by its Unicode control picture
 * (GS → ␝): what was scanned stays visible and exact on a screen or in a test, one character
 * for one, instead of invisible bytes that a page would swallow.
 */
export function showControlCharacters(text: string): string {
  let shown = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20) {
      shown += String.fromCharCode(0x2400 + code);
    } else if (code === 0x7f) {
      shown += '\u2421';
    } else {
      shown += text[index];
    }
  }
  return shown;
}
