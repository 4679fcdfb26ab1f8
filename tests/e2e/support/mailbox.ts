import { expect } from '@playwright/test';
import { readMailbox, type MailboxEntry } from '../../../src-main/notifications/read-mailbox.js';
import { locales } from '../../../src-shared/i18n/locales.js';
import { translate } from '../../../src-shared/i18n/translate.js';

/** Where the demo kiosk drops the notices the cloud would send (global-setup sets it). */
function mailboxFolder(): string {
  const folder = process.env['CASIER_E2E_MAILBOX'];
  if (!folder) {
    throw new Error('global-setup did not start the demo system');
  }
  return folder;
}

/** The ready-for-pickup notices sent to `recipientName` so far, oldest first. */
export async function noticesFor(recipientName: string): Promise<MailboxEntry[]> {
  return (await readMailbox(mailboxFolder())).filter((entry) => entry.to.name === recipientName);
}

/**
 * The pickup code in a notice's text, on its "Pickup code: 123456" line in whichever language
 * the recipient reads (French puts a no-break space before the colon).
 */
export function pickupCodeIn(notice: MailboxEntry): string {
  for (const locale of locales) {
    const label = translate(locale, 'notifications.ready.code');
    for (const line of notice.text.split('\n')) {
      if (line.startsWith(label)) {
        const code = /(\d{6,})\s*$/u.exec(line)?.[1];
        if (code) {
          return code;
        }
      }
    }
  }
  throw new Error(`no pickup code in the notice "${notice.subject}"`);
}

/**
 * Waits until `recipientName` has more than `alreadyHad` notices and returns the newest one's
 * pickup code (the kiosk writes the notice in the deposit's transaction, the file just after).
 */
export async function nextPickupCode(recipientName: string, alreadyHad: number): Promise<string> {
  await expect
    .poll(async () => (await noticesFor(recipientName)).length, {
      message: `a ready-for-pickup notice for ${recipientName}`,
    })
    .toBeGreaterThan(alreadyHad);
  const notices = await noticesFor(recipientName);
  const newest = notices.at(-1);
  if (!newest) {
    throw new Error(`no notice for ${recipientName}`);
  }
  return pickupCodeIn(newest);
}
