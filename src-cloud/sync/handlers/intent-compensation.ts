import { and, eq, inArray } from 'drizzle-orm';
import { DeliveryReservationValue } from '../../../src-shared/sync/entities.js';
import type { DeviceIdentity } from '../../auth/device-auth.js';
import type { CloudTx } from '../../db/open-cloud-database.js';
import { entities } from '../../db/schema.js';
import type { AlertToRaise } from '../alerts.js';
import { writeEntities, type EntityWrite } from '../entity-writes.js';
import type { PhysicalProjection } from './physical-projection.js';

type CompensationAlert = Omit<AlertToRaise, 'tenantId' | 'bankId' | 'deviceId'>;

/**
 * Where a bank's facts fulfil or contradict the cloud's intents, the server adapts its intents
 * and tells an admin; it never refuses the fact (sync.md "Who owns what").
 *
 * - A deposit that used a cloud reservation ends that intent: the entity is deleted (a `del` op
 *   moves the bank version). Deleting rather than rewriting it keeps a later clear+snapshot from
 *   handing the bank an "active" reservation it already fulfilled; the bank keeps its own row.
 * - A deposit against a reservation the cloud had cancelled (or deleted) meanwhile is an alert
 *   `fact_after_cancel`: the parcel is in the locker whatever the console said.
 * - A remote open the bank ran, or let expire, is done: its entity is deleted so it never
 *   comes down again.
 *
 * Returns the alerts to raise; all entity changes go in one write (one bank version).
 */
export async function compensateIntents(
  tx: CloudTx,
  device: DeviceIdentity,
  projection: PhysicalProjection,
  nowMs: number,
): Promise<CompensationAlert[]> {
  const alerts: CompensationAlert[] = [];
  const deletes: EntityWrite[] = [];
  const reservationIds = [...new Set(projection.reservationUses.map((use) => use.reservationId))];
  if (reservationIds.length > 0) {
    const rows = await bankEntities(tx, device, 'delivery_reservation', reservationIds);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const use of projection.reservationUses) {
      const row = byId.get(use.reservationId);
      if (row === undefined) {
        continue; // A reservation made at the kiosk: not the cloud's intent.
      }
      const value = DeliveryReservationValue.safeParse(row.value);
      const cancelled = row.deleted || !value.success || value.data.state === 'cancelled';
      if (cancelled) {
        alerts.push({
          kind: 'fact_after_cancel',
          details: { ...use, reservationState: row.deleted ? 'deleted' : 'cancelled' },
          dedupeKey: `fact_after_cancel:${device.bankId}:${use.activityId}`,
        });
      }
      if (!row.deleted) {
        deletes.push({ kind: 'delivery_reservation', id: row.id, deleted: true });
        row.deleted = true;
      }
    }
  }
  const commandIds = [...projection.finishedRemoteOpens];
  if (commandIds.length > 0) {
    const rows = await bankEntities(tx, device, 'remote_open', commandIds);
    for (const row of rows) {
      if (!row.deleted) {
        deletes.push({ kind: 'remote_open', id: row.id, deleted: true });
      }
    }
  }
  if (deletes.length > 0) {
    await writeEntities(tx, { tenantId: device.tenantId, bankId: device.bankId }, deletes, nowMs);
  }
  return alerts;
}

async function bankEntities(
  tx: CloudTx,
  device: DeviceIdentity,
  kind: 'delivery_reservation' | 'remote_open',
  ids: readonly string[],
): Promise<{ id: string; value: unknown; deleted: boolean }[]> {
  return tx
    .select({ id: entities.id, value: entities.value, deleted: entities.deleted })
    .from(entities)
    .where(
      and(
        eq(entities.tenantId, device.tenantId),
        eq(entities.bankId, device.bankId),
        eq(entities.kind, kind),
        inArray(entities.id, [...ids]),
      ),
    );
}
