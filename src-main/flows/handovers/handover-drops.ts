import { randomBytes } from 'node:crypto';
import type { HandoverDropView } from '../../../src-shared/api/handover-methods.js';
import type { AllocationRequest } from '../../../src-shared/allocation/index.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import type { TimerHandle } from '../../../src-shared/time/clock.js';
import { lockOf } from '../../core/compartment-service.js';
import { KioskError } from '../../core/kiosk-error.js';
import type { CompartmentRow } from '../../db/queries/compartments.js';
import { findContact, type Contact } from '../../db/queries/contacts.js';
import { findHandover, type HandoverRow } from '../../db/queries/handovers.js';
import { recordAction } from '../../db/queries/record-action.js';
import type { KioskTx } from '../../db/transaction.js';
import { refusedCode } from '../code-refusal.js';
import { compartmentBrief } from '../compartment-brief.js';
import { allocateNow, doorOpened, openFirstDoor } from '../first-door.js';
import { firstName } from '../first-name.js';
import type { DropsInProgress } from './handover-desk.js';
import { recordCompletedDrop } from './handover-drop-record.js';
import { handoverRefused } from './handover-refusal.js';
import type { HandoverDependencies } from './handover-service.js';
import { handoverView } from './handover-views.js';
import { findHandoverDetails } from '../../db/queries/handovers.js';

/**
 * The drop at the kiosk (D3, D4), without a session: the sender's one-time code is the proof.
 * Late binding (sync.md "Who owns what"): the hand-over reserved a size, and the compartment is
 * chosen now, claimed before its pulse, and opened; a door that does not open is skipped for the
 * next choice (first-door.ts), as in a drop-off. The item counts only when door
 * truth sees the door closed again with the item sensor agreeing where there is one.
 */
export interface HandoverDrops extends DropsInProgress {
  withCode(code: string, locale: Locale): Promise<HandoverDropView>;
  reopen(dropId: string, locale: Locale): Promise<HandoverDropView>;
  cancelDrop(dropId: string): HandoverDropView;
  stop(): void;
}

interface PendingDrop {
  id: string;
  handover: HandoverRow;
  senderCodeId: string;
  sender: Contact;
  receiver: Contact | null;
  locale: Locale;
  compartment: CompartmentRow;
  skipped: { label: string; outcome: string }[];
  state: HandoverDropView['state'];
  release: () => void;
  stopWatching: () => void;
  timer: TimerHandle | undefined;
}

type DropFact = 'handover.drop_started' | 'handover.drop_cancelled';

