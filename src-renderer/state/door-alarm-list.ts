import type { EventPayload } from '../../src-shared/api/contract.js';
import type { DoorAlarm } from '../../src-shared/domain/door.js';

/** One door alarm on the operator screen (X2), kept until an operator dismisses it. */
export interface DoorAlarmEntry {
  /** Unique within this page, for dismissing and for keyed lists. */
  id: number;
  compartmentId: string;
  label: string;
  alarm: DoorAlarm;
  receivedAt: number;
}

/** Older alarms beyond this fall off: a screen full of alarms is read no better than twenty. */
export const maxDoorAlarms = 20;

/**
 * The list after a new alarm: newest first. The same alarm again for the same door replaces its
 * older entry (it is one problem still going on, now with a newer time) rather than piling up.
 */
export function addDoorAlarm(
  alarms: readonly DoorAlarmEntry[],
  payload: EventPayload<'door.alarm'>,
  id: number,
  receivedAt: number,
): DoorAlarmEntry[] {
  const entry: DoorAlarmEntry = { id, ...payload, receivedAt };
  const others = alarms.filter(
    (other) => other.compartmentId !== payload.compartmentId || other.alarm !== payload.alarm,
  );
  return [entry, ...others].slice(0, maxDoorAlarms);
}

export function dismissDoorAlarm(alarms: readonly DoorAlarmEntry[], id: number): DoorAlarmEntry[] {
  return alarms.filter((entry) => entry.id !== id);
}
