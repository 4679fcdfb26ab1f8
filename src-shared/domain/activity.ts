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
  /** X7: the bank's hardware profile was edited (settings and compartment wiring). */
  'hardware.profile_saved',
  /** Commissioning walk: one door pulsed and what its sensor saw. */
  'commissioning.checked',
] as const;
export type ActivityType = (typeof activityTypes)[number];
