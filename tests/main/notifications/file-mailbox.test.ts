import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { recordAction } from '../../../src-main/db/queries/record-action.js';
import { issueMutationStamp } from '../../../src-main/db/queries/sync-device.js';
import { syncOutbox } from '../../../src-main/db/schema.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import {
  mailboxFileName,
  mailboxFolder,
  relayQueuedNotifications,
} from '../../../src-main/notifications/file-mailbox.js';
import { createMailboxRelay } from '../../../src-main/notifications/mailbox-relay.js';
import { queueNotification } from '../../../src-main/notifications/queue-notification.js';
import { readMailbox } from '../../../src-main/notifications/read-mailbox.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { insertBank, readyForPickupNotification, testNow } from './notification-fixtures.js';

describe('the file mailbox', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let bankId: string;
  let mailbox: string;

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    bankId = insertBank(database.db);
    mailbox = mailboxFolder(folder.path);
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  function queue(overrides: Parameters<typeof readyForPickupNotification>[1] = {}): number {
    return database.db.transaction(
      (tx) =>
        queueNotification(tx, readyForPickupNotification(bankId, overrides), testNow).mutationId,
    );
  }

  function recordOtherAction(): void {
    database.db.transaction((tx) =>
      recordAction(
        tx,
        { bankId, type: 'parcel.deposited', compartmentId: null, actor: 'test', details: {} },
        testNow,
      ),
    );
  }

  it('lives in <dataDir>/mailbox and names files by outbox id', () => {
    expect(mailbox).toBe(join(folder.path, 'mailbox'));
    expect(mailboxFileName(42, 'notification.ready_for_pickup')).toBe(
      '0000000042-ready-for-pickup.eml',
    );
  });

  it('writes each queued notification once, as an email a mail client can read', async () => {
    recordOtherAction();
    const id = queue();
    const report = await relayQueuedNotifications(database.db, mailbox);
    expect(report).toEqual({
      written: [mailboxFileName(id, 'notification.ready_for_pickup')],
      skipped: [],
    });
    expect(id).toBe(2);

    const entries = await readMailbox(mailbox);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      fileName: '0000000002-ready-for-pickup.eml',
      to: { name: 'Zoé Martin', address: 'zoe.martin@example.org' },
      subject: 'Votre colis est prêt à être retiré\u00a0: Hall A',
    });
    expect(entries[0]!.text).toContain('Code de retrait\u00a0: 04827193');
    expect(entries[0]!.html).toContain('04827193');

    const raw = readFileSync(join(mailbox, entries[0]!.fileName));
    // RFC 5322: CRLF line ends only, a Date and a From.
    expect(raw.toString('latin1')).not.toMatch(/[^\r]\n/);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.text).toContain('mailbox@casier.invalid');
    expect(parsed.date?.getTime()).toBe(testNow);
  });

  it('writes nothing more when run again, and only the new message after another queueing', async () => {
    queue();
    await relayQueuedNotifications(database.db, mailbox);
    const firstFile = join(mailbox, '0000000001-ready-for-pickup.eml');
    const firstContent = readFileSync(firstFile);
    writeFileSync(firstFile, 'kept as it is');

    expect(await relayQueuedNotifications(database.db, mailbox)).toEqual({
      written: [],
      skipped: [],
    });
    queue({ recipient: { name: 'Léa Roy', email: 'lea.roy@example.org', language: 'en' } });
    const report = await relayQueuedNotifications(database.db, mailbox);
    expect(report.written).toEqual(['0000000002-ready-for-pickup.eml']);
    expect(readFileSync(firstFile, 'utf8')).toBe('kept as it is');
    expect(firstContent.length).toBeGreaterThan(0);
    expect(readdirSync(mailbox).sort()).toEqual([
      '0000000001-ready-for-pickup.eml',
      '0000000002-ready-for-pickup.eml',
    ]);
  });

  it('skips outbox rows that are not notifications', async () => {
    recordOtherAction();
    recordOtherAction();
    expect(await relayQueuedNotifications(database.db, mailbox)).toEqual({
      written: [],
      skipped: [],
    });
    expect(readdirSync(mailbox)).toEqual([]);
  });

  it('reports, without writing, a notification row it cannot read', async () => {
    database.db.transaction((tx) => {
      const { mutationId, hlc } = issueMutationStamp(tx, testNow);
      tx.insert(syncOutbox)
        .values({
          id: mutationId,
          name: 'notification.ready_for_pickup',
          v: 2,
          args: '{}',
          argsHash: '0'.repeat(64),
          hlc,
          wallTime: testNow,
        })
        .run();
    });
    const id = queue();
    const report = await relayQueuedNotifications(database.db, mailbox);
    expect(report.skipped).toEqual([{ outboxId: 1, reason: 'unknown_version' }]);
    expect(report.written).toEqual([mailboxFileName(id, 'notification.ready_for_pickup')]);
  });

  it('writes a message for a recipient with no email address, as an empty To group', async () => {
    const name = 'Zoé "<b>\\&"';
    queue({ recipient: { name, email: null, language: 'en' } });
    await relayQueuedNotifications(database.db, mailbox);
    const [entry] = await readMailbox(mailbox);
    expect(entry!.to).toEqual({ name, address: null });
    expect(entry!.html).toContain('Hello Zoé &quot;&lt;b&gt;\\&amp;&quot;,');
  });

  it('carries the QR as an inline image the HTML refers to', async () => {
    queue({ pickupQrToken: 'CSR1-PU-test-token' });
    await relayQueuedNotifications(database.db, mailbox);
    const parsed = await simpleParser(
      readFileSync(join(mailbox, '0000000001-ready-for-pickup.eml')),
      { skipImageLinks: true },
    );
    expect(parsed.attachments).toHaveLength(1);
    const [qr] = parsed.attachments;
    expect(qr).toMatchObject({ contentType: 'image/png', contentDisposition: 'inline' });
    expect(parsed.html).toContain(`cid:${qr!.cid}`);
  });

  it('never lists or keeps a half-written file', async () => {
    queue();
    await relayQueuedNotifications(database.db, mailbox);
    const leftOver = join(mailbox, '.0000000002-ready-for-pickup.eml.1234.partial');
    writeFileSync(leftOver, 'From: half');
    expect((await readMailbox(mailbox)).map((entry) => entry.fileName)).toEqual([
      '0000000001-ready-for-pickup.eml',
    ]);
    const relay = createMailboxRelay({ db: database.db, folder: mailbox, logger: silentLogger() });
    await relay.settled();
    expect(existsSync(leftOver)).toBe(false);
  });

  it('serialises requested runs and ends with every queued message written', async () => {
    const relay = createMailboxRelay({ db: database.db, folder: mailbox, logger: silentLogger() });
    for (let index = 0; index < 5; index++) {
      queue();
      relay.request();
    }
    await relay.settled();
    expect(readdirSync(mailbox).sort()).toEqual(
      [1, 2, 3, 4, 5].map((id) => mailboxFileName(id, 'notification.ready_for_pickup')),
    );
  });
});
