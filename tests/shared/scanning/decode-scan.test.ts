import { describe, expect, it } from 'vitest';
import { ClassifiedScan, maxScanLength } from '../../../src-shared/domain/scan.js';
import { decodeScan } from '../../../src-shared/scanning/decode-scan.js';
import { referenceValid } from './reference-check-digits.js';
import { trackingExamples } from './tracking-examples.js';

const GS = '\u001d';

function classify(text: string) {
  const decoding = decodeScan(text, 'serial');
  if (!decoding.ok) {
    throw new Error(`refused: ${decoding.reason}`);
  }
  return ClassifiedScan.parse(decoding.scan);
}

describe('decodeScan: carriers', () => {
  it.each(trackingExamples)('$format $text is $carrier', ({ text, carrier, value }) => {
    expect(referenceValid(carrier, value ?? text), 'the example itself').toBe(true);
    expect(classify(text)).toMatchObject({
      kind: 'tracking_number',
      carrier,
      value: value ?? text,
      text,
      aimId: null,
    });
  });

  it('reads lower case as upper case (Caps Lock on a keyboard-wedge scanner)', () => {
    expect(classify('1z999aa10123456784')).toMatchObject({
      carrier: 'ups',
      value: '1Z999AA10123456784',
      text: '1z999aa10123456784',
    });
  });

  it.each([
    ['UPS with the last digit off by one', '1Z999AA10123456785'],
    ['FedEx 12 with a wrong check digit', '986578788856'],
    ['USPS IMpb with a wrong check digit', '9400111202555842332668'],
    ['DHL with a wrong check digit', '3318810026'],
    ['S10 with a wrong check digit', 'RB123456786GB'],
    ['S10 with a country no post has', 'RB123456785XX'],
    ['Canada Post 16 with a wrong check digit', '7023210039414605'],
    ['TBA with too few digits', 'TBA50288727400'],
    ['a word', 'parcel'],
    ['spaces inside, as printed under the code', '1Z 999 AA1 01 2345 678 4'],
    [
      '18 digits with a right GS1 check digit but no AI: no prefix names a carrier',
      '106141411234567897',
    ],
  ])('%s is unknown', (_name, text) => {
    expect(classify(text)).toMatchObject({ kind: 'unknown', carrier: null, value: null, text });
  });
});

describe('decodeScan: AIM identifiers and GS1', () => {
  it('splits the AIM identifier off', () => {
    expect(classify(']C01Z999AA10123456784')).toMatchObject({
      aimId: ']C0',
      text: '1Z999AA10123456784',
      carrier: 'ups',
    });
  });

  it('reads an SSCC from GS1-128 (AI 00) and shows the AIs in brackets', () => {
    expect(classify(']C100106141411234567897')).toMatchObject({
      aimId: ']C1',
      kind: 'tracking_number',
      carrier: 'sscc',
      value: '106141411234567897',
      text: '(00)106141411234567897',
    });
  });

  it('reads a USPS IMpb: 420 + ZIP, GS, then the tracking number under AI 92', () => {
    expect(classify(`]C142022153${GS}9101026837331000039521`)).toMatchObject({
      carrier: 'usps',
      value: '9101026837331000039521',
      text: '(420)22153(91)01026837331000039521',
    });
    expect(classify(`]C1420221539988${GS}9205590164917312751089\r\n`)).toMatchObject({
      carrier: 'usps',
      value: '9205590164917312751089',
      text: '(420)221539988(92)05590164917312751089',
    });
  });

  it('reads a USPS IMpb whose FNC1 the scanner dropped', () => {
    expect(classify(']C1420221539101026837331000039521')).toMatchObject({
      carrier: 'usps',
      value: '9101026837331000039521',
    });
  });

  it('reads GS1 from a camera decoder: no AIM identifier, GS between elements', () => {
    expect(classify(`42022153${GS}9101026837331000039521`)).toMatchObject({
      aimId: null,
      carrier: 'usps',
      text: '(420)22153(91)01026837331000039521',
    });
  });

  it('reads GS1 DataMatrix (]d2) and an SSCC followed by other elements', () => {
    expect(classify(`]d20010614141123456789742122153${GS}400ORDER-7`)).toMatchObject({
      carrier: 'sscc',
      value: '106141411234567897',
      text: '(00)106141411234567897(421)22153(400)ORDER-7',
    });
  });

  it('reads FedEx Ground under AI 96, but never other carriers under a company AI', () => {
    expect(classify(']C19611020987654312345672')).toMatchObject({ carrier: 'fedex' });
    // Ten digits under AI 91 would be a 12-digit FedEx Express number with the AI in front.
    expect(classify(']C1911234567890')).toMatchObject({ kind: 'unknown', text: '(91)1234567890' });
  });

  it('refuses an SSCC whose check digit is wrong', () => {
    expect(classify(']C100106141411234567898')).toMatchObject({ kind: 'unknown' });
  });

  it('takes "00" + 18 digits as an SSCC only when no AIM identifier says it is plain Code 128', () => {
    expect(classify(']C000106141411234567897')).toMatchObject({ kind: 'unknown' });
  });

  it('never reads a tracking number from an EAN/UPC symbol', () => {
    // 477179081230 is a valid FedEx Express number, and also a valid UPC-A.
    expect(classify(']E0477179081230')).toMatchObject({ kind: 'unknown', aimId: ']E0' });
  });

  it('keeps what does not parse as GS1 visible, control characters as pictures', () => {
    expect(classify(`]C100106141411234567897${GS}7777`)).toMatchObject({
      carrier: 'sscc',
      text: '(00)106141411234567897␝7777',
    });
    expect(classify(`AB\u0007C${GS}D`).text).toBe('AB␇C␝D');
  });
});

