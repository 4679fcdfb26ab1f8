/**
 * The crash test's victim, run as its own process (`node --import tsx`): a kiosk core on a real
 * SQLite file in `dataDir` with in-memory hardware whose doors open on unlock and are closed by
 * this loop, running drop-offs and pickups chosen by `seed` until the parent SIGKILLs it.
 *
 * Each step is announced on stdout (`step <n> <what>`) with a synchronous write, so the parent
 * can kill after a chosen number of steps while this process is already busy with the next
 * one: the kill lands anywhere in the work, inside transactions included.
 *
 * Usage: crash-child.ts <dataDir> <seed> <startMs>
 */
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { startKioskCore } from '../../src-main/core/start-kiosk-core.js';
import { silentLogger } from '../../src-main/logging/logger.js';
import type { KioskMethodName, MethodResult } from '../../src-shared/api/contract.js';
import type { DropOffRequest, RecipientRef } from '../../src-shared/api/drop-off-methods.js';
import type { StorageVisit } from '../../src-shared/api/storage-methods.js';
import type { CompartmentSize, LockAddress } from '../../src-shared/domain/compartment.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { seededRandom } from '../bench/allocation-bank.js';
import { demoAdminBadge, signInWithCredential } from '../helpers/demo-session.js';
import { FakeHardware } from '../helpers/fake-hardware.js';
import { testSerialPath } from '../main/core/core-harness.js';
import { crashActions } from './crash-storage-and-handovers.js';
import { livePickupCodes } from './live-pickup-codes.js';
import { openSplitDeposit, type SplitDeposit } from './split-deposit-bug.js';
import { splitDepositFlag } from './split-deposit-flag.js';

/** After this many iterations the child stops cleanly (the parent normally kills it before). */
const maxIterations = 400;
const sizes: readonly (CompartmentSize | null)[] = ['S', 'M', 'L', null, null];

let step = 0;
function announce(what: string): void {
  writeSync(1, `step ${++step} ${what}\n`);
}

class Refused extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    message: string,
  ) {
    super(`${method} refused: ${code} ${message}`);
  }
}

