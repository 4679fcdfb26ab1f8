import { randomUUID } from 'node:crypto';
import type {
  DepositView,
  DropOffRequest,
  IdentifiedParcel,
  PlacementProposal,
  ReservationView,
} from '../../src-shared/api/drop-off-methods.js';
import {
  biggerDoorRequest,
  describeChoiceReason,
  describeRefusal,
  type AllocationParty,
  type AllocationRequest,
  type TooSmallCompartment,
} from '../../src-shared/allocation/index.js';
import type { BankSettings } from '../../src-shared/domain/bank-settings.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { decodeScan } from '../../src-shared/scanning/decode-scan.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { CompartmentService, DoorSensing } from '../core/compartment-service.js';
import { lockOf } from '../core/compartment-service.js';
import { KioskError } from '../core/kiosk-error.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { findCompartment, type CompartmentRow } from '../db/queries/compartments.js';
import { findParcelsByTrackingNumber } from '../db/queries/parcels.js';
import { recordAction } from '../db/queries/record-action.js';
import type { KioskTx } from '../db/transaction.js';
import type { Logger } from '../logging/logger.js';
import { recordCompletedDeposit, type NotifyReadyForPickup } from './deposit-record.js';
import { compartmentBrief } from './compartment-brief.js';
import type { DoorWatch } from './door-watch.js';
import { allocateNow, doorOpened, openFirstDoor } from './first-door.js';
import type { KioskCodes } from './kiosk-codes.js';
import type { Actor } from './kiosk-sessions.js';
import { resolveRecipient, recipientMatch, type Recipient } from './recipients.js';
import { reservationsFor, reservationView } from './reservation-views.js';

/**
 * Drop-off (D1–D10, X5). The engine chooses (or checks the operator's choice), the door opens,
 * and the deposit counts only when door truth sees the door closed again with the item sensor
 * agreeing where there is one. A door that does not open is skipped for the next choice
 * (first-door.ts), so the operator is sent on without starting again.
 */
export interface DropOffDependencies {
  db: KioskDb;
  clock: Clock;
  logger: Logger;
  bankId: string;
  compartments: Pick<CompartmentService, 'open'>;
  doors: DoorSensing;
  doorWatch: DoorWatch;
  codes: KioskCodes;
  notify: NotifyReadyForPickup;
  settings: () => BankSettings;
  dedications: () => ReadonlyMap<string, AllocationParty>;
  /** Item sensors read by this bank's profile (X2): an empty compartment does not count. */
  itemSensors: () => boolean;
  emit: (view: DepositView) => void;
  /** After a deposit commits (the mailbox relay writes the notice). */
  afterDeposit?: () => void;
}

interface PendingDeposit {
  id: string;
  actor: Actor;
  request: DropOffRequest;
  recipient: Recipient;
  locale: Locale;
  compartment: CompartmentRow;
  reasons: string[];
  skipped: { label: string; outcome: string }[];
  tooSmall: TooSmallCompartment[];
  state: DepositView['state'];
  parcelId: string | null;
  release: () => void;
  stopWatching: () => void;
}

export interface DropOffService {
  identify(text: string): IdentifiedParcel;
  reservations(actor: Actor): ReservationView[];
  propose(actor: Actor, request: DropOffRequest, locale: Locale): PlacementProposal;
  start(actor: Actor, request: DropOffRequest, locale: Locale): Promise<DepositView>;
  biggerDoor(actor: Actor, depositId: string, locale: Locale): Promise<DepositView>;
  reopen(actor: Actor, depositId: string, locale: Locale): Promise<DepositView>;
  cancel(actor: Actor, depositId: string): DepositView;
}

