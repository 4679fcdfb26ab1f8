import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { StorageStep, StorageVisit } from '../../../src-shared/api/storage-methods.js';
import type { AllocationMode, AllocationParty } from '../../../src-shared/allocation/index.js';
import type { BankSettings } from '../../../src-shared/domain/bank-settings.js';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import type { UnlockOutcome } from '../../../src-shared/domain/door.js';
import type { ClassifiedScan } from '../../../src-shared/domain/scan.js';
import {
  checkExtension,
  checkStayHours,
  isStayExpired,
  latestStayEnd,
  stayEnd,
} from '../../../src-shared/domain/storage-stay.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import type { Clock, TimerHandle } from '../../../src-shared/time/clock.js';
import {
  lockOf,
  type CompartmentService,
  type DoorSensing,
} from '../../core/compartment-service.js';
import { KioskError } from '../../core/kiosk-error.js';
import type { KioskDb } from '../../db/open-kiosk-database.js';
import { findActiveBadgeByValue } from '../../db/queries/badges.js';
import { findCompartment, type CompartmentRow } from '../../db/queries/compartments.js';
import { findContact, type Contact } from '../../db/queries/contacts.js';
import { recordAction } from '../../db/queries/record-action.js';
import {
  findStorage,
  listStoragesOfContact,
  type StorageDraft,
  type StorageReservation,
} from '../../db/queries/storage-reservations.js';
import type { KioskTx } from '../../db/transaction.js';
import type { Logger } from '../../logging/logger.js';
import { refusedCode } from '../code-refusal.js';
import { compartmentBrief } from '../compartment-brief.js';
import type { DoorWatch } from '../door-watch.js';
import { allocateNow, doorOpened, openFirstDoor } from '../first-door.js';
import type { KioskCodes } from '../kiosk-codes.js';
import {
  recordBookingStarted,
  recordExtended,
  recordStorageClosed,
  recordWalkUpStarted,
  storageParty,
} from './storage-records.js';
import {
  expiredRefusal,
  extensionRefusal,
  stayHoursRefusal,
  storageRefused,
} from './storage-refusals.js';
import { firstName } from '../first-name.js';

/**
 * One person at the screen with one storage (F1–F5): the steps of storage-methods.ts. Door
 * truth decides when a step is done: a new storage is active only once its door was seen closed
 * on the things (item sensor agreeing where there is one), a storage ends only once its door
 * closed on an empty compartment. Visits live in memory; the storage rows are the truth.
 */
/** F2: a booking may be claimed from this long before its start until its claim limit. */
export const bookingEarlyArrivalMs = 30 * 60_000;

export interface StorageVisitDependencies {
  db: KioskDb;
  clock: Clock;
  logger: Logger;
  bankId: string;
  compartments: Pick<CompartmentService, 'open'>;
  doors: DoorSensing;
  doorWatch: DoorWatch;
  codes: KioskCodes;
  settings: () => BankSettings;
  dedications: () => ReadonlyMap<string, AllocationParty>;
  /** Item sensors read by this bank's profile (X2). */
  itemSensors: () => boolean;
  emit: (view: StorageVisit) => void;
  newVisitId?: () => string;
}

export interface StorageVisits {
  start(
    size: CompartmentSize,
    hours: number | null,
    badge: ClassifiedScan | null,
    locale: Locale,
  ): Promise<StorageVisit>;
  withCode(code: string, locale: Locale): Promise<StorageVisit>;
  withScan(scan: ClassifiedScan, locale: Locale): Promise<StorageVisit>;
  open(visitId: string, locale: Locale): Promise<StorageVisit>;
  extend(visitId: string, hours: number, locale: Locale): StorageVisit;
  end(visitId: string, locale: Locale): Promise<StorageVisit>;
  giveUp(visitId: string, locale: Locale): StorageVisit;
  finish(visitId: string): void;
  /** Whether a visit works with this storage now (a booking being claimed, a door open). */
  inUse(storageId: string): boolean;
  stop(): void;
}

