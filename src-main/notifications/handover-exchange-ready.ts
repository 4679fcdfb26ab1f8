import type { Locale } from '../../src-shared/i18n/locales.js';
import { plainText } from './code-message.js';
import type { ComposedMessage } from '../../src-shared/sync/composed-message.js';
import { composeReadyForPickup } from './ready-for-pickup.js';

/** What the drop knows when an exchange's item is in (D4). */
export interface ExchangeReadyInput {
  receiver: { name: string; email: string | null; language: Locale };
  senderName: string;
  bankName: string;
  /** The receiver's pickup code: an ordinary per-parcel pickup code (E1, decision 0008). */
  pickupCode: string;
  /** The signed `CSR1-PU-…` text, or null when the bank does not accept QR pickup (C3). */
  pickupQrToken: string | null;
  compartment: { label: string; doorBottomCm: number; doorTopCm: number };
  trackingNumber: string | null;
  expiresAtMs: number;
  /** For tests only: production leaves it out, the machine's time zone being the bank's. */
  timeZone?: string;
}

/**
 * The receiver's 'exchange_ready' notice, in the receiver's language: who left the item, the
 * code (and QR) to take it out like any parcel, the compartment and its height, until when.
 */
export function composeExchangeReady(input: ExchangeReadyInput): ComposedMessage {
  const { receiver, senderName, ...pickup } = input;
  const sender = plainText(senderName);
  return composeReadyForPickup(
    { ...pickup, recipient: receiver, departmentName: null },
    (say, bank) => ({
      subject: say('handovers.notice.ready.subject', { sender, bank }),
      intro: say('handovers.notice.ready.intro', { sender, bank }),
    }),
  );
}
