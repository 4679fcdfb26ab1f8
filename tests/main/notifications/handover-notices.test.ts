import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { generatePickupTokenKeys, signPickupToken } from '../../../src-main/codes/pickup-token.js';
import { ComposedMessage } from '../../../src-shared/sync/composed-message.js';
import { composeExchangeReady } from '../../../src-main/notifications/handover-exchange-ready.js';
import { composeHandoverSenderNotice } from '../../../src-main/notifications/handover-sender-notice.js';
import { decodeQrPng } from './qr-image.js';

const expiresAtMs = Date.UTC(2026, 5, 15, 15, 6);

/** The hand-over notices (D3, D4) as composed, before any mailbox. */
describe('hand-over notices', () => {
  it('D3: a return code in English, with size, tracking number and date, and no QR', () => {
    const message = composeHandoverSenderNotice({
      kind: 'return',
      sender: { name: 'Zoé Martin', email: 'zoe@example.org', language: 'en' },
      receiverName: null,
      bankName: 'Hall A',
      code: '04827193',
      size: 'L',
      trackingNumber: 'RMA-1',
      expiresAtMs,
      timeZone: 'Europe/Paris',
    });
    expect(ComposedMessage.parse(message)).toEqual(message);
    expect(message.subject).toBe('Your code to drop off a return: Hall A');
    expect(message.text).toContain('Drop-off code: 04827193');
    expect(message.text).toContain('Compartment size: Large');
    expect(message.text).toContain('Tracking number: RMA-1');
    expect(message.text).toContain('Code valid until: Monday, June 15, 2026 at 5:06');
    expect(message.inlineImages).toEqual([]);
  });

  it('D4: the drop-off code in French names who picks it up, escaped in HTML', () => {
    const message = composeHandoverSenderNotice({
      kind: 'exchange',
      sender: { name: 'Zoé Martin', email: null, language: 'fr' },
      receiverName: 'Léa <b>Roy</b>\nX',
      bankName: 'Hall A',
      code: '04827193',
      size: 'S',
      trackingNumber: null,
      expiresAtMs,
      timeZone: 'Europe/Paris',
    });
    expect(message.subject).toBe(
      'Votre code pour laisser un objet à Léa <b>Roy</b> X\u00a0: Hall A',
    );
    expect(message.text).toContain('Retiré par\u00a0: Léa <b>Roy</b> X');
    expect(message.html).toContain('Léa &lt;b&gt;Roy&lt;/b&gt; X');
    expect(message.html).not.toContain('<b>Roy');
    expect(message.text).not.toContain('Numéro de suivi');
  });

  it('D4: the receiver’s notice has who left it, the pickup code and the QR when the bank takes QR', () => {
    const token = signPickupToken(generatePickupTokenKeys().privateKey, {
      bankId: uuidv7(),
      codeId: uuidv7(),
      expiresAtMs,
    });
    const base = {
      receiver: { name: 'Léa Roy', email: 'lea@example.org', language: 'en' as const },
      senderName: 'Zoé Martin',
      bankName: 'Hall A',
      pickupCode: '55512345',
      compartment: { label: '7', doorBottomCm: 40, doorTopCm: 80 },
      trackingNumber: 'CX23456789AB',
      expiresAtMs,
      timeZone: 'Europe/Paris',
    };
    const withQr = composeExchangeReady({ ...base, pickupQrToken: token });
    expect(withQr.subject).toBe('Zoé Martin left an item for you: Hall A');
    expect(withQr.text).toContain('Pickup code: 55512345');
    expect(withQr.text).toContain('Compartment: 7');
    expect(withQr.text).toContain('Door height: between 40 and 80 cm above the floor');
    const png = withQr.inlineImages[0];
    expect(png && decodeQrPng(Buffer.from(png.base64, 'base64'))).toBe(token);
    expect(composeExchangeReady({ ...base, pickupQrToken: null }).inlineImages).toEqual([]);
  });

  it('refuses a code that is not digits', () => {
    expect(() =>
      composeHandoverSenderNotice({
        kind: 'return',
        sender: { name: 'Zoé', email: null, language: 'en' },
        receiverName: null,
        bankName: 'Hall A',
        code: '12 34',
        size: 'S',
        trackingNumber: null,
        expiresAtMs,
      }),
    ).toThrow(RangeError);
  });
});
