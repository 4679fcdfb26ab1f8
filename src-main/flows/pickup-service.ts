import { randomBytes } from 'node:crypto';
import type { PickupParcel, PickupView } from '../../src-shared/api/pickup-methods.js';
import type { BankSettings } from '../../src-shared/domain/bank-settings.js';
import type { UnlockOutcome } from '../../src-shared/domain/door.js';
import type { ClassifiedScan } from '../../src-shared/domain/scan.js';
import type { Clock, TimerHandle } from '../../src-shared/time/clock.js';
import type { CompartmentService } from '../core/compartment-service.js';
import { lockOf } from '../core/compartment-service.js';
import { KioskError } from '../core/kiosk-error.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { findActiveBadgeByValue } from '../db/queries/badges.js';
import { findCompartment, type CompartmentRow } from '../db/queries/compartments.js';
import { findContact } from '../db/queries/contacts.js';
import { findDepartment, listDepartmentsPickableBy } from '../db/queries/departments.js';
import {
  findParcel,
  listParcelsOfContact,
  listParcelsOfDepartment,
  recordPickup,
  type Parcel,
} from '../db/queries/parcels.js';
import { recordAction } from '../db/queries/record-action.js';
import type { KioskTx } from '../db/transaction.js';
import type { Logger } from '../logging/logger.js';
import { refusedCode } from './code-refusal.js';
import { compartmentBrief } from './compartment-brief.js';
import type { DoorWatch } from './door-watch.js';
import type { KioskCodes } from './kiosk-codes.js';
import { firstName } from './first-name.js';

/**
 * Pickup (E1–E4, X3, X4). A code, a pickup QR or a recipient's badge proves who is at the
 * kiosk; the pickup then offers every parcel they may take here (their own, and their
 * departments' as key contact or delegate, E3). A parcel is taken, and its codes used up, only
 * when its door was seen open and closed again; until the re-open grace ends the same door opens
 * again without a code (X4). A pickup left untouched ends after the bank's inactivity timer.
 */
export interface PickupDependencies {
  db: KioskDb;
  clock: Clock;
  logger: Logger;
  bankId: string;
  compartments: Pick<CompartmentService, 'open'>;
  doorWatch: DoorWatch;
  codes: KioskCodes;
  settings: () => BankSettings;
  emit: (view: PickupView) => void;
  newPickupId?: () => string;
}

export interface PickupService {
  withCode(code: string): PickupView;
  withScan(scan: ClassifiedScan): PickupView;
  open(pickupId: string, parcelIds: readonly string[]): Promise<PickupView>;
  finish(pickupId: string): void;
  stop(): void;
}

type Proof = 'code' | 'qr' | 'badge';

interface HeldParcel {
  parcel: Parcel;
  compartment: CompartmentRow;
  departmentName: string | null;
  state: PickupParcel['state'];
  reopenUntilMs: number | null;
}

interface Pickup {
  id: string;
  actorId: string;
  greetingName: string;
  parcels: Map<string, HeldParcel>;
  /** Doors open right now: the pickup does not time out under someone's hands. */
  openDoors: number;
  timer: TimerHandle | undefined;
  proof: Proof;
  /**
   * `pickup.started` (who proved what) is written with the first door request, in its
   * transaction: a code checked without any door opening changes nothing, and the time from
   * code to unlock then holds one durable commit, not two (`scan_to_unlock`).
   */
  startRecorded: boolean;
}

const openedOutcomes: ReadonlySet<UnlockOutcome> = new Set(['door_seen_open', 'door_already_open']);