export function createDropOffService(deps: DropOffDependencies): DropOffService {
  const { db, clock, bankId } = deps;
  const pending = new Map<string, PendingDeposit>();

  function checkRequest(actor: Actor, request: DropOffRequest): void {
    const settings = deps.settings();
    if (settings.dropOff.labelScan === 'required' && request.trackingNumber === null) {
      throw new KioskError('label_required');
    }
    if (
      request.placement.kind === 'compartment' &&
      (!settings.dropOff.handChoice ||
        !actor.person.permissions.includes('parcel.choose_compartment'))
    ) {
      throw new KioskError('permission_denied');
    }
  }

  function allocationRequest(
    request: DropOffRequest,
    recipient: Recipient,
    excluded: readonly string[],
    tooSmall: readonly TooSmallCompartment[],
  ): AllocationRequest {
    const { placement } = request;
    const base: AllocationRequest = {
      purpose: 'delivery',
      party: recipient.party,
      accessibilityNeed: recipient.accessibilityNeed,
      parcelId: request.expectedParcelId,
      parcelSize: request.parcelSize ?? (placement.kind === 'size' ? placement.size : 'S'),
      mode:
        placement.kind === 'engine'
          ? { kind: 'engine' }
          : placement.kind === 'size'
            ? { kind: 'size', size: placement.size, allowUpsizing: true }
            : { kind: 'compartment', compartmentId: placement.compartmentId },
      excludedCompartmentIds: excluded,
    };
    return tooSmall.reduce(biggerDoorRequest, base);
  }

  function view(deposit: PendingDeposit): DepositView {
    const { compartment } = deposit;
    return {
      depositId: deposit.id,
      state: deposit.state,
      compartment: compartmentBrief(compartment),
      reasons: deposit.reasons,
      recipientName: deposit.recipient.name,
      trackingNumber: deposit.request.trackingNumber,
      skipped: deposit.skipped,
      parcelId: deposit.parcelId,
    };
  }

  type DepositFact =
    'parcel.deposit_started' | 'parcel.deposit_cancelled' | 'parcel.needs_bigger_door';

  function recordIn(
    tx: KioskTx,
    nowMs: number,
    type: DepositFact,
    deposit: PendingDeposit,
    details: Record<string, unknown> = {},
  ): void {
    recordAction(
      tx,
      {
        bankId,
        type,
        compartmentId: deposit.compartment.id,
        actor: deposit.actor.actorId,
        details: {
          depositId: deposit.id,
          label: deposit.compartment.label,
          trackingNumber: deposit.request.trackingNumber,
          recipient: deposit.recipient.ref,
          ...details,
        },
      },
      nowMs,
    );
  }

  function record(type: DepositFact, deposit: PendingDeposit, details?: Record<string, unknown>) {
    db.transaction((tx) => recordIn(tx, clock.now(), type, deposit, details));
  }

  /** Allocates and opens doors until one is seen open (first-door.ts). */
  async function openNext(deposit: PendingDeposit): Promise<void> {
    const { release } = await openFirstDoor(deps, {
      allocate: (excluded) =>
        allocateNow(
          deps,
          allocationRequest(deposit.request, deposit.recipient, excluded, deposit.tooSmall),
        ),
      actorId: deposit.actor.actorId,
      recordWithRequest: (tx, nowMs) => recordIn(tx, nowMs, 'parcel.deposit_started', deposit),
      chosen: (compartment, choice) => {
        deposit.compartment = compartment;
        deposit.reasons = choice.reasons.map((reason) =>
          describeChoiceReason(deposit.locale, reason),
        );
      },
      failed: () => {
        // A hand-chosen door that failed: the engine chooses the next one.
        if (deposit.request.placement.kind === 'compartment') {
          deposit.request = { ...deposit.request, placement: { kind: 'engine' } };
        }
      },
      skipped: deposit.skipped,
      locale: deposit.locale,
      purpose: 'drop-off',
    });
    deposit.release = release;
    deposit.state = 'door_open';
    deposit.stopWatching = deps.doorWatch.untilClosed(lockOf(deposit.compartment), () =>
      doorClosed(deposit),
    );
  }

  function doorClosed(deposit: PendingDeposit): void {
    if (pending.get(deposit.id) !== deposit || deposit.state !== 'door_open') {
      return;
    }
    const lock = lockOf(deposit.compartment);
    if (deps.itemSensors() && deps.doors.itemPresent(lock) === false) {
      deposit.state = 'check_empty';
      deps.emit(view(deposit));
      return;
    }
    try {
      const { parcelId } = db.transaction((tx) =>
        recordCompletedDeposit(
          tx,
          {
            bankId,
            actorId: deposit.actor.actorId,
            depositId: deposit.id,
            compartment: deposit.compartment,
            recipient: deposit.recipient,
            trackingNumber: deposit.request.trackingNumber,
            trackingCarrier: deposit.request.carrier,
            carrierId: deposit.actor.person.kind === 'carrier' ? deposit.actor.person.id : null,
            expectedParcelId: deposit.request.expectedParcelId,
            reservationId: deposit.request.reservationId,
            pickupWindowMs: deps.settings().pickup.pickupWindowHours * 60 * 60_000,
          },
          deps.codes,
          deps.notify,
          clock.now(),
        ),
      );
      deposit.parcelId = parcelId;
      deposit.state = 'completed';
    } catch (error) {
      deps.logger.error({ err: error, depositId: deposit.id }, 'recording a deposit failed');
      deposit.state = 'cancelled';
    }
    finish(deposit);
    deps.afterDeposit?.();
    deps.emit(view(deposit));
  }

  function finish(deposit: PendingDeposit): void {
    deposit.stopWatching();
    deposit.release();
    pending.delete(deposit.id);
  }

  function pendingOf(actor: Actor, depositId: string): PendingDeposit {
    const deposit = pending.get(depositId);
    if (!deposit || deposit.actor.actorId !== actor.actorId) {
      throw new KioskError('not_found', { what: 'noun.deposit' });
    }
    return deposit;
  }

  return {
    identify: (text) => {
      const decoded = decodeScan(text, 'keyboard');
      const scan = decoded.ok && decoded.scan.kind === 'tracking_number' ? decoded.scan : undefined;
      // A damaged label typed in (D7) may match no carrier's format: it is still the number.
      const trackingNumber = scan?.value ?? text.trim();
      const carrier = scan?.carrier ?? null;
      const expected = findParcelsByTrackingNumber(db, bankId, trackingNumber).find(
        (parcel) => parcel.state === 'expected',
      );
      const recipient = expected
        ? recipientMatch(
            db,
            resolveRecipient(
              db,
              expected.contactId
                ? { kind: 'contact', id: expected.contactId }
                : { kind: 'department', id: expected.departmentId ?? '' },
            ),
          )
        : null;
      const reservation = reservationsFor(db, bankId, clock.now()).find(
        (candidate) =>
          candidate.trackingNumber === trackingNumber ||
          (expected !== undefined && candidate.parcelId === expected.id),
      );
      return {
        trackingNumber,
        carrier,
        expectedParcelId: expected?.id ?? null,
        recipient,
        reservation: reservation ? reservationView(db, reservation) : null,
      };
    },

    reservations: (actor) =>
      reservationsFor(db, bankId, clock.now())
        .filter((reservation) =>
          actor.person.kind === 'carrier'
            ? reservation.designatedCarrierId === actor.person.id
            : reservation.designatedCarrierId === null &&
              (reservation.designatedOperatorId === null ||
                reservation.designatedOperatorId === actor.person.id),
        )
        .map((reservation) => reservationView(db, reservation)),

    propose: (actor, request, locale) => {
      checkRequest(actor, request);
      const recipient = resolveRecipient(db, request.recipient);
      const result = allocateNow(deps, allocationRequest(request, recipient, [], []));
      if (!result.ok) {
        const { headline, causes } = describeRefusal(locale, result.refusal);
        return { ok: false, message: headline, causes };
      }
      const compartment = findCompartment(db, result.choice.compartmentId);
      if (!compartment) {
        throw new KioskError('not_found', { what: 'noun.compartment' });
      }
      return {
        ok: true,
        compartment: compartmentBrief(compartment),
        reasons: result.choice.reasons.map((reason) => describeChoiceReason(locale, reason)),
      };
    },

    start: async (actor, request, locale) => {
      checkRequest(actor, request);
      const deposit: PendingDeposit = {
        id: randomUUID(),
        actor,
        request,
        recipient: resolveRecipient(db, request.recipient),
        locale,
        // Chosen by openNext before anything reads it; the deposit is not visible until then.
        compartment: undefined as unknown as CompartmentRow,
        reasons: [],
        skipped: [],
        tooSmall: [],
        state: 'door_open',
        parcelId: null,
        release: () => undefined,
        stopWatching: () => undefined,
      };
      await openNext(deposit);
      pending.set(deposit.id, deposit);
      return view(deposit);
    },

    biggerDoor: async (actor, depositId, locale) => {
      const deposit = pendingOf(actor, depositId);
      deposit.locale = locale;
      record('parcel.needs_bigger_door', deposit, { size: deposit.compartment.size });
      deposit.stopWatching();
      deposit.release();
      deposit.tooSmall.push({
        compartmentId: deposit.compartment.id,
        label: deposit.compartment.label,
        size: deposit.compartment.size,
      });
      deposit.skipped = [];
      try {
        await openNext(deposit);
      } catch (error) {
        pending.delete(deposit.id);
        throw error;
      }
      return view(deposit);
    },

    reopen: async (actor, depositId, locale) => {
      const deposit = pendingOf(actor, depositId);
      deposit.locale = locale;
      const outcome = (await deps.compartments.open(deposit.compartment.id, actor.actorId)).outcome;
      if (!doorOpened(outcome)) {
        throw new KioskError('hardware_unavailable');
      }
      deposit.state = 'door_open';
      deposit.stopWatching = deps.doorWatch.untilClosed(lockOf(deposit.compartment), () =>
        doorClosed(deposit),
      );
      return view(deposit);
    },

    cancel: (actor, depositId) => {
      const deposit = pendingOf(actor, depositId);
      record('parcel.deposit_cancelled', deposit);
      deposit.state = 'cancelled';
      finish(deposit);
      return view(deposit);
    },
  };
}
