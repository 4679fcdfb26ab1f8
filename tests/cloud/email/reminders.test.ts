import { eq, like } from 'drizzle-orm';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { bankParcels, emailOutbox } from '../../../src-cloud/db/schema.js';
import { startEmailWorker } from '../../../src-cloud/email/email-worker.js';
import { queueDueReminders, type ReminderPolicy } from '../../../src-cloud/email/reminders.js';
import { composeReminder } from '../../../src-cloud/email/templates/reminder.js';
import { createSmtpTransport } from '../../../src-cloud/email/smtp-transport.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { cloudDatabaseKinds } from '../../helpers/cloud-database.js';
import {
  bankId,
  bankName,
  queueReady,
  readyMessage,
  sharedCloudDatabase,
  startTestSmtpServer,
  tenantId,
  testStart,
} from './email-test-kit.js';

const hour = 3_600_000;
const policy: ReminderPolicy = { leadMs: 24 * hour, timeZone: 'Europe/Paris' };

/** Recent ICU versions put a narrow no-break space before AM/PM; older ones a plain space. */
function plainSpaces(text: string): string {
  return text.replace(/\u202f/g, ' ');
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) {
    await cleanups.pop()!();
  }
});

describe('the reminder template', () => {
  it('says where and until when in English and French, escapes names, and has no code', () => {
    const expiresAtMs = Date.UTC(2026, 5, 16, 15, 30);
    const english = composeReminder({
      to: { name: 'Zoé <b>Martin</b>', email: 'zoe@example.com' },
      language: 'en',
      bankName: 'Hall "B" & co',
      expiresAtMs,
      timeZone: 'Europe/Paris',
    });
    expect(english.subject).toBe('Reminder: your parcel is waiting at “Hall "B" & co”');
    expect(english.text).toContain('Hello Zoé <b>Martin</b>,');
    expect(english.text).toContain('locker bank “Hall "B" & co”');
    expect(plainSpaces(english.text)).toContain('until Tuesday, June 16, 2026 at 5:30 PM');
    expect(english.text).toContain('pickup code from the earlier message');
    expect(english.html).toContain('Hello Zoé &lt;b&gt;Martin&lt;/b&gt;,');
    expect(english.html).toContain('Hall &quot;B&quot; &amp; co');
    expect(english.html).not.toContain('<b>');
    expect(english.inlineImages).toEqual([]);

    const french = composeReminder({
      to: { name: 'Zoé', email: null },
      language: 'fr',
      bankName: 'Hall B',
      expiresAtMs,
      timeZone: 'Europe/Paris',
    });
    expect(french.subject).toBe(
      'Rappel\u00a0: votre colis vous attend à la consigne «\u00a0Hall B\u00a0»',
    );
    expect(french.text).toContain('Bonjour Zoé,');
    expect(french.text).toContain('jusqu’au mardi 16 juin 2026 à 17:30');
    expect(french.text).toContain('code de retrait du message précédent');
    expect(french.html).toContain('<html lang="fr">');
  });
});

