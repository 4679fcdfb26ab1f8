import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { SendMailOptions } from 'nodemailer';
import { openCloudDatabase, type CloudDb } from '../../../src-cloud/db/open-cloud-database.js';
import { emailOutbox } from '../../../src-cloud/db/schema.js';
import { startEmailWorker } from '../../../src-cloud/email/email-worker.js';
import { createSmtpTransport } from '../../../src-cloud/email/smtp-transport.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { freshPostgresUrl } from '../../helpers/cloud-database.js';
import {
  queueReady,
  readyMessage,
  seedBank,
  startTestSmtpServer,
  testStart,
} from './email-test-kit.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) {
    await cleanups.pop()!();
  }
});

async function twoServerInstances(smtpPort: number, clock: ManualClock) {
  const url = await freshPostgresUrl();
  return Promise.all(
    [1, 2].map(async () => {
      const database = await openCloudDatabase({ url, maxConnections: 4 });
      cleanups.push(() => database.close());
      const transport = createSmtpTransport(`smtp://127.0.0.1:${smtpPort}`);
      cleanups.push(async () => transport.close());
      const worker = startEmailWorker({
        database,
        clock,
        transport,
        logger: pino({ level: 'silent' }),
        intervalMs: 24 * 3_600_000,
      });
      cleanups.push(() => worker.stop());
      return { database, transport, worker };
    }),
  );
}

async function queueNotices(db: CloudDb, count: number): Promise<void> {
  await seedBank(db);
  for (let index = 0; index < count; index++) {
    await queueReady(db, {
      notificationId: `n-${index}`,
      message: { ...readyMessage({}), subject: `Notice ${index}` },
    });
  }
}

describe('two email workers on one PostgreSQL database', () => {
  it('send each email exactly once when they run at the same time', async () => {
    const smtp = await startTestSmtpServer();
    cleanups.push(() => smtp.close());
    const [first, second] = await twoServerInstances(smtp.port, new ManualClock(testStart));
    const db = first!.database.db;
    const count = 60;
    await queueNotices(db, count);

    const handled = await Promise.all([first!.worker.runOnce(), second!.worker.runOnce()]);
    expect(handled[0] + handled[1]).toBe(count);
    expect(smtp.received).toHaveLength(count);
    expect(new Set(smtp.received.map((mail) => mail.parsed.subject)).size).toBe(count);
    const rows = await db.select({ state: emailOutbox.state }).from(emailOutbox);
    expect(rows.every((row) => row.state === 'sent')).toBe(true);

    expect(await Promise.all([first!.worker.runOnce(), second!.worker.runOnce()])).toEqual([0, 0]);
    expect(smtp.received).toHaveLength(count);
  });

  it('leave the rows another worker is sending alone, even after its claim committed', async () => {
    const smtp = await startTestSmtpServer();
    cleanups.push(() => smtp.close());
    const instances = await twoServerInstances(smtp.port, new ManualClock(testStart));
    const first = instances[0]!;
    const second = instances[1]!;
    const db = first.database.db;
    await queueNotices(db, 30);

    // The first worker stops at its first send: its claim (20 rows) has committed by then.
    const send = first.transport.sendMail.bind(first.transport);
    let sending!: () => void;
    const firstSendStarted = new Promise<void>((resolve) => (sending = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    first.transport.sendMail = async (options: SendMailOptions) => {
      sending();
      await gate;
      return send(options);
    };

    const firstRound = first.worker.runOnce();
    await firstSendStarted;
    expect(await second.worker.runOnce()).toBe(10);
    release();
    expect(await firstRound).toBe(20);
    expect(smtp.received).toHaveLength(30);
    expect(new Set(smtp.received.map((mail) => mail.parsed.subject)).size).toBe(30);
  });
});
