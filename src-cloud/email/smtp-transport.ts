import nodemailer, { type Transporter } from 'nodemailer';

/**
 * A pooled SMTP transport for `smtp://host:port` (or `smtps://`, credentials in the URL). The
 * timeouts are short next to the worker's claim lease (email-worker.ts), so a hung relay fails
 * the attempt and the row is retried rather than being claimed a second time mid-send.
 */
export function createSmtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Message parts are always buffers and strings the worker built: nothing may read a file or
    // fetch a URL on a message's behalf.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}
