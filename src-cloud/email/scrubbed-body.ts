/**
 * What a row's body becomes once nothing will send it (sent, failed for good, skipped): the text, HTML and QR image carry the
 * clear pickup code, whose only other copy is the kiosk's outbox (docs/decisions/0009). The
 * subject stays, so the console can still say what was sent.
 */
export const scrubbedBody = { text: '', html: '', inlineImages: [] } as const;
