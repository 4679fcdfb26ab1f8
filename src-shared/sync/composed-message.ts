import { z } from 'zod';
import { locales } from '../i18n/locales.js';

/**
 * An image the HTML shows through `cid:<contentId>`. Sent as an inline attachment of a
 * multipart/related message rather than a `data:` URI in the HTML, because Gmail and Outlook
 * drop `data:` images while every common client shows `cid:` ones. Base64 so the whole message
 * is plain JSON in the outbox row.
 */
export const InlineImage = z
  .object({
    contentId: z.string().min(1),
    fileName: z.string().min(1),
    contentType: z.literal('image/png'),
    base64: z.string(),
  })
  .strict();
export type InlineImage = z.infer<typeof InlineImage>;

/**
 * A notification ready to send, in its recipient's language: what the outbox carries to the
 * cloud and what the local mailbox turns into an .eml file. `email` is null for a recipient the
 * directory has no address for; the message is still queued so the mailroom can see it.
 */
export const ComposedMessage = z
  .object({
    to: z.object({ name: z.string(), email: z.string().nullable() }).strict(),
    language: z.enum(locales),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    inlineImages: z.array(InlineImage),
  })
  .strict();
export type ComposedMessage = z.infer<typeof ComposedMessage>;
