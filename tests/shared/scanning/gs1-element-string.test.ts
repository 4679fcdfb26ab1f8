import { describe, expect, it } from 'vitest';
import {
  isGs1AimId,
  isRetailProductAimId,
  splitAimId,
} from '../../../src-shared/scanning/aim-symbology.js';
import {
  gs1HumanReadable,
  parseGs1ElementString,
} from '../../../src-shared/scanning/gs1-element-string.js';
import { showControlCharacters, stripScanSuffix } from '../../../src-shared/scanning/scan-text.js';

const GS = '\u001d';

describe('parseGs1ElementString', () => {
  it('counts fixed-length data and needs no GS after it', () => {
    expect(parseGs1ElementString('0010614141123456789701095011010209171719050810ABC123')).toEqual({
      elements: [
        { ai: '00', value: '106141411234567897' },
        { ai: '01', value: '09501101020917' },
        { ai: '17', value: '190508' },
        { ai: '10', value: 'ABC123' },
      ],
      rest: '',
    });
  });

  it('ends variable-length data at GS', () => {
    expect(parseGs1ElementString(`42022153${GS}9205590164917312751089`).elements).toEqual([
      { ai: '420', value: '22153' },
      { ai: '92', value: '05590164917312751089' },
    ]);
  });

  it('reads 421 (country + postal code) and 4-digit measure AIs', () => {
    expect(parseGs1ElementString(`421250H3Z2Y7${GS}3103000525`).elements).toEqual([
      { ai: '421', value: '250H3Z2Y7' },
      { ai: '3103', value: '000525' },
    ]);
  });

  it('skips a leading GS, a GS after fixed-length data and a trailing GS', () => {
    expect(parseGs1ElementString(`${GS}00106141411234567897${GS}42022153${GS}`)).toEqual({
      elements: [
        { ai: '00', value: '106141411234567897' },
        { ai: '420', value: '22153' },
      ],
      rest: '',
    });
  });

  it.each([
    ['an AI it does not know', `0010614141123456789779xyz`, '79xyz'],
    ['fixed data that is cut short', '0010614141', '0010614141'],
    ['letters in numeric data', '001061414112345678AB', '001061414112345678AB'],
    ['variable data over its maximum', `420${'1'.repeat(21)}`, `420${'1'.repeat(21)}`],
    ['an empty element', `420${GS}92123`, `420${GS}92123`],
  ])('stops at %s and hands back the rest', (_name, text, rest) => {
    expect(parseGs1ElementString(text).rest).toBe(rest);
  });

  it('writes the human-readable form with the rest made visible', () => {
    expect(
      gs1HumanReadable({ elements: [{ ai: '00', value: '106141411234567897' }], rest: `${GS}77` }),
    ).toBe('(00)106141411234567897␝77');
  });
});

describe('AIM identifiers', () => {
  it.each([
    [']C1(data)', ']C1', '(data)'],
    [']Q1CSR1-PU-x', ']Q1', 'CSR1-PU-x'],
    [']E04006381333931', ']E0', '4006381333931'],
    [']d2010950110', ']d2', '010950110'],
    ['1Z999', null, '1Z999'],
    [']!1abc', null, ']!1abc'],
    [']C', null, ']C'],
  ])('splits %j', (text, aimId, body) => {
    expect(splitAimId(text)).toEqual({ aimId, body });
  });

  it('knows which identifiers carry GS1 element strings and which retail products', () => {
    expect([']C1', ']e0', ']d2', ']Q3', ']J1'].every(isGs1AimId)).toBe(true);
    expect([']C0', ']Q1', ']d1', null].some(isGs1AimId)).toBe(false);
    expect(isRetailProductAimId(']E4')).toBe(true);
    expect(isRetailProductAimId(']C0')).toBe(false);
  });
});

describe('scan text', () => {
  it('strips only trailing CR, LF and Tab', () => {
    expect(stripScanSuffix('\tA\rB\r\n\t')).toBe('\tA\rB');
    expect(stripScanSuffix('\r'.repeat(100_000))).toBe('');
  });

  it('shows every control character as its picture', () => {
    expect(showControlCharacters('\u0000\u001d\u001f\u007f A')).toBe('␀␝␟␡ A');
  });
});