describe('decodeScan: kiosk credentials', () => {
  it.each([
    ['CSR1-OP-badge_42', 'operator_badge', 'badge_42'],
    ['CSR1-CR-carrier-token', 'carrier_qr', 'carrier-token'],
    [']Q1CSR1-PU-Xy9_pickup', 'pickup_qr', 'Xy9_pickup'],
    [
      'CSR1-C-0196f3f0-7a6c-7c1e-9d2a-3b8e5f2a1c4d',
      'compartment_barcode',
      '0196f3f0-7a6c-7c1e-9d2a-3b8e5f2a1c4d',
    ],
  ])('%s is a %s', (text, kind, value) => {
    expect(classify(`${text}\r`)).toMatchObject({ kind, value, carrier: null });
  });

  it.each([
    ['another version', 'CSR2-OP-badge'],
    ['an unknown type', 'CSR1-XX-token'],
    ['lower case prefix', 'csr1-op-badge'],
    ['inside a GS1 element string', ']C1CSR1-OP-badge'],
  ])('%s is not a credential', (_name, text) => {
    expect(classify(text)).toMatchObject({ kind: 'unknown', value: null });
  });
});

describe('decodeScan: suffixes, empty and over-long input', () => {
  it.each(['\r', '\n', '\r\n', '\t', '\r\n\r\n'])('strips the suffix %j', (suffix) => {
    expect(classify(`1Z999AA10123456784${suffix}`).text).toBe('1Z999AA10123456784');
  });

  it('keeps CR/LF inside the code', () => {
    expect(classify('line one\r\nline two\r\n').text).toBe('line one␍␊line two');
  });

  it('refuses a scan with nothing in it', () => {
    expect(decodeScan('\r\n', 'keyboard')).toEqual({ ok: false, reason: 'empty' });
    expect(decodeScan(']C1', 'hid')).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses an over-long scan instead of cutting it', () => {
    expect(decodeScan('A'.repeat(maxScanLength + 1), 'camera')).toEqual({
      ok: false,
      reason: 'too_long',
    });
    expect(decodeScan(`${'A'.repeat(maxScanLength)}\r\n`, 'camera').ok).toBe(true);
  });

  it('shows long GS1 as scanned when the brackets would make it too long', () => {
    const elements = '11260101'.repeat(maxScanLength / 8);
    const scan = classify(`]C1${elements}`.slice(0, maxScanLength));
    expect(scan.text.length).toBeLessThanOrEqual(maxScanLength);
    expect(scan.text.startsWith('11260101')).toBe(true);
  });

  it('says where the scan came from', () => {
    const decoding = decodeScan('1Z999AA10123456784', 'camera');
    expect(decoding.ok && decoding.scan.source).toBe('camera');
  });
});
