import type { RecipientMatch } from '../../src-shared/api/drop-off-methods.js';
import type { HandoverKind, HandoverRequest } from '../../src-shared/api/handover-methods.js';
import type { CompartmentSize } from '../../src-shared/domain/compartment.js';

/** How the item is known: no number, the one it already has, or one the bank makes up (D4). */
export type TrackingChoice = 'none' | 'typed' | 'generate';

/** The new return or exchange as the mailroom fills it in. */
export interface HandoverDraft {
  kind: HandoverKind;
  /** Who brings the item (return) or leaves it (exchange). */
  sender: RecipientMatch | null;
  /** Exchange only: who picks it up. */
  receiver: RecipientMatch | null;
  size: CompartmentSize | null;
  tracking: TrackingChoice;
  trackingText: string;
  dropWithinDays: number;
}

/** The contract's bounds (handover-methods.ts), said once for the form and its checks. */
export const dropDaysRange = { min: 1, max: 30, default: 7 } as const;
export const trackingNumberMaxLength = 64;

export function newHandoverDraft(kind: HandoverKind): HandoverDraft {
  return {
    kind,
    sender: null,
    receiver: null,
    size: null,
    tracking: 'none',
    trackingText: '',
    dropWithinDays: dropDaysRange.default,
  };
}

/** One question at a time on a touchscreen: the sender, then (exchange) the receiver, then the rest. */
export type DraftStep = 'sender' | 'receiver' | 'details';

export function draftStep(draft: HandoverDraft): DraftStep {
  if (draft.sender === null) {
    return 'sender';
  }
  if (draft.kind === 'exchange' && draft.receiver === null) {
    return 'receiver';
  }
  return 'details';
}

/** The days to drop it off, one more or one less, never outside what the core accepts. */
export function withDropDays(draft: HandoverDraft, change: number): HandoverDraft {
  const days = Math.min(
    dropDaysRange.max,
    Math.max(dropDaysRange.min, Math.round(draft.dropWithinDays + change)),
  );
  return { ...draft, dropWithinDays: days };
}

/** What stops the draft from being sent, in the order the form asks. */
export type DraftProblem =
  'sender' | 'receiver' | 'same_person' | 'size' | 'tracking' | 'tracking_too_long';

export type DraftCheck =
  { ok: true; request: HandoverRequest } | { ok: false; problem: DraftProblem };

/**
 * The request `handover.create` gets, or the first thing still missing. Checked here so the
 * operator is told before anything is reserved; the core checks it all again.
 */
export function draftRequest(draft: HandoverDraft): DraftCheck {
  const { sender, receiver, size } = draft;
  if (sender === null) {
    return { ok: false, problem: 'sender' };
  }
  if (draft.kind === 'exchange') {
    if (receiver === null) {
      return { ok: false, problem: 'receiver' };
    }
    if (receiver.id === sender.id) {
      return { ok: false, problem: 'same_person' };
    }
  }
  if (size === null) {
    return { ok: false, problem: 'size' };
  }
  const typed = draft.trackingText.trim();
  if (draft.tracking === 'typed') {
    if (typed === '') {
      return { ok: false, problem: 'tracking' };
    }
    if (typed.length > trackingNumberMaxLength) {
      return { ok: false, problem: 'tracking_too_long' };
    }
  }
  return {
    ok: true,
    request: {
      kind: draft.kind,
      senderContactId: sender.id,
      receiverContactId: draft.kind === 'exchange' ? (receiver?.id ?? null) : null,
      size,
      trackingNumber: draft.tracking === 'typed' ? typed : null,
      generateTrackingNumber: draft.tracking === 'generate',
      dropWithinDays: draft.dropWithinDays,
    },
  };
}
