import type Database from 'better-sqlite3';
import type { KioskMethodName, MethodResult } from '../../src-shared/api/contract.js';
import type { StorageVisit } from '../../src-shared/api/storage-methods.js';
import type { LockAddress } from '../../src-shared/domain/compartment.js';
import type { ManualClock } from '../../src-shared/time/manual-clock.js';
import type { FakeHardware } from '../helpers/fake-hardware.js';
import { liveDropCodes } from './live-drop-codes.js';

/**
 * Issue 5's actions for the crash test's child: walk-up storage (start, open during, extend,
 * end), and returns and exchanges (reserve, drop with the sender's code, collect). Exchanges are
 * picked up by the child's ordinary pickups, whose codes come from the same outbox.
 */
export interface CrashActionContext {
  call<M extends KioskMethodName>(
    method: M,
    args: Record<string, unknown>,
  ): Promise<MethodResult<M>>;
  /** Whether `error` is a refusal with this code (the bank is full, a code no longer works…). */
  refusedWith(error: unknown, ...codes: string[]): boolean;
  announce(what: string): void;
  random(): number;
  clock: ManualClock;
  hardware: FakeHardware;
  lastUnlocked(): LockAddress;
  reader: Database.Database;
  session: string;
  contactIds: readonly string[];
  /** The last `storage.changed` event of each visit. */
  storageEvents: ReadonlyMap<string, StorageVisit>;
}

export interface CrashActions {
  store(): Promise<boolean>;
  useStorage(): Promise<boolean>;
  reserveHandover(): Promise<boolean>;
  dropHandover(): Promise<boolean>;
  collectReturn(): Promise<boolean>;
}

export function crashActions(context: CrashActionContext): CrashActions {
  const { call, announce, random, clock, hardware } = context;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  /** Walk-up codes shown on the screen in this child's life (they are in no outbox row). */
  const storageCodes: string[] = [];

  async function closeAfterAWhile(lock: LockAddress, what: string): Promise<void> {
    await clock.advance(1_000 + Math.floor(random() * 4_000));
    hardware.setDoor(lock, 'closed');
    announce(what);
  }

  return {
    store: async () => {
      const options = await call('storage.options', {});
      const free = options.sizes.filter((size) => size.available > 0);
      if (free.length === 0) {
        return false;
      }
      const { duration } = options;
      const hours =
        duration.kind === 'fixed'
          ? duration.hours
          : duration.kind === 'flexible'
            ? 1 + Math.floor(random() * duration.maxHours)
            : null;
      let visit;
      try {
        visit = await call('storage.start', { size: pick(free).size, hours, scanId: null });
      } catch (error) {
        if (context.refusedWith(error, 'no_compartment_available')) {
          return false;
        }
        throw error;
      }
      const lock = context.lastUnlocked();
      announce('storage door open');
      hardware.setItem(lock, true);
      await closeAfterAWhile(lock, 'storage door closed');
      const code = context.storageEvents.get(visit.visitId)?.newCode;
      if (code) {
        storageCodes.push(code);
      }
      await call('storage.finish', { visitId: visit.visitId });
      return true;
    },

    useStorage: async () => {
      const code = storageCodes.length > 0 ? pick(storageCodes) : undefined;
      if (code === undefined) {
        return false;
      }
      const visit = await call('storage.withCode', { code });
      announce('storage code accepted');
      const choice = random();
      if (choice < 0.4 && !visit.expired) {
        await call('storage.open', { visitId: visit.visitId });
        await closeAfterAWhile(context.lastUnlocked(), 'storage reopened and closed');
      } else if (choice < 0.6 && visit.latestEndMs !== null && !visit.expired) {
        try {
          await call('storage.extend', { visitId: visit.visitId, hours: 1 });
          announce('storage extended');
        } catch (error) {
          if (!context.refusedWith(error, 'storage_refused')) {
            throw error;
          }
        }
      } else {
        await call('storage.end', { visitId: visit.visitId });
        const lock = context.lastUnlocked();
        announce('storage emptying');
        hardware.setItem(lock, false);
        await closeAfterAWhile(lock, 'storage ended');
        storageCodes.splice(storageCodes.indexOf(code), 1);
      }
      await call('storage.finish', { visitId: visit.visitId });
      return true;
    },

    reserveHandover: async () => {
      const exchange = random() < 0.5;
      const sender = pick(context.contactIds);
      const receiver = pick(context.contactIds.filter((id) => id !== sender));
      await call('handover.create', {
        session: context.session,
        request: {
          kind: exchange ? 'exchange' : 'return',
          senderContactId: sender,
          receiverContactId: exchange ? receiver : null,
          size: pick(['S', 'M', 'L'] as const),
          trackingNumber: null,
          generateTrackingNumber: exchange || random() < 0.5,
          dropWithinDays: 7,
        },
      });
      announce('hand-over reserved');
      return true;
    },

    dropHandover: async () => {
      const live = liveDropCodes(context.reader);
      if (live.length === 0) {
        return false;
      }
      let drop;
      try {
        drop = await call('handover.withCode', { code: pick(live).code });
      } catch (error) {
        if (context.refusedWith(error, 'no_compartment_available')) {
          return false;
        }
        throw error;
      }
      const lock = context.lastUnlocked();
      announce('hand-over door open');
      await closeAfterAWhile(lock, `hand-over ${drop.kind} dropped`);
      return true;
    },

    collectReturn: async () => {
      const waiting = context.reader
        .prepare(`SELECT id FROM handover WHERE kind = 'return' AND state = 'in_locker'`)
        .all() as { id: string }[];
      if (waiting.length === 0) {
        return false;
      }
      await call('handover.collect', { session: context.session, handoverId: pick(waiting).id });
      await closeAfterAWhile(context.lastUnlocked(), 'return collected');
      return true;
    },
  };
}
