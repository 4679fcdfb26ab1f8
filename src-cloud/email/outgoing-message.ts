import type { SendMailOptions } from 'nodemailer';
import { z } from 'zod';
import { InlineImage } from '../../src-shared/sync/composed-message.js';
import type { EmailRow } from './claim-due-emails.js';

/** The sender when the deployment names none; `.invalid` (RFC 2606) can never receive replies. */
export const defaultSender = '"Casier" <notifications@casier.invalid>';

const InlineImages = z.array(InlineImage);

/**
 * The Message-ID of a row, the same on every attempt: a message resent after a crash between
 * the SMTP server's "250 OK" and our `sent` mark carries the ID of the first, so a receiving
 * system (or a person reading headers) can tell it is the same message.
 */
export function messageIdFor(rowId: string, from: string): string {
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? 'casier.invalid';
  return `<email-${rowId}@${domain}>`;
}

/** A row as nodemailer options: HTML and text alternatives, the QR as an inline `cid:` part. */
export function outgoingMessage(
  row: EmailRow & { toEmail: string },
  from: string,
): SendMailOptions {
  return {
    from,
    to: { name: row.toName, address: row.toEmail },
    subject: row.subject,
    text: row.text,
    html: row.html,
    messageId: messageIdFor(row.id, from),
    date: new Date(row.createdAt),
    attachments: InlineImages.parse(row.inlineImages).map((image) => ({
      cid: image.contentId,
      filename: image.fileName,
      contentType: image.contentType,
      content: Buffer.from(image.base64, 'base64'),
      contentDisposition: 'inline' as const,
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
