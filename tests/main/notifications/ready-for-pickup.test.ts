import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { generatePickupTokenKeys, signPickupToken } from '../../../src-main/codes/pickup-token.js';
import {
  composeReadyForPickup,
  pickupQrContentId,
  type ReadyForPickupInput,
} from '../../../src-main/notifications/ready-for-pickup.js';
import { ComposedMessage } from '../../../src-shared/sync/composed-message.js';
import { decodeQrPng } from './qr-image.js';

const expiresAtMs = Date.UTC(2026, 5, 15, 15, 6);
const pickupQrToken = signPickupToken(generatePickupTokenKeys().privateKey, {
  bankId: uuidv7(),
  codeId: uuidv7(),
  expiresAtMs,
});

function input(overrides: Partial<ReadyForPickupInput> = {}): ReadyForPickupInput {
  return {
    recipient: { name: 'Zoé Martin', email: 'zoe.martin@example.org', language: 'en' },
    bankName: 'Hall A',
    pickupCode: '04827193',
    pickupQrToken,
    compartment: { label: '17', doorBottomCm: 55, doorTopCm: 85 },
    trackingNumber: '1Z999AA10123456784',
    departmentName: null,
    expiresAtMs,
    timeZone: 'Europe/Paris',
    ...overrides,
  };
}

describe('composeReadyForPickup', () => {
  it('writes the English message with the code, compartment, door height and expiry', () => {
    const message = composeReadyForPickup(input());
    expect(message.to).toEqual({ name: 'Zoé Martin', email: 'zoe.martin@example.org' });
    expect(message.language).toBe('en');
    expect(message.subject).toBe('Your parcel is ready for pickup: Hall A');
    expect(message.text).toContain('Hello Zoé Martin,');
    expect(message.text).toContain('in the locker bank “Hall A”');
    expect(message.text).toContain('Pickup code: 04827193\n');
    expect(message.text).toContain('Compartment: 17\n');
    expect(message.text).toContain('Door height: between 55 and 85 cm above the floor\n');
    expect(message.text).toContain('Tracking number: 1Z999AA10123456784\n');
    expect(message.text).toContain('Code valid until: Monday, June 15, 2026 at 5:06 PM\n');
    for (const part of ['04827193', '17', 'between 55 and 85 cm above the floor', '5:06 PM']) {
      expect(message.html).toContain(part);
    }
    expect(message.html).toContain('<html lang="en">');
  });

  it('writes the French message with French dates and spacing', () => {
    const message = composeReadyForPickup(
      input({ recipient: { name: 'Zoé Martin', email: null, language: 'fr' } }),
    );
    expect(message.language).toBe('fr');
    expect(message.to.email).toBeNull();
    expect(message.subject).toBe('Votre colis est prêt à être retiré\u00a0: Hall A');
    expect(message.text).toContain('Bonjour Zoé Martin,');
    expect(message.text).toContain('dans la consigne «\u00a0Hall A\u00a0»');
    expect(message.text).toContain('Code de retrait\u00a0: 04827193\n');
    expect(message.text).toContain('Casier\u00a0: 17\n');
    expect(message.text).toContain('Hauteur de la porte\u00a0: entre 55 et 85\u00a0cm du sol\n');
    expect(message.text).toContain('Numéro de suivi\u00a0: 1Z999AA10123456784\n');
    expect(message.text).toContain('Fin de validité du code\u00a0: lundi 15 juin 2026 à 17:06\n');
    expect(message.html).toContain('<html lang="fr">');
    expect(message.html).toContain('lundi 15 juin 2026 à 17:06');
  });

  it('shows the code exactly as issued, leading zeros and all, never grouped', () => {
    const message = composeReadyForPickup(input({ pickupCode: '0012345678' }));
    expect(message.text).toContain(': 0012345678\n');
    expect(message.html).toContain('>0012345678</p>');
    expect(() => composeReadyForPickup(input({ pickupCode: '0012 3456' }))).toThrow(RangeError);
  });

  it('names the department of a department parcel', () => {
    const message = composeReadyForPickup(input({ departmentName: 'Finance' }));
    expect(message.text).toContain('A parcel for Finance is waiting');
    expect(message.text).toContain('Department: Finance\n');
    expect(composeReadyForPickup(input()).text).not.toContain('Department');
  });

  it('leaves out the tracking line when the parcel had no label', () => {
    const message = composeReadyForPickup(input({ trackingNumber: null }));
    expect(message.text).not.toContain('Tracking number');
    expect(message.html).not.toContain('Tracking number');
  });

  it('escapes every value in the HTML and keeps it as typed in the text', () => {
    const message = composeReadyForPickup(
      input({
        recipient: { name: '<b>&', email: 'x@example.org', language: 'en' },
        bankName: 'Hall "A" <script>',
        departmentName: 'R&D <i>',
        trackingNumber: '<img src=x>',
        compartment: { label: "1'7", doorBottomCm: 55, doorTopCm: 85 },
      }),
    );
    expect(message.html).toContain('Hello &lt;b&gt;&amp;,');
    expect(message.html).toContain('Hall &quot;A&quot; &lt;script&gt;');
    expect(message.html).toContain('R&amp;D &lt;i&gt;');
    expect(message.html).toContain('&lt;img src=x&gt;');
    expect(message.html).toContain('1&#39;7');
    for (const raw of ['<b>', '<script>', '<i>', '<img src=x>', "1'7", 'R&D']) {
      expect(message.html).not.toContain(raw);
    }
    expect(message.text).toContain('Hello <b>&,');
  });

  it('keeps line breaks in directory values out of the subject and lines', () => {
    const message = composeReadyForPickup(input({ bankName: 'Hall A\r\nBcc: someone' }));
    expect(message.subject).toBe('Your parcel is ready for pickup: Hall A Bcc: someone');
  });

  it('embeds a QR image that decodes back to the pickup token', () => {
    const message = composeReadyForPickup(input());
    expect(message.inlineImages).toHaveLength(1);
    const [image] = message.inlineImages;
    expect(image).toMatchObject({ contentId: pickupQrContentId, contentType: 'image/png' });
    expect(message.html).toContain(`src="cid:${pickupQrContentId}"`);
    expect(message.html).toContain('alt="QR code to pick up your parcel"');
    expect(decodeQrPng(Buffer.from(image!.base64, 'base64'))).toBe(pickupQrToken);
  });

  it('has no QR when the bank does not accept QR pickup', () => {
    const message = composeReadyForPickup(input({ pickupQrToken: null }));
    expect(message.inlineImages).toEqual([]);
    expect(message.html).not.toContain('<img');
    expect(message.html).not.toContain('QR');
  });

  it('is pure and fits the outbox schema', () => {
    const first = composeReadyForPickup(input());
    expect(composeReadyForPickup(input())).toEqual(first);
    expect(ComposedMessage.parse(first)).toEqual(first);
  });
});
