import { mkdir, rename, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { v7 as uuidv7 } from 'uuid';
import { MailCatcherStore, type StoredMail } from './mail-catcher-store.js';

export interface MailCatcherOptions {
  /** Loopback unless told otherwise: the catcher has no authentication at all. */
  host?: string;
  /** 0 (the default) takes any free port; `smtpUrl` says which. */
  port?: number;
  /** When set, each message is also written there as `<id>.eml`. */
  folder?: string;
  /** The time a message is stamped with; the machine's when absent. */
  now?: () => number;
}

export interface MailCatcher {
  smtpUrl: string;
  store: MailCatcherStore;
  close(): Promise<void>;
}

/** Larger than any notice with its QR image; a runaway sender is cut off. */
const maxMessageBytes = 10 * 1024 * 1024;

/**
 * A local SMTP server that keeps what it receives, for `npm start` and tests: the cloud's email
 * worker sends to it exactly as to a real relay, and the page in mail-page-routes.ts shows the
 * result. No TLS and no authentication, so it listens on loopback by default.
 */
export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const store = new MailCatcherStore();
  if (options.folder !== undefined) {
    await mkdir(options.folder, { recursive: true });
  }

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
    }
    if (stream.sizeExceeded) {
      throw Object.assign(new Error('Message too large'), { responseCode: 552 });
    }
    const raw = Buffer.concat(chunks);
    const stored = await parseMail(raw, session, uuidv7({ msecs: now() }), now());
    if (options.folder !== undefined) {
      await writeAtomically(path.join(options.folder, `${stored.mail.id}.eml`), raw);
    }
    store.add(stored);
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    size: maxMessageBytes,
    // Pooled senders keep connections open; closing must not wait out the default 30 s.
    closeTimeout: 1_000,
    logger: false,
    onData(stream, session, callback) {
      receive(stream, session).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://${host.includes(':') ? `[${host}]` : host}:${port}`,
    store,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function parseMail(
  raw: Buffer,
  session: SMTPServerSession,
  id: string,
  receivedAt: number,
): Promise<StoredMail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const { mailFrom, rcptTo } = session.envelope;
  return {
    mail: {
      id,
      receivedAt,
      envelope: {
        from: mailFrom === false ? null : mailFrom.address,
        to: rcptTo.map((recipient) => recipient.address),
      },
      from: addressText(parsed.from),
      to: addressText(parsed.to),
      subject: parsed.subject ?? '',
      messageId: parsed.messageId ?? null,
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : null,
      attachments: parsed.attachments.map((attachment) => ({
        contentId: attachment.cid ?? null,
        fileName: attachment.filename ?? null,
        contentType: attachment.contentType,
        size: attachment.size,
      })),
    },
    raw,
    contents: parsed.attachments.map((attachment) => attachment.content),
  };
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (address === undefined) {
    return '';
  }
  return (Array.isArray(address) ? address : [address]).map((entry) => entry.text).join(', ');
}

/** A file appears whole or not at all, so a reader of the folder never sees half a message. */
async function writeAtomically(file: string, content: Buffer): Promise<void> {
  const partial = `${file}.partial`;
  await writeFile(partial, content);
  await rename(partial, file);
}