describe.each(cloudDatabaseKinds)('expiry reminders on %s', (kind) => {
  const database = sharedCloudDatabase(kind);

  async function parcel(parcelId: string, state: string, expiresAt: number | null) {
    await database()
      .db.insert(bankParcels)
      .values({
        bankId,
        parcelId,
        tenantId,
        compartmentId: `compartment-${parcelId}`,
        state,
        recipientContactId: null,
        expiresAt,
        updatedAt: testStart,
      });
  }

  async function reminders() {
    return database()
      .db.select()
      .from(emailOutbox)
      .where(like(emailOutbox.notificationId, 'reminder:%'))
      .orderBy(emailOutbox.notificationId);
  }

  it('queues one per waiting parcel, in the notice’s language, never twice', async () => {
    const db = database().db;
    const noticeAt = testStart - 48 * hour;
    const dueAt = testStart + 20 * hour;
    // Waiting, expiring within the lead time, notified two days ago: reminded (EN and FR).
    await parcel('p-en', 'in_locker', dueAt);
    await queueReady(db, {
      notificationId: 'notice-en',
      message: readyMessage({ language: 'en', name: 'Ann <Lee>', email: 'ann@example.com' }),
      parcelIds: ['p-en'],
      nowMs: noticeAt,
    });
    await parcel('p-fr', 'in_locker', dueAt);
    await queueReady(db, {
      notificationId: 'notice-fr',
      message: readyMessage({ language: 'fr', name: 'Zoé', email: 'zoe@example.com' }),
      parcelIds: ['p-other', 'p-fr'],
      nowMs: noticeAt,
    });
    // Collected, removed, or not expiring yet: no reminder.
    for (const [parcelId, state, expiresAt] of [
      ['p-collected', 'picked_up', dueAt],
      ['p-removed', 'removed', dueAt],
      ['p-later', 'in_locker', testStart + 30 * hour],
      ['p-expired', 'in_locker', testStart - hour],
    ] as const) {
      await parcel(parcelId, state, expiresAt);
      await queueReady(db, {
        notificationId: `notice-${parcelId}`,
        message: readyMessage({}),
        parcelIds: [parcelId],
        nowMs: noticeAt,
      });
    }
    // Notified an hour ago, already inside the lead time: the recipient has just been told.
    await parcel('p-recent', 'in_locker', dueAt);
    await queueReady(db, {
      notificationId: 'notice-recent',
      message: readyMessage({}),
      parcelIds: ['p-recent'],
      nowMs: testStart - hour,
    });
    // No notice at all (the recipient is unknown to the cloud): nothing to remind.
    await parcel('p-unknown', 'in_locker', dueAt);

    expect(await queueDueReminders(db, testStart, policy)).toBe(2);
    expect(await queueDueReminders(db, testStart, policy)).toBe(0);
    expect(await queueDueReminders(db, testStart + 5 * hour, policy)).toBe(0);

    const [english, french] = await reminders();
    expect(english).toMatchObject({
      notificationId: 'reminder:p-en',
      kind: 'reminder',
      toName: 'Ann <Lee>',
      toEmail: 'ann@example.com',
      language: 'en',
      state: 'pending',
      parcelIds: ['p-en'],
      expiresAt: dueAt,
    });
    expect(english!.subject).toBe(`Reminder: your parcel is waiting at “${bankName}”`);
    expect(plainSpaces(english!.text)).toContain('until Tuesday, June 16, 2026 at 6:00 AM');
    expect(english!.html).toContain('Ann &lt;Lee&gt;');
    expect(english!.text).not.toContain('48213907');
    expect(french).toMatchObject({
      notificationId: 'reminder:p-fr',
      toName: 'Zoé',
      language: 'fr',
    });
    expect(french!.subject).toContain('Rappel');
    expect(french!.text).toContain('jusqu’au mardi 16 juin 2026 à 06:00');
  });

  it('are sent by the worker after the notice, to the notice’s recipient', async () => {
    const db = database().db;
    const smtp = await startTestSmtpServer();
    cleanups.push(() => smtp.close());
    const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`);
    cleanups.push(async () => transport.close());
    const clock = new ManualClock(testStart);
    const worker = startEmailWorker({
      database: database(),
      clock,
      transport,
      logger: pino({ level: 'silent' }),
      intervalMs: 24 * 3_600_000,
      reminders: policy,
    });
    cleanups.push(() => worker.stop());

    await parcel('p-1', 'in_locker', testStart + 72 * hour);
    await queueReady(db, {
      notificationId: 'notice-1',
      message: readyMessage({ language: 'fr' }),
      parcelIds: ['p-1'],
    });
    expect(await worker.runOnce()).toBe(1);
    expect(smtp.received.map((mail) => mail.parsed.subject)).toEqual([
      'Votre colis est prêt à être retiré\u00a0: Hall B',
    ]);

    // A day before expiry the reminder goes out, though the notice's body is gone by now.
    await clock.advance(48 * hour);
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(2);
    const reminder = smtp.received[1]!;
    expect(reminder.envelopeTo).toEqual(['zoe.martin@example.com']);
    expect(reminder.parsed.subject).toBe(
      'Rappel\u00a0: votre colis vous attend à la consigne «\u00a0Hall B\u00a0»',
    );
    expect(reminder.parsed.text).toContain('Un colis vous attend toujours');

    // Collected before expiry: its state changes nothing already sent, and nothing new is queued.
    await db.update(bankParcels).set({ state: 'picked_up' }).where(eq(bankParcels.parcelId, 'p-1'));
    await clock.advance(hour);
    expect(await worker.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(2);
  });
});
