import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudDatabase } from '../../../src-cloud/db/open-cloud-database.js';
import { emailOutbox } from '../../../src-cloud/db/schema.js';
import { startEmailWorker, type EmailWorker } from '../../../src-cloud/email/email-worker.js';
import { createSmtpTransport } from '../../../src-cloud/email/smtp-transport.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { cloudDatabaseKinds } from '../../helpers/cloud-database.js';
import {
  capturingLogger,
  queueReady,
  readyMessage,
  sharedCloudDatabase,
  startTestSmtpServer,
  testStart,
  type TestSmtpServer,
} from './email-test-kit.js';

/** Everything a test opened, closed in reverse order whatever happened. */
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) {
    await cleanups.pop()!();
  }
});

async function setUp(database: CloudDatabase) {
  const smtp: TestSmtpServer = await startTestSmtpServer();
  cleanups.push(() => smtp.close());
  const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`);
  cleanups.push(async () => transport.close());
  const clock = new ManualClock(testStart);
  const { logger, lines } = capturingLogger();
  const worker: EmailWorker = startEmailWorker({
    database,
    clock,
    transport,
    logger,
    from: '"Casier" <notifications@casier.example>',
    intervalMs: 3_600_000,
  });
  cleanups.push(() => worker.stop());
  const rowOf = async (notificationId: string) => {
    const [row] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.notificationId, notificationId));
    return row!;
  };
  return { database, smtp, clock, worker, logLines: lines, rowOf };
}

describe.each(cloudDatabaseKinds)('the email worker on %s', (kind) => {
  const database = sharedCloudDatabase(kind);

  it.each(['en', 'fr'] as const)(
    'sends a ready-for-pickup notice in %s with its text, HTML and inline QR, once, then scrubs it',
    async (language) => {
      const { smtp, worker, logLines, rowOf } = await setUp(database());
      const message = readyMessage({ language, code: '48213907' });
      await queueReady(database().db, { notificationId: 'n-1', message });

      expect(await worker.runOnce()).toBe(1);
      expect(await worker.runOnce()).toBe(0);

      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail!.envelopeTo).toEqual(['zoe.martin@example.com']);
      expect(mail!.parsed.subject).toBe(message.subject);
      expect(mail!.parsed.subject).toContain(language === 'fr' ? 'Votre colis' : 'Your parcel');
      expect(mail!.parsed.to).toMatchObject({ text: '"Zoé Martin" <zoe.martin@example.com>' });
      expect(mail!.parsed.from).toMatchObject({ text: '"Casier" <notifications@casier.example>' });
      expect(mail!.parsed.text).toContain('48213907');
      expect(mail!.parsed.html).toContain('48213907');
      const qr = mail!.parsed.attachments.find((part) => part.contentType === 'image/png');
      expect(qr?.cid).toBe(message.inlineImages[0]!.contentId);
      expect(qr?.contentDisposition).toBe('inline');
      expect(qr?.content.equals(Buffer.from(message.inlineImages[0]!.base64, 'base64'))).toBe(true);
      expect(mail!.parsed.html).toContain(`cid:${message.inlineImages[0]!.contentId}`);

      const row = await rowOf('n-1');
      expect(row).toMatchObject({
        state: 'sent',
        attempts: 1,
        sentAt: testStart,
        subject: message.subject,
        text: '',
        html: '',
        inlineImages: [],
      });
      expect(row.messageId).toBe(`<email-${row.id}@casier.example>`);
      expect(mail!.parsed.messageId).toBe(row.messageId);

      const log = logLines.join('');
      expect(log).toContain('email sent');
      expect(log).toContain('example.com');
      expect(log).not.toContain('zoe.martin');
      expect(log).not.toContain('48213907');
    },
  );
});

describe('the email worker', () => {
  const database = sharedCloudDatabase('pglite');

  it('skips a message whose code expired before it could be sent, and scrubs it', async () => {
    const { smtp, clock, worker, rowOf } = await setUp(database());
    await queueReady(database().db, {
      notificationId: 'late',
      message: readyMessage({}),
      expiresAt: testStart + 60_000,
    });
    await clock.advance(60_000);
    expect(await worker.runOnce()).toBe(1);
    expect(smtp.received).toHaveLength(0);
    expect(await rowOf('late')).toMatchObject({
      state: 'skipped',
      lastError: 'The code expired before the email could be sent.',
      text: '',
      html: '',
      inlineImages: [],
    });
  });

  it('leaves a message for a recipient without an address skipped', async () => {
    const { smtp, clock, worker, rowOf } = await setUp(database());
    await queueReady(database().db, {
      notificationId: 'nobody',
      message: readyMessage({ email: null }),
    });
    expect(await worker.runOnce()).toBe(0);
    await clock.advance(3_600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(0);
    expect(await rowOf('nobody')).toMatchObject({
      state: 'skipped',
      attempts: 0,
      lastError: 'The recipient has no email address.',
      // Nobody will send it, so it keeps no copy of the code.
      text: '',
      html: '',
      inlineImages: [],
    });
  });

  it('runs on its own timer with the injected clock', async () => {
    const { smtp, clock, rowOf } = await setUp(database());
    await queueReady(database().db, { notificationId: 'timed', message: readyMessage({}) });
    // setUp's worker waits an hour between rounds: nothing happens before that.
    await clock.advance(3_600_000 - 1);
    expect((await rowOf('timed')).state).toBe('pending');
    await clock.advance(1);
    // The round started by the timer does real I/O; wait for its result, not for time.
    await expect.poll(async () => (await rowOf('timed')).state, { timeout: 5_000 }).toBe('sent');
    expect(smtp.received).toHaveLength(1);
  });
});
