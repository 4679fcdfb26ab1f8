import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { recordAction } from '../../../src-main/db/queries/record-action.js';
import { activityLog, syncDevice, syncOutbox } from '../../../src-main/db/schema.js';
import { queueNotification } from '../../../src-main/notifications/queue-notification.js';
import { QueuedNotificationArgs } from '../../../src-shared/sync/queued-notification.js';
import { mutationArgsHash } from '../../../src-main/sync/args-hash.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { insertBank, readyForPickupNotification, testNow } from './notification-fixtures.js';

describe('queueNotification (one outbox row in the caller’s transaction)', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let bankId: string;

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    bankId = insertBank(database.db);
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  it('writes one notification.ready_for_pickup row carrying the composed message', () => {
    const notification = readyForPickupNotification(bankId);
    const queued = database.db.transaction((tx) => queueNotification(tx, notification, testNow));
    const rows = database.db.select().from(syncOutbox).all();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      id: queued.mutationId,
      name: 'notification.ready_for_pickup',
      v: 1,
      wallTime: testNow,
      ackedAt: null,
    });
    const args = QueuedNotificationArgs.parse(JSON.parse(row.args));
    expect(args).toEqual({
      notificationId: queued.notificationId,
      kind: 'ready_for_pickup',
      bankId,
      parcelIds: notification.parcelIds,
      accessCodeId: notification.accessCodeId,
      expiresAtMs: notification.expiresAtMs,
      message: notification.message,
    });
    expect(row.argsHash).toBe(mutationArgsHash(row.name, 1, args));
    expect(row.hlc).toBe(database.db.select().from(syncDevice).get()?.lastHlc);
  });

  it('writes no activity row, so the code never reaches the operators’ log', () => {
    database.db.transaction((tx) =>
      queueNotification(tx, readyForPickupNotification(bankId), testNow),
    );
    expect(database.db.select().from(activityLog).all()).toEqual([]);
  });

  it('takes mutation ids in line with the recordAction rows of the same transaction', () => {
    const ids = database.db.transaction((tx) => {
      const action = {
        bankId,
        type: 'parcel.deposited' as const,
        compartmentId: null,
        actor: 'operator:test',
        details: {},
      };
      return [
        recordAction(tx, action, testNow).mutationId,
        queueNotification(tx, readyForPickupNotification(bankId), testNow).mutationId,
        recordAction(tx, action, testNow + 1).mutationId,
      ];
    });
    expect(ids).toEqual([1, 2, 3]);
    const rows = database.db.select().from(syncOutbox).orderBy(syncOutbox.id).all();
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3]);
    // HLC order follows the mutation order, even within one millisecond.
    expect([...rows.map((row) => row.hlc)].sort()).toEqual(rows.map((row) => row.hlc));
    const activityText = JSON.stringify(database.db.select().from(activityLog).all());
    expect(activityText).not.toContain('04827193');
  });

  it('rolls back with the transaction, leaving no row and no used mutation id', () => {
    expect(() =>
      database.db.transaction((tx) => {
        queueNotification(tx, readyForPickupNotification(bankId), testNow);
        throw new Error('the deposit failed after queueing');
      }),
    ).toThrow('the deposit failed after queueing');
    expect(database.db.select().from(syncOutbox).all()).toEqual([]);
    expect(database.db.select().from(syncDevice).get()?.lastMutationId).toBe(0);
    const next = database.db.transaction((tx) =>
      queueNotification(tx, readyForPickupNotification(bankId), testNow),
    );
    expect(next.mutationId).toBe(1);
  });

  it('refuses a notification it could not send back before writing anything', () => {
    const notification = { ...readyForPickupNotification(bankId), accessCodeId: '' };
    expect(() =>
      database.db.transaction((tx) => queueNotification(tx, notification, testNow)),
    ).toThrow();
    expect(database.db.select().from(syncDevice).get()?.lastMutationId).toBe(0);
  });
});
