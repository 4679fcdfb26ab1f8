import { applicationIdentifierAt } from './gs1-application-identifiers.js';
import { showControlCharacters } from './scan-text.js';

/** The group separator: ends a variable-length element (it is FNC1 in the symbol). */
export const groupSeparator = '\u001d';

export interface Gs1Element {
  ai: string;
  value: string;
}

export interface Gs1Parse {
  elements: Gs1Element[];
  /** What could not be read as elements ('' when everything was). */
  rest: string;
}

/**
 * Splits a GS1 element string into its elements. Fixed-length data is counted, variable-length
 * data runs to the next GS or the end. Parsing stops at the first thing that does not fit (an
 * AI it does not know, data too long or not numeric) and hands back the rest untouched.
 */
export function parseGs1ElementString(text: string): Gs1Parse {
  const elements: Gs1Element[] = [];
  let position = 0;
  while (position < text.length) {
    // A GS before an element separates nothing more: some printers put one after fixed-length
    // data too, and some scanners send the symbol's leading FNC1 as one.
    const start = text[position] === groupSeparator ? position + 1 : position;
    if (start === text.length) {
      position = start;
      break;
    }
    const element = readElement(text, start);
    if (!element) {
      break;
    }
    elements.push({ ai: element.ai, value: element.value });
    position = element.end;
  }
  return { elements, rest: text.slice(position) };
}

function readElement(
  text: string,
  start: number,
): { ai: string; value: string; end: number } | undefined {
  const identifier = applicationIdentifierAt(text.slice(start, start + 4));
  if (!identifier) {
    return undefined;
  }
  const dataStart = start + identifier.ai.length;
  let end: number;
  if ('fixed' in identifier.length) {
    end = dataStart + identifier.length.fixed;
    if (end > text.length) {
      return undefined;
    }
  } else {
    const separator = text.indexOf(groupSeparator, dataStart);
    end = separator === -1 ? text.length : separator;
    if (end - dataStart > identifier.length.max) {
      return undefined;
    }
  }
  const value = text.slice(dataStart, end);
  if (value === '' || value.includes(groupSeparator) || !validData(value, identifier.numeric)) {
    return undefined;
  }
  return { ai: identifier.ai, value, end };
}

/** GS1 data is digits, or the printable ASCII subset of ISO 646 ("character set 82"). */
function validData(value: string, numeric: boolean): boolean {
  return numeric ? /^\d+$/.test(value) : /^[!-~]+$/.test(value);
}

/** The element string as people read it under the barcode: `(420)12345(92)0559…`. */
export function gs1HumanReadable(parse: Gs1Parse): string {
  const elements = parse.elements.map((element) => `(${element.ai})${element.value}`).join('');
  return elements + showControlCharacters(parse.rest);
}
