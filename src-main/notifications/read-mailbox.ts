import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';

export interface MailboxEntry {
  fileName: string;
  to: { name: string; address: string | null };
  subject: string;
  text: string;
  html: string | null;
}

/**
 * The messages in a mailbox folder, in queue order, parsed back from their .eml files (for tests
 * and tools: the kiosk itself only writes the folder). Half-written files are not listed.
 */
export async function readMailbox(folder: string): Promise<MailboxEntry[]> {
  const fileNames = (await readdir(folder))
    .filter((name) => name.endsWith('.eml') && !name.startsWith('.'))
    .sort();
  const entries: MailboxEntry[] = [];
  for (const fileName of fileNames) {
    const mail = await simpleParser(await readFile(join(folder, fileName)), {
      skipImageLinks: true,
    });
    const address = firstAddress(mail.to);
    entries.push({
      fileName,
      to: {
        name: address?.name ?? '',
        address: address?.address ?? null,
      },
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      html: typeof mail.html === 'string' ? mail.html : null,
    });
  }
  return entries;
}

function firstAddress(
  to: AddressObject | AddressObject[] | undefined,
): { name: string; address: string | null } | undefined {
  const first = Array.isArray(to) ? to[0] : to;
  // An address-less recipient is an empty group: its name, no address (eml-message.ts).
  const value = first?.value[0];
  return value && { name: value.name, address: value.address ?? null };
}
