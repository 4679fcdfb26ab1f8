import MailComposer from 'nodemailer/lib/mail-composer';
import type { ComposedMessage } from '../../src-shared/sync/composed-message.js';

/**
 * The local mailbox's sender. `.invalid` is reserved (RFC 2606): a file opened in a mail client
 * and answered by mistake can never reach anyone.
 */
const mailboxSender = 'mailbox@casier.invalid';

export interface EmlSource {
  outboxId: number;
  wallTimeMs: number;
  bankName: string;
  message: ComposedMessage;
}

/**
 * A composed message as an RFC 5322 file (CRLF line ends, MIME multipart/alternative with the
 * QR as a related inline part). Date and Message-ID come from the outbox row, so writing the
 * same row twice gives the same headers.
 */
export async function buildEml(source: EmlSource): Promise<Buffer> {
  const { message } = source;
  const composer = new MailComposer({
    from: { name: `Casier – ${source.bankName}`, address: mailboxSender },
    to:
      message.to.email === null
        ? addresslessRecipient(message.to.name)
        : { name: message.to.name, address: message.to.email },
    subject: message.subject,
    date: new Date(source.wallTimeMs),
    messageId: `<notification-${source.outboxId}@mailbox.casier.invalid>`,
    text: message.text,
    html: message.html,
    attachments: message.inlineImages.map((image) => ({
      cid: image.contentId,
      filename: image.fileName,
      contentType: image.contentType,
      content: Buffer.from(image.base64, 'base64'),
    })),
    newline: 'windows',
    // Nothing in a message may make the composer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}

/**
 * A recipient the directory has no address for is written as an empty RFC 5322 group named
 * after them (`To: "Zoé Martin": ;`, the "undisclosed recipients" form): the file still says
 * who it is for, and no mail client can send it anywhere.
 */
function addresslessRecipient(name: string): string {
  return `"${name.replace(/[\\"]/g, '\\$&')}": ;`;
}
