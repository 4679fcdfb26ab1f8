import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startKioskCore, type KioskCore } from '../../src-main/core/start-kiosk-core.js';
import { silentLogger } from '../../src-main/logging/logger.js';
import type { KioskMethodName, MethodResult } from '../../src-shared/api/contract.js';
import type { LockAddress } from '../../src-shared/domain/compartment.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { codeInNotice } from '../crash/live-pickup-codes.js';
import { demoAdminBadge, signInWithCredential } from '../helpers/demo-session.js';
import { FakeHardware } from '../helpers/fake-hardware.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import { testSerialPath } from '../main/core/core-harness.js';
import { seededRandom } from './allocation-bank.js';
import { figure, median, type BenchFigure } from './harness.js';
import { buildBigBank, type BigBankShape } from './scan-to-unlock-bank.js';

/**
 * Issue 4's `scan_to_unlock`: through the real dispatcher, as the kiosk page calls it, from a
 * scanned label (`dropoff.identify` then `dropoff.start`) and from a typed pickup code
 * (`pickup.withCode` then `pickup.open`) until the core asks the hardware to unlock (an
 * in-memory fake that answers at once, so serial time is not in the figure), on a bank of 1,000
 * compartments with 1,000,000 activity rows, a few hundred parcels and reservations.
 *
 * Floor, in the same run and in alternation: the same dispatcher path on a trivial method
 * (`settings.public`) followed by one durable single-row transaction on the same file (WAL,
 * synchronous=FULL): what any "scan, then write that the door opens" must pay at least.
 *
 * Every drop-off completes (its door closes on the parcel: code, notice, outbox) and the code it
 * issued is then picked up, so the bank keeps the same few hundred parcels throughout.
 */
const compartments = 1_000;
const activityRows = 1_000_000;
const runs = Number(process.env['CASIER_BENCH_SCAN_RUNS'] ?? 1_000);
const warmUp = 30;
const nowMs = Date.UTC(2026, 10, 25, 8, 0);

export async function benchScanToUnlock(): Promise<Record<string, BenchFigure>> {
  const folder = makeTempFolder('casier-bench-');
  let core: KioskCore | undefined;
  let reader: Database.Database | undefined;
  let writer: Database.Database | undefined;
  try {
    const setupStarted = performance.now();
    const shape = buildBigBank(folder.path, { compartments, activityRows, nowMs });
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const file = join(folder.path, 'kiosk.sqlite');

    const clock = new ManualClock(nowMs);
    const hardware = new FakeHardware();
    let unlockedAt = Number.NaN;
    const unlock = hardware.unlockAndObserve;
    hardware.unlockAndObserve = (lock: LockAddress) => {
      unlockedAt = performance.now();
      return unlock(lock);
    };
    core = await startKioskCore({
      dataDir: folder.path,
      hardware,
      clock,
      logger: silentLogger(),
      serialPath: testSerialPath,
    });
    const transport = core.transport;
    reader = new Database(file, { readonly: true });
    for (const lock of reader.prepare('SELECT board, channel FROM compartment').all()) {
      hardware.setDoor(lock as LockAddress, 'closed');
    }
    const session = (await signInWithCredential(transport, demoAdminBadge)).session;
    const contacts = (
      reader.prepare('SELECT id FROM contact WHERE active = 1 ORDER BY id').all() as {
        id: string;
      }[]
    ).map((row) => row.id);
    const newestNotice = reader.prepare(
      `SELECT json_extract(args, '$.message.text') AS text,
              json_extract(args, '$.message.language') AS language,
              json_extract(args, '$.parcelIds[0]') AS parcelId
         FROM sync_outbox WHERE name = 'notification.ready_for_pickup' ORDER BY id DESC LIMIT 1`,
    );

    writer = new Database(file);
    writer.pragma('synchronous = FULL');
    writer.exec('CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT');
    const insertFloor = writer.prepare('INSERT INTO bench_floor (payload) VALUES (?)');
    const floorTransaction = writer.transaction(() => insertFloor.run('{"door":"1-1"}'));

    async function call<M extends KioskMethodName>(
      method: M,
      args: Record<string, unknown>,
      locale: Locale = 'en',
    ): Promise<MethodResult<M>> {
      const result = await transport.invoke(method, args, locale);
      if (!result.ok) {
        throw new Error(`bench: ${method} refused: ${result.error.code} ${result.error.message}`);
      }
      return result.value as MethodResult<M>;
    }
    function closeLastDoor(): void {
      const lock = hardware.unlocked.at(-1);
      if (!lock) {
        throw new Error('bench: no door was unlocked');
      }
      hardware.setDoor(lock, 'closed');
    }

    const random = seededRandom(11);
    const samples = { dropOff: [] as number[], pickup: [] as number[], floor: [] as number[] };
    for (let run = -warmUp; run < runs; run++) {
      await clock.advance(1_000);
      const keep = run >= 0;

      let started = performance.now();
      await call('settings.public', {});
      floorTransaction();
      const floor = performance.now() - started;

      // A label scanned at the kiosk, the recipient chosen, the engine's compartment opened.
      unlockedAt = Number.NaN;
      started = performance.now();
      const identified = await call('dropoff.identify', {
        session,
        text: `1ZBENCH${run + warmUp}`,
      });
      await call('dropoff.start', {
        session,
        request: {
          recipient: {
            kind: 'contact',
            id: contacts[Math.floor(random() * contacts.length)]!,
          },
          trackingNumber: identified.trackingNumber,
          carrier: identified.carrier,
          parcelSize: (['S', 'M', 'L'] as const)[Math.floor(random() * 3)]!,
          placement: { kind: 'engine' },
          expectedParcelId: null,
          reservationId: null,
        },
      });
      const dropOff = unlockedAt - started;
      closeLastDoor();

      const notice = newestNotice.get() as { text: string; language: Locale; parcelId: string };
      const code = codeInNotice(notice.text, notice.language);
      if (code === undefined) {
        throw new Error('bench: the deposit queued no readable code');
      }

      // The recipient types the code from the message; the door opens.
      unlockedAt = Number.NaN;
      started = performance.now();
      const pickup = await call('pickup.withCode', { code });
      await call('pickup.open', { pickupId: pickup.pickupId, parcelIds: [notice.parcelId] });
      const pickupMs = unlockedAt - started;
      closeLastDoor();
      await call('pickup.finish', { pickupId: pickup.pickupId });

      if (Number.isNaN(dropOff) || Number.isNaN(pickupMs)) {
        throw new Error('bench: a run ended without an unlock');
      }
      if (keep) {
        samples.floor.push(floor);
        samples.dropOff.push(dropOff);
        samples.pickup.push(pickupMs);
      }
    }
    return figures(samples, shape, setupSeconds);
  } finally {
    writer?.close();
    reader?.close();
    await core?.stop();
    folder.remove();
  }
}

