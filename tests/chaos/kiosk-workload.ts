/**
 * What a busy bank does while the network misbehaves: drop-offs by an operator and pickups by
 * their recipients (with the codes read back from the queued notices), on a kiosk core with
 * in-memory hardware whose doors this loop closes. Each step advances the kiosk's fake clock,
 * which is also what lets the sync engine's back-off and outbox watch run.
 */
import type Database from 'better-sqlite3';
import type { KioskCore } from '../../src-main/core/start-kiosk-core.js';
import type { KioskMethodName, MethodResult } from '../../src-shared/api/contract.js';
import type { RecipientRef } from '../../src-shared/api/drop-off-methods.js';
import type { LockAddress } from '../../src-shared/domain/compartment.js';
import type { ManualClock } from '../../src-shared/time/manual-clock.js';
import { livePickupCodes } from '../crash/live-pickup-codes.js';
import { demoAdminBadge, signInWithCredential } from '../helpers/demo-session.js';
import type { FakeHardware } from '../helpers/fake-hardware.js';

export interface KioskWorkload {
  /** One action: a pickup when a code is alive and the dice say so, else a drop-off. */
  step(): Promise<string>;
}

export async function startKioskWorkload(options: {
  core: KioskCore;
  hardware: FakeHardware;
  clock: ManualClock;
  reader: Database.Database;
  random: () => number;
  label: string;
}): Promise<KioskWorkload> {
  const { core, hardware, clock, reader, random } = options;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let session = (await signInWithCredential(core.transport, demoAdminBadge)).session;
  let counter = 0;
  const recipients: RecipientRef[] = (
    reader.prepare('SELECT id FROM contact WHERE active = 1 ORDER BY id LIMIT 8').all() as {
      id: string;
    }[]
  ).map((row) => ({ kind: 'contact' as const, id: row.id }));

  async function call<M extends KioskMethodName>(
    method: M,
    args: Record<string, unknown>,
  ): Promise<MethodResult<M> | { refused: string }> {
    const result = await core.transport.invoke(method, args, 'en');
    return result.ok ? (result.value as MethodResult<M>) : { refused: result.error.code };
  }

  function lastUnlocked(): LockAddress {
    const lock = hardware.unlocked.at(-1);
    if (!lock) {
      throw new Error('no lock was unlocked');
    }
    return lock;
  }

  async function withSession<M extends KioskMethodName>(
    method: M,
    args: Record<string, unknown>,
  ): Promise<MethodResult<M> | { refused: string }> {
    let result = await call(method, { ...args, session });
    if (typeof result === 'object' && result !== null && 'refused' in result) {
      if (result.refused === 'session_invalid' || result.refused === 'session_expired') {
        session = (await signInWithCredential(core.transport, demoAdminBadge)).session;
        result = await call(method, { ...args, session });
      }
    }
    return result;
  }

  async function dropOff(): Promise<string> {
    const identified = await withSession('dropoff.identify', {
      text: `CHAOS${options.label}X${++counter}`,
    });
    if ('refused' in identified) {
      return `identify refused: ${identified.refused}`;
    }
    const started = await withSession('dropoff.start', {
      request: {
        recipient: pick(recipients),
        trackingNumber: identified.trackingNumber,
        carrier: identified.carrier,
        parcelSize: null,
        placement: { kind: 'engine' },
        expectedParcelId: null,
        reservationId: null,
      },
    });
    if ('refused' in started) {
      return `drop-off refused: ${started.refused}`;
    }
    const lock = lastUnlocked();
    await clock.advance(1_000);
    hardware.setDoor(lock, 'closed');
    await clock.advance(100);
    return 'drop-off';
  }

  async function pickUp(): Promise<string | undefined> {
    const live = livePickupCodes(reader);
    if (live.length === 0) {
      return undefined;
    }
    const pickup = await call('pickup.withCode', { code: pick(live).code });
    if ('refused' in pickup) {
      return `pickup refused: ${pickup.refused}`;
    }
    for (const parcel of pickup.parcels) {
      if (parcel.state !== 'waiting') {
        continue;
      }
      const opened = await call('pickup.open', {
        pickupId: pickup.pickupId,
        parcelIds: [parcel.parcelId],
      });
      if ('refused' in opened) {
        continue;
      }
      const lock = lastUnlocked();
      await clock.advance(1_000);
      hardware.setDoor(lock, 'closed');
      await clock.advance(100);
    }
    await call('pickup.finish', { pickupId: pickup.pickupId });
    return 'pickup';
  }

  for (const lock of reader.prepare('SELECT board, channel FROM compartment').all() as {
    board: number;
    channel: number;
  }[]) {
    hardware.setDoor(lock, 'closed');
  }

  return {
    async step() {
      await clock.advance(1_000 + Math.floor(random() * 2_000));
      if (random() < 0.4) {
        const picked = await pickUp();
        if (picked !== undefined) {
          return picked;
        }
      }
      return dropOff();
    },
  };
}
