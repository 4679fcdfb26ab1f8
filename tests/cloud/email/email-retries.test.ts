import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../../src-cloud/db/schema.js';
import { startEmailWorker } from '../../../src-cloud/email/email-worker.js';
import { maxDeliveryAttempts, retryDelayMs } from '../../../src-cloud/email/retry-policy.js';
import { createSmtpTransport } from '../../../src-cloud/email/smtp-transport.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import {
  capturingLogger,
  freePort,
  queueReady,
  readyMessage,
  sharedCloudDatabase,
  startTestSmtpServer,
  testStart,
} from './email-test-kit.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) {
    await cleanups.pop()!();
  }
});

describe('email retries', () => {
  const database = sharedCloudDatabase('pglite');

  /** A worker whose jitter is pinned to the longest wait, so each test knows the next attempt. */
  function workerFor(port: number, clock: ManualClock, logger = pino({ level: 'silent' })) {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
    cleanups.push(async () => transport.close());
    const worker = startEmailWorker({
      database: database(),
      clock,
      transport,
      logger,
      intervalMs: 24 * 3_600_000,
      random: () => 1,
    });
    cleanups.push(() => worker.stop());
    return worker;
  }

  async function rowOf(notificationId: string) {
    const [row] = await database()
      .db.select()
      .from(emailOutbox)
      .where(eq(emailOutbox.notificationId, notificationId));
    return row!;
  }

  it('waits 30 s doubling up to an hour, with up to half cut off at random', () => {
    expect([1, 2, 3, 4, 8, 20].map((attempts) => retryDelayMs(attempts, () => 1))).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000,
    ]);
    expect(retryDelayMs(1, () => 0)).toBe(15_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(90_000);
  });

  it('retries while the SMTP server is down and delivers once it is up', async () => {
    const port = await freePort();
    const clock = new ManualClock(testStart);
    const worker = workerFor(port, clock);
    await queueReady(database().db, { notificationId: 'down', message: readyMessage({}) });

    expect(await worker.runOnce()).toBe(1);
    let row = await rowOf('down');
    expect(row).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: testStart + 30_000 });
    expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(row.text).toContain('48213907');

    // Not due yet: nothing is tried again before the backoff is over.
    await clock.advance(29_999);
    expect(await worker.runOnce()).toBe(0);
    await clock.advance(1);
    expect(await worker.runOnce()).toBe(1);
    row = await rowOf('down');
    expect(row).toMatchObject({ state: 'pending', attempts: 2 });
    expect(row.nextAttemptAt).toBe(clock.now() + 60_000);

    const smtp = await startTestSmtpServer(port);
    cleanups.push(() => smtp.close());
    await clock.advance(60_000);
    expect(await worker.runOnce()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(await rowOf('down')).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    expect(await worker.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it(`gives up after ${maxDeliveryAttempts} failed attempts`, async () => {
    const port = await freePort();
    const clock = new ManualClock(testStart);
    const worker = workerFor(port, clock);
    await queueReady(database().db, { notificationId: 'never', message: readyMessage({}) });
    for (let attempt = 1; attempt < maxDeliveryAttempts; attempt++) {
      expect(await worker.runOnce()).toBe(1);
      expect(await rowOf('never')).toMatchObject({ state: 'pending', attempts: attempt });
      await clock.advance(3_600_000);
    }
    expect(await worker.runOnce()).toBe(1);
    expect(await rowOf('never')).toMatchObject({
      state: 'failed',
      attempts: maxDeliveryAttempts,
      // Failed for good: its code is not kept (decision 0009).
      text: '',
      html: '',
      inlineImages: [],
    });
    await clock.advance(3_600_000);
    expect(await worker.runOnce()).toBe(0);
  });

  it('fails a recipient the server refuses (5xx) at once, and retries a deferred one (4xx)', async () => {
    const smtp = await startTestSmtpServer();
    cleanups.push(() => smtp.close());
    const clock = new ManualClock(testStart);
    const { logger, lines } = capturingLogger();
    const worker = workerFor(smtp.port, clock, logger);
    await queueReady(database().db, {
      notificationId: 'refused',
      message: readyMessage({ email: 'ghost@permanent.example' }),
    });
    await queueReady(database().db, {
      notificationId: 'deferred',
      message: readyMessage({ email: 'busy@temporary.example' }),
    });

    expect(await worker.runOnce()).toBe(2);
    const refused = await rowOf('refused');
    expect(refused).toMatchObject({ state: 'failed', attempts: 1 });
    expect(refused.lastError).toContain('550');
    const deferred = await rowOf('deferred');
    expect(deferred).toMatchObject({ state: 'pending', attempts: 1 });
    expect(deferred.lastError).toContain('450');
    expect(smtp.received).toHaveLength(0);
    const log = lines.join('');
    expect(log).toContain('email failed for good');
    expect(log).toContain('email will be retried');
    expect(log).not.toMatch(/ghost@|busy@/);
  });
});
