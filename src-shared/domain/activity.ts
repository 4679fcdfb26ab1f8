/**
 * Kinds of activity-log entries (G6). Each is also a fact the bank pushes to the cloud, as a
 * mutation of the same name (sync.md: the bank owns physical facts).
 */
export const activityTypes = [
  'compartment.unlock_requested',
  'compartment.unlock_observed',
  'door.opened',
  'door.closed',
] as const;
export type ActivityType = (typeof activityTypes)[number];
