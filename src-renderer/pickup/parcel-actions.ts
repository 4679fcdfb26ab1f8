import type { PickupParcel, PickupView } from '../../src-shared/api/pickup-methods.js';
import { secondsLeft } from '../time/home-timer.js';

/** What the screen offers for one parcel right now. */
export type ParcelAction =
  | { kind: 'open' }
  /** X4: the door closed after the parcel was taken; it may be opened again for a while. */
  | { kind: 'reopen'; secondsLeft: number }
  | { kind: 'none' };

/**
 * E2: one "Open" per parcel when doors open one at a time; with all at once the screen has one
 * "Open all doors" instead (see `opensAllAtOnce`). A failed door offers nothing: the mailroom is
 * told, and pressing again would only pulse a jammed lock.
 */
export function parcelAction(view: PickupView, parcel: PickupParcel, nowMs: number): ParcelAction {
  switch (parcel.state) {
    case 'waiting':
      return view.openMode === 'one_at_a_time' ? { kind: 'open' } : { kind: 'none' };
    case 'taken':
      return parcel.reopenUntilMs !== null && parcel.reopenUntilMs > nowMs
        ? { kind: 'reopen', secondsLeft: secondsLeft(parcel.reopenUntilMs, nowMs) }
        : { kind: 'none' };
    case 'door_open':
    case 'door_failed':
      return { kind: 'none' };
  }
}

/** The parcels "Open all doors" opens: every one not opened yet. */
export function parcelsToOpenAll(view: PickupView): string[] {
  return view.openMode === 'all_at_once'
    ? view.parcels.filter((parcel) => parcel.state === 'waiting').map((parcel) => parcel.parcelId)
    : [];
}