/**
 * What the visit works on: a walk-up not yet active (its row is written when the door closes on
 * the things), a booking being claimed (bound when the door closes), or a running storage.
 */
type Stay =
  | { kind: 'new'; draft: StorageDraft }
  | { kind: 'booking'; storage: StorageReservation }
  | { kind: 'running'; storage: StorageReservation };

interface Visit {
  id: string;
  actorId: string;
  ownerName: string | null;
  contact: Contact | undefined;
  stay: Stay;
  step: StorageStep;
  compartment: CompartmentRow;
  locale: Locale;
  skipped: { label: string; outcome: string }[];
  /** A door of this visit is open: no time-out under someone's hands. */
  doorOpen: boolean;
  /** The person left (finish, time-out): a door still open is watched, nothing waits for them. */
  left: boolean;
  /** Releases this visit's claim on its compartment (held while its door task runs). */
  release: () => void;
  timer: TimerHandle | undefined;
}

type DoorFact = 'storage.start_requested' | 'storage.opened' | 'storage.end_requested';

export function createStorageVisits(deps: StorageVisitDependencies): StorageVisits {
  const { db, clock, logger, bankId } = deps;
  const visits = new Map<string, Visit>();
  /**
   * The one visit working with each storage: a second screen (the code typed again, the badge
   * after the code) would otherwise open the same door twice, or claim one booking twice.
   */
  const byStorage = new Map<string, Visit>();
  const newVisitId = deps.newVisitId ?? (() => randomBytes(24).toString('base64url'));

  function storageIdOf(stay: Stay): string {
    return stay.kind === 'new' ? stay.draft.id : stay.storage.id;
  }

  function view(visit: Visit, newCode: string | null = null): StorageVisit {
    const running = visit.stay.kind === 'running' ? visit.stay.storage : null;
    return {
      visitId: visit.id,
      storageId: storageIdOf(visit.stay),
      step: visit.step,
      compartment: compartmentBrief(visit.compartment),
      ownerName: visit.ownerName,
      startedAtMs: running?.startedAt ?? null,
      endsAtMs: running?.endsAt ?? null,
      latestEndMs: running?.latestEndAt ?? null,
      expired:
        running !== null &&
        running.state === 'active' &&
        isStayExpired(running.endsAt, clock.now()),
      newCode,
      skipped: visit.skipped,
    };
  }

  function visitOf(visitId: string, locale: Locale): Visit {
    const visit = visits.get(visitId);
    if (!visit) {
      throw new KioskError('not_found', { what: 'noun.storage_visit' });
    }
    visit.locale = locale;
    touch(visit);
    return visit;
  }

  /** The visit's step does not allow this call: say what to do instead. */
  function wrongStep(visit: Visit): KioskError {
    return storageRefused(visit.doorOpen ? 'storage.refused.door_open' : 'storage.refused.not_now');
  }

  /** The running storage as committed now (another visit may have ended it meanwhile). */
  function runningStorage(visit: Visit): StorageReservation {
    const current =
      visit.stay.kind === 'running' ? findStorage(db, visit.stay.storage.id) : undefined;
    if (!current || current.state !== 'active') {
      // Ended from elsewhere (an operator emptied it): the screen moves on to "ended".
      visit.step = 'ended';
      forget(visit);
      deps.emit(view(visit));
      throw storageRefused('storage.refused.ended');
    }
    visit.stay = { kind: 'running', storage: current };
    return current;
  }

  function touch(visit: Visit): void {
    if (visit.timer) {
      clock.clearTimeout(visit.timer);
    }
    visit.timer = clock.setTimeout(() => {
      visit.timer = undefined;
      if (visit.doorOpen) {
        touch(visit);
        return;
      }
      logger.info({ step: visit.step }, 'storage visit ended: nobody touched the kiosk');
      leave(visit);
    }, deps.settings().timers.inactivitySeconds * 1000);
  }

  /** The person is gone: what waited for them is settled, open doors stay watched. */
  function leave(visit: Visit): void {
    if (visit.timer) {
      clock.clearTimeout(visit.timer);
      visit.timer = undefined;
    }
    visit.left = true;
    visits.delete(visit.id);
    if (!visit.doorOpen) {
      settleUnattended(visit);
      forget(visit);
    }
  }

  /** The storage is free for another visit. */
  function forget(visit: Visit): void {
    const storageId = storageIdOf(visit.stay);
    if (byStorage.get(storageId) === visit) {
      byStorage.delete(storageId);
    }
  }

  /**
   * This visit takes over its storage. A visit whose door is open keeps it (refused here);
   * an idle one is retired: its person came back with the code or the badge.
   */
  function takeOver(visit: Visit): void {
    const storageId = storageIdOf(visit.stay);
    const other = byStorage.get(storageId);
    if (other && other !== visit) {
      if (other.doorOpen || other.stay.kind === 'booking') {
        throw storageRefused('storage.refused.in_use');
      }
      if (other.timer) {
        clock.clearTimeout(other.timer);
      }
      other.left = true;
      visits.delete(other.id);
      other.release();
    }
    byStorage.set(storageId, visit);
  }

  /** Nobody answers "open again?": a new storage is cancelled, a running one goes on. */
  function settleUnattended(visit: Visit): void {
    if (visit.step === 'nothing_inside') {
      cancelStart(visit);
    } else if (visit.step === 'items_left') {
      visit.step = 'ready';
    }
    visit.release();
  }

  function cancelStart(visit: Visit): void {
    db.transaction((tx) =>
      recordAction(
        tx,
        {
          bankId,
          type: 'storage.start_cancelled',
          compartmentId: visit.compartment.id,
          actor: visit.actorId,
          details: { storageId: storageIdOf(visit.stay), label: visit.compartment.label },
        },
        clock.now(),
      ),
    );
    visit.step = 'ended';
    visit.release();
    forget(visit);
  }

  function recordDoorFact(tx: KioskTx, nowMs: number, visit: Visit, type: DoorFact): void {
    const stay = visit.stay;
    recordAction(
      tx,
      {
        bankId,
        type,
        compartmentId: visit.compartment.id,
        actor: visit.actorId,
        details: {
          storageId: storageIdOf(stay),
          label: visit.compartment.label,
          ...(stay.kind === 'running' ? {} : { source: stay.kind === 'new' ? 'kiosk' : 'booking' }),
        },
      },
      nowMs,
    );
  }

  /**
   * Opens the visit's door for one step; the fact commits with the unlock request. The
   * compartment is claimed before the pulse and until the door closes again.
   */
  async function openDoor(visit: Visit, fact: DoorFact, next: StorageStep): Promise<void> {
    const compartment = visit.compartment;
    const release = deps.doorWatch.claim(compartment.id);
    let outcome: UnlockOutcome;
    try {
      outcome = (
        await deps.compartments.open(compartment.id, visit.actorId, {
          recordWithRequest: (tx, nowMs) => recordDoorFact(tx, nowMs, visit, fact),
        })
      ).outcome;
    } catch (error) {
      release();
      throw error;
    }
    if (!doorOpened(outcome)) {
      release();
      throw storageRefused('storage.refused.door_failed', { label: compartment.label });
    }
    visit.release();
    watchDoor(visit, release, next);
  }

  function watchDoor(visit: Visit, release: () => void, next: StorageStep): void {
    visit.release = release;
    visit.step = next;
    visit.doorOpen = true;
    deps.doorWatch.untilClosed(lockOf(visit.compartment), () => doorClosed(visit));
  }

  /**
   * F1, F2: allocates a compartment of the size and opens it, skipping a door that does not
   * open (first-door.ts). A booking's preferred compartment is asked for first and taken when it
   * is free and of that size; otherwise the engine chooses within the size.
   */
  async function openForFilling(
    visit: Visit,
    size: CompartmentSize,
    preferredCompartmentId: string | null,
  ): Promise<void> {
    const party = storageParty({
      id: storageIdOf(visit.stay),
      contactId: visit.contact?.id ?? null,
    });
    const accessibilityNeed = visit.contact?.accessibilityNeed ?? false;
    const allocate = (mode: AllocationMode, excluded: readonly string[]) =>
      allocateNow(deps, {
        purpose: 'storage',
        party,
        accessibilityNeed,
        parcelSize: size,
        mode,
        excludedCompartmentIds: excluded,
      });
    const bySize: AllocationMode = { kind: 'size', size, allowUpsizing: false };
    let preferred = preferredCompartmentId;
    const { release } = await openFirstDoor(deps, {
      allocate: (excluded) => {
        const wanted = preferred;
        preferred = null;
        if (wanted !== null) {
          const result = allocate({ kind: 'compartment', compartmentId: wanted }, excluded);
          if (result.ok) {
            return result;
          }
        }
        return allocate(bySize, excluded);
      },
      actorId: visit.actorId,
      recordWithRequest: (tx, nowMs) => recordDoorFact(tx, nowMs, visit, 'storage.start_requested'),
      chosen: (compartment) => {
        visit.compartment = compartment;
      },
      skipped: visit.skipped,
      locale: visit.locale,
      purpose: 'storage',
    });
    watchDoor(visit, release, 'filling');
  }

  /** The door closed: the step it was open for is done (or asks "open again?"). */
  function doorClosed(visit: Visit): void {
    visit.doorOpen = false;
    let newCode: string | null = null;
    try {
      switch (visit.step) {
        case 'filling':
          newCode = filled(visit);
          break;
        case 'door_open':
          visit.step = 'ready';
          visit.release();
          break;
        case 'emptying':
          emptied(visit);
          break;
        default:
          return;
      }
    } catch (error) {
      logger.error({ err: error, step: visit.step }, 'recording a storage step failed');
      if (visit.step !== 'ended') {
        visit.step = visit.stay.kind === 'running' ? 'ready' : 'ended';
      }
      visit.release();
    }
    if (visit.left) {
      settleUnattended(visit);
      forget(visit);
    } else {
      touch(visit);
    }
    if (visit.step === 'ended') {
      forget(visit);
    }
    deps.emit(view(visit, newCode));
  }

  /** F1, F2: the things are in: the storage is active (and a walk-up's code issued). */
  function filled(visit: Visit): string | null {
    const lock = lockOf(visit.compartment);
    if (deps.itemSensors() && deps.doors.itemPresent(lock) === false) {
      visit.step = 'nothing_inside';
      return null;
    }
    const stay = visit.stay;
    if (stay.kind === 'running') {
      return null;
    }
    const nowMs = clock.now();
    const policy = deps.settings().storage;
    const stayHours = stay.kind === 'new' ? stay.draft.stayHours : stay.storage.stayHours;
    const start = {
      compartmentId: visit.compartment.id,
      startedAtMs: nowMs,
      endsAtMs: stayEnd(nowMs, stayHours),
      latestEndMs: latestStayEnd(nowMs, stayHours, policy.extension),
    };
    const facts = { bankId, actorId: visit.actorId, compartment: visit.compartment, start };
    const started = db.transaction((tx) =>
      stay.kind === 'new'
        ? recordWalkUpStarted(tx, stay.draft, facts, deps.codes, nowMs)
        : { storage: recordBookingStarted(tx, stay.storage.id, facts, nowMs), code: null },
    );
    visit.stay = { kind: 'running', storage: started.storage };
    visit.step = 'ready';
    visit.release();
    return started.code;
  }

  /** F4: the door closed after emptying: over, unless the item sensor still sees something. */
  function emptied(visit: Visit): void {
    visit.release();
    const storage = runningStorage(visit);
    if (deps.itemSensors() && deps.doors.itemPresent(lockOf(visit.compartment)) === true) {
      visit.step = 'items_left';
      return;
    }
    const closed = db.transaction((tx) =>
      recordStorageClosed(
        tx,
        storage,
        { by: 'owner', actorId: visit.actorId, label: visit.compartment.label },
        deps.codes,
        clock.now(),
      ),
    );
    if (closed) {
      visit.stay = { kind: 'running', storage: closed };
    }
    visit.step = 'ended';
  }

  function begin(visit: Visit): StorageVisit {
    visits.set(visit.id, visit);
    touch(visit);
    return view(visit);
  }

  function newVisit(stay: Stay, contact: Contact | undefined, locale: Locale): Visit {
    const storageId = storageIdOf(stay);
    return {
      id: newVisitId(),
      actorId: contact ? `recipient:${contact.id}` : `storage:${storageId}`,
      ownerName: contact ? firstName(contact.name) : null,
      contact,
      stay,
      step: 'ready',
      // Set by openForFilling before any view of a new storage; a running one has its own.
      compartment: undefined as unknown as CompartmentRow,
      locale,
      skipped: [],
      doorOpen: false,
      left: false,
      release: () => undefined,
      timer: undefined,
    };
  }

  /** A storage proven by its code or its owner's badge: a running one, or a booking to claim. */
  async function visitFor(
    storage: StorageReservation | undefined,
    locale: Locale,
  ): Promise<StorageVisit> {
    if (!storage || storage.bankId !== bankId) {
      throw new KioskError('invalid_code');
    }
    const contact = storage.contactId ? findContact(db, storage.contactId) : undefined;
    if (storage.state === 'active') {
      const compartment = storage.compartmentId
        ? findCompartment(db, storage.compartmentId)
        : undefined;
      if (!compartment) {
        throw new KioskError('invalid_code');
      }
      const visit = newVisit({ kind: 'running', storage }, contact, locale);
      visit.compartment = compartment;
      takeOver(visit);
      return begin(visit);
    }
    if (storage.state !== 'booked') {
      throw new KioskError('invalid_code');
    }
    checkArrivalWindow(storage);
    const visit = newVisit({ kind: 'booking', storage }, contact, locale);
    takeOver(visit);
    try {
      await openForFilling(visit, storage.size, storage.preferredCompartmentId);
    } catch (error) {
      forget(visit);
      throw error;
    }
    return begin(visit);
  }

  /** F2: from half an hour before the booking's start until its claim limit. */
  function checkArrivalWindow(storage: StorageReservation): void {
    const nowMs = clock.now();
    const opensAtMs = storage.startsAt - bookingEarlyArrivalMs;
    if (nowMs < opensAtMs) {
      throw storageRefused('storage.refused.not_yet', { time: { atMs: opensAtMs } });
    }
    if (storage.claimUntil !== null && nowMs > storage.claimUntil) {
      throw storageRefused('storage.refused.lapsed', { time: { atMs: storage.claimUntil } });
    }
  }

  function contactOfBadge(scan: ClassifiedScan): Contact | undefined {
    if (scan.kind !== 'unknown' && scan.kind !== 'operator_badge') {
      throw new KioskError('scan_not_usable');
    }
    const badge = findActiveBadgeByValue(
      db,
      scan.kind === 'unknown' ? scan.text : (scan.value ?? ''),
    );
    const contact = badge?.contactId ? findContact(db, badge.contactId) : undefined;
    return contact?.active ? contact : undefined;
  }

  return {
    start: async (size, hours, badge, locale) => {
      const policy = deps.settings().storage;
      const checked = checkStayHours(policy.duration, hours);
      if (!checked.ok) {
        throw stayHoursRefusal(checked);
      }
      const contact = badge === null ? undefined : contactOfBadge(badge);
      if (badge !== null && !contact) {
        throw storageRefused('storage.refused.unknown_badge');
      }
      const nowMs = clock.now();
      const draft: StorageDraft = {
        id: uuidv7({ msecs: nowMs }),
        bankId,
        contactId: contact?.id ?? null,
        size,
        source: 'kiosk',
        externalId: null,
        preferredCompartmentId: null,
        stayHours: checked.stayHours,
        startsAtMs: nowMs,
      };
      const visit = newVisit({ kind: 'new', draft }, contact, locale);
      await openForFilling(visit, size, null);
      return begin(visit);
    },

    withCode: (code, locale) => {
      const check = deps.codes.verifier.verifyTypedCode({
        code: code.trim(),
        purposes: ['storage'],
      });
      if (check.outcome !== 'accepted') {
        return Promise.reject(refusedCode(check));
      }
      return visitFor(findStorage(db, check.targetId), locale);
    },

    withScan: (scan, locale) => {
      const contact = contactOfBadge(scan);
      if (!contact) {
        return Promise.reject(new KioskError('invalid_code'));
      }
      const [running] = listStoragesOfContact(db, bankId, contact.id, ['active']);
      if (running) {
        return visitFor(running, locale);
      }
      const nowMs = clock.now();
      const booked = listStoragesOfContact(db, bankId, contact.id, ['booked']).filter(
        (storage) => storage.claimUntil === null || storage.claimUntil >= nowMs,
      );
      const claimable = booked.find((storage) => storage.startsAt - bookingEarlyArrivalMs <= nowMs);
      // Proven by the badge: an upcoming booking may say from when it can be used.
      return visitFor(claimable ?? booked.at(-1), locale);
    },

    open: async (visitId, locale) => {
      const visit = visitOf(visitId, locale);
      switch (visit.step) {
        case 'ready': {
          const storage = runningStorage(visit);
          if (isStayExpired(storage.endsAt, clock.now())) {
            throw expiredRefusal(storage.endsAt ?? 0);
          }
          await openDoor(visit, 'storage.opened', 'door_open');
          break;
        }
        case 'nothing_inside':
          await openDoor(visit, 'storage.opened', 'filling');
          break;
        case 'items_left':
          runningStorage(visit);
          await openDoor(visit, 'storage.end_requested', 'emptying');
          break;
        default:
          throw wrongStep(visit);
      }
      return view(visit);
    },

    extend: (visitId, hours, locale) => {
      const visit = visitOf(visitId, locale);
      if (visit.step !== 'ready' && visit.step !== 'door_open') {
        throw wrongStep(visit);
      }
      const storage = runningStorage(visit);
      const nowMs = clock.now();
      const checked = checkExtension(
        { endsAtMs: storage.endsAt, latestEndMs: storage.latestEndAt },
        hours,
        nowMs,
      );
      if (!checked.ok) {
        throw extensionRefusal(checked, storage.endsAt);
      }
      const extended = db.transaction((tx) =>
        recordExtended(tx, storage, visit.actorId, checked.endsAtMs, nowMs),
      );
      visit.stay = { kind: 'running', storage: extended };
      return view(visit);
    },

    end: async (visitId, locale) => {
      const visit = visitOf(visitId, locale);
      if (visit.step !== 'ready' && visit.step !== 'items_left') {
        throw wrongStep(visit);
      }
      runningStorage(visit);
      await openDoor(visit, 'storage.end_requested', 'emptying');
      return view(visit);
    },

    giveUp: (visitId, locale) => {
      const visit = visitOf(visitId, locale);
      if (visit.step === 'nothing_inside') {
        cancelStart(visit);
      } else if (visit.step === 'items_left') {
        visit.step = 'ready';
      } else {
        throw wrongStep(visit);
      }
      return view(visit);
    },

    finish: (visitId) => {
      const visit = visits.get(visitId);
      if (visit) {
        leave(visit);
      }
    },

    inUse: (storageId) => byStorage.has(storageId),

    stop: () => {
      for (const visit of visits.values()) {
        if (visit.timer) {
          clock.clearTimeout(visit.timer);
        }
      }
      visits.clear();
      byStorage.clear();
    },
  };
}
