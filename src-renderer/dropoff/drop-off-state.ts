import type {
  CompartmentBrief,
  DepositView,
  IdentifiedParcel,
  PlacementChoice,
  PlacementProposal,
  RecipientMatch,
  ReservationView,
} from '../../src-shared/api/drop-off-methods.js';
import type { DropOffSettings } from '../../src-shared/domain/bank-settings.js';
import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import type { Carrier } from '../../src-shared/domain/scan.js';

/**
 * The drop-off screen's state as plain data: one parcel at a time through label, recipient,
 * placement and the open door. Transitions live in drop-off-flow.ts; this file only says what
 * the screen can be showing, so the components and the tests read one shape.
 */

/** `loading` waits for the bank's drop-off settings: they decide which steps are asked. */
export type DropOffStep = 'loading' | 'label' | 'recipient' | 'placement' | 'deposit';

/** What the kiosk is waiting for; buttons that would start a second call stay disabled. */
export type DropOffBusy =
  'loading' | 'identifying' | 'opening' | 'bigger_door' | 'reopening' | 'cancelling';

/** What the operator should do next after a refusal, one per kind of action that failed. */
export type DropOffHint =
  | 'load'
  | 'reservations'
  | 'identify'
  | 'scan_not_label'
  | 'search'
  | 'propose'
  | 'hand_choice'
  | 'start'
  | 'bigger_door'
  | 'reopen'
  | 'cancel';

/** A refusal to show: the core's message (already in the person's language) and the next step. */
export interface DropOffProblem {
  /** Absent when the screen itself noticed the problem (a scan that is not a label). */
  message: string | undefined;
  hint: DropOffHint;
}

/** The parcel being dropped off, filled in step by step (or all at once by a label or reservation). */
export interface ParcelDraft {
  /** Scanned, typed, or explicitly skipped ("No label"): the label step is done. */
  labelDone: boolean;
  trackingNumber: string | null;
  carrier: Carrier | null;
  /** D9: the parcel was received in inbound tracking. */
  expectedParcelId: string | null;
  /** D2: the reservation this parcel fills. */
  reservation: ReservationView | null;
  recipient: RecipientMatch | null;
  /** The size the operator (or the reservation) says the parcel needs. */
  parcelSize: CompartmentSize | null;
}

export interface RecipientSearchView {
  query: string;
  results: readonly RecipientMatch[];
  /** The query the results answer; differs from `query` while a newer search is pending. */
  answeredQuery: string;
  searching: boolean;
}

export interface PlacementView {
  /** Undefined while the bank wants the operator to pick a size first (C2). */
  choice: PlacementChoice | undefined;
  proposal: PlacementProposal | undefined;
  proposing: boolean;
  /** D8: the free compartments, once the operator asked to choose by hand. */
  handChoice: readonly CompartmentBrief[] | undefined;
  handChoiceLoading: boolean;
}

export interface DropOffState {
  step: DropOffStep;
  settings: DropOffSettings | undefined;
  reservations: readonly ReservationView[];
  draft: ParcelDraft;
  search: RecipientSearchView;
  placement: PlacementView;
  deposit: DepositView | undefined;
  /** X5: the door left behind for a bigger one; the operator may close it empty. */
  leftEmptyLabel: string | undefined;
  busy: DropOffBusy | undefined;
  problem: DropOffProblem | undefined;
}

export function emptyDraft(recipient: RecipientMatch | null = null): ParcelDraft {
  return {
    labelDone: false,
    trackingNumber: null,
    carrier: null,
    expectedParcelId: null,
    reservation: null,
    recipient,
    parcelSize: null,
  };
}

export const emptySearch: RecipientSearchView = {
  query: '',
  results: [],
  answeredQuery: '',
  searching: false,
};

export const emptyPlacement: PlacementView = {
  choice: undefined,
  proposal: undefined,
  proposing: false,
  handChoice: undefined,
  handChoiceLoading: false,
};

export function initialDropOffState(): DropOffState {
  return {
    step: 'loading',
    settings: undefined,
    reservations: [],
    draft: emptyDraft(),
    search: emptySearch,
    placement: emptyPlacement,
    deposit: undefined,
    leftEmptyLabel: undefined,
    busy: undefined,
    problem: undefined,
  };
}

/** A reservation tapped in the list (D2, D10): everything it knows goes into the draft. */
export function draftFromReservation(
  draft: ParcelDraft,
  reservation: ReservationView,
): ParcelDraft {
  return {
    ...draft,
    labelDone: draft.labelDone || reservation.trackingNumber !== null,
    trackingNumber: reservation.trackingNumber ?? draft.trackingNumber,
    reservation,
    recipient: reservation.recipient,
    parcelSize: reservation.size,
  };
}

/**
 * What a label told the core, over what the draft already held: a reservation for this parcel
 * (D2) or an inbound parcel's recipient (D9) wins over a recipient kept from the last parcel,
 * because the label names this parcel and the kept one was only a guess.
 */
export function draftFromIdentified(draft: ParcelDraft, parcel: IdentifiedParcel): ParcelDraft {
  const labelled: ParcelDraft = {
    ...draft,
    labelDone: true,
    trackingNumber: parcel.trackingNumber,
    carrier: parcel.carrier,
    expectedParcelId: parcel.expectedParcelId,
  };
  if (parcel.reservation) {
    return draftFromReservation(labelled, parcel.reservation);
  }
  if (parcel.recipient) {
    return { ...labelled, recipient: parcel.recipient };
  }
  return labelled;
}

/** The step a draft goes to once its label is done: straight to placement when the recipient is known. */
export function stepAfterLabel(draft: ParcelDraft): DropOffStep {
  if (!draft.labelDone) {
    return 'label';
  }
  return draft.recipient ? 'placement' : 'recipient';
}

/**
 * How placement starts (C2): a reservation holds its own compartment, a bank that wants the
 * operator to say the size waits for it, otherwise the engine chooses.
 */
export function firstPlacementChoice(
  draft: ParcelDraft,
  settings: DropOffSettings | undefined,
): PlacementChoice | undefined {
  if (draft.reservation) {
    return { kind: 'engine' };
  }
  if (draft.parcelSize) {
    return { kind: 'size', size: draft.parcelSize };
  }
  return settings?.sizeChoice === 'operator' ? undefined : { kind: 'engine' };
}
