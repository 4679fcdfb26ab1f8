/**
 * Compares labels the way people read them ("A2" before "A10"), the same on every machine:
 * Intl.Collator's numeric collation depends on the ICU data shipped with the runtime, and the
 * kiosk and the console must break ties identically. Digit runs compare by value (then by
 * length, so "7" comes before "07"), digits before other characters, the rest by UTF-16 code
 * unit; a label that is the start of another comes first. Zero only for equal labels.
 *
 * It walks both strings in place rather than splitting them: it is the engine's last
 * tie-break, reached for every pair of doors at the same height in a 1,000-compartment bank.
 */
export function compareNatural(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const aDigit = isDigit(a.charCodeAt(i));
    const bDigit = isDigit(b.charCodeAt(j));
    if (aDigit && bDigit) {
      const aEnd = digitRunEnd(a, i);
      const bEnd = digitRunEnd(b, j);
      const difference = compareDigitRuns(a, i, aEnd, b, j, bEnd);
      if (difference !== 0) {
        return difference;
      }
      i = aEnd;
      j = bEnd;
      continue;
    }
    if (aDigit !== bDigit) {
      return aDigit ? -1 : 1;
    }
    const difference = a.charCodeAt(i) - b.charCodeAt(j);
    if (difference !== 0) {
      return difference;
    }
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function digitRunEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isDigit(text.charCodeAt(end))) {
    end++;
  }
  return end;
}

/** By value (longer without leading zeros is larger, else digit by digit), then by length. */
function compareDigitRuns(
  a: string,
  aStart: number,
  aEnd: number,
  b: string,
  bStart: number,
  bEnd: number,
): number {
  let i = aStart;
  let j = bStart;
  while (i < aEnd - 1 && a.charCodeAt(i) === 48) {
    i++;
  }
  while (j < bEnd - 1 && b.charCodeAt(j) === 48) {
    j++;
  }
  const lengthDifference = aEnd - i - (bEnd - j);
  if (lengthDifference !== 0) {
    return lengthDifference;
  }
  for (; i < aEnd; i++, j++) {
    const difference = a.charCodeAt(i) - b.charCodeAt(j);
    if (difference !== 0) {
      return difference;
    }
  }
  return aEnd - aStart - (bEnd - bStart);
}

/** Plain UTF-16 order, for ids: no locale, no surprises. */
export function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
