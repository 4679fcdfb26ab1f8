/**
 * Kinds of activity-log entries (G6). Each is also a fact the bank pushes to the cloud, as a
 * mutation of the same name (sync.md: the bank owns physical facts).
 */
export const activityTypes = [
  'compartment.unlock_requested',
  'compartment.unlock_observed',
  'door.opened',
  'door.closed',
  /** X2 alarm: a door opened that no unlock asked for. */
  'door.opened_without_command',
  /** X2 alarm: a door stayed open longer than the profile's leftOpenAlarmMs. */
  'door.left_open',
  /** G4, X2: by an operator, or automatically (door failed to open, door forced open). */
  'compartment.taken_out_of_service',
  /** G4: an operator put it back; its count of failed openings starts again from zero. */
  'compartment.returned_to_service',
  /** G5 from the cloud: a remote open command opened the door, or had expired (sync.md). */
  'compartment.remote_opened',
  'compartment.remote_open_expired',
  /** X7: the bank's hardware profile was edited (settings and compartment wiring). */
  'hardware.profile_saved',
  /** Commissioning walk: one door pulsed and what its sensor saw. */
  'commissioning.checked',
  /** A7, A8: sign-in at the kiosk (never the typed user name or password). */
  'session.signed_in',
  'session.sign_in_failed',
  'session.ended',
  /** D1–D10: a deposit began (door asked to open), was completed (door closed on it), or not. */
  'parcel.deposit_started',
  'parcel.deposited',
  'parcel.deposit_cancelled',
  /** X5: the parcel did not fit the compartment it was given. */
  'parcel.needs_bigger_door',
  /** E1–E4, X4: a recipient proved who they are, opened a door, took a parcel, re-opened. */
  'pickup.started',
  'pickup.door_requested',
  'parcel.picked_up',
  'pickup.reopened',
  /** G3: an operator took expired parcels out. */
  'parcel.removal_started',
  'parcel.removed',
  /**
   * F1–F5, G3: personal storage. A walk-up or a claimed booking opens a door (start_requested),
   * is cancelled with nothing inside or starts when the door closes on the things; opened during
   * the stay, extended, ended by its owner (end_requested, ended); booked and withdrawn from
   * outside (F2); emptied by an operator after its end (emptying_started, emptied).
   */
  'storage.start_requested',
  'storage.start_cancelled',
  'storage.started',
  'storage.opened',
  'storage.extended',
  'storage.end_requested',
  'storage.ended',
  'storage.booked',
  'storage.booking_cancelled',
  'storage.emptying_started',
  'storage.emptied',
  /** D2: an advance reservation made, used or cancelled at the kiosk. */
  'reservation.created',
  'reservation.cancelled',
  /**
   * D3, D4: a return or exchange reserved, withdrawn; its item dropped at the kiosk (door asked
   * to open, drop cancelled, item in); a return collected by the mailroom.
   */
  'handover.created',
  'handover.cancelled',
  'handover.drop_started',
  'handover.drop_cancelled',
  'handover.dropped',
  'handover.collect_started',
  'handover.collected',
  /** The ready-for-pickup message was queued for the cloud to send (never the code itself). */
  'notification.queued',
  /** C2, C3, C5, C7, C8. */
  'bank.settings_saved',
] as const;
export type ActivityType = (typeof activityTypes)[number];
