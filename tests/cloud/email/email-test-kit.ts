import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { simpleParser, type ParsedMail } from 'mailparser';
import { pino, type Logger } from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { CloudDatabase, CloudDb } from '../../../src-cloud/db/open-cloud-database.js';
import {
  bankParcels,
  banks,
  divisions,
  emailOutbox,
  locations,
  tenants,
} from '../../../src-cloud/db/schema.js';
import { queueEmail } from '../../../src-cloud/email/queue-email.js';
import { composeReadyForPickup } from '../../../src-main/notifications/ready-for-pickup.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import type { ComposedMessage } from '../../../src-shared/sync/composed-message.js';
import { freshCloudDatabase, type CloudDatabaseKind } from '../../helpers/cloud-database.js';

export const testStart = Date.UTC(2026, 5, 15, 8, 0, 0);
export const tenantId = 'tenant-1';
export const bankId = 'bank-1';
export const bankName = 'Hall B';

export async function seedBank(db: CloudDb, nowMs = testStart): Promise<void> {
  await db.insert(tenants).values({ id: tenantId, name: 'Acme', createdAt: nowMs });
  await db.insert(divisions).values({ id: 'division-1', tenantId, name: 'HQ', createdAt: nowMs });
  await db.insert(locations).values({
    id: 'location-1',
    tenantId,
    divisionId: 'division-1',
    name: 'Lyon',
    createdAt: nowMs,
  });
  await db
    .insert(banks)
    .values({ id: bankId, tenantId, locationId: 'location-1', name: bankName, createdAt: nowMs });
}

/** A real kiosk notice (with its QR image), as the kiosk composes it. */
export function readyMessage(options: {
  language?: Locale;
  name?: string;
  email?: string | null;
  code?: string;
  expiresAtMs?: number;
}): ComposedMessage {
  return composeReadyForPickup({
    recipient: {
      name: options.name ?? 'Zoé Martin',
      email: options.email === undefined ? 'zoe.martin@example.com' : options.email,
      language: options.language ?? 'en',
    },
    bankName,
    pickupCode: options.code ?? '48213907',
    pickupQrToken: 'CSR1-PU-test-token',
    compartment: { label: 'A3', doorBottomCm: 40, doorTopCm: 80 },
    trackingNumber: '1Z999AA10123456784',
    departmentName: null,
    expiresAtMs: options.expiresAtMs ?? testStart + 3 * 24 * 3_600_000,
    timeZone: 'Europe/Paris',
  });
}

export async function queueReady(
  db: CloudDb,
  options: {
    notificationId: string;
    message: ComposedMessage;
    parcelIds?: string[];
    expiresAt?: number | null;
    nowMs?: number;
    kind?: string;
  },
): Promise<void> {
  await db.transaction((tx) =>
    queueEmail(
      tx,
      {
        tenantId,
        bankId,
        notificationId: options.notificationId,
        kind: options.kind ?? 'ready_for_pickup',
        message: options.message,
        parcelIds: options.parcelIds ?? ['parcel-1'],
        expiresAt: options.expiresAt === undefined ? testStart + 3 * 86_400_000 : options.expiresAt,
      },
      options.nowMs ?? testStart,
    ),
  );
}

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: Buffer;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback. Recipients at `permanent.example` get 550, at
 * `temporary.example` 450, like a relay refusing or deferring them.
 */
export async function startTestSmtpServer(port = 0): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    closeTimeout: 200,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@permanent.example')) {
        callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
      } else if (address.address.endsWith('@temporary.example')) {
        callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 450 }));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw, { skipImageLinks: true }).then(
          (parsed) => {
            received.push({
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              parsed,
              raw,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (taken, then released). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A logger whose lines the test can read (to check what a log never contains). */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/**
 * One migrated database for a whole file (opening PGlite is the slow part of these tests), its
 * bank seeded once; each test starts from an empty outbox and projection.
 */
export function sharedCloudDatabase(kind: CloudDatabaseKind): () => CloudDatabase {
  let database: CloudDatabase | undefined;
  beforeAll(async () => {
    database = await freshCloudDatabase(kind);
    await seedBank(database.db);
  }, 120_000);
  afterEach(async () => {
    await database?.db.delete(emailOutbox);
    await database?.db.delete(bankParcels);
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => database!;
}
