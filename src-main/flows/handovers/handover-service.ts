import type {
  HandoverDropView,
  HandoverRequest,
  HandoverView,
} from '../../../src-shared/api/handover-methods.js';
import type { AllocationParty } from '../../../src-shared/allocation/index.js';
import type { EventPayload } from '../../../src-shared/api/contract.js';
import type { BankSettings } from '../../../src-shared/domain/bank-settings.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import type { Clock } from '../../../src-shared/time/clock.js';
import type { CompartmentService, DoorSensing } from '../../core/compartment-service.js';
import type { KioskDb } from '../../db/open-kiosk-database.js';
import type { Logger } from '../../logging/logger.js';
import type { DoorWatch } from '../door-watch.js';
import type { KioskCodes } from '../kiosk-codes.js';
import type { Actor } from '../kiosk-sessions.js';
import { createHandoverDesk } from './handover-desk.js';
import { createHandoverDrops } from './handover-drops.js';

/**
 * Returns and exchanges (D3, D4): see src-shared/api/handover-methods.ts. Each business action
 * is one transaction with its activity row; the sender's and receiver's codes and their notices
 * are written in the same transaction as the step that causes them.
 */
export interface HandoverService {
  create(actor: Actor, request: HandoverRequest, locale: Locale): HandoverView;
  list(actor: Actor): HandoverView[];
  cancel(actor: Actor, handoverId: string): HandoverView;
  collect(actor: Actor, handoverId: string, locale: Locale): Promise<HandoverView>;
  withCode(code: string, locale: Locale): Promise<HandoverDropView>;
  reopen(dropId: string, locale: Locale): Promise<HandoverDropView>;
  cancelDrop(dropId: string): HandoverDropView;
  /**
   * Parcels a pickup just took out (E1): an exchange's hand-over reads `picked_up` from its
   * parcel, and the mailroom's list is told.
   */
  parcelsTaken(parcelIds: readonly string[]): void;
  stop(): void;
}

export type HandoverEventName = 'handover.dropChanged' | 'handover.changed';

/** Pushes a hand-over event to the screens (the dispatcher's emit). */
export type HandoverEmit = <E extends HandoverEventName>(
  event: E,
  payload: EventPayload<E>,
) => void;

export interface HandoverDependencies {
  db: KioskDb;
  clock: Clock;
  logger: Logger;
  bankId: string;
  /** Named in the notices. */
  bankName: string;
  compartments: Pick<CompartmentService, 'open'>;
  doors: DoorSensing;
  doorWatch: DoorWatch;
  codes: KioskCodes;
  settings: () => BankSettings;
  dedications: () => ReadonlyMap<string, AllocationParty>;
  /** Item sensors read by this bank's profile (X2): a door closed on nothing is no drop. */
  itemSensors: () => boolean;
  emit: HandoverEmit;
  /** After a commit that queued a notice (the mailbox relay writes it). */
  afterNotice?: () => void;
  /** Tests only; production draws 192 random bits (the drop id is the sender's handle). */
  newDropId?: () => string;
}

export function createHandoverService(deps: HandoverDependencies): HandoverService {
  const drops = createHandoverDrops(deps);
  const desk = createHandoverDesk(deps, drops);
  return {
    create: (actor, request) => desk.create(actor, request),
    list: () => desk.list(),
    cancel: (actor, handoverId) => desk.cancel(actor, handoverId),
    collect: (actor, handoverId) => desk.collect(actor, handoverId),
    withCode: (code, locale) => drops.withCode(code, locale),
    reopen: (dropId, locale) => drops.reopen(dropId, locale),
    cancelDrop: (dropId) => drops.cancelDrop(dropId),
    parcelsTaken: (parcelIds) => desk.parcelsTaken(parcelIds),
    stop: () => drops.stop(),
  };
}