export function createHandoverDrops(deps: HandoverDependencies): HandoverDrops {
  const { db, clock, logger, bankId } = deps;
  const pending = new Map<string, PendingDrop>();
  /** Hand-overs whose code was accepted and whose door is being opened or is open. */
  const busy = new Set<string>();
  const newDropId = deps.newDropId ?? (() => randomBytes(24).toString('base64url'));

  /** Who the drop is recorded as: the sender, known by their code (no session at the kiosk). */
  const actorOf = (drop: PendingDrop) => `sender:${drop.sender.id}`;

  function view(drop: PendingDrop): HandoverDropView {
    return {
      dropId: drop.id,
      kind: drop.handover.kind,
      state: drop.state,
      compartment: compartmentBrief(drop.compartment),
      receiverFirstName: drop.receiver ? firstName(drop.receiver.name) : null,
      trackingNumber: drop.handover.trackingNumber,
      skipped: drop.skipped,
    };
  }

  function recordIn(
    tx: KioskTx,
    nowMs: number,
    type: DropFact,
    drop: PendingDrop,
    details: Record<string, unknown> = {},
  ): void {
    recordAction(
      tx,
      {
        bankId,
        type,
        compartmentId: drop.compartment.id,
        actor: actorOf(drop),
        details: {
          dropId: drop.id,
          handoverId: drop.handover.id,
          kind: drop.handover.kind,
          label: drop.compartment.label,
          trackingNumber: drop.handover.trackingNumber,
          ...details,
        },
      },
      nowMs,
    );
  }

  /**
   * What the engine is asked. A return is placed for a party nobody else is (the hand-over
   * itself): it must never share a compartment with the sender's own deliveries (D6
   * consolidation), nor take one kept for the sender (D5), or the sender's next pickup would open
   * on the item they handed back. The sender drops a return, and the mailroom collects it, so no
   * accessibility need applies. An exchange is placed for its receiver like a delivery for them:
   * joining their parcels is fine (they take all of it), and their reach decides (B5).
   */
  function allocationRequest(drop: PendingDrop, excluded: readonly string[]): AllocationRequest {
    const { handover, receiver } = drop;
    return {
      purpose: 'delivery',
      party:
        handover.kind === 'exchange' && receiver
          ? { kind: 'recipient', id: receiver.id }
          : { kind: 'recipient', id: `handover:${handover.id}` },
      accessibilityNeed:
        handover.kind === 'exchange' ? (receiver?.accessibilityNeed ?? false) : false,
      parcelSize: handover.size,
      mode: { kind: 'size', size: handover.size, allowUpsizing: true },
      excludedCompartmentIds: excluded,
    };
  }

  /** Allocates and opens doors until one is seen open (first-door.ts). */
  async function openNext(drop: PendingDrop): Promise<void> {
    const { release } = await openFirstDoor(deps, {
      allocate: (excluded) => allocateNow(deps, allocationRequest(drop, excluded)),
      actorId: actorOf(drop),
      recordWithRequest: (tx, nowMs) => recordIn(tx, nowMs, 'handover.drop_started', drop),
      chosen: (compartment) => {
        drop.compartment = compartment;
      },
      skipped: drop.skipped,
      locale: drop.locale,
      purpose: 'hand-over drop',
    });
    drop.release = release;
    watch(drop);
  }

  function watch(drop: PendingDrop): void {
    drop.state = 'door_open';
    drop.stopWatching = deps.doorWatch.untilClosed(lockOf(drop.compartment), () =>
      doorClosed(drop),
    );
  }

  function doorClosed(drop: PendingDrop): void {
    if (pending.get(drop.id) !== drop || drop.state !== 'door_open') {
      return;
    }
    if (deps.itemSensors() && deps.doors.itemPresent(lockOf(drop.compartment)) === false) {
      drop.state = 'check_empty';
      touch(drop);
      deps.emit('handover.dropChanged', view(drop));
      return;
    }
    const exchange = drop.handover.kind === 'exchange';
    try {
      db.transaction((tx) =>
        recordCompletedDrop(
          tx,
          {
            bankId,
            bankName: deps.bankName,
            dropId: drop.id,
            actorId: actorOf(drop),
            handover: drop.handover,
            senderCodeId: drop.senderCodeId,
            sender: drop.sender,
            receiver: drop.receiver,
            compartment: drop.compartment,
            pickupWindowMs: deps.settings().pickup.pickupWindowHours * 60 * 60_000,
            qrPickup: deps.settings().pickup.methods.qr,
          },
          deps.codes,
          clock.now(),
        ),
      );
      drop.state = 'completed';
    } catch (error) {
      logger.error({ err: error, dropId: drop.id }, 'recording a hand-over drop failed');
      drop.state = 'cancelled';
    }
    finish(drop);
    if (drop.state === 'completed' && exchange) {
      deps.afterNotice?.();
    }
    deps.emit('handover.dropChanged', view(drop));
    if (drop.state === 'completed') {
      announceHandover(drop.handover.id);
    }
  }

  function announceHandover(handoverId: string): void {
    const details = findHandoverDetails(db, handoverId);
    if (details) {
      deps.emit('handover.changed', handoverView(details, clock.now()));
    }
  }

  /**
   * A drop left untouched ends after the bank's inactivity timer (C8), as a pickup does; never
   * while its door is open: whoever stands there is still putting the item in.
   */
  function touch(drop: PendingDrop): void {
    if (drop.timer) {
      clock.clearTimeout(drop.timer);
    }
    drop.timer = clock.setTimeout(() => {
      drop.timer = undefined;
      if (pending.get(drop.id) !== drop) {
        return;
      }
      if (drop.state === 'door_open') {
        touch(drop);
        return;
      }
      logger.info({ dropId: drop.id }, 'hand-over drop ended: nobody touched the kiosk');
      cancel(drop, 'inactivity');
      deps.emit('handover.dropChanged', view(drop));
    }, deps.settings().timers.inactivitySeconds * 1000);
  }

  /** Nothing was left: recorded, and the sender's code keeps working until its date. */
  function cancel(drop: PendingDrop, reason: 'sender' | 'inactivity'): void {
    db.transaction((tx) => recordIn(tx, clock.now(), 'handover.drop_cancelled', drop, { reason }));
    drop.state = 'cancelled';
    finish(drop);
  }

  function finish(drop: PendingDrop): void {
    if (drop.timer) {
      clock.clearTimeout(drop.timer);
      drop.timer = undefined;
    }
    drop.stopWatching();
    drop.release();
    pending.delete(drop.id);
    busy.delete(drop.handover.id);
  }

  function pendingOf(dropId: string): PendingDrop {
    const drop = pending.get(dropId);
    if (!drop) {
      throw new KioskError('not_found', { what: 'noun.handover_drop' });
    }
    return drop;
  }

  return {
    inProgress: (handoverId) => busy.has(handoverId),

    withCode: async (code, locale) => {
      const check = deps.codes.verifier.verifyTypedCode({
        code: code.trim(),
        purposes: ['return', 'exchange_drop_off'],
      });
      if (check.outcome !== 'accepted') {
        throw refusedCode(check);
      }
      const handover = findHandover(db, check.targetId);
      const sender = handover ? findContact(db, handover.senderContactId) : undefined;
      const receiver = handover?.receiverContactId
        ? findContact(db, handover.receiverContactId)
        : undefined;
      if (
        !handover ||
        handover.bankId !== bankId ||
        handover.state !== 'awaiting_drop' ||
        !sender ||
        (handover.kind === 'exchange' && !receiver)
      ) {
        // An accepted code whose hand-over moved on: the same answer as a wrong code.
        throw new KioskError('invalid_code');
      }
      if (busy.has(handover.id)) {
        throw handoverRefused('handovers.refused.code_in_use');
      }
      const drop: PendingDrop = {
        id: newDropId(),
        handover,
        senderCodeId: check.codeId,
        sender,
        receiver: receiver ?? null,
        locale,
        // Chosen by openNext before anything reads it; the drop is not visible until then.
        compartment: undefined as unknown as CompartmentRow,
        skipped: [],
        state: 'door_open',
        release: () => undefined,
        stopWatching: () => undefined,
        timer: undefined,
      };
      busy.add(handover.id);
      try {
        await openNext(drop);
      } catch (error) {
        busy.delete(handover.id);
        throw error;
      }
      pending.set(drop.id, drop);
      touch(drop);
      return view(drop);
    },

    reopen: async (dropId, locale) => {
      const drop = pendingOf(dropId);
      drop.locale = locale;
      touch(drop);
      if (drop.state === 'door_open') {
        return view(drop);
      }
      const outcome = (await deps.compartments.open(drop.compartment.id, actorOf(drop))).outcome;
      if (!doorOpened(outcome)) {
        throw new KioskError('hardware_unavailable');
      }
      if (pending.get(drop.id) === drop) {
        watch(drop);
      }
      return view(drop);
    },

    cancelDrop: (dropId) => {
      const drop = pendingOf(dropId);
      // The item may be inside an open door: only "nothing inside" can be given up.
      if (drop.state !== 'check_empty') {
        throw handoverRefused('handovers.refused.close_door_first');
      }
      cancel(drop, 'sender');
      return view(drop);
    },

    stop: () => {
      for (const drop of [...pending.values()]) {
        if (drop.timer) {
          clock.clearTimeout(drop.timer);
        }
        drop.stopWatching();
        drop.release();
      }
      pending.clear();
      busy.clear();
    },
  };
}
