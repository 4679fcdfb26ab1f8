/** What the worker does with a message the SMTP server did not take. */
export type DeliveryFailure =
  { kind: 'temporary'; reason: string } | { kind: 'permanent'; reason: string };

interface SmtpErrorFields {
  code?: unknown;
  responseCode?: unknown;
  permanent?: unknown;
  message?: unknown;
}

/**
 * Sorts a nodemailer error. A 5xx reply is final (RFC 5321: the same message would be refused
 * again), except where nodemailer says otherwise (503 is a session-state reply). An envelope the
 * client itself refused (an address that is not one) cannot improve either. Everything else —
 * connection refused, timeouts, 4xx — may work later. The reason keeps the server's reply but
 * never the message.
 */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const fields: SmtpErrorFields = typeof error === 'object' && error !== null ? error : {};
  const reason = describe(fields);
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : null;
  if (responseCode !== null) {
    const permanent =
      typeof fields.permanent === 'boolean' ? fields.permanent : responseCode >= 500;
    return { kind: permanent ? 'permanent' : 'temporary', reason };
  }
  if (fields.code === 'EENVELOPE') {
    return { kind: 'permanent', reason };
  }
  return { kind: 'temporary', reason };
}

function describe(fields: SmtpErrorFields): string {
  const code = typeof fields.code === 'string' ? `${fields.code}: ` : '';
  const message = typeof fields.message === 'string' ? fields.message : 'unknown error';
  // The reply can quote the recipient's address; a bounded length keeps the column readable.
  return `${code}${message}`.slice(0, 500);
}

/** `ghost@example.com` → `…@example.com`: logs say which domain, never whose mailbox. */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s<>"'(),;:@]+@([^\s<>"'(),;:@]+)/g, '…@$1');
}
