import type { StorageOptions, StorageVisit } from '../../src-shared/api/storage-methods.js';
import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import { isStayExpired } from '../../src-shared/domain/storage-stay.js';

/**
 * Where the person is on the storage screen. Before the core opens a door the screen leads
 * (start → size → duration → badge, or start → code); from then on the visit's step, as the core
 * says it, decides what is shown (`visit`).
 */
export type StoragePage = 'loading' | 'start' | 'code' | 'size' | 'duration' | 'badge' | 'visit';

/** The call in flight: the buttons wait, so two quick taps never pulse a lock twice. */
export type StorageBusy =
  'loading' | 'starting' | 'checking_badge' | 'opening' | 'extending' | 'ending' | 'giving_up';

export interface StorageScreenState {
  page: StoragePage;
  options: StorageOptions | undefined;
  size: CompartmentSize | undefined;
  /** The chosen stay: hours, or null for no end; undefined until chosen. */
  hours: number | null | undefined;
  visit: StorageVisit | undefined;
  /**
   * The code to come back with (X3): the core sends it once, so the screen keeps it until the
   * person says they noted it, whatever the core sends afterwards.
   */
  newCode: string | undefined;
  /** F5: the end the last extension reached, to confirm it in words. */
  extendedToMs: number | undefined;
  /** The storage was cancelled before anything went in (not ended after a stay). */
  cancelled: boolean;
  busy: StorageBusy | undefined;
  /** The core's refusal, already in the person's language. */
  error: string | undefined;
  /** `storage.finish` was sent: the person is leaving. */
  finished: boolean;
}

export function initialStorageState(): StorageScreenState {
  return {
    page: 'loading',
    options: undefined,
    size: undefined,
    hours: undefined,
    visit: undefined,
    newCode: undefined,
    extendedToMs: undefined,
    cancelled: false,
    busy: undefined,
    error: undefined,
    finished: false,
  };
}

/** Steps whose door stands open for this visit: the person must not be sent away now. */
export function doorInUse(state: Pick<StorageScreenState, 'page' | 'visit'>): boolean {
  const step = state.visit?.step;
  return (
    state.page === 'visit' && (step === 'filling' || step === 'door_open' || step === 'emptying')
  );
}

/**
 * G3 overstay: past its end a storage can only be ended. The core's word when it said so, else
 * the clock: a page left open while the stay passes its end must stop offering Open and Extend
 * then, not when the core next answers.
 */
export function isVisitExpired(
  visit: Pick<StorageVisit, 'expired' | 'endsAtMs'>,
  nowMs: number,
): boolean {
  return visit.expired || isStayExpired(visit.endsAtMs, nowMs);
}
