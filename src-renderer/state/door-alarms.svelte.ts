import type { KioskClient } from '../kiosk-client.js';
import { addDoorAlarm, dismissDoorAlarm, type DoorAlarmEntry } from './door-alarm-list.js';

/** Door alarms pushed by the core, newest first, until dismissed (X2). */
export class DoorAlarmState {
  alarms: readonly DoorAlarmEntry[] = $state.raw([]);
  #nextId = 1;

  /** Follows the core's `door.alarm` events. Returns a function that stops. */
  start(client: KioskClient, now: () => number): () => void {
    return client.on('door.alarm', (payload) => {
      this.alarms = addDoorAlarm(this.alarms, payload, this.#nextId, now());
      this.#nextId += 1;
    });
  }

  dismiss(id: number): void {
    this.alarms = dismissDoorAlarm(this.alarms, id);
  }
}