async function main(): Promise<void> {
  const [dataDir, seedText, startText] = process.argv.slice(2);
  if (dataDir === undefined || seedText === undefined || startText === undefined) {
    throw new Error('usage: crash-child.ts <dataDir> <seed> <startMs>');
  }
  const random = seededRandom(Number(seedText));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const clock = new ManualClock(Number(startText));
  const hardware = new FakeHardware();
  const core = await startKioskCore({
    dataDir,
    demo: true,
    hardware,
    clock,
    logger: silentLogger(),
    serialPath: testSerialPath,
  });
  const reader = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  const split =
    process.env[splitDepositFlag] === '1' ? openSplitDeposit(dataDir, clock) : undefined;
  announce('started');

  const locks = reader.prepare('SELECT id, board, channel FROM compartment').all() as {
    id: string;
    board: number;
    channel: number;
  }[];
  // A fresh kiosk reads every door once; a closed door is one allocation may use.
  for (const lock of locks) {
    hardware.setDoor(lock, 'closed');
  }
  const session = (await signInWithCredential(core.transport, demoAdminBadge)).session;
  announce('signed in');

  // Few recipients, so consolidation (D6) and multi-parcel pickups happen.
  const recipients: RecipientRef[] = [
    ...(
      reader.prepare('SELECT id FROM contact WHERE active = 1 ORDER BY id LIMIT 10').all() as {
        id: string;
      }[]
    ).map((row) => ({ kind: 'contact' as const, id: row.id })),
    ...(
      reader
        .prepare(
          `SELECT d.id FROM department d JOIN contact c ON c.id = d.key_contact_id
            WHERE d.active = 1 AND c.active = 1 ORDER BY d.id LIMIT 2`,
        )
        .all() as { id: string }[]
    ).map((row) => ({ kind: 'department' as const, id: row.id })),
  ];

  async function call<M extends KioskMethodName>(
    method: M,
    args: Record<string, unknown>,
  ): Promise<MethodResult<M>> {
    const result = await core.transport.invoke(method, args, pick(['en', 'fr'] as const));
    if (!result.ok) {
      throw new Refused(method, result.error.code, result.error.message);
    }
    return result.value as MethodResult<M>;
  }

  function lastUnlocked(): LockAddress {
    const lock = hardware.unlocked.at(-1);
    if (!lock) {
      throw new Error('no lock was unlocked');
    }
    return lock;
  }

  async function dropOff(iteration: number): Promise<void> {
    const text = `CRASH${seedText}X${iteration}`;
    const identified = await call('dropoff.identify', { session, text });
    announce('identified');
    const size = pick(sizes);
    const request: DropOffRequest = {
      recipient: pick(recipients),
      trackingNumber: identified.trackingNumber,
      carrier: identified.carrier,
      parcelSize: size,
      placement: size !== null && random() < 0.3 ? { kind: 'size', size } : { kind: 'engine' },
      expectedParcelId: null,
      reservationId: null,
    };
    let deposit;
    try {
      deposit = await call('dropoff.start', { session, request });
    } catch (error) {
      if (error instanceof Refused && error.code === 'no_compartment_available') {
        announce('bank full');
        return;
      }
      throw error;
    }
    const lock = lastUnlocked();
    announce('door open');
    if (split) {
      await splitDeposit(split, deposit.depositId, deposit.compartment.id, request, text);
    }
    await clock.advance(1_000 + Math.floor(random() * 4_000));
    // The door truth and the deposit's door watch see it close: the deposit commits now.
    hardware.setDoor(lock, 'closed');
    announce('door closed');
  }

  async function splitDeposit(
    bug: SplitDeposit,
    depositId: string,
    compartmentId: string,
    request: DropOffRequest,
    trackingNumber: string,
  ): Promise<void> {
    await call('dropoff.cancel', { session, depositId });
    bug.deposit({
      compartmentId,
      recipient: request.recipient,
      trackingNumber,
      between: () => announce('half a deposit'),
    });
  }

  async function pickUp(): Promise<boolean> {
    const live = livePickupCodes(reader);
    if (live.length === 0) {
      return false;
    }
    const { code } = pick(live);
    const pickup = await call('pickup.withCode', { code });
    announce('code accepted');
    const doors = new Map<string, string>();
    for (const parcel of pickup.parcels) {
      if (parcel.state === 'waiting') {
        doors.set(parcel.compartment.id, parcel.parcelId);
      }
    }
    for (const parcelId of doors.values()) {
      // Sometimes the recipient leaves some of their parcels for later.
      if (doors.size > 1 && random() < 0.2) {
        continue;
      }
      await call('pickup.open', { pickupId: pickup.pickupId, parcelIds: [parcelId] });
      const lock = lastUnlocked();
      announce('pickup door open');
      await clock.advance(1_000 + Math.floor(random() * 4_000));
      hardware.setDoor(lock, 'closed');
      announce('pickup door closed');
    }
    await call('pickup.finish', { pickupId: pickup.pickupId });
    return true;
  }

  const storageEvents = new Map<string, StorageVisit>();
  core.transport.subscribe((event, payload) => {
    if (event === 'storage.changed') {
      const visit = payload as StorageVisit;
      storageEvents.set(visit.visitId, visit);
    }
  });
  const issue5 = crashActions({
    call,
    refusedWith: (error, ...codes) => error instanceof Refused && codes.includes(error.code),
    announce,
    random,
    clock,
    hardware,
    lastUnlocked,
    reader,
    session,
    contactIds: recipients.flatMap((recipient) =>
      recipient.kind === 'contact' ? [recipient.id] : [],
    ),
    storageEvents,
  });
  // Each action may find nothing to do (no code alive, nothing to collect): a drop-off then.
  const actions: readonly [share: number, act: () => Promise<boolean>][] = [
    [0.3, pickUp],
    [0.1, issue5.store],
    [0.1, issue5.useStorage],
    [0.06, issue5.reserveHandover],
    [0.08, issue5.dropHandover],
    [0.05, issue5.collectReturn],
  ];

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    await clock.advance(1_000 + Math.floor(random() * 4_000));
    let roll = random();
    const chosen = actions.find(([share]) => (roll -= share) < 0);
    if (chosen && (await chosen[1]())) {
      continue;
    }
    await dropOff(iteration);
  }
  announce('done');
  split?.close();
  reader.close();
  await core.stop();
}

main().catch((error: unknown) => {
  writeSync(
    2,
    `crash child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(3);
});
