import { readMailbox, type MailboxEntry } from '../../../src-main/notifications/read-mailbox.js';
import type { CaughtMail } from '../../../src-cloud/mail-catcher/mail-catcher-store.js';

/** What the mail catcher caught since the cloud started (`<cloud>/mail/messages.json`). */
export async function caughtMails(cloudUrl: string): Promise<CaughtMail[]> {
  const response = await fetch(`${cloudUrl}/mail/messages.json`);
  if (!response.ok) {
    throw new Error(`the mail catcher answered ${response.status}`);
  }
  return ((await response.json()) as { messages: CaughtMail[] }).messages;
}

/** Caught messages to `address` whose text carries `code` (the notice of one deposit). */
export function mailsWithCode(
  mails: readonly CaughtMail[],
  address: string,
  code: string,
): CaughtMail[] {
  return mails.filter((mail) => mail.envelope.to.includes(address) && mail.text.includes(code));
}

/**
 * The same, from the catcher's folder: it keeps every message of every start of the cloud,
 * where messages.json only lists those since the last start.
 */
export async function caughtFilesWithCode(
  folder: string,
  address: string,
  code: string,
): Promise<MailboxEntry[]> {
  return (await readMailbox(folder)).filter(
    (entry) => entry.to.address === address && entry.text.includes(code),
  );
}