export function createPickupService(deps: PickupDependencies): PickupService {
  const { db, clock, logger, bankId } = deps;
  const pickups = new Map<string, Pickup>();
  const newPickupId = deps.newPickupId ?? (() => randomBytes(24).toString('base64url'));

  function requireMethod(proof: Proof): void {
    if (!deps.settings().pickup.methods[proof]) {
      throw new KioskError('pickup_method_disabled');
    }
  }

  /** What a contact may take here: their parcels, then their departments' (E3). */
  function parcelsOfContact(contactId: string): HeldParcel[] {
    const own = listParcelsOfContact(db, contactId).map((parcel) => held(parcel, null));
    const departments = listDepartmentsPickableBy(db, contactId).flatMap((department) =>
      listParcelsOfDepartment(db, department.id).map((parcel) => held(parcel, department.name)),
    );
    return [...own, ...departments].filter((item): item is HeldParcel => item !== undefined);
  }

  function held(parcel: Parcel, departmentName: string | null): HeldParcel | undefined {
    const compartment = parcel.compartmentId
      ? findCompartment(db, parcel.compartmentId)
      : undefined;
    if (!compartment || parcel.bankId !== bankId) {
      return undefined;
    }
    return { parcel, compartment, departmentName, state: 'waiting', reopenUntilMs: null };
  }

  function begin(
    actorId: string,
    greetingName: string,
    parcels: HeldParcel[],
    proof: Proof,
  ): PickupView {
    if (parcels.length === 0) {
      // Proven, but nothing waits here: the same answer as a wrong code tells nobody more.
      throw new KioskError('invalid_code');
    }
    const pickup: Pickup = {
      id: newPickupId(),
      actorId,
      greetingName,
      parcels: new Map(parcels.map((item) => [item.parcel.id, item])),
      openDoors: 0,
      timer: undefined,
      proof,
      startRecorded: false,
    };
    pickups.set(pickup.id, pickup);
    touch(pickup);
    return view(pickup);
  }

  function beginForParcel(parcelId: string, proof: Proof): PickupView {
    const parcel = findParcel(db, parcelId);
    if (!parcel || parcel.state !== 'in_locker') {
      throw new KioskError('invalid_code');
    }
    if (parcel.contactId) {
      const contact = findContact(db, parcel.contactId);
      return begin(
        `recipient:${parcel.contactId}`,
        firstName(contact?.name ?? ''),
        parcelsOfContact(parcel.contactId),
        proof,
      );
    }
    const department = findDepartment(db, parcel.departmentId ?? '');
    const parcels = listParcelsOfDepartment(db, parcel.departmentId ?? '')
      .map((item) => held(item, department?.name ?? null))
      .filter((item): item is HeldParcel => item !== undefined);
    return begin(`department:${parcel.departmentId}`, department?.name ?? '', parcels, proof);
  }

  function touch(pickup: Pickup): void {
    if (pickup.timer) {
      clock.clearTimeout(pickup.timer);
    }
    pickup.timer = clock.setTimeout(() => {
      pickup.timer = undefined;
      // Not while a door is open, nor while a door may still be opened again (X4).
      const reopenable = [...pickup.parcels.values()].some(
        (item) => item.reopenUntilMs !== null && item.reopenUntilMs > clock.now(),
      );
      if (pickup.openDoors === 0 && !reopenable) {
        logger.info(
          { pickupParcels: pickup.parcels.size },
          'pickup ended: nobody touched the kiosk',
        );
        pickups.delete(pickup.id);
      } else {
        touch(pickup);
      }
    }, deps.settings().timers.inactivitySeconds * 1000);
  }

  function view(pickup: Pickup): PickupView {
    return {
      pickupId: pickup.id,
      greetingName: pickup.greetingName,
      openMode: deps.settings().pickup.openMode,
      parcels: [...pickup.parcels.values()].map((item) => ({
        parcelId: item.parcel.id,
        compartment: compartmentBrief(item.compartment),
        trackingNumber: item.parcel.trackingNumber,
        departmentName: item.departmentName,
        state: item.state,
        reopenUntilMs: item.reopenUntilMs,
      })),
    };
  }

  function pickupOf(pickupId: string): Pickup {
    const pickup = pickups.get(pickupId);
    if (!pickup) {
      throw new KioskError('not_found', { what: 'noun.pickup' });
    }
    return pickup;
  }

  /** The door closed on what the recipient took: parcels picked up and codes used, together. */
  function doorClosed(pickup: Pickup, items: HeldParcel[]): void {
    const nowMs = clock.now();
    pickup.openDoors--;
    const reopenUntilMs = nowMs + deps.settings().timers.reopenGraceSeconds * 1000;
    db.transaction((tx) => {
      const store = deps.codes.storeWithin(tx);
      for (const item of items) {
        if (item.state === 'taken') {
          continue;
        }
        if (!recordPickup(tx, item.parcel.id, nowMs)) {
          continue;
        }
        const consumed = store
          .findActiveByTarget(item.parcel.id, 'pickup', nowMs)
          .filter((code) => store.markConsumed(code.id, nowMs))
          .map((code) => code.id);
        recordAction(
          tx,
          {
            bankId,
            type: 'parcel.picked_up',
            compartmentId: item.compartment.id,
            actor: pickup.actorId,
            details: {
              parcelId: item.parcel.id,
              label: item.compartment.label,
              consumedCodeIds: consumed,
            },
          },
          nowMs,
        );
      }
    });
    for (const item of items) {
      item.state = 'taken';
      item.reopenUntilMs = reopenUntilMs;
    }
    touch(pickup);
    deps.emit(view(pickup));
  }

  async function openCompartment(pickup: Pickup, items: HeldParcel[]): Promise<void> {
    const [first] = items;
    if (!first) {
      return;
    }
    const { compartment } = first;
    const reopening = items.every((item) => item.state === 'taken');
    if (reopening && items.some((item) => (item.reopenUntilMs ?? 0) <= clock.now())) {
      throw new KioskError('reopen_window_over');
    }
    const release = deps.doorWatch.claim(compartment.id);
    const recordRequest = (tx: KioskTx, nowMs: number): void => {
      if (!pickup.startRecorded) {
        recordAction(
          tx,
          {
            bankId,
            type: 'pickup.started',
            compartmentId: null,
            actor: pickup.actorId,
            details: { proof: pickup.proof, parcelIds: [...pickup.parcels.keys()] },
          },
          nowMs,
        );
        pickup.startRecorded = true;
      }
      recordAction(
        tx,
        {
          bankId,
          type: reopening ? 'pickup.reopened' : 'pickup.door_requested',
          compartmentId: compartment.id,
          actor: pickup.actorId,
          details: { label: compartment.label, parcelIds: items.map((item) => item.parcel.id) },
        },
        nowMs,
      );
    };
    let outcome: UnlockOutcome;
    try {
      const opened = await deps.compartments.open(compartment.id, pickup.actorId, {
        recordWithRequest: recordRequest,
      });
      outcome = opened.outcome;
    } catch (error) {
      release();
      throw error;
    }
    if (!openedOutcomes.has(outcome)) {
      release();
      for (const item of items) {
        item.state = reopening ? 'taken' : 'door_failed';
      }
      return;
    }
    pickup.openDoors++;
    for (const item of items) {
      // A re-opened door keeps its parcels taken: they were recorded when it first closed.
      item.state = reopening ? 'taken' : 'door_open';
    }
    deps.doorWatch.untilClosed(lockOf(compartment), () => {
      release();
      doorClosed(pickup, reopening ? [] : items);
    });
  }

  return {
    withCode: (code) => {
      requireMethod('code');
      const check = deps.codes.verifier.verifyTypedCode({
        code: code.trim(),
        purposes: ['pickup'],
      });
      if (check.outcome !== 'accepted') {
        throw refusedCode(check);
      }
      return beginForParcel(check.targetId, 'code');
    },

    withScan: (scan) => {
      if (scan.kind === 'pickup_qr') {
        requireMethod('qr');
        const check = deps.codes.verifier.verifyPickupToken(scan.text, ['pickup']);
        if (check.outcome !== 'accepted') {
          throw new KioskError('invalid_code');
        }
        return beginForParcel(check.targetId, 'qr');
      }
      if (scan.kind === 'unknown' || scan.kind === 'operator_badge') {
        requireMethod('badge');
        const badge = findActiveBadgeByValue(
          db,
          scan.kind === 'unknown' ? scan.text : (scan.value ?? ''),
        );
        const contact = badge?.contactId ? findContact(db, badge.contactId) : undefined;
        if (!contact?.active) {
          throw new KioskError('invalid_code');
        }
        return begin(
          `recipient:${contact.id}`,
          firstName(contact.name),
          parcelsOfContact(contact.id),
          'badge',
        );
      }
      throw new KioskError('scan_not_usable');
    },

    open: async (pickupId, parcelIds) => {
      const pickup = pickupOf(pickupId);
      touch(pickup);
      const chosen = parcelIds.map((parcelId) => {
        const item = pickup.parcels.get(parcelId);
        if (!item) {
          throw new KioskError('not_found', { what: 'noun.parcel' });
        }
        return item;
      });
      const byCompartment = new Map<string, HeldParcel[]>();
      for (const item of chosen) {
        // Every parcel of this pickup behind the same door comes out with it.
        const sameDoor = [...pickup.parcels.values()].filter(
          (other) => other.compartment.id === item.compartment.id,
        );
        byCompartment.set(item.compartment.id, sameDoor);
      }
      if (byCompartment.size > 1 && deps.settings().pickup.openMode === 'one_at_a_time') {
        throw new KioskError('invalid_argument', { detail: 'pickup.one_door_at_a_time' });
      }
      for (const items of byCompartment.values()) {
        await openCompartment(pickup, items);
      }
      const current = view(pickup);
      deps.emit(current);
      return current;
    },

    finish: (pickupId) => {
      const pickup = pickups.get(pickupId);
      if (pickup?.timer) {
        clock.clearTimeout(pickup.timer);
      }
      pickups.delete(pickupId);
    },

    stop: () => {
      for (const pickup of pickups.values()) {
        if (pickup.timer) {
          clock.clearTimeout(pickup.timer);
        }
      }
      pickups.clear();
    },
  };
}