function figures(
  samples: { dropOff: number[]; pickup: number[]; floor: number[] },
  shape: BigBankShape,
  setupSeconds: number,
): Record<string, BenchFigure> {
  const bank = `${shape.compartments} compartments, ${shape.activityRows.toLocaleString('en')} activity rows, ${shape.parcelsInLocker} parcels in compartments, ${shape.reservations} active reservations (built in ${Math.round(setupSeconds)} s)`;
  const floor = `the floor: settings.public through the same dispatcher + one durable single-row transaction on the same file (WAL, synchronous=FULL)`;
  const floorP50 = median([...samples.floor]);
  const floorP99 = percentile(samples.floor, 0.99);
  const count = `${samples.floor.length} runs, each measured and floor call alternating`;
  return {
    // Issue 4's figure: a typed pickup code until the unlock.
    'scan_to_unlock.p50': figure(
      median([...samples.pickup]),
      floorP50,
      'ms',
      `median time from pickup.withCode (the code from the drop-off's notice) through pickup.open until the core calls the lock's unlock (in-memory hardware answering at once), vs the median of ${floor}; ${bank}; ${count}. Target: within 2× the floor`,
    ),
    'scan_to_unlock.p99': figure(
      percentile(samples.pickup, 0.99),
      floorP99,
      'ms',
      `p99 of the same pickups vs p99 of the floor. Target: p99 < 10 ms`,
    ),
    // The operator's side of the same question: a scanned label until the door opens.
    'drop_off_scan_to_unlock.p50': figure(
      median([...samples.dropOff]),
      floorP50,
      'ms',
      `median time from dropoff.identify (a scanned label) through dropoff.start until the core calls the unlock, vs the floor's median; same bank and runs`,
    ),
    'drop_off_scan_to_unlock.p99': figure(
      percentile(samples.dropOff, 0.99),
      floorP99,
      'ms',
      `p99 of the same drop-offs vs p99 of the floor`,
    ),
  };
}

/** The value below which `fraction` of the samples lie (nearest rank). */
function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}
