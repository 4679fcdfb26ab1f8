import { z } from 'zod';

/**
 * What the kiosk observed after asking a lock to open (X2). "Pulse sent" is never reported as
 * "open": only a door sensor reading can say that.
 * - door_seen_open: a poll after the pulse saw the door open.
 * - door_already_open: the door was open before the pulse, so none was needed.
 * - jammed: the board answered polls but the door never opened within the timeout.
 * - outcome_unknown: the board stopped answering; nothing is assumed.
 */
export const unlockOutcomes = [
  'door_seen_open',
  'door_already_open',
  'jammed',
  'outcome_unknown',
] as const;
export const UnlockOutcome = z.enum(unlockOutcomes);
export type UnlockOutcome = z.infer<typeof UnlockOutcome>;

export const hardwareStatuses = ['ok', 'degraded'] as const;
export const HardwareStatus = z.enum(hardwareStatuses);
export type HardwareStatus = z.infer<typeof HardwareStatus>;

/**
 * Door alarms (X2): raised on the operator screen and logged as facts.
 * - opened_without_command: a door opened that no unlock asked for (forced, or a faulty lock).
 * - left_open: a door stayed open longer than the profile allows.
 * - failed_to_open: an unlock was sent and the door was not seen open.
 */
export const doorAlarms = ['opened_without_command', 'left_open', 'failed_to_open'] as const;
export const DoorAlarm = z.enum(doorAlarms);
export type DoorAlarm = z.infer<typeof DoorAlarm>;
