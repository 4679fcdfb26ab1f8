import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mutationConflictError, type Mutation } from '../../../src-shared/sync/mutation.js';
import type { DeviceIdentity } from '../../../src-cloud/auth/device-auth.js';
import { CloudError } from '../../../src-cloud/cloud-error.js';
import type { CloudDatabase } from '../../../src-cloud/db/open-cloud-database.js';
import {
  activities,
  alerts,
  bankParcels,
  banks,
  bankStorages,
  deviceMutations,
  devices,
  emailOutbox,
  entities,
} from '../../../src-cloud/db/schema.js';
import { applyPush, clockDriftAlertMs } from '../../../src-cloud/sync/apply-push.js';
import { writeEntities } from '../../../src-cloud/sync/entity-writes.js';
import { cloudDatabaseKinds, freshCloudDatabase } from '../../helpers/cloud-database.js';
import {
  doorFacts,
  enrolBank,
  fact,
  mutation,
  notification,
  seedTenant,
  startMs,
} from './sync-fixture.js';

describe.each(cloudDatabaseKinds)('push on %s', (kind) => {
  let cloud: CloudDatabase;
  let run = 0;
  let device: DeviceIdentity;
  let otherBank: string;
  beforeAll(async () => {
    cloud = await freshCloudDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    await cloud.close();
  });
  beforeEach(async () => {
    const p = `r${++run}-`;
    await seedTenant(cloud.db, `${p}t`, [`${p}bank-a`, `${p}bank-b`]);
    device = (await enrolBank(cloud.db, `${p}bank-a`)).identity;
    otherBank = `${p}bank-b`;
  });

  const push = (mutations: Mutation[], nowMs = startMs, incarnationId = device.incarnationId) =>
    applyPush(cloud.db, device, { incarnationId, mutations }, nowMs);
  const activityCount = async () =>
    (await cloud.db.select().from(activities).where(eq(activities.deviceId, device.deviceId)))
      .length;
  const alertsOf = async (alertKind: string) =>
    cloud.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.deviceId, device.deviceId), eq(alerts.kind, alertKind)));
  const deviceRow = async () =>
    (await cloud.db.select().from(devices).where(eq(devices.id, device.deviceId)))[0];

  it('applies a batch in order and stores facts on the device’s own bank', async () => {
    const batch = [
      ...doorFacts(1, 2),
      fact(3, 'door.opened', { bankId: otherBank, compartmentId: 'c9' }),
    ];
    const response = await push(batch);
    expect(response).toEqual({
      lastMutationId: 3,
      results: [1, 2, 3].map((id) => ({ id, status: 'applied' })),
    });
    const stored = await cloud.db
      .select()
      .from(activities)
      .where(eq(activities.deviceId, device.deviceId));
    expect(stored.map((row) => row.bankId)).toEqual([device.bankId, device.bankId, device.bankId]);
    expect(
      await cloud.db.select().from(activities).where(eq(activities.bankId, otherBank)),
    ).toEqual([]);
    expect(stored.map((row) => [row.mutationId, row.type]).sort()).toEqual([
      [1, 'door.closed'],
      [2, 'door.closed'],
      [3, 'door.opened'],
    ]);
    expect(await deviceRow()).toMatchObject({ lastMutationId: 3, lastSeenAt: startMs });
  });

  it('applies replayed and overlapping batches exactly once', async () => {
    const first = doorFacts(1, 5);
    const answer = await push(first);
    expect(await push(first)).toEqual(answer);
    const overlapping = [...first.slice(2), ...doorFacts(6, 3)];
    const second = await push(overlapping);
    expect(second.lastMutationId).toBe(8);
    expect(second.results.map((result) => result.id)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(await activityCount()).toBe(8);
    const rows = await cloud.db
      .select()
      .from(deviceMutations)
      .where(eq(deviceMutations.deviceId, device.deviceId));
    expect(rows.map((row) => row.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('never applies a different payload under an applied id, and raises the alarm', async () => {
    await push(doorFacts(1, 2));
    const impostor = fact(2, 'door.opened', { compartmentId: 'c2' });
    const response = await push([impostor, ...doorFacts(3, 1)]);
    // Nothing after the conflict is applied either: the bank must stop, not have 3 acked.
    expect(response.lastMutationId).toBe(2);
    expect(response.results[0]).toMatchObject({
      id: 2,
      status: 'rejected',
      error: mutationConflictError,
    });
    expect(response.results).toHaveLength(1);
    expect(await activityCount()).toBe(2);
    const raised = await alertsOf('mutation_hash_mismatch');
    expect(raised).toHaveLength(1);
    expect(raised[0]?.details).toMatchObject({ mutationId: 2, pushedHash: impostor.argsHash });
    // The same mismatch again does not flood the console.
    await push([impostor]);
    expect(await alertsOf('mutation_hash_mismatch')).toHaveLength(1);
  });

  it('answers a gap with expectedNextId and a batch of duplicates with the results', async () => {
    await push(doorFacts(1, 2));
    const gap = await push(doorFacts(5, 2)).catch((error: unknown) => error);
    expect(gap).toBeInstanceOf(CloudError);
    expect((gap as CloudError).code).toBe('mutation_gap');
    expect((gap as CloudError).toBody().expectedNextId).toBe(3);
    expect(await push(doorFacts(1, 2))).toMatchObject({ lastMutationId: 2 });
    // A hole inside a batch: the prefix before it is applied, the rest answered by the id.
    const holed = [...doorFacts(3, 2), ...doorFacts(6, 1)];
    expect(await push(holed)).toMatchObject({ lastMutationId: 4 });
    expect(await activityCount()).toBe(4);
  });

  it('refuses an unknown incarnation with one alert and applies nothing', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = await push(doorFacts(1, 1), startMs, 'restored-copy').catch(
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(CloudError);
      expect((refused as CloudError).code).toBe('unknown_incarnation');
      expect((refused as CloudError).httpStatus).toBe(409);
    }
    const raised = await alertsOf('unknown_incarnation');
    expect(raised).toHaveLength(1);
    expect(raised[0]?.details).toEqual({ pushedIncarnationId: 'restored-copy' });
    expect(await activityCount()).toBe(0);
    expect(await deviceRow()).toMatchObject({ lastMutationId: 0 });
  });

  it('commits bad mutations as rejected and goes on with the queue', async () => {
    const [door4] = doorFacts(4, 1);
    const [door3] = doorFacts(3, 1);
    const batch: Mutation[] = [
      mutation(1, 'door.closed', { activityId: 'x' }),
      mutation(2, 'no.such.mutation', {}),
      mutation(3, 'door.closed', door3?.args, startMs, 9),
      { ...door4!, argsHash: 'f'.repeat(64) },
      ...doorFacts(5, 1),
    ];
    const response = await push(batch);
    expect(response.lastMutationId).toBe(5);
    expect(response.results.map((result) => result.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(response.results[0]?.error).toContain('Invalid door.closed');
    expect(response.results[1]?.error).toContain('No handler for no.such.mutation v1');
    expect(response.results[2]?.error).toContain('No handler for door.closed v9');
    expect(response.results[3]?.error).toContain('argsHash');
    expect(await activityCount()).toBe(1);
    expect(await alertsOf('mutation_rejected')).toHaveLength(4);
    // The stored result comes back on a replay.
    expect((await push(batch)).results).toEqual(response.results);
  });

  it('queues exactly one email per notification, however often it arrives', async () => {
    await push([notification(1, 'note-1')]);
    await push([notification(1, 'note-1')]);
    // The same notification under a later id (re-queued by the kiosk) still sends nothing new.
    await push([
      notification(2, 'note-1'),
      notification(3, 'note-2', null),
      notification(4, 'note-2', null),
    ]);
    const emails = await cloud.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.bankId, device.bankId));
    const byId = Object.fromEntries(emails.map((email) => [email.notificationId, email]));
    expect(Object.keys(byId).sort()).toEqual(['note-1', 'note-2']);
    expect(emails).toHaveLength(2);
    expect(byId['note-1']).toMatchObject({
      tenantId: device.tenantId,
      kind: 'ready_for_pickup',
      state: 'pending',
      toEmail: 'ada@example.test',
      language: 'en',
      subject: 'Your parcel is ready',
      parcelIds: ['parcel-1'],
      inlineImages: [],
      expiresAt: startMs + 86_400_000,
      nextAttemptAt: startMs,
      attempts: 0,
    });
    expect(byId['note-2']).toMatchObject({
      state: 'skipped',
      toEmail: null,
      lastError: 'The recipient has no email address.',
      // Nobody will send it: the batch write keeps no copy of the code either.
      text: '',
      html: '',
    });
  });

  it('projects deposits, pickups and storages onto the server’s physical state', async () => {
    await push([
      fact(1, 'parcel.deposited', {
        compartmentId: 'c1',
        details: {
          parcelId: 'p1',
          recipient: { kind: 'contact', id: 'ada' },
          expiresAtMs: startMs + 1000,
        },
      }),
      fact(2, 'parcel.deposited', { compartmentId: 'c2', details: { parcelId: 'p2' } }),
      fact(3, 'parcel.picked_up', { compartmentId: 'c2', details: { parcelId: 'p2' } }),
      fact(4, 'storage.started', {
        compartmentId: 'c3',
        details: { storageId: 's1', contactId: 'bob', endsAtMs: startMs + 5000 },
      }),
      fact(5, 'parcel.deposited', { compartmentId: 'c4', details: { nothing: true } }),
    ]);
    await push([
      fact(6, 'parcel.removed', { compartmentId: 'c1', details: { parcelId: 'p1' } }),
      fact(7, 'storage.extended', { compartmentId: 'c3', details: { storageId: 's1', toMs: 9 } }),
      fact(8, 'handover.dropped', { compartmentId: 'c5', details: { parcelId: 'p3' } }),
    ]);
    const parcels = await cloud.db
      .select()
      .from(bankParcels)
      .where(eq(bankParcels.bankId, device.bankId));
    const byId = Object.fromEntries(parcels.map((row) => [row.parcelId, row]));
    expect(byId.p1).toMatchObject({
      state: 'removed',
      compartmentId: 'c1',
      recipientContactId: 'ada',
      expiresAt: startMs + 1000,
    });
    expect(byId.p2).toMatchObject({ state: 'picked_up', compartmentId: 'c2' });
    expect(byId.p3).toMatchObject({ state: 'in_locker', compartmentId: 'c5' });
    const [storage] = await cloud.db
      .select()
      .from(bankStorages)
      .where(eq(bankStorages.bankId, device.bankId));
    expect(storage).toMatchObject({ state: 'active', contactId: 'bob', endsAt: 9 });
    await push([fact(9, 'storage.ended', { compartmentId: 'c3', details: { storageId: 's1' } })]);
    const [ended] = await cloud.db
      .select()
      .from(bankStorages)
      .where(eq(bankStorages.bankId, device.bankId));
    expect(ended?.state).toBe('ended');
    expect(await alertsOf('fact_not_projected')).toHaveLength(1);
  });

  it('ends the cloud intents a fact fulfils, and flags one the cloud had cancelled', async () => {
    const reservation = (state: 'active' | 'cancelled') => ({
      contactId: null,
      departmentId: null,
      size: 'M',
      preferredCompartmentId: null,
      designatedOperatorId: null,
      designatedCarrierId: null,
      state,
      createdAt: startMs,
      expiresAt: startMs + 86_400_000,
    });
    await cloud.db.transaction((tx) =>
      writeEntities(
        tx,
        { tenantId: device.tenantId, bankId: device.bankId },
        [
          { kind: 'delivery_reservation', id: 'res-active', value: reservation('active') },
          { kind: 'delivery_reservation', id: 'res-cancelled', value: reservation('cancelled') },
          {
            kind: 'remote_open',
            id: 'cmd-1',
            value: { compartmentId: 'c1', expiresAt: startMs, requestedBy: 'admin', reason: '' },
          },
        ],
        startMs,
      ),
    );
    const versionBefore = (
      await cloud.db.select().from(banks).where(eq(banks.id, device.bankId))
    )[0]?.version;
    const deposit = (id: number, parcelId: string, reservationId: string) =>
      fact(id, 'parcel.deposited', {
        compartmentId: 'c2',
        details: { parcelId, reservationId },
      });
    await push([
      deposit(1, 'p1', 'res-active'),
      deposit(2, 'p2', 'res-cancelled'),
      deposit(3, 'p3', 'kiosk-local-reservation'),
      fact(4, 'compartment.remote_opened', {
        compartmentId: 'c1',
        details: { commandId: 'cmd-1' },
      }),
    ]);
    const rows = await cloud.db
      .select()
      .from(entities)
      .where(and(eq(entities.tenantId, device.tenantId), eq(entities.bankId, device.bankId)));
    const after = Object.fromEntries(rows.map((row) => [row.id, row]));
    const [bank] = await cloud.db.select().from(banks).where(eq(banks.id, device.bankId));
    // One transaction, one version for all three deletes.
    expect(bank?.version).toBe((versionBefore ?? 0) + 1);
    for (const id of ['res-active', 'res-cancelled', 'cmd-1']) {
      expect(after[id]).toMatchObject({ deleted: true, version: bank?.version });
    }
    const flagged = await alertsOf('fact_after_cancel');
    expect(flagged.map((alert) => alert.details)).toEqual([
      expect.objectContaining({ reservationId: 'res-cancelled', parcelId: 'p2' }),
    ]);
  });

  it('records the bank’s clock skew and flags a clock ahead once', async () => {
    await push(doorFacts(1, 1), startMs + 60_000);
    expect(await deviceRow()).toMatchObject({ clockSkewMs: -60_000 });
    expect(await alertsOf('clock_drift')).toHaveLength(0);
    const ahead = fact(2, 'door.opened', {}, startMs + clockDriftAlertMs + 60_000);
    await push([ahead]);
    await push([fact(3, 'door.opened', {}, startMs + clockDriftAlertMs + 90_000)]);
    expect(await alertsOf('clock_drift')).toHaveLength(1);
    expect(await deviceRow()).toMatchObject({ clockSkewMs: clockDriftAlertMs + 90_000 });
  });
});
