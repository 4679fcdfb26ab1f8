import { v7 as uuidv7 } from 'uuid';
import type { KioskDb } from '../../../src-main/db/open-kiosk-database.js';
import { lockerBanks } from '../../../src-main/db/schema.js';
import type { NotificationToQueue } from '../../../src-main/notifications/queue-notification.js';
import {
  composeReadyForPickup,
  type ReadyForPickupInput,
} from '../../../src-main/notifications/ready-for-pickup.js';

export const testNow = Date.UTC(2026, 10, 25, 9, 0);

export function insertBank(db: KioskDb, name = 'Hall A'): string {
  const id = uuidv7({ msecs: testNow });
  db.insert(lockerBanks).values({ id, name, createdAt: testNow }).run();
  return id;
}

/** A ready-for-pickup notification without a QR (drawing one is tested elsewhere and slow). */
export function readyForPickupNotification(
  bankId: string,
  overrides: Partial<ReadyForPickupInput> = {},
): NotificationToQueue {
  const expiresAtMs = testNow + 72 * 3600_000;
  return {
    kind: 'ready_for_pickup',
    bankId,
    parcelIds: [uuidv7()],
    accessCodeId: uuidv7(),
    expiresAtMs,
    message: composeReadyForPickup({
      recipient: { name: 'Zoé Martin', email: 'zoe.martin@example.org', language: 'fr' },
      bankName: 'Hall A',
      pickupCode: '04827193',
      pickupQrToken: null,
      compartment: { label: '17', doorBottomCm: 55, doorTopCm: 85 },
      trackingNumber: null,
      departmentName: null,
      expiresAtMs,
      timeZone: 'UTC',
      ...overrides,
    }),
  };
}
