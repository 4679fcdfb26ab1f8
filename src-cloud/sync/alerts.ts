import { v7 as uuidv7 } from 'uuid';
import type { CloudDb, CloudTx } from '../db/open-cloud-database.js';
import { alerts } from '../db/schema.js';

/**
 * What sync tells an admin about (sync.md: never a guess, never a silent loss). The console
 * shows each kind with its own English and French text (`alertTexts`); `message` in the row is
 * the English one, for logs.
 */
export const syncAlertKinds = [
  'unknown_incarnation',
  'mutation_hash_mismatch',
  'mutation_rejected',
  'clock_drift',
  'fact_after_cancel',
  'fact_not_projected',
] as const;
export type SyncAlertKind = (typeof syncAlertKinds)[number];

export const alertTexts: Record<SyncAlertKind, { en: string; fr: string }> = {
  unknown_incarnation: {
    en: 'A bank pushed from a database the cloud does not know (restored or recreated); nothing was applied.',
    fr: 'Une consigne a envoyé des données d’une base que le cloud ne connaît pas (restaurée ou recréée) ; rien n’a été appliqué.',
  },
  mutation_hash_mismatch: {
    en: 'A bank sent a different change under an id already applied; the new one was not applied.',
    fr: 'Une consigne a envoyé une autre modification sous un numéro déjà appliqué ; la nouvelle n’a pas été appliquée.',
  },
  mutation_rejected: {
    en: 'A change from a bank could not be applied and was set aside.',
    fr: 'Une modification venant d’une consigne n’a pas pu être appliquée et a été mise de côté.',
  },
  clock_drift: {
    en: 'A bank’s clock is more than five minutes ahead of the server’s.',
    fr: 'L’horloge d’une consigne avance de plus de cinq minutes sur celle du serveur.',
  },
  fact_after_cancel: {
    en: 'A parcel was deposited against a reservation that had been cancelled in the cloud.',
    fr: 'Un colis a été déposé pour une réservation qui avait été annulée dans le cloud.',
  },
  fact_not_projected: {
    en: 'A bank event was recorded but its details could not be read to update the locker state.',
    fr: 'Un événement de consigne a été enregistré, mais ses détails n’ont pas permis de mettre à jour l’état des casiers.',
  },
};

export interface AlertToRaise {
  tenantId: string;
  bankId: string | null;
  deviceId: string | null;
  kind: SyncAlertKind;
  details: Record<string, unknown>;
  /** At most one unresolved alert per key: a retrying bank does not flood the console. */
  dedupeKey?: string;
}

const alertChunk = 500;

/** Writes alerts in the caller's transaction (or alone); a duplicate open key is a no-op. */
export async function raiseAlerts(
  db: CloudTx | CloudDb,
  toRaise: readonly AlertToRaise[],
  nowMs: number,
): Promise<void> {
  const rows = toRaise.map((alert) => ({
    id: uuidv7({ msecs: nowMs }),
    tenantId: alert.tenantId,
    bankId: alert.bankId,
    deviceId: alert.deviceId,
    kind: alert.kind,
    message: alertTexts[alert.kind].en,
    details: alert.details,
    dedupeKey: alert.dedupeKey ?? null,
    createdAt: nowMs,
  }));
  for (let start = 0; start < rows.length; start += alertChunk) {
    await db
      .insert(alerts)
      .values(rows.slice(start, start + alertChunk))
      .onConflictDoNothing();
  }
}
